"""The protocol's dataset for an update's WHERE: written into the text for the embedded store, passed as
parameters to a remote one; both backends give the same result."""

import pyoxigraph as ox
import pytest

from graph import Store
from graph.errors import ProtocolError
from graph.update_dataset import UpdateDataset, check_no_own_dataset, written_in

G1, G2, OUT = "urn:test:g1", "urn:test:g2", "urn:test:out"
SEED = f"INSERT DATA {{ GRAPH <{G1}> {{ <urn:a> <urn:p> 1 }} GRAPH <{G2}> {{ <urn:b> <urn:p> 2 }} }}"
COPY = f"INSERT {{ GRAPH <{OUT}> {{ ?s <urn:copied> ?o }} }} WHERE {{ ?s <urn:p> ?o }}"


def contents(store: Store, graph: str) -> set[tuple[str, str, str]]:
    data, _ = store.export("nquads")
    return {(q.subject.value, q.predicate.value, q.object.value)
            for q in ox.parse(data, format=ox.RdfFormat.N_QUADS) if q.graph_name == ox.NamedNode(graph)}


def test_using_graph_uri_is_the_default_graph_of_the_where(empty_store):
    empty_store.update(SEED)
    empty_store.update(COPY)  # without a dataset the WHERE reads the store's own default graph: empty
    assert contents(empty_store, OUT) == set()
    empty_store.update(COPY, UpdateDataset(default=(G1,)))
    assert contents(empty_store, OUT) == {("urn:a", "urn:copied", "1")}
    empty_store.update(COPY, UpdateDataset(default=(G1, G2)))  # several graphs are merged
    assert contents(empty_store, OUT) == {("urn:a", "urn:copied", "1"), ("urn:b", "urn:copied", "2")}


def test_using_named_graph_uri_is_what_graph_patterns_see(empty_store):
    empty_store.update(SEED)
    update = f"INSERT {{ GRAPH <{OUT}> {{ ?s <urn:in> ?g }} }} WHERE {{ GRAPH ?g {{ ?s <urn:p> ?o }} }}"
    empty_store.update(update, UpdateDataset(named=(G2,)))
    assert contents(empty_store, OUT) == {("urn:b", "urn:in", G2)}


def test_delete_where_reads_the_given_dataset(empty_store):
    empty_store.update(SEED)
    delete = f"DELETE WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}"
    empty_store.update(delete, UpdateDataset(named=(G2,)))  # the WHERE cannot see g1: nothing goes
    assert contents(empty_store, G1) == {("urn:a", "urn:p", "1")}
    empty_store.update(delete, UpdateDataset(named=(G1,)))
    assert contents(empty_store, G1) == set()


@pytest.mark.parametrize("update", [
    f"WITH <{G2}> INSERT {{ ?s <urn:q> ?o }} WHERE {{ ?s <urn:p> ?o }}",
    f"INSERT {{ GRAPH <{OUT}> {{ ?s <urn:q> ?o }} }} USING <{G2}> WHERE {{ ?s <urn:p> ?o }}",
    f"INSERT {{ GRAPH <{OUT}> {{ ?s <urn:q> ?o }} }} using named <{G2}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
], ids=["with", "using", "using-named"])
def test_an_update_with_its_own_dataset_is_refused_and_nothing_written(empty_store, update):
    empty_store.update(SEED)
    with pytest.raises(ProtocolError, match="cannot go with USING or WITH"):
        empty_store.update(update, UpdateDataset(default=(G1,)))
    assert contents(empty_store, OUT) == set() and contents(empty_store, G2) == {("urn:b", "urn:p", "2")}


def test_a_graph_that_is_no_iri_is_refused():
    with pytest.raises(ProtocolError, match="'not an iri' is not an IRI"):
        UpdateDataset(default=("not an iri",))


def test_where_in_strings_comments_iris_and_subqueries_is_left_alone():
    update = ('PREFIX where: <http://example.org/where#> # WHERE { in a comment\n'
              'INSERT { ?s where:p """}WHERE {""" } WHERE { ?s ?p ?o { SELECT ?s WHERE { ?s ?p \'WHERE\' } } }')
    rewritten = written_in(update, UpdateDataset(default=("urn:g",)))
    assert rewritten == update.replace("} WHERE { ?s ?p ?o", "} USING <urn:g> WHERE { ?s ?p ?o")
    ox.Store().update(rewritten)  # still a valid update


def test_every_operation_with_a_where_gets_the_dataset_and_data_operations_none():
    update = ("INSERT DATA { <urn:a> <urn:b> 'x WHERE {' } ;\n"
              "delete # the short form, keyword split by a comment\n where { ?s ?p ?o } ;\n"
              "DELETE { ?s ?p ?o } INSERT { ?s ?p 2 } WHERE { ?s ?p 1 }")
    rewritten = written_in(update, UpdateDataset(default=("urn:d",), named=("urn:n",)))
    assert rewritten.count("USING <urn:d> USING NAMED <urn:n> ") == 2
    assert "delete # the short form, keyword split by a comment\n { ?s ?p ?o } USING" in rewritten
    ox.Store().update(rewritten)


def test_own_dataset_words_inside_groups_or_names_are_no_conflict():
    check_no_own_dataset("PREFIX with: <urn:w#> INSERT { ?s with:using 'WITH' } WHERE { ?s ?p ?using }")
    with pytest.raises(ProtocolError):
        check_no_own_dataset("# a comment\nwith <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
