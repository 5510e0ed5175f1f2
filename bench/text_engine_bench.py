"""The text index's two candidate engines on the same rows: SQLite FTS5 (as Veikart's ``TextIndex`` uses it)
and tantivy, each built over the names and evidence sentences of the synthetic graph of ``n`` initiatives
(``testkit.graphgen``: "Tiltak 9600", "Tiltak 9600 forutsetter at tiltak 9598 er innført."), both fed the
same Norwegian stems, written per 32 named graphs of 1,000 initiatives as the index writes them. Each size
runs in its own process.

    .venv/bin/python bench/text_engine_bench.py [--sizes 10000 1000000] [--json out.json]
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import tantivy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.textindex import GraphText, Sentence, TextIndex  # noqa: E402
from ontology.text import stems  # noqa: E402
from testkit.graphgen import CHUNK, initiative, prerequisites  # noqa: E402
from testkit.processes import peak_rss_mb, run_json  # noqa: E402

BATCH = 32  # graphs per transaction or commit, as the index writes them
QUERIES = {"rare_and_common": "tiltak 9600", "common": "forutsetter"}


def graph_texts(n: int):
    """Yield (graph, GraphText) for each graph of 1,000 initiatives of the graph of ``n``."""
    for chunk in range(0, n, CHUNK):
        names = [(initiative(i), f"Tiltak {i}") for i in range(chunk, min(n, chunk + CHUNK))]
        sentences = [Sentence(f"urn:q:{i}-{p}", f"Tiltak {i} forutsetter at tiltak {p} er innført.")
                     for i in range(chunk, min(n, chunk + CHUNK)) for p in prerequisites(i)]
        yield f"urn:graph:{chunk // CHUNK}", GraphText("r1", names, sentences)


def timed(run, repeat: int = 5) -> dict:
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        found = run()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 3), "matches": found}


def folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


def measure_fts5(n: int, folder: Path) -> dict:
    index = TextIndex(folder / "text.sqlite")
    start = time.perf_counter()
    batch = []
    for graph, text in graph_texts(n):
        batch.append((graph, text._replace(names=list(text.names), sentences=list(text.sentences))))
        if len(batch) == BATCH:
            index.write([], batch)
            batch = []
    index.write([], batch)
    result: dict = {"build_s": round(time.perf_counter() - start, 1), "size_mb": folder_mb(folder)}
    for name, query in QUERIES.items():
        words = set(stems(query))
        result[name] = timed(lambda w=words: len(index.find("sentence", w, every=True))
                             + len(index.find("name", w, every=True)))
    result["peak_rss_mb"] = peak_rss_mb()
    index.close()
    return result


def measure_tantivy(n: int, folder: Path) -> dict:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("graph", tokenizer_name="raw")
    builder.add_text_field("kind", tokenizer_name="raw")
    builder.add_text_field("subject", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True, index_option="basic")
    builder.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
    schema = builder.build()
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=128_000_000, num_threads=1)
    start = time.perf_counter()
    for number, (graph, text) in enumerate(graph_texts(n), 1):
        writer.delete_documents_by_term("graph", graph)
        rows = [("name", e, name) for e, name in text.names] + [("sentence", s.quote, s.text) for s in text.sentences]
        for kind, subject, row_text in rows:
            writer.add_document(tantivy.Document(graph=graph, kind=kind, subject=subject, text=row_text,
                                                 terms=" ".join(stems(row_text))))
        if number % BATCH == 0:
            writer.commit()
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    result: dict = {"build_s": round(time.perf_counter() - start, 1), "size_mb": folder_mb(folder)}
    searcher = index.searcher()

    def find(words: set[str], kind: str) -> int:
        must = [(tantivy.Occur.Must, tantivy.Query.term_query(schema, field, value))
                for field, value in [("kind", kind), *(("terms", w) for w in sorted(words))]]
        query = tantivy.Query.boolean_query(must)
        found = searcher.search(query, limit=20, count=True)
        for _, address in found.hits:
            searcher.doc(address)
        return found.count

    for name, query in QUERIES.items():
        words = set(stems(query))
        result[name] = timed(lambda w=words: find(w, "sentence") + find(w, "name"))
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 1_000_000])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--measure", nargs=2, metavar=("ENGINE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # one engine at one size, in a child process
        engine, n = args.measure[0], int(args.measure[1])
        with tempfile.TemporaryDirectory() as scratch:
            result = (measure_fts5 if engine == "fts5" else measure_tantivy)(n, Path(scratch))
        args.json.write_text(json.dumps(result), encoding="utf-8")
        return
    results = {}
    for n in args.sizes:
        results[str(n)] = {engine: run_json(__file__, "--measure", engine, str(n)) for engine in ("fts5", "tantivy")}
        print(json.dumps({str(n): results[str(n)]}), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
