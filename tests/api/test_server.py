"""End to end through a real uvicorn server on loopback."""


import httpx
import pytest

from api.config import Settings
from api.main import create_app
from testkit.loopback import serving


@pytest.fixture(scope="module")
def server_url(corpus_store, extractor):
    with serving(create_app(Settings(store="unused"), store=corpus_store, extractor=extractor)) as url:
        yield url


def test_server_answers_the_rest_contract(server_url):
    with httpx.Client(base_url=server_url, timeout=30) as http:
        assert http.get("/healthz").json()["status"] == "ok"
        initiatives = http.get("/api/initiatives", params={"limit": 10000}).json()
        assert initiatives["total"] >= 25
        detail = http.get("/api/initiatives/pasientens-legemiddelliste").json()
        assert "kjernejournal" in {e["prerequisite"]["id"] for e in detail["dependencies"]}
        assert http.get("/api/initiatives/nope").status_code == 404


def test_writes_are_refused_without_a_configured_token(server_url):
    response = httpx.post(f"{server_url}/api/documents", json={"name": "a.txt", "text": "Tekst."},
                          headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403


@pytest.mark.parametrize("path", [
    "/api/initiatives?limit=5&offset=2", "/api/initiatives?q=journal&phase=innforing",
    "/api/initiatives/kjernejournal", "/api/initiatives/kjernejournal/dependencies?transitive=true",
    "/api/initiatives/kjernejournal/dependents?transitive=true", "/api/initiatives/kjernejournal/impact",
    "/api/initiatives/kjernejournal/related?limit=3", "/api/actors?q=helse", "/api/actors/ks",
    "/api/dependencies?kind=requires", "/api/goals", "/api/phases", "/api/search?q=kjernejournalen",
    "/api/documents", "/api/order?ids=kjernejournal&ids=pasientens-provesvar",
    "/api/changes?from=veikart-nasjonal-e-helsestrategi&to=strategiradet-2026-03-26",
    "/api/export?format=trig", "/openapi.json", "/docs",
])
def test_every_read_route_answers_over_a_real_server(server_url, path):
    response = httpx.get(server_url + path, timeout=30)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path,status", [
    ("/api/initiatives/kjernejournal/dependencies?transitive=maybe", 422), ("/api/initiatives?limit=0", 422),
    ("/api/search?q=", 422), ("/api/order?ids=nope", 404), ("/api/export?format=xls", 422),
    ("/api/initiatives/..%2F..%2Fetc", 404),
])
def test_bad_requests_get_clear_errors(server_url, path, status):
    response = httpx.get(server_url + path, timeout=30)
    assert response.status_code == status and response.headers["content-type"] == "application/problem+json"
    assert isinstance(response.json()["detail"], str)


def test_cors_allows_the_configured_origin_only(corpus_store, extractor):
    from fastapi.testclient import TestClient

    app = create_app(Settings(store="unused", cors_origins=["https://portal.example"]), store=corpus_store,
                     extractor=extractor)
    with TestClient(app) as client:
        allowed = client.get("/api/phases", headers={"Origin": "https://portal.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://portal.example"
        other = client.get("/api/phases", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
