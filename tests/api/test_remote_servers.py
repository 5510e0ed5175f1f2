"""Several ``veikart serve`` processes over one remote store see each other's writes."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import TOKEN
from tests.oxigraph_server import free_port

ROOT = Path(__file__).resolve().parents[2]
NOTE = {"name": "notat.txt", "text": "Pasientens testløsning forutsetter Kjernejournal. "
                                     "Pasientens testløsning ledes av Norsk helsenett SF."}


def start_server(store_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "VEIKART_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--store", store_url, "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz").status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("veikart serve did not start")


@pytest.fixture
def two_servers(oxigraph):
    store = oxigraph("shared")
    store.clear()
    started = [start_server(store.url) for _ in range(2)]
    yield [url for _, url in started]
    for process, _ in started:
        process.terminate()
        process.wait(timeout=20)


def test_a_write_through_one_server_is_read_through_the_other(two_servers):
    first, second = two_servers
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.get(second + "/api/initiatives/pasientens-testlosning").status_code == 404
    assert httpx.post(first + "/api/documents", json=NOTE, headers=auth, timeout=60).status_code == 201
    detail = httpx.get(second + "/api/initiatives/pasientens-testlosning").json()
    assert [e["prerequisite"]["id"] for e in detail["dependencies"]] == ["kjernejournal"]
    assert httpx.get(second + "/api/initiatives/kjernejournal/dependents").json()["total"] == 1
    assert httpx.delete(second + "/api/documents/notat", headers=auth).status_code == 204
    assert httpx.get(first + "/api/initiatives/pasientens-testlosning").status_code == 404
    assert httpx.get(first + "/api/initiatives/kjernejournal").status_code == 404  # no document names it now
