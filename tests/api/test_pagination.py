"""Every list is paginated with limit/offset, has a true total, and one order whatever the server's history."""

import httpx
import pytest

from api.config import Settings
from api.ingestion import ingest_document, install_vocabularies
from api.main import create_app
from graph.embedded import EmbeddedStore
from graph.index import label_order
from ingest import read_bytes
from testkit.loopback import serving
from testkit.sample import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
LISTS = [
    ("/api/initiatives", {}), ("/api/initiatives", {"q": "pasient"}), ("/api/actors", {}),
    ("/api/documents", {}), ("/api/goals", {}), ("/api/phases", {}), ("/api/dependencies", {}),
    ("/api/dependencies", {"kind": "requires"}), ("/api/search", {"q": "kjernejournal"}),
    ("/api/search", {"q": "pasient"}), ("/api/initiatives/pasientens-legemiddelliste/dependencies",
                                        {"transitive": "true"}),
    ("/api/initiatives/sentral-forskrivningsmodul/dependents", {"transitive": "true"}),
    ("/api/initiatives/sentral-forskrivningsmodul/impact", {}),
    ("/api/initiatives/pasientens-legemiddelliste/history", {}),
    ("/api/initiatives/pasientens-legemiddelliste/related", {}),
]
NOTES = {  # documents written through the API, each naming initiatives and organisations
    "notat-a.txt": "Pasientens legemiddelliste forutsetter Kjernejournal. Helse Vest RHF leder arbeidet.",
    "notat-b.txt": "Sentral forskrivningsmodul (SFM) bygger på e-resept. Norsk helsenett SF har ansvaret.",
    "notat-c.txt": "Prosjektet Digital hjemmeoppfølging følger innføring av Helsenorge. KS deltar.",
    "notat-d.txt": "Pasientens timebok må koordineres med Kjernejournal. Helse Nord RHF leder.",
}


def pages(get, path: str, params: dict, size: int) -> tuple[list, list[int]]:
    """Read the list at ``path`` page by page; return the items and the total each page stated."""
    items, totals, offset = [], [], 0
    while True:
        body = get(path, params={**params, "limit": size, "offset": offset}).json()
        items += body["items"]
        totals.append(body["total"])
        if len(body["items"]) < size:
            return items, totals
        offset += size


@pytest.mark.parametrize("path,params", LISTS)
def test_pages_put_together_are_the_whole_list_and_total_counts_it(client, path, params):
    whole = client.get(path, params={**params, "limit": 200 if "search" in path else 100_000}).json()
    assert whole["total"] == len(whole["items"]) > 0
    items, totals = pages(client.get, path, params, size=max(2, whole["total"] // 4))
    assert items == whole["items"] and set(totals) == {whole["total"]}


def test_search_total_counts_every_match_not_the_page(client):
    first = client.get("/api/search", params={"q": "pasient", "limit": 5}).json()
    assert len(first["items"]) == 5 and first["total"] > 5
    last = client.get("/api/search", params={"q": "pasient", "limit": 5, "offset": first["total"] - 2}).json()
    assert len(last["items"]) == 2 and last["total"] == first["total"]


@pytest.mark.parametrize("path", sorted({path for path, _ in LISTS}))
@pytest.mark.parametrize("bad", [{"limit": 0}, {"limit": 100_001}, {"offset": -1}, {"limit": "ti"}])
def test_bad_paging_values_are_validation_problems(client, path, bad):
    params = {"q": "pasient"} if path == "/api/search" else {}
    response = client.get(path, params={**params, **bad})
    assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"
    assert next(iter(bad)) in response.json()["detail"]


@pytest.mark.parametrize("path,label", [("/api/initiatives", "label"), ("/api/actors", "label"),
                                        ("/api/documents", "title")])
def test_named_things_are_listed_by_label_then_id(client, path, label):
    items = client.get(path, params={"limit": 100_000}).json()["items"]
    keys = [label_order(item[label], item["id"]) for item in items]
    assert keys == sorted(keys) and len(keys) > 1


ORDERED = ["/api/initiatives", "/api/actors", "/api/documents", "/api/dependencies"]


def server(store, extractor, **settings):
    """Run a uvicorn server over ``store``, with its own fresh index: a context that yields its URL."""
    return serving(create_app(Settings(store="unused", **settings), store=store, extractor=extractor))


def read_lists(url: str) -> dict[str, list]:
    """Read every ordered list of the server at ``url`` in pages of two."""
    with httpx.Client(base_url=url, timeout=30) as http:
        return {path: pages(http.get, path, {}, size=2) for path in ORDERED}


def test_order_is_the_same_after_writes_after_a_restart_and_on_a_store_built_otherwise(tmp_path, extractor):
    store = EmbeddedStore(tmp_path / "written")
    install_vocabularies(store)
    with server(store, extractor, token=TOKEN) as url, httpx.Client(base_url=url, timeout=60, headers=AUTH) as http:
        for name, text in NOTES.items():
            assert http.post("/api/documents", json={"name": name, "text": text}).status_code == 201
        read_lists(url)  # the server has indexed all four; the writes below are merged into that index
        assert http.delete("/api/documents/notat-a").status_code == 204
        assert http.post("/api/documents", json={"name": "notat-a.txt", "text": NOTES["notat-a.txt"]}
                         ).status_code == 201
        after_writes = read_lists(url)
    with server(store, extractor) as url:
        after_restart = read_lists(url)
    other = EmbeddedStore(tmp_path / "built-otherwise")
    install_vocabularies(other)
    for name in reversed(NOTES):
        ingest_document(other, extractor, read_bytes(name, NOTES[name].encode()))
    with server(other, extractor) as url:
        fresh = read_lists(url)
    for path in ORDERED:
        items, totals = after_writes[path]
        assert len({repr(item) for item in items}) == len(items) == totals[0] > 1, path  # no repeats, none skipped
        assert after_writes[path] == after_restart[path] == fresh[path], path
