"""Dependency queries by graph size: Veikart's index beside a pure-Python BFS over an adjacency dict
(the limit), raw pyoxigraph SPARQL in memory and on disk, and rdflib's in-memory Graph, on the same
edges in the same run; then the REST API over the 10^5 graph, embedded and remote, 1 and 16 clients.

    .venv/bin/python bench/graph_bench.py [--sizes 10000 100000 1000000] [--json out.json]
"""

import argparse
import asyncio
import io
import json
import statistics
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
from api.routes.analysis import list_prerequisites  # noqa: E402
from bench.graphgen import edges, initiative, nquads  # noqa: E402
from bench.processes import peak_rss_mb, serve, stop  # noqa: E402
from graph.catalog import Catalog  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from graph.index import GraphIndex  # noqa: E402
from graph.related import related  # noqa: E402
from graph.search import search  # noqa: E402
from tests.oxigraph_server import OxigraphServer  # noqa: E402

START = 9600  # about 1,540 transitive prerequisites, as in the figures measured before Veikart existed
DEPENDS_ON = "https://w3id.org/veikart/ontology#dependsOn"
PATH_QUERY = f"SELECT ?p WHERE {{ <{initiative(START)}> <{DEPENDS_ON}>+ ?p }}"
SLOW_QUERIES = {"VEIKART_QUERY_TIMEOUT": "60"}  # a remote store's index is loaded with queries over 10^5 edges
REVERSE_QUERY = f"SELECT ?d WHERE {{ ?d <{DEPENDS_ON}>+ <{initiative(START)}> }}"


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


def measure_size(n: int, folder: Path, repeat: int) -> dict:
    result: dict = {"initiatives": n}
    start = time.perf_counter()
    raw = ox.Store(str(folder))
    raw.bulk_load(Lines(nquads(n)), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    result["load_s"] = round(time.perf_counter() - start, 1)
    result["quads"] = len(raw)
    del raw

    needs: dict[str, list[str]] = {}
    needed_by: dict[str, list[str]] = {}
    for dependent, prerequisite in edges(n):
        needs.setdefault(initiative(dependent), []).append(initiative(prerequisite))
        needed_by.setdefault(initiative(prerequisite), []).append(initiative(dependent))
    memory = ox.Store()
    memory.bulk_extend(ox.Quad(ox.NamedNode(d), ox.NamedNode(DEPENDS_ON), ox.NamedNode(p))
                       for d, ps in needs.items() for p in ps)
    start_iri = initiative(START)

    store = EmbeddedStore(folder)
    store.stamp_if_new()
    install_vocabularies(store)
    start = time.perf_counter()
    index = GraphIndex(store)
    catalog = Catalog(store, index.snapshot())
    result["index_build_s"] = round(time.perf_counter() - start, 1)
    graph = catalog.dependency_graph()
    on_disk = ox.Store.read_only(str(folder))

    prerequisites = {
        "bfs": timed(lambda: bfs(needs, start_iri), repeat),
        "veikart": timed(lambda: graph.prerequisites(start_iri, transitive=True), repeat),
        "oxigraph_memory": timed(lambda: list(memory.query(PATH_QUERY)), repeat),
        "oxigraph_disk": timed(lambda: list(on_disk.query(PATH_QUERY, use_default_graph_as_union=True)), repeat),
    }
    dependents = {
        "bfs": timed(lambda: bfs(needed_by, start_iri), max(3, repeat // 10)),
        "veikart": timed(lambda: graph.dependents(start_iri, transitive=True), max(3, repeat // 10)),
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
    result["related"] = timed(lambda: related(catalog, start_iri, graph, 10), max(3, repeat // 10))
    result["search"] = timed(lambda: search(catalog, f"tiltak {START}", 20), max(3, repeat // 10))
    result["rest_inproc"] = timed(lambda: list_prerequisites(f"tiltak-{START}", catalog, transitive=True)["items"],
                                  repeat)
    result["rss_mb"] = peak_rss_mb()
    store.close()
    return result


async def load(url: str, clients: int, seconds: float) -> dict:
    """Run ``clients`` clients on the transitive prerequisites route for ``seconds``."""
    path = f"/api/initiatives/tiltak-{START}/dependencies?transitive=true"
    times: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                response = await http.get(path)
                response.raise_for_status()
                times.append((time.perf_counter() - start) * 1000)
            except httpx.HTTPError:
                errors += 1

    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        await http.get(path)
        await asyncio.gather(*(client(http) for _ in range(clients)))
    times.sort()
    return {"clients": clients, "requests_per_s": round(len(times) / seconds, 1),
            "median_ms": round(statistics.median(times), 2), "p99_ms": round(times[int(0.99 * (len(times) - 1))], 2),
            "errors": errors}


def measure_rest(folder: Path, seconds: float) -> dict:
    """The REST API over the 10^5 graph: the embedded store, then the same quads in a real Oxigraph server."""
    result: dict = {}
    process, url = serve(str(folder), env=SLOW_QUERIES)
    try:
        result["embedded"] = {str(c): asyncio.run(load(url, c, seconds)) for c in (1, 16)}
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
                    result[name] = {str(c): asyncio.run(load(url, c, seconds)) for c in (1, 16)}
                finally:
                    stop(process)
        finally:
            server.stop()
    return result


def serve_rss(folder: Path) -> float:
    """Return the peak memory of a server over the store at ``folder`` after some dependency requests."""
    process, url = serve(str(folder), env=SLOW_QUERIES)
    try:
        for _ in range(20):
            httpx.get(f"{url}/api/initiatives/tiltak-{START}/dependencies?transitive=true", timeout=60)
            httpx.get(f"{url}/api/initiatives/tiltak-{START}/related", timeout=60)
        return peak_rss_mb(process.pid)
    finally:
        stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--rest-seconds", type=float, default=10.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict = {"sizes": {}}
    with tempfile.TemporaryDirectory() as scratch:
        for n in args.sizes:
            folder = Path(scratch) / f"graph-{n}"
            results["sizes"][str(n)] = measure_size(n, folder, args.repeat)
            print(json.dumps({str(n): results["sizes"][str(n)]}), flush=True)
            if n == 100_000:
                results["rest"] = measure_rest(folder, args.rest_seconds)
                print(json.dumps({"rest": results["rest"]}), flush=True)
            if n == max(args.sizes):
                results["sizes"][str(n)]["serve_rss_mb"] = serve_rss(folder)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
