"""Several ``veikart serve`` processes over one remote store see each other's writes."""


import httpx
import pytest

from testkit.processes import serve, stop
from testkit.sample import TOKEN

NOTE = {"name": "notat.txt", "text": "Pasientens testløsning forutsetter Kjernejournal. "
                                     "Pasientens testløsning ledes av Norsk helsenett SF."}


@pytest.fixture
def two_servers(oxigraph):
    store = oxigraph("shared")
    store.clear()
    started = [serve(store.url, env={"VEIKART_TOKEN": TOKEN}) for _ in range(2)]
    yield [url for _, url in started]
    for process, _ in started:
        stop(process)


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
