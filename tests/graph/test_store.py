import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from graph import IRI, QuerySyntaxError, UnknownFormat, queries
from graph.embedded import EmbeddedStore as Store
from ontology import SKOS, VK

G = "https://w3id.org/veikart/graph/document/a"
DOC = "https://w3id.org/veikart/id/document/a"


def quads(label: str, content_hash: str = "h1"):
    item = URIRef("https://w3id.org/veikart/id/initiative/x")
    return [(item, SKOS.prefLabel, Literal(label, lang="nb"), URIRef(G)),
            (URIRef(DOC), VK.contentHash, Literal(content_hash), URIRef(G))]


def labels(store: Store) -> set[str]:
    return {s["o"] for s in _rows(store, "SELECT ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }")}


def _rows(store, text):
    return [{"o": sol["o"].value} for sol in store.query(text)]


@pytest.mark.parametrize("name", queries.names())
def test_every_query_file_parses(name):
    ox.Store().query(queries.load(name))


def test_replace_graph_replaces_the_whole_graph(tmp_path):
    store = Store(tmp_path)
    store.replace_graph(G, quads("Før", "h1"))
    store.replace_graph(G, quads("Etter", "h2"))
    assert labels(store) == {"Etter"}


def test_remove_document_drops_its_graph_only(tmp_path):
    store = Store(tmp_path)
    store.replace_graph(G, quads("A"))
    store.replace_graph(G + "2", [(s, p, Literal("B", lang="nb") if p == SKOS.prefLabel else o, URIRef(G + "2"))
                                  for s, p, o, _ in quads("B")])
    assert store.remove_graph(G)
    assert not store.remove_graph(G)
    assert labels(store) == {"B"}


def test_store_reopens_from_disk(tmp_path):
    store = Store(tmp_path / "s")
    store.replace_graph(G, quads("Varig"))
    del store
    assert labels(Store(tmp_path / "s")) == {"Varig"}


def test_select_binds_parameters_as_terms_not_text(tmp_path):
    store = Store(tmp_path)
    store.replace_graph(G, quads("A", "h1"))
    assert store.content_hash(G, DOC) == "h1"
    with pytest.raises(ValueError):
        store.select("content_hash", graph=IRI(G), document=IRI(DOC + "> } #"))
    assert store.select("content_hash", graph=IRI(G), hash="h1\" } #") == []


def test_malformed_query_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError):
        Store().query("SELEKT nothing")


@pytest.mark.parametrize("fmt,parse_format", [("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG),
                                               ("nquads", ox.RdfFormat.N_QUADS), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_export_formats_parse_back(fmt, parse_format):
    store = Store()
    store.replace_graph(G, quads("A"))
    data, _ = store.export(fmt)
    assert len(list(ox.parse(data, format=parse_format))) == 2


def test_unknown_export_format_is_refused():
    with pytest.raises(UnknownFormat):
        Store().export("xls")


def test_store_creates_missing_parent_folders(tmp_path):
    Store(tmp_path / "data" / "store").replace_graph(G, quads("A"))
    assert (tmp_path / "data" / "store").is_dir()
