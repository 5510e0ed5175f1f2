"""Dependency queries by graph size: Veikart's index beside a pure-Python BFS over an adjacency dict
(the limit), raw pyoxigraph SPARQL in memory and on disk, and rdflib's in-memory Graph, on the same
edges in the same run; search; a restart on the unchanged store (its index loaded from the files the first
opening saved, in a new process) against the cold build; then the REST API over the 10^5 graph, embedded
and remote, 1 and 16 clients.

    .venv/bin/python bench/graph_bench.py [--sizes 10000 100000 1000000] [--json out.json]
"""

import argparse
import io
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

import httpx
import pyoxigraph as ox
import rdflib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.ingestion import install_vocabularies  # noqa: E402
from api.main import freeze_heap  # noqa: E402
from api.routes.initiatives import list_prerequisites  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from graph.index import GraphIndex  # noqa: E402
from graph.index_files import index_folder  # noqa: E402
from graph.readmodel import ReadModel  # noqa: E402
from graph.related import related  # noqa: E402
from graph.search import search  # noqa: E402
from testkit.graphgen import edges, initiative, nquads  # noqa: E402
from testkit.oxigraph import OxigraphServer  # noqa: E402
from testkit.processes import peak_rss_mb, run_json, serve, stop  # noqa: E402

START = 9600  # about 1,540 transitive prerequisites, as in the figures measured before Veikart existed
FOUNDATION = 100  # on the trunk: nearly every later initiative depends on it (what slips if it slips)
DEPENDS_ON = "https://w3id.org/veikart/ontology#dependsOn"
PATH_QUERY = f"SELECT ?p WHERE {{ <{initiative(START)}> <{DEPENDS_ON}>+ ?p }}"
SLOW_QUERIES = {"VEIKART_QUERY_TIMEOUT": "60"}  # a remote store's index is loaded with queries over 10^5 edges
REVERSE_QUERY = f"SELECT ?d WHERE {{ ?d <{DEPENDS_ON}>+ <{initiative(FOUNDATION)}> }}"


def timed(run, repeat: int) -> dict:
    """Return the median and p99 in ms of ``repeat`` runs (after one warm-up), and the rows of the last."""
    rows = run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 3), "p99_ms": round(times[int(0.99 * (len(times) - 1))], 3),
            "rows": len(rows)}


def bfs(adjacency: dict[str, list[str]], start: str) -> list[str]:
    """The limit: breadth-first search over a dict of lists."""
    seen, queue, found = {start}, deque([start]), []
    while queue:
        for neighbour in adjacency.get(queue.popleft(), ()):
            if neighbour not in seen:
                seen.add(neighbour)
                found.append(neighbour)
                queue.append(neighbour)
    return found


class Lines(io.RawIOBase):
    """A readable stream over an iterator of text lines, so a large graph never sits in memory whole."""

    def __init__(self, lines):
        self.lines, self.pending = iter(lines), b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self.pending) < len(buffer):
            chunk = next(self.lines, None)
            if chunk is None:
                break
            self.pending += chunk.encode("utf-8")
        size = min(len(buffer), len(self.pending))
        buffer[:size], self.pending = self.pending[:size], self.pending[size:]
        return size


