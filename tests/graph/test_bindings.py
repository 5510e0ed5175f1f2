"""Bound parameters on the remote store (a real ``oxigraph serve``) give the embedded store's answers:
for every query of graph/queries over the sample corpus, and for queries whose text holds ``WHERE {``
before their own WHERE group."""

from collections import Counter

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from api.ingestion import ingest_document, install_vocabularies
from graph import IRI, QuerySyntaxError, Store, open_store, queries
from graph.bindings import bind
from graph.remote import RemoteStore
from ingest import read
from ontology import SKOS, STATE_GRAPH
from testkit.sample import CORPUS

# The variables each query is bound on, as its callers bind them; a query added to graph/queries must be
# added here. The values come from the query's unbound answer.
BOUND = {
    "co_mentions": ["initiative"], "content_hash": ["graph", "document"], "dependencies": ["dependent"],
    "document_annotations": ["document"], "document_text": ["document"], "documents": ["document"],
    "goal_links": ["notation"], "goals": ["goal"], "graphs": ["graph"],
    "index_alt_labels": ["graph"], "index_dependencies": ["graph"], "index_entities": ["graph"],
    "index_sentences": ["graph"],
    "mentions": ["entity"], "phase_statements": ["initiative"], "phases": ["notation"], "revision": ["state"],
    "revisions": ["state"], "role_kinds": [], "roles": ["actor"], "status_notes": ["initiative"],
}
CONSTRUCTED = {"description": {"entity": IRI("https://w3id.org/veikart/id/initiative/kjernejournal")}}


@pytest.fixture(scope="module")
def twins(oxigraph, extractor, tmp_path_factory) -> tuple[Store, Store]:
    """The sample corpus on a remote store, and the same quads (its revisions too) in an embedded store."""
    server = oxigraph("bindings")
    server.clear()
    remote = open_store(server.url)
    assert isinstance(remote, RemoteStore)
    install_vocabularies(remote)
    for path in CORPUS:
        ingest_document(remote, extractor, read(path))
    dataset = httpx.get(remote.graph_store_endpoint, headers={"accept": "application/n-quads"})
    folder = tmp_path_factory.mktemp("embedded-twin")
    ox.Store(str(folder)).bulk_load(dataset.content, format=ox.RdfFormat.N_QUADS)  # closed when dropped
    return open_store(str(folder)), remote


def bindings_of(name: str, store: Store) -> dict[str, object]:
    rows = store.select(name)
    row = rows[len(rows) // 2]
    return {var: IRI(row[var]) if str(row[var]).startswith("https://") else row[var] for var in BOUND[name]}


def as_set(rows: list[dict[str, object]]) -> Counter:
    """The rows whatever their order, which a query without ORDER BY leaves to the store."""
    return Counter(tuple(sorted(row.items())) for row in rows)


def test_every_query_file_has_its_bound_variables_named():
    assert sorted([*BOUND, *CONSTRUCTED]) == queries.names()


@pytest.mark.parametrize("name", [name for name in queries.names() if name not in CONSTRUCTED])
def test_a_bound_query_answers_the_same_on_both_backends(twins, name):
    embedded, remote = twins
    bindings = bindings_of(name, embedded)
    expected = embedded.select(name, **bindings)
    assert expected  # the bound value is one the store holds
    assert as_set(remote.select(name, **bindings)) == as_set(expected)


@pytest.mark.parametrize("name", CONSTRUCTED)
def test_a_bound_construct_gives_the_same_triples_on_both_backends(twins, name):
    embedded, remote = twins
    expected = set(embedded.construct(name, **CONSTRUCTED[name]))
    assert expected  # the bound value is one the store holds
    assert set(remote.construct(name, **CONSTRUCTED[name])) == expected


WHERE_IN_A_COMMENT = """# The label of ?item. A comment may say WHERE { ?item ?p ?o } before the query.
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?item ?label # WHERE { ?item skos:altLabel ?label }
WHERE { ?item skos:prefLabel ?label FILTER(?label != "WHERE { ?x }") }"""

SUBQUERY_FIRST = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?item ?label ?labels ?narrower {
  { SELECT (COUNT(*) AS ?labels) WHERE { ?any skos:prefLabel ?anyLabel } }
  ?item skos:prefLabel ?label .
  OPTIONAL { ?narrower skos:broader ?item }
}"""

EXISTS_FIRST = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?item (EXISTS { SELECT ?x WHERE { ?x skos:broader ?y } } AS ?nested) ?label
WHERE { ?item skos:prefLabel ?label }"""


@pytest.fixture(scope="module")
def small_twins(oxigraph, tmp_path_factory) -> tuple[Store, Store]:
    graph = "https://w3id.org/veikart/graph/document/a"
    items = [URIRef(f"https://w3id.org/veikart/id/initiative/{n}") for n in ("x", "y")]
    quads = [(items[0], SKOS.prefLabel, Literal("X", lang="nb"), URIRef(graph)),
             (items[1], SKOS.prefLabel, Literal("Y", lang="nb"), URIRef(graph)),
             (items[1], SKOS.broader, items[0], URIRef(graph))]
    server = oxigraph("small-bindings")
    server.clear()
    stores = open_store(str(tmp_path_factory.mktemp("small"))), open_store(server.url)
    for store in stores:
        store.replace_graph(graph, quads)
    return stores


@pytest.mark.parametrize("query", [WHERE_IN_A_COMMENT, SUBQUERY_FIRST, EXISTS_FIRST],
                         ids=["comment", "subquery", "exists"])
def test_where_before_the_where_group_does_not_mislead_the_binding(small_twins, query):
    embedded, remote = small_twins
    bindings = {"item": IRI("https://w3id.org/veikart/id/initiative/x")}
    expected = embedded._select(query, bindings)
    assert [row["label"] for row in expected] == ["X"]
    assert as_set(remote._select(query, bindings)) == as_set(expected)


def test_only_a_selected_variable_can_be_bound():
    with pytest.raises(ValueError, match=r"does not select \?item"):
        bind("SELECT ?s WHERE { ?s ?p ?item }", {"item": ox.NamedNode(STATE_GRAPH)})


def test_a_query_that_is_not_a_select_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError):
        bind("ASK { ?s ?p ?o }", {"s": ox.NamedNode(STATE_GRAPH)})
