"""End to end through a real uvicorn server on loopback."""

import socket
import threading
import time

import httpx
import pytest
import uvicorn

from api.config import Settings
from api.main import create_app


@pytest.fixture(scope="module")
def server_url(corpus_store, analyzer):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(store="unused"), store=corpus_store, analyzer=analyzer),
                            host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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