def load_graph(n: int, folder: Path) -> dict:
    """Bulk-load the graph of ``n`` initiatives into a new store at ``folder`` (no Veikart code)."""
    start = time.perf_counter()
    raw = ox.Store(str(folder))
    raw.bulk_load(Lines(nquads(n)), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    return {"load_s": round(time.perf_counter() - start, 1), "quads": len(raw)}


def measure_size(n: int, folder: Path, repeat: int) -> dict:
    """Open the store as a server does and build its index, note the memory that takes, then time the
    walks beside the baselines built on the same edges."""
    result: dict = {"initiatives": n}
    store = EmbeddedStore(folder)
    store.stamp_if_new()
    install_vocabularies(store)
    start = time.perf_counter()
    index = opened_index(store, folder)
    readmodel = ReadModel.at(index)
    result["index_build_s"] = round(time.perf_counter() - start, 1)  # with its text index, and its files saved
    start_iri = initiative(START)
    list_prerequisites(start_iri, readmodel, transitive=True)
    result["index_rss_mb"] = peak_rss_mb()  # the store and its index, before any baseline is built
    start = time.perf_counter()
    index.save()  # as a server does when it stops: what a restart loads
    result["index_save_s"], result["index_save_rss_mb"] = round(time.perf_counter() - start, 1), peak_rss_mb()
    graph = readmodel.dependency_graph()

    needs: dict[str, list[str]] = {}
    needed_by: dict[str, list[str]] = {}
    for dependent, prerequisite in edges(n):
        needs.setdefault(initiative(dependent), []).append(initiative(prerequisite))
        needed_by.setdefault(initiative(prerequisite), []).append(initiative(dependent))
    memory = ox.Store()
    memory.bulk_extend(ox.Quad(ox.NamedNode(d), ox.NamedNode(DEPENDS_ON), ox.NamedNode(p))
                       for d, ps in needs.items() for p in ps)
    on_disk = ox.Store.read_only(str(folder))

    prerequisites = {
        "bfs": timed(lambda: bfs(needs, start_iri), repeat),
        "veikart": timed(lambda: graph.prerequisites(start_iri, transitive=True), repeat),
        "oxigraph_memory": timed(lambda: list(memory.query(PATH_QUERY)), repeat),
        "oxigraph_disk": timed(lambda: list(on_disk.query(PATH_QUERY, use_default_graph_as_union=True)), repeat),
    }
    foundation = initiative(FOUNDATION)
    dependents = {  # nearly the whole graph each time: three runs are enough
        "bfs": timed(lambda: bfs(needed_by, foundation), 3),
        "veikart": timed(lambda: graph.dependents(foundation, transitive=True), 3),
        "oxigraph_memory": timed(lambda: list(memory.query(REVERSE_QUERY)), 3),
    }
    if n <= 100_000:  # rdflib needs minutes and gigabytes beyond this
        rdf = rdflib.Graph()
        predicate = rdflib.URIRef(DEPENDS_ON)
        for dependent, prerequisites_of in needs.items():
            for p in prerequisites_of:
                rdf.add((rdflib.URIRef(dependent), predicate, rdflib.URIRef(p)))
        prerequisites["rdflib"] = timed(lambda: list(rdf.query(PATH_QUERY)), 5)
    result["prerequisites"] = prerequisites
    result["dependents"] = dependents
    result["related"] = timed(lambda: related(readmodel, start_iri)[:10], max(3, repeat // 10))
    result["search"] = timed(lambda: search(readmodel, f"tiltak {START}", limit=20)[0], repeat)
    result["rest_inproc"] = timed(lambda: list_prerequisites(start_iri, readmodel, transitive=True).body,
                                  repeat)  # the route as the server calls it, its JSON body included; rows = bytes
    index.close()
    store.close()
    return result


def opened_index(store: EmbeddedStore, folder: Path) -> GraphIndex:
    """Return the index of ``store`` as a server opens it: with the server's memory policy and its files beside
    the store, up to date."""
    index = GraphIndex(store, on_merge=freeze_heap, folder=index_folder(str(folder), None))
    index.snapshot()
    return index


def measure_restart(folder: Path) -> dict:
    """Open the unchanged store and its index again, as a restarted server does; check that the index answers."""
    start = time.perf_counter()
    store = EmbeddedStore(folder)
    install_vocabularies(store)
    index = opened_index(store, folder)
    result = {"index_restart_s": round(time.perf_counter() - start, 2), "restart_rss_mb": peak_rss_mb()}
    readmodel = ReadModel.at(index)
    result["restart_search_hits"] = len(search(readmodel, f"tiltak {START}", limit=20)[0])
    result["restart_prerequisites"] = len(readmodel.dependency_graph().prerequisites(initiative(START),
                                                                                     transitive=True))
    index.close()
    store.close()
    return result


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def load(url: str, clients: int, seconds: float) -> dict:
    """Run ``clients`` connections on the transitive prerequisites route for ``seconds`` with wrk, a load
    generator in C, so that the clients take little of the two cores the server needs."""
    target = f"{url}/api/initiatives/tiltak-{START}/dependencies?transitive=true"
    httpx.get(target, timeout=60).raise_for_status()
    out = subprocess.run(["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{seconds:g}s", "--latency",
                          "--timeout", "30s", "-H", "Connection: close", target],  # a new connection per request:
                         capture_output=True, text=True, check=True).stdout  # spread over every worker
    percentiles = {m[0]: float(m[1]) * UNITS[m[2]] for m in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$",
                                                                     out, re.MULTILINE)}
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"clients": clients, "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
            "median_ms": round(percentiles["50"], 2), "p99_ms": round(percentiles["99"], 2), "errors": errors}


def measure_rest(folder: Path, seconds: float) -> dict:
    """The REST API over the 10^5 graph: the embedded store, then the same quads in a real Oxigraph server."""
    result: dict = {}
    process, url = serve(str(folder), env=SLOW_QUERIES)
    try:
        result["embedded"] = {str(c): load(url, c, seconds) for c in (1, 16)}
    finally:
        stop(process)
    with tempfile.TemporaryDirectory() as remote_folder:
        server = OxigraphServer(Path(remote_folder))
        try:
            data, _ = EmbeddedStore(folder).export("nquads")
            httpx.post(server.base + "/store", content=data, headers={"content-type": "application/n-quads"},
                       timeout=600).raise_for_status()
            for workers, name in ((1, "remote"), (2, "remote_2_workers")):
                process, url = serve(server.url, workers=workers, env=SLOW_QUERIES)
                try:
                    result[name] = {str(c): load(url, c, seconds) for c in (1, 16)}
                finally:
                    stop(process)
        finally:
            server.stop()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--rest-seconds", type=float, default=6.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--load", nargs=2, metavar=("N", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--measure", nargs=2, metavar=("N", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--restart", type=Path, metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load or args.measure or args.restart:  # one step, in a child process
        if args.restart:
            result = measure_restart(args.restart)
        else:
            n, folder = int((args.load or args.measure)[0]), Path((args.load or args.measure)[1])
            result = load_graph(n, folder) if args.load else measure_size(n, folder, args.repeat)
        args.json.write_text(json.dumps(result), encoding="utf-8")
        return
    results: dict = {"sizes": {}}
    with tempfile.TemporaryDirectory() as scratch:
        for n in args.sizes:
            folder = Path(scratch) / f"graph-{n}"
            loaded = run_json(__file__, "--load", str(n), str(folder))
            results["sizes"][str(n)] = {**loaded, **run_json(__file__, "--measure", str(n), str(folder),
                                                              "--repeat", str(args.repeat)),
                                        **run_json(__file__, "--restart", str(folder))}
            print(json.dumps({str(n): results["sizes"][str(n)]}), flush=True)
            if n == 100_000:
                results["rest"] = measure_rest(folder, args.rest_seconds)
                print(json.dumps({"rest": results["rest"]}), flush=True)
            shutil.rmtree(folder)
            shutil.rmtree(index_folder(str(folder), None), ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
