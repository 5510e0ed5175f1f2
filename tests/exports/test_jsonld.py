"""The JSON-LD export: framed per initiative, compacted with the project's context (served by the app), and,
read back as RDF without fetching anything, saying what the store says."""

import json

import pytest
from pyld import jsonld as pyld
from pyld.jsonld import JsonLdError
from rdflib import Graph, URIRef

from graph.exports.jsonld import load_document
from ontology import CONTEXT, CONTEXT_FILE, VK


@pytest.fixture(scope="module")
def exported(client) -> dict:
    return client.get("/api/export", params={"format": "jsonld"}).json()


@pytest.fixture(scope="module")
def triples(exported) -> Graph:
    nquads = pyld.to_rdf(exported, {"format": "application/n-quads", "documentLoader": load_document})
    return Graph().parse(data=nquads, format="nt")  # one graph: N-Quads without graph names are N-Triples


def test_the_export_names_the_projects_context_and_frames_one_tree_per_initiative(client, exported):
    assert exported["@context"] == CONTEXT
    listed = client.get("/api/initiatives", params={"limit": 100000}).json()["items"]
    assert [node["type"] for node in exported["@graph"]] == ["Initiative"] * len(listed)
    assert {node["id"].rsplit("/", 1)[1] for node in exported["@graph"]} == {i["id"] for i in listed}


def test_an_initiative_holds_its_phase_statements_and_dependencies_with_their_evidence(exported):
    pll = next(n for n in exported["@graph"] if n["id"].endswith("/pasientens-legemiddelliste"))
    assert pll["label"] == "Pasientens legemiddelliste" and "PLL" in pll["altLabels"]
    assert pll["phaseStatements"] and pll["dependencies"]
    statement = pll["phaseStatements"][0]
    assert statement["type"] == "PhaseStatement" and statement["phase"].startswith("vk:")
    dependency = pll["dependencies"][0]
    assert dependency["prerequisite"] in pll["dependsOn"]  # a reference, not the prerequisite embedded
    quote = dependency["evidence"][0]["selectors"][0]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"]


def test_read_as_rdf_the_export_has_the_dependencies_of_the_api(client, triples):
    listed = client.get("/api/dependencies", params={"limit": 100000}).json()["items"]
    assert listed
    depends_on = {(s.rsplit("/", 1)[1], o.rsplit("/", 1)[1]) for s, o in triples.subject_objects(VK.dependsOn)}
    assert depends_on == {(e["dependent"]["id"], e["prerequisite"]["id"]) for e in listed}
    kinds = {str(k) for k in triples.objects(None, VK.dependencyKind)}
    assert kinds == {str(VK[e["kind"]]) for e in listed}


def test_labels_are_marked_norwegian(triples):
    labels = list(triples.objects(URIRef("https://w3id.org/veikart/id/initiative/pasientens-legemiddelliste"),
                                  URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))
    assert [(str(label), label.language) for label in labels] == [("Pasientens legemiddelliste", "nb")]


def test_the_app_serves_the_context_the_export_names(client):
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/ld+json"
    assert response.json() == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def test_the_document_loader_fetches_nothing_but_the_context():
    assert load_document(CONTEXT)["document"]["@context"]["vk"] == str(VK)
    with pytest.raises(JsonLdError, match="not fetched"):
        load_document("https://example.org/another-context.jsonld")
