"""Limits and observability: upload size, result size, security headers, metrics, SERVICE allow-list."""

from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from testkit.sample import TOKEN
from testkit.scrape import request_count, samples

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def make_client(store, extractor, **settings):
    return TestClient(create_app(Settings(store="unused", token=TOKEN, **settings), store=store, extractor=extractor))


def test_an_upload_over_the_limit_is_refused_before_it_is_read(store, extractor):
    with make_client(store, extractor, max_upload_bytes=1000) as client:
        declared = client.post("/api/documents", json={"name": "stor.txt", "text": "x" * 5000}, headers=AUTH)
        assert declared.status_code == 413
        chunks = (b"x" * 400 for _ in range(10))  # no content-length: the body is counted as it arrives
        streamed = client.post("/api/documents", content=chunks,
                               headers={**AUTH, "Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        assert streamed.status_code == 413
        assert streamed.headers["content-type"] == "application/problem+json"
        assert streamed.json() == {"type": "about:blank", "title": "Request Entity Too Large", "status": 413,
                                   "detail": "the request body is larger than 1000 bytes"}
        assert client.get("/api/documents").json()["total"] == 0


def test_html_pages_carry_security_headers_and_json_does_not_need_them(client):
    page = client.get("/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in client.get("/api/phases").headers


def test_metrics_count_requests_per_route(client):
    client.get("/api/initiatives/kjernejournal")
    scrape = samples(client.get("/metrics").text)
    assert request_count(scrape, "/api/initiatives/{initiative_id}") >= 1
    route = {"method": "GET", "route": "/api/initiatives/{initiative_id}"}
    assert scrape[("veikart_request_seconds_bucket", frozenset({**route, "le": "+Inf"}.items()))] >= 1


def test_a_result_over_the_cap_is_refused_with_the_cap(corpus_store, extractor):
    with make_client(corpus_store, extractor, max_result_bytes=2000) as client:
        response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert response.status_code == 413 and "2000 bytes" in response.json()["detail"]
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_service_to_an_allowed_host_passes_the_guard(corpus_store, extractor):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with make_client(corpus_store, extractor) as client:
        assert client.get("/sparql", params={"query": query}).status_code == 403
    with make_client(corpus_store, extractor, service_allow_hosts=["127.0.0.1"]) as client:
        assert client.get("/sparql", params={"query": query}).status_code != 403


def test_get_responses_carry_an_etag_that_a_write_changes(store, extractor):
    with make_client(store, extractor) as client:
        first = client.get("/api/documents")
        tag = first.headers["etag"]
        assert client.get("/api/documents", headers={"If-None-Match": tag}).status_code == 304
        client.post("/api/documents", json={"name": "a.txt", "text": "Kjernejournal er i drift."}, headers=AUTH)
        after = client.get("/api/documents", headers={"If-None-Match": tag})
        assert after.status_code == 200 and after.headers["etag"] != tag and after.json()["total"] == 1
