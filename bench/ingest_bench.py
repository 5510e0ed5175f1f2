"""Ingest throughput: the whole Veikart ingest beside the bare spaCy pipeline, on the same texts.

    .venv/bin/python bench/ingest_bench.py [--sizes 10 100] [--json results.json]
"""

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import spacy
from spacy.matcher import PhraseMatcher

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.cli.ingest import document_files  # noqa: E402
from api.ingestion import ingest_document, install_vocabularies  # noqa: E402
from graph import Store  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from ingest import Extractor, read, read_bytes  # noqa: E402
from ingest.lexicon import lexicon_entities  # noqa: E402
from testkit.synthetic import corpus  # noqa: E402


def bare_spacy(texts: list[str]) -> tuple[float, int]:
    """Return (seconds, sentences) for blank("nb") + sentencizer + a lexicon PhraseMatcher."""
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("LEX", [nlp.make_doc(n) for e in lexicon_entities() for n in (e.label, *e.alt_labels)])
    start, sentences = time.perf_counter(), 0
    for doc in nlp.pipe(texts):
        matcher(doc)
        sentences += sum(1 for _ in doc.sents)
    return time.perf_counter() - start, sentences


def veikart_ingest(documents, extractor: Extractor, store: Store) -> float:
    start = time.perf_counter()
    for document in documents:
        ingest_document(store, extractor, document)
    return time.perf_counter() - start


FLOOR_UP_TO = 100  # documents; beyond this the floor takes as long as the ingest and says nothing new


def write_floor(store: Store, folder: Path) -> float:
    """Return the seconds the bare engine takes to write the same quads, one transaction and flush per
    document graph: no analysis can make an ingest faster than this."""
    data, _ = store.export("nquads")
    graphs: dict[str, list] = {}
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    raw = ox.Store(str(folder))
    start = time.perf_counter()
    for quads in graphs.values():
        raw.extend(quads)
        raw.flush()
    return time.perf_counter() - start


def measure(name: str, documents, extractor: Extractor) -> dict:
    texts = [d.text for d in documents]
    kilobytes = sum(len(t.encode("utf-8")) for t in texts) / 1024
    bare_seconds, sentences = bare_spacy(texts)
    with tempfile.TemporaryDirectory() as folder:
        store = EmbeddedStore(Path(folder) / "store")
        install_vocabularies(store)
        seconds = veikart_ingest(documents, extractor, store)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the measurements below
        reingest = veikart_ingest(documents, extractor, store)
        floor = write_floor(store, Path(folder) / "floor") if len(documents) <= FLOOR_UP_TO else None
        store.close()  # before its folder goes: the engine may still be writing files in the background
    return {"corpus": name, "documents": len(documents), "kilobytes": round(kilobytes, 1), "sentences": sentences,
            "seconds": round(seconds, 3), "documents_per_s": round(len(documents) / seconds, 2),
            "sentences_per_s": round(sentences / seconds, 1), "kb_per_s": round(kilobytes / seconds, 1),
            "spacy_seconds": round(bare_seconds, 3),
            "reingest_fraction": round(reingest / seconds, 4),
            "write_floor_seconds": round(floor, 3) if floor is not None else None,
            "ingest_over_floor": round((bare_seconds + floor) / seconds, 3) if floor is not None else None,
            "peak_rss_mb": round(peak, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    extractor = Extractor()
    rows = [measure("sample corpus", [read(p) for p in document_files([ROOT / "corpus"])], extractor)]
    for size in args.sizes:
        rows.append(measure(f"synthetic {size}", [read_bytes(n, t.encode()) for n, t in corpus(size)], extractor))
    header = list(rows[0])
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(str(row[k]) for k in header))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
