"""The SPARQL endpoint under a real server: real clients, SERVICE refused, runaway queries stopped."""

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TURTLE, XML, SPARQLWrapper

from api.config import Settings
from api.ingestion import install_vocabularies
from api.main import create_app
from graph.embedded import EmbeddedStore
from testkit.loopback import serving
from testkit.sample import TOKEN

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def endpoint(corpus_store, extractor):
    app = create_app(Settings(store="unused", token=TOKEN, query_timeout=2.0), store=corpus_store, extractor=extractor)
    with serving(app) as url:
        yield url + "/sparql", app


def test_sparqlwrapper_select_ask_construct_in_each_format(endpoint):
    url, _ = endpoint
    client = SPARQLWrapper(url)
    client.setQuery("PREFIX vk: <https://w3id.org/veikart/ontology#> SELECT ?d WHERE { ?d a vk:Dependency }")
    for fmt in (JSON, XML, CSV):
        client.setReturnFormat(fmt)
        assert client.query().convert()
    client.setReturnFormat(JSON)
    assert len(client.queryAndConvert()["results"]["bindings"]) >= 8
    client.setQuery("ASK { ?s a <https://w3id.org/veikart/ontology#Initiative> }")
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 5")
    client.setReturnFormat(TURTLE)
    assert len(Graph().parse(data=client.queryAndConvert(), format="turtle")) == 5
    for fmt in (XML, JSONLD, N3):  # RDF/XML, JSON-LD, and N-Triples/Turtle for N3
        client.setReturnFormat(fmt)
        converted = client.queryAndConvert()
        graph = converted if isinstance(converted, Graph) else Graph().parse(data=converted, format="turtle")
        assert len(graph) == 5


def test_rdflib_sparqlstore_reads_and_the_update_store_writes_with_the_token(endpoint):
    url, _ = endpoint
    graph = Graph(SPARQLStore(url, returnFormat="json"))
    labels = {str(o) for o in graph.objects(URIRef("https://w3id.org/veikart/id/initiative/kjernejournal"),
                                             URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
    assert labels == {"Kjernejournal"}
    store = SPARQLUpdateStore(url, url, auth=None, headers={"Authorization": f"Bearer {TOKEN}"})
    target = Graph(store, identifier=URIRef("urn:test:client"))
    target.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
    assert (URIRef("urn:a"), URIRef("urn:b"), Literal("c")) in target
    store.update("DROP GRAPH <urn:test:client>")


def test_service_is_refused_unparsed_mentions_are_not(endpoint):
    url, _ = endpoint
    refused = httpx.get(url, params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "SERVICE <http://127.0.0.1:9/x> is not allowed"
    allowed = httpx.get(url, params={"query": "SELECT * WHERE { BIND('SERVICE <http://x/>' AS ?s) }"})
    assert allowed.status_code == 200


def test_a_runaway_query_is_stopped_and_the_server_keeps_answering(endpoint):
    url, _ = endpoint
    response = httpx.get(url, params={"query": CARTESIAN}, timeout=30)
    assert response.status_code in (503, 504) and response.json()["detail"]  # 504: the remote store's time ran out
    answered = httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/json"})
    assert answered.json()["boolean"] is True


def test_a_stopped_query_frees_its_core(tmp_path, extractor):
    """On the embedded store the worker running a query past its time is killed, and replaced."""
    store = EmbeddedStore(tmp_path / "store")
    install_vocabularies(store)
    app = create_app(Settings(store="unused", query_timeout=1.0), store=store, extractor=extractor)
    with serving(app) as url:
        httpx.get(url + "/sparql", params={"query": "ASK {}"})
        before = [w.process for w in store._sandbox._all]
        response = httpx.get(url + "/sparql", params={"query": CARTESIAN}, timeout=30)
        assert response.status_code == 503 and "stopped" in response.json()["detail"]
        assert sum(not p.is_alive() for p in before) == 1  # the worker running it was killed: its core is free
        assert len(store._sandbox._all) == len(before)


def test_service_description_without_a_query(endpoint):
    url, _ = endpoint
    response = httpx.get(url)
    assert response.headers["content-type"].startswith("text/turtle")
    description = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in description


def test_malformed_query_and_default_graph_uri(endpoint):
    url, _ = endpoint
    assert httpx.get(url, params={"query": "SELECT WHERE"}).status_code == 400
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    only_lexicon = httpx.get(url, params={"query": query, "default-graph-uri": "https://w3id.org/veikart/graph/lexicon"},
                             headers={"Accept": "application/json"}).json()
    everything = httpx.get(url, params={"query": query}, headers={"Accept": "application/json"}).json()
    count = int(only_lexicon["results"]["bindings"][0]["n"]["value"])
    assert 0 < count < int(everything["results"]["bindings"][0]["n"]["value"])
