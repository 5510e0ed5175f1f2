"""The store interface, on both backends; what only the embedded store does, on it alone."""

import json

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from graph import IRI, InvalidData, QuerySyntaxError, Store, UnknownFormat, queries
from graph.embedded import EmbeddedStore
from ontology import SKOS, VK

G = "https://w3id.org/veikart/graph/document/a"
DOC = "https://w3id.org/veikart/id/document/a"


def quads(label: str, content_hash: str = "h1"):
    item = URIRef("https://w3id.org/veikart/id/initiative/x")
    return [(item, SKOS.prefLabel, Literal(label, lang="nb"), URIRef(G)),
            (URIRef(DOC), VK.contentHash, Literal(content_hash), URIRef(G))]


def labels(store: Store) -> set[str]:
    body, _ = store.answer("SELECT ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }",
                           "application/sparql-results+json")
    return {b["o"]["value"] for b in json.loads(body)["results"]["bindings"]}


@pytest.mark.parametrize("name", queries.names())
def test_every_query_file_parses(name):
    ox.Store().query(queries.load(name))


def test_replace_graph_replaces_the_whole_graph(empty_store):
    store = empty_store
    store.replace_graph(G, quads("Før", "h1"))
    store.replace_graph(G, quads("Etter", "h2"))
    assert labels(store) == {"Etter"}


def test_a_graph_replaced_by_no_triples_is_gone(empty_store):
    store = empty_store
    store.replace_graph(G, quads("Før"))
    store.replace_graph(G, [])
    assert labels(store) == set()
    assert G not in store.graphs()


def test_remove_document_drops_its_graph_only(empty_store):
    store = empty_store
    store.replace_graph(G, quads("A"))
    store.replace_graph(G + "2", [(s, p, Literal("B", lang="nb") if p == SKOS.prefLabel else o, URIRef(G + "2"))
                                  for s, p, o, _ in quads("B")])
    assert store.remove_graph(G)
    assert not store.remove_graph(G)
    assert labels(store) == {"B"}


def test_store_reopens_from_disk(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    store.replace_graph(G, quads("Varig"))
    del store
    assert labels(EmbeddedStore(tmp_path / "s")) == {"Varig"}


def test_select_binds_parameters_as_terms_not_text(empty_store):
    store = empty_store
    store.replace_graph(G, quads("A", "h1"))
    assert store.content_hash(G, DOC) == "h1"
    with pytest.raises(ValueError):
        store.select("content_hash", graph=IRI(G), document=IRI(DOC + "> } #"))
    assert store.select("content_hash", graph=IRI(G), hash="h1\" } #") == []


def test_malformed_query_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError):
        EmbeddedStore().query("SELEKT nothing")


@pytest.mark.parametrize("fmt,parse_format", [("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG),
                                               ("nquads", ox.RdfFormat.N_QUADS)])
def test_export_formats_parse_back(empty_store, fmt, parse_format):
    empty_store.replace_graph(G, quads("A"))
    data, _ = empty_store.export(fmt)
    assert len(list(ox.parse(data, format=parse_format))) == 2


def test_unknown_export_format_is_refused(empty_store):
    with pytest.raises(UnknownFormat):
        empty_store.export("xls")


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_an_export_loads_back_graph_by_graph(empty_store, tmp_path, fmt):
    empty_store.replace_graph(G, quads("A"))
    empty_store.replace_graph(G + "2", quads("B"))
    data, _ = empty_store.export(fmt)
    copy = EmbeddedStore(tmp_path / "copy")
    copy.replace_graph(G, quads("Old"))
    assert copy.load(data, fmt) == {G: 2, G + "2": 2}
    assert labels(copy) == {"A", "B"} and copy.graphs() == [G, G + "2"]


@pytest.mark.parametrize("data", [b"<urn:a> <urn:b> <urn:c> <urn:g> .\n<urn:a> <urn:b>", b"<urn:a> <urn:b> <urn:c> ."])
def test_data_that_does_not_parse_or_lacks_a_graph_loads_nothing(empty_store, data):
    empty_store.replace_graph(G, quads("A"))
    with pytest.raises(InvalidData):
        empty_store.load(data, "nquads")
    assert empty_store.graphs() == [G] and labels(empty_store) == {"A"}


def test_every_write_moves_the_revision_of_the_store_and_of_its_graph(empty_store):
    empty_store.replace_graph(G, quads("A"))
    first, graphs = empty_store.revision(), empty_store.revisions()
    empty_store.replace_graph(G + "2", quads("B"))
    assert empty_store.revision() != first
    assert empty_store.revisions()[G] == graphs[G]  # the other graph did not change
    empty_store.update(f"INSERT DATA {{ GRAPH <{G}> {{ <urn:x> <urn:y> 1 }} }}")
    assert empty_store.revisions()[G] != graphs[G]  # a client's update may have touched any graph
    assert empty_store.remove_graph(G) and G not in empty_store.revisions()


def test_a_store_without_query_workers_answers_in_its_own_process(tmp_path):
    store = EmbeddedStore(tmp_path / "store", query_workers=False)
    store.replace_graph(G, quads("A"))
    assert labels(store) == {"A"}
    assert not (tmp_path / "store.views").exists()  # query workers read views published beside the store


def test_store_creates_missing_parent_folders(tmp_path):
    EmbeddedStore(tmp_path / "data" / "store").replace_graph(G, quads("A"))
    assert (tmp_path / "data" / "store").is_dir()
