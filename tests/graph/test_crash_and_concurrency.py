"""Crash consistency and isolation: a killed ingest leaves each document whole or absent; readers see
one state or the other, never a mix."""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.embedded import EmbeddedStore as Store
from ontology import SKOS
from testkit import ROOT
from testkit.synthetic import corpus

INGEST_CHILD = Path(__file__).with_name("ingest_child.py")
KILL_AFTER = (1, 15, 30)  # documents written, of 120: far from the end, however fast the machine
G = "https://w3id.org/veikart/graph/document/skiftende"


def graph_sizes(path: Path) -> dict[str, int]:
    """Return the size of each document graph, and check that each has its revision in the state graph."""
    store = Store(path)
    sizes = dict.fromkeys(store.graphs(), 0)
    assert set(store.revisions()) == set(sizes)  # every write stamped its revision with it, and only then
    for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
        if row["g"].value in sizes:
            sizes[row["g"].value] = int(row["n"].value)
    return sizes


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    for name, text in corpus(120, seed=3):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def complete(tmp_path_factory, documents) -> dict[str, int]:
    path = tmp_path_factory.mktemp("complete") / "store"
    subprocess.run([sys.executable, "-m", "api.cli", "ingest", str(documents), "--store", str(path)],
                   cwd=ROOT, check=True, capture_output=True)
    return graph_sizes(path)


def test_an_ingest_killed_at_any_point_leaves_every_document_whole_or_absent(tmp_path, documents, complete):
    for written in KILL_AFTER:
        path = tmp_path / f"store-{written}"
        with (tmp_path / f"child-{written}.err").open("w") as errors:
            child = subprocess.Popen([sys.executable, str(INGEST_CHILD), str(documents), str(path)], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=errors, text=True)
            reported = [child.stdout.readline() for _ in range(written)]  # each once its document is written
            os.kill(child.pid, signal.SIGKILL)  # while it analyses or writes the next one
            child.wait()
            child.stdout.close()
        assert all(reported), (tmp_path / f"child-{written}.err").read_text()
        sizes = graph_sizes(path)  # opens without repair
        assert all(sizes[g] == complete[g] for g in sizes), {g: (n, complete.get(g)) for g, n in sizes.items()}
        assert 0 < len(sizes) < len(complete)  # killed in the middle of the ingest


def test_readers_during_a_writer_see_one_version_or_the_other(tmp_path):
    store = Store(tmp_path / "store")
    versions = [[(URIRef(f"urn:item:{i}"), SKOS.prefLabel, Literal(f"v{v}"), URIRef(G)) for i in range(n)]
                for v, n in ((1, 300), (2, 700))]
    store.replace_graph(G, versions[0])
    seen: list[tuple[int, int]] = []  # (triples, distinct labels) of every read, in order
    read_done = threading.Condition()
    stop = threading.Event()

    def read() -> None:
        query = ("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?label) AS ?labels) "
                 f"WHERE {{ GRAPH <{G}> {{ ?s ?p ?label }} }}")
        while not stop.is_set():
            row = next(iter(store.query(query)))
            with read_done:
                seen.append((int(row["n"].value), int(row["labels"].value)))
                read_done.notify_all()

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    for round_ in range(40):  # the readers read on while each write is made
        version = versions[round_ % 2]
        with read_done:
            before = len(seen)
        store.replace_graph(G, version)
        with read_done:  # before the next write, some reader has seen this version
            assert read_done.wait_for(lambda v=version, b=before: (len(v), 1) in seen[b:], timeout=60)
    stop.set()
    for reader in readers:
        reader.join()
    assert set(seen) == {(300, 1), (700, 1)}  # never a mix of the two
