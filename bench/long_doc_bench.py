"""Long documents: the real roadmap text repeated N times in one file, ingested whole into a fresh store.

    .venv/bin/python bench/long_doc_bench.py --repeat 2 16       # prints seconds and peak memory per size
    .venv/bin/python bench/long_doc_bench.py --repeat 16 --json out.json

Each size runs in its own process when run from ``run_all.py``, so its peak memory is its own; an ingest
that grows with the square of its length shows as a 16x/2x ratio far above 8.
"""

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.ingestion import ingest_document, install_vocabularies  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from ingest import Extractor, read_bytes  # noqa: E402

ROADMAP = ROOT / "corpus" / "veikart-nasjonal-e-helsestrategi.txt"


def measure(repeat: int, extractor: Extractor) -> dict:
    """Return the seconds and sentences of one ingest of the roadmap repeated ``repeat`` times."""
    text = "\n".join([ROADMAP.read_text(encoding="utf-8")] * repeat)
    with tempfile.TemporaryDirectory() as folder:
        store = EmbeddedStore(folder)
        install_vocabularies(store)
        start = time.perf_counter()
        document = read_bytes(f"roadmap-x{repeat}.txt", text.encode("utf-8"))
        ingest_document(store, extractor, document)
        seconds = time.perf_counter() - start
    return {"repeat": repeat, "kb": round(len(text.encode("utf-8")) / 1024), "seconds": round(seconds, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, nargs="+", default=[2, 16])
    parser.add_argument("--json", help="write the figures of the last size to this file")
    args = parser.parse_args()
    extractor = Extractor()
    rows = [measure(n, extractor) for n in args.repeat]
    for row in rows:
        print(f"{row['repeat']:3}x  {row['kb']:6} KB  {row['seconds']:7} s  peak {row['peak_rss_mb']} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(rows[-1]), encoding="utf-8")


if __name__ == "__main__":
    main()
