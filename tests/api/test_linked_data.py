"""Linked data: an entity IRI looked up at the server's /id/... by content negotiation, a browser sent to
the entity's page."""

import pydantic
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from api.config import Settings
from api.main import create_app
from ontology import ID_BASE, OA, VK

KJERNEJOURNAL = URIRef(ID_BASE + "initiative/kjernejournal")
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
LABELS = {SKOS.prefLabel, RDFS.label, DCTERMS.title}


def first(client, pattern: str) -> str:
    """Return the first entity (by IRI) that matches ``pattern`` on ?e."""
    query = f"PREFIX vk: <{VK}> PREFIX oa: <{OA}> SELECT ?e WHERE {{ {pattern} }} ORDER BY ?e LIMIT 1"
    rows = client.get("/sparql", params={"query": query}, headers={"Accept": "application/json"}).json()
    return rows["results"]["bindings"][0]["e"]["value"]


@pytest.mark.parametrize("media, rdflib_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                  ("application/n-triples", "nt"), ("application/rdf+xml", "xml")])
def test_an_entity_is_described_in_each_format(client, media, rdflib_format):
    response = client.get("/id/initiative/kjernejournal", headers={"Accept": media})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert response.headers["vary"].lower() == "accept"
    description = Graph().parse(data=response.content, format=rdflib_format)
    assert (KJERNEJOURNAL, SKOS.prefLabel, Literal("Kjernejournal", lang="nb")) in description
    assert (KJERNEJOURNAL, RDF.type, VK.Initiative) in description
    documents = list(description.objects(KJERNEJOURNAL, VK.mentionedIn))
    assert documents and all(description.value(d, DCTERMS.title) for d in documents)  # the labels of its objects


def test_a_description_is_the_entity_its_hash_parts_and_the_labels_of_what_it_names(client):
    evidence = first(client, "?e a vk:Evidence")
    description = Graph().parse(data=client.get("/id/" + evidence.removeprefix(ID_BASE)).content, format="turtle")
    selectors = set(description.objects(URIRef(evidence), OA.hasSelector))
    assert {str(s) for s in selectors} == {evidence + "#quote", evidence + "#position"}
    assert all((s, RDF.type, None) in description for s in selectors)  # the '#' parts are described whole
    others = {(s, p) for s, p, _ in description if s != URIRef(evidence) and s not in selectors}
    assert others and {p for _, p in others} <= LABELS


def test_an_unknown_entity_is_a_404_with_its_iri(client):
    response = client.get("/id/initiative/finnes-ikke", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.json()["detail"] == f"no entity has the IRI {ID_BASE}initiative/finnes-ikke"
    assert client.get("/id/initiative/a%20b").status_code == 404
    assert client.get("/id/").status_code == 404


def test_a_browser_is_sent_to_the_entity_page(client):
    def page(iri: str) -> str:
        response = client.get("/id/" + iri.removeprefix(ID_BASE), headers=BROWSER, follow_redirects=False)
        assert response.status_code == 303 and response.headers["vary"].lower() == "accept"
        return response.headers["location"]

    assert page(str(KJERNEJOURNAL)) == "/initiatives/kjernejournal"
    organization = first(client, f"?e a <http://www.w3.org/ns/org#Organization> FILTER STRSTARTS(STR(?e), '{ID_BASE}')")
    assert page(organization) == "/actors/" + organization.rsplit("/", 1)[1]
    evidence = first(client, "?e a vk:Evidence")
    source = first(client, f"<{evidence}> oa:hasSource ?e")
    assert page(evidence) == "/documents/" + source.rsplit("/", 1)[1]  # no page of its own: its document's
    dependency = first(client, "?e a vk:Dependency")
    ends = {first(client, f"<{dependency}> vk:{role} ?e").rsplit("/", 1)[1] for role in ("dependent", "prerequisite")}
    assert page(dependency) in {"/initiatives/" + end for end in ends}


def test_a_description_carries_an_etag_and_a_matching_if_none_match_is_304(client):
    url = "/id/initiative/kjernejournal"
    tag = client.get(url, headers={"Accept": "text/turtle"}).headers["etag"]
    again = client.get(url, headers={"Accept": "text/turtle", "If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = client.get(url, headers={"Accept": "application/n-triples", "If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag


def test_the_iri_base_is_configurable(store, extractor):
    base = "https://data.example.org/id/"
    store.update(f"INSERT DATA {{ GRAPH <urn:test:g> {{ <{base}initiative/x> <{SKOS.prefLabel}> 'X'@nb }} }}")
    with TestClient(create_app(Settings(store="unused", id_base=base), store=store, extractor=extractor)) as client:
        described = Graph().parse(data=client.get("/id/initiative/x").content, format="turtle")
        assert (URIRef(base + "initiative/x"), SKOS.prefLabel, Literal("X", lang="nb")) in described
        assert client.get("/id/initiative/x", headers=BROWSER, follow_redirects=False).headers["location"] == \
            "/initiatives/x"
        assert client.get("/id/initiative/kjernejournal").status_code == 404  # in the lexicon, under another base


def test_an_iri_base_that_is_no_http_folder_is_refused():
    with pytest.raises(pydantic.ValidationError):
        Settings(id_base="https://data.example.org/id")
