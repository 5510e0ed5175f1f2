"""Parallel ingest as a user runs it: ``veikart ingest --jobs N`` of the same synthetic documents into a fresh
store, for each N, each run a process of its own (start, imports, workers, analysis, writes). The values of N
take turns for a few rounds, and each one's median counts: a noisy machine slows one run, not a whole N.

    .venv/bin/python bench/jobs_bench.py [--documents 100] [--jobs 1 2] [--rounds 3]   # prints the seconds
    .venv/bin/python bench/jobs_bench.py --json out.json
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.processes import VEIKART  # noqa: E402
from testkit.synthetic import corpus  # noqa: E402


def time_ingest(folder: Path, jobs: int) -> float:
    """Return the seconds one ``veikart ingest --jobs`` process took over ``folder`` into a new store."""
    with tempfile.TemporaryDirectory() as store:
        start = time.perf_counter()
        subprocess.run([VEIKART, "ingest", str(folder), "--store", str(Path(store) / "store"), "--quiet",
                        "--jobs", str(jobs)], check=True)
        return time.perf_counter() - start


def measure(documents: int, jobs: list[int], rounds: int) -> dict:
    """Write ``documents`` synthetic documents to a folder and time ingests of it with each of ``jobs`` in turn,
    ``rounds`` times."""
    runs: dict[str, list[float]] = {str(n): [] for n in jobs}
    with tempfile.TemporaryDirectory() as folder:
        for name, text in corpus(documents):
            (Path(folder) / name).write_text(text, encoding="utf-8")
        for _ in range(rounds):
            for n in jobs:
                runs[str(n)].append(round(time_ingest(Path(folder), n), 2))
    seconds = {n: statistics.median(times) for n, times in runs.items()}
    first = seconds[str(jobs[0])]
    return {"documents": documents, "cores": os.cpu_count(), "rounds": runs, "seconds": seconds,
            **{f"jobs{n}_over_{jobs[0]}": round(first / seconds[str(n)], 3) for n in jobs[1:]}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = measure(args.documents, args.jobs, args.rounds)
    print(json.dumps(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
