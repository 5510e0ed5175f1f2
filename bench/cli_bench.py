"""The command line as a user times it: ``veikart query`` of a count over a store of the sample corpus,
each run a process of its own (start, imports, opening the store, the query, the answer).

    .venv/bin/python bench/cli_bench.py [--runs 10]        # prints the median, fastest and slowest seconds
    .venv/bin/python bench/cli_bench.py --json out.json
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.processes import VEIKART  # noqa: E402

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def time_query(store: str) -> tuple[float, int]:
    """Return the seconds one ``veikart query`` process took, and the count it printed."""
    start = time.perf_counter()
    answer = subprocess.run([VEIKART, "query", COUNT, "--store", store, "--format", "csv"], check=True,
                            capture_output=True, text=True)
    return time.perf_counter() - start, int(answer.stdout.split()[1])


def measure(runs: int) -> dict:
    """Ingest the sample corpus into a fresh store, then time ``runs`` queries of its count."""
    with tempfile.TemporaryDirectory() as folder:
        store = str(Path(folder) / "store")
        subprocess.run([VEIKART, "ingest", str(ROOT / "corpus"), "--store", store, "--quiet"], check=True)
        timings = [time_query(store) for _ in range(runs)]
    seconds = [s for s, _ in timings]
    return {"runs": runs, "triples": timings[0][1], "median_s": round(statistics.median(seconds), 3),
            "min_s": round(min(seconds), 3), "max_s": round(max(seconds), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    figures = measure(args.runs)
    print(f"veikart query of a count over {figures['triples']} triples, {figures['runs']} runs: median "
          f"{figures['median_s']} s (fastest {figures['min_s']} s, slowest {figures['max_s']} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main()
