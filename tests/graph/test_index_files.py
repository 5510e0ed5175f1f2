"""The index saved beside the store: loaded on a restart when the store has not changed, brought up to date when
another writer has changed it, and rebuilt when its file is corrupt, cut short or of other code."""

import random
import shutil

import pytest

from api.ingestion import ingest_document, remove_document
from graph import index_files
from graph.index import GraphIndex
from ingest.readers import read_bytes
from testkit.indexstate import built_afresh, state
from testkit.synthetic import document


@pytest.fixture
def written(store, extractor):
    """The store with three synthetic documents; returns a function that writes one more."""
    rng = random.Random(5)

    def write(name: str) -> None:
        ingest_document(store, extractor, read_bytes(name, document(rng, len(name), paragraphs=3).encode()))

    for i in range(3):
        write(f"lagret-{i}.txt")
    return write


def reads(store, monkeypatch) -> list[tuple[str, object]]:
    """Record the queries run on ``store`` from now on, by name and graph, as they pass through to it."""
    seen: list[tuple[str, object]] = []
    select = store.select

    def recorded(name: str, **bindings: object):
        seen.append((name, bindings.get("graph")))
        return select(name, **bindings)

    monkeypatch.setattr(store, "select", recorded)
    return seen


def test_a_restart_on_an_unchanged_store_loads_the_saved_index_and_reads_no_graph(store, written, tmp_path,
                                                                                  monkeypatch):
    first = GraphIndex(store, folder=tmp_path / "index")
    first.snapshot()
    first.close()
    seen = reads(store, monkeypatch)
    again = GraphIndex(store, folder=tmp_path / "index")
    restored = state(again)
    assert seen and not [name for name, _ in seen if name.startswith("index_")]
    assert restored == built_afresh(store, tmp_path / "fresh")
    again.close()


def test_a_saved_index_behind_the_store_loads_only_the_graphs_written_since(store, written, tmp_path, monkeypatch):
    first = GraphIndex(store, folder=tmp_path / "index")
    first.snapshot()
    first.close()
    written("lagret-ny.txt")  # another writer: no index of this process saw these
    remove_document(store, "lagret-0")
    seen = reads(store, monkeypatch)
    again = GraphIndex(store, folder=tmp_path / "index")
    restored = state(again)
    loaded = {str(graph) for name, graph in seen if name in ("index_entities", "index_sentences")}
    assert len(loaded) == 1 and next(iter(loaded)).endswith("/lagret-ny")
    assert restored == built_afresh(store, tmp_path / "fresh")
    again.close()
    assert index_files.load(tmp_path / "index").revision == store.revision()  # saved at its new revision


CORRUPTIONS = {
    "garbage": lambda data: b"not an index at all",
    "cut short": lambda data: data[:len(data) // 2],
    "a flipped byte": lambda data: data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
    "other code": lambda data: data[:len(index_files.MAGIC)] + bytes(32) + data[len(index_files.MAGIC) + 32:],
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_a_corrupt_saved_index_is_rebuilt_never_trusted(store, written, tmp_path, corruption):
    first = GraphIndex(store, folder=tmp_path / "index")
    first.snapshot()
    first.close()
    saved = tmp_path / "index" / index_files.SNAPSHOT_FILE
    saved.write_bytes(CORRUPTIONS[corruption](saved.read_bytes()))
    assert index_files.load(tmp_path / "index") is None
    again = GraphIndex(store, folder=tmp_path / "index")
    assert state(again) == built_afresh(store, tmp_path / "fresh")
    again.close()
    assert index_files.load(tmp_path / "index") is not None  # written anew when it stopped


@pytest.mark.parametrize("damage", ["garbage", "another format", "removed"])
def test_a_corrupt_foreign_or_removed_text_index_is_made_anew(store, written, tmp_path, damage):
    first = GraphIndex(store, folder=tmp_path / "index")
    first.snapshot()
    first.close()
    text_folder = tmp_path / "index" / "text"
    if damage == "garbage":
        for meta in text_folder.rglob("meta.json"):
            meta.write_bytes(b"{not json")
    elif damage == "another format":
        (text_folder / "v1").rename(text_folder / "v0")
    else:
        shutil.rmtree(text_folder)
    again = GraphIndex(store, folder=tmp_path / "index")
    assert state(again) == built_afresh(store, tmp_path / "fresh")
    again.close()


def test_a_second_index_on_a_folder_in_use_keeps_its_text_index_in_memory(store, written, tmp_path):
    first = GraphIndex(store, folder=tmp_path / "index")
    kept = state(first)
    second = GraphIndex(store, folder=tmp_path / "index")  # as a second worker process over a remote store
    assert state(second) == kept
    written("lagret-ny.txt")
    assert state(second) == state(first) == built_afresh(store, tmp_path / "fresh")
    first.close()
    second.close()
