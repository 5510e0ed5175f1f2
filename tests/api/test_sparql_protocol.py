"""The SPARQL 1.1 Protocol beyond plain queries: the dataset of an update, updates refused by GET, the
service description by content negotiation, ETags on query results."""

import pytest
from rdflib import Graph, URIRef

from api.service_description import SD
from testkit.sample import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
G1, G2, COPY = "urn:test:g1", "urn:test:g2", "urn:test:copy"
SEED = f"INSERT DATA {{ GRAPH <{G1}> {{ <urn:a> <urn:p> 1 }} GRAPH <{G2}> {{ <urn:b> <urn:p> 2 }} }}"
COPY_DEFAULT = f"INSERT {{ GRAPH <{COPY}> {{ ?s <urn:copied> ?o }} }} WHERE {{ ?s <urn:p> ?o }}"
COPY_NAMED = f"INSERT {{ GRAPH <{COPY}> {{ ?s <urn:from> ?g }} }} WHERE {{ GRAPH ?g {{ ?s <urn:p> ?o }} }}"
UPDATE = {"Content-Type": "application/sparql-update", **AUTH}


def copied(client) -> set[tuple[str, str]]:
    query = f"SELECT ?s ?o WHERE {{ GRAPH <{COPY}> {{ ?s ?p ?o }} }}"
    rows = client.get("/sparql", params={"query": query}, headers={"Accept": "application/json"}).json()
    return {(r["s"]["value"], r["o"]["value"]) for r in rows["results"]["bindings"]}


def test_using_graph_uri_in_the_url_sets_the_default_graph_of_the_where(write_client):
    assert write_client.post("/sparql", content=SEED, headers=UPDATE).status_code == 204
    response = write_client.post("/sparql", params={"using-graph-uri": G2}, content=COPY_DEFAULT, headers=UPDATE)
    assert response.status_code == 204
    assert copied(write_client) == {("urn:b", "2")}


def test_using_named_graph_uri_in_a_form_sets_the_named_graphs_of_the_where(write_client):
    write_client.post("/sparql", content=SEED, headers=UPDATE)
    response = write_client.post("/sparql", data={"update": COPY_NAMED, "using-named-graph-uri": [G1]}, headers=AUTH)
    assert response.status_code == 204
    assert copied(write_client) == {("urn:a", G1)}


def test_using_graph_uri_beside_the_update_own_using_is_a_400_and_nothing_is_written(write_client):
    write_client.post("/sparql", content=SEED, headers=UPDATE)
    own = COPY_DEFAULT.replace("WHERE", f"USING <{G1}> WHERE")
    response = write_client.post("/sparql", params={"using-graph-uri": G2}, content=own, headers=UPDATE)
    assert response.status_code == 400
    assert response.json()["detail"] == ("using-graph-uri and using-named-graph-uri cannot go with USING or WITH "
                                         "in the update")
    assert copied(write_client) == set()


def test_a_using_graph_uri_that_is_no_iri_is_a_400(write_client):
    response = write_client.post("/sparql", data={"update": COPY_DEFAULT, "using-graph-uri": "two words"},
                                 headers=AUTH)
    assert response.status_code == 400 and response.json()["detail"].startswith("the graph 'two words' is not an IRI")


def test_an_update_by_get_is_a_400_and_nothing_is_written(write_client):
    response = write_client.get("/sparql", params={"update": SEED}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["detail"] == ("a SPARQL update is sent by POST (application/sparql-update, or a form "
                                         "with 'update'), never by GET")
    ask = write_client.get("/sparql", params={"query": f"ASK {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}"},
                           headers={"Accept": "application/json"})
    assert ask.json()["boolean"] is False


@pytest.mark.parametrize("media, rdflib_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                  ("application/rdf+xml", "xml"), ("application/n-triples", "nt")])
def test_the_service_description_lists_every_named_graph_in_each_format(client, corpus_store, media, rdflib_format):
    response = client.get("/sparql", headers={"Accept": media})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    description = Graph().parse(data=response.content, format=rdflib_format)
    service = URIRef(str(client.base_url) + "/sparql#service")
    dataset = description.value(service, SD.defaultDataset)
    names = {str(description.value(graph, SD.name)) for graph in description.objects(dataset, SD.namedGraph)}
    assert names == set(corpus_store.graphs())
    assert any("/graph/document/" in name for name in names)
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) in description


def test_query_results_carry_an_etag_that_names_the_type_and_the_store_revision(write_client):
    query = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}
    as_json = write_client.get("/sparql", params=query, headers={"Accept": "application/sparql-results+json"})
    tag = as_json.headers["etag"]
    again = write_client.get("/sparql", params=query,
                             headers={"Accept": "application/sparql-results+json", "If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    as_csv = write_client.get("/sparql", params=query, headers={"Accept": "text/csv", "If-None-Match": tag})
    assert as_csv.status_code == 200 and as_csv.headers["etag"] != tag
    other = write_client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"},
                             headers={"Accept": "application/sparql-results+json", "If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag
    write_client.post("/sparql", content=SEED, headers=UPDATE)
    after = write_client.get("/sparql", params=query,
                             headers={"Accept": "application/sparql-results+json", "If-None-Match": tag})
    assert after.status_code == 200 and after.headers["etag"] != tag
    assert after.json() != as_json.json()
