"""Bounded loopback load: concurrent clients on the dependency, related and SPARQL routes while
documents are being ingested. Prints throughput, p50/p99 latency, errors and the server's peak memory.

    .venv/bin/python bench/load_bench.py [--clients 32] [--seconds 60] [--json out.json]
"""

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.processes import peak_rss_mb, serve, stop  # noqa: E402
from testkit.synthetic import corpus  # noqa: E402

TOKEN = "load-bench"
READS = ["/api/initiatives/pasientens-legemiddelliste/dependencies?transitive=true",
         "/api/initiatives/sentral-forskrivningsmodul/dependents?transitive=true",
         "/api/initiatives/pasientens-legemiddelliste/related",
         "/sparql?query=" + quote(
             "PREFIX vk: <https://w3id.org/veikart/ontology#> SELECT ?p WHERE { "
             "<https://w3id.org/veikart/id/initiative/pasientens-legemiddelliste> vk:dependsOn+ ?p }")]


async def reader(client: httpx.AsyncClient, deadline: float, latencies: list, errors: list,
                 turned_away: list) -> None:
    while time.monotonic() < deadline:
        path = random.choice(READS)
        started = time.perf_counter()
        try:
            response = await client.get(path, headers={"Accept": "application/json"})
            if response.status_code == 503 and "retry-after" in response.headers:
                turned_away.append(path)  # answered at once: the worker was full
            elif response.status_code >= 400:
                errors.append(f"{response.status_code} {path[:40]}: {response.text[:120]}")
        except httpx.HTTPError as exc:
            errors.append(f"{type(exc).__name__} {path}")
        latencies.append(time.perf_counter() - started)


async def writer(client: httpx.AsyncClient, deadline: float, errors: list) -> int:
    written = 0
    for name, text in corpus(1000, seed=11):
        if time.monotonic() >= deadline:
            break
        response = await client.post("/api/documents", json={"name": name, "text": text},
                                     headers={"Authorization": f"Bearer {TOKEN}"})
        if response.status_code != 201:
            errors.append(f"{response.status_code} POST /api/documents")
        written += 1
    return written


async def load(base: str, clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    turned_away: list[str] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients + 1)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        readers = (reader(client, deadline, latencies, errors, turned_away) for _ in range(clients))
        results = await asyncio.gather(writer(client, deadline, errors), *readers)
    ordered = sorted(latencies)
    return {"clients": clients, "seconds": seconds, "requests": len(latencies),
            "requests_per_s": round(len(latencies) / seconds, 1),
            "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 1),
            "p99_over_p50": round(ordered[int(len(ordered) * 0.99) - 1] / statistics.median(ordered), 2),
            "turned_away_fraction": round(len(turned_away) / len(latencies), 4),
            "errors": len(errors), "documents_ingested": results[0], "error_samples": errors[:5]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        subprocess.run([sys.executable, "-m", "api.cli", "ingest", str(ROOT / "corpus"), "--store", str(store)],
                       cwd=ROOT, check=True, capture_output=True)
        server, base = serve(str(store), env={"VEIKART_TOKEN": TOKEN})
        try:
            result = asyncio.run(load(base, args.clients, args.seconds))
            result["server_peak_rss_mb"] = peak_rss_mb(server.pid)
        finally:
            stop(server)
    for key, value in result.items():
        print(f"{key}: {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
