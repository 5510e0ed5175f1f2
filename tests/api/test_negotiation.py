"""Content negotiation: q=0 honoured, 406 with what is offered, Vary: Accept on every negotiated answer."""

import pytest
from rdflib import Dataset, Graph

from graph.io import formats_for

SELECT = "SELECT ?s WHERE { ?s a <https://w3id.org/veikart/ontology#Initiative> } LIMIT 2"
CONSTRUCT = "CONSTRUCT WHERE { ?s a <https://w3id.org/veikart/ontology#Initiative> } LIMIT 2"


def ask(client, query: str, accept: str):
    return client.get("/sparql", params={"query": query}, headers={"Accept": accept})


def media_type(response) -> str:
    return response.headers["content-type"].split(";")[0]


def test_a_type_refused_with_q0_is_not_given_though_a_wildcard_admits_its_kind(client):
    response = ask(client, SELECT, "text/*;q=0.5, text/csv;q=0")
    assert response.status_code == 200 and media_type(response) == "text/tab-separated-values"
    assert media_type(ask(client, SELECT, "text/csv;q=0, */*;q=0.1")) == "application/sparql-results+json"


def test_the_highest_quality_wins_whatever_the_order(client):
    response = ask(client, SELECT, "application/sparql-results+json;q=0.4, text/csv;q=0.9")
    assert media_type(response) == "text/csv" and response.text.startswith("s")


def test_a_construct_is_negotiated_among_rdf_formats(client):
    response = ask(client, CONSTRUCT, "application/sparql-results+json;q=0.9, application/n-triples")
    assert media_type(response) == "application/n-triples"
    assert len(Graph().parse(data=response.text, format="nt")) >= 1


@pytest.mark.parametrize("query,accept,form", [
    (SELECT, "image/png", "SELECT"), (SELECT, "text/csv;q=0", "SELECT"), (SELECT, "*/*;q=0", "SELECT"),
    (CONSTRUCT, "application/sparql-results+json", "CONSTRUCT"),
])
def test_an_unacceptable_accept_is_406_with_the_types_offered(client, query, accept, form):
    response = ask(client, query, accept)
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["offered"] == formats_for(form) and problem["status"] == 406
    assert accept in problem["detail"] and formats_for(form)[0] in problem["detail"]


def test_the_export_is_negotiated_when_no_format_is_named(client):
    nquads = client.get("/api/export", headers={"Accept": "application/n-quads, text/turtle;q=0.5"})
    assert media_type(nquads) == "application/n-quads" and len(Dataset().parse(data=nquads.text, format="nquads")) > 100
    assert media_type(client.get("/api/export", headers={"Accept": "*/*"})) == "text/turtle"
    named = client.get("/api/export", params={"format": "trig"}, headers={"Accept": "application/n-quads"})
    assert media_type(named) == "application/trig"
    refused = client.get("/api/export", headers={"Accept": "text/csv"})
    assert refused.status_code == 406
    assert refused.json()["offered"] == ["text/turtle", "application/trig", "application/n-quads",
                                         "application/ld+json", "application/xml", "application/zip",
                                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                         "text/vnd.mermaid", "application/graphml+xml"]


def test_a_browser_gets_the_query_editor_and_a_client_the_service_description(client):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert media_type(client.get("/sparql", headers={"Accept": browser})) == "text/html"
    assert media_type(client.get("/sparql", headers={"Accept": "*/*"})) == "text/turtle"
    assert media_type(client.get("/sparql", headers={"Accept": "text/html;q=0, */*"})) == "text/turtle"


@pytest.mark.parametrize("path,params,accept,status", [
    ("/sparql", {"query": SELECT}, "text/csv", 200), ("/sparql", {"query": CONSTRUCT}, "text/turtle", 200),
    ("/sparql", {"query": SELECT}, "image/png", 406), ("/sparql", {}, "*/*", 200), ("/sparql", {}, "text/html", 200),
    ("/api/export", {}, "application/ld+json", 200), ("/api/export", {"format": "nquads"}, "*/*", 200),
    ("/api/export", {}, "image/png", 406),
])
def test_every_negotiated_answer_varies_with_accept(client, path, params, accept, status):
    response = client.get(path, params=params, headers={"Accept": accept})
    assert response.status_code == status
    assert "accept" in [v.strip().lower() for v in response.headers["vary"].split(",")]


def test_a_post_query_is_negotiated_as_a_get_is(client):
    response = client.post("/sparql", content=SELECT, headers={"Content-Type": "application/sparql-query",
                                                               "Accept": "text/*;q=0.5, text/csv;q=0"})
    assert media_type(response) == "text/tab-separated-values" and response.headers["vary"] == "Accept"
