"""The text index's two candidate engines on the same rows: tantivy (Veikart's ``graph.textindex.TextIndex``)
and SQLite FTS5 (the candidate below, as it was built and tested before tantivy was chosen), each over the names
and evidence sentences of the synthetic graph of ``n`` initiatives (``testkit.graphgen``: "Tiltak 9600",
"Tiltak 9600 forutsetter at tiltak 9598 er innført."), both fed the same Norwegian stems, written per 32 named
graphs of 1,000 initiatives as the index writes them. Each engine and size runs in its own process.

The FTS5 candidate: an external-content FTS5 table per kind (names, sentences) over one table of rows, with
the graph of each row indexed so a graph's rows are removed in one statement, and its own counts of rows per
term: FTS5 finds the matching rows, and BM25 is computed over those counts (FTS5's ``bm25()`` counts the rows
of each query term by reading them all, which grows with the store).

    .venv/bin/python bench/text_engine_bench.py [--sizes 10000 100000 1000000] [--json out.json]
"""

import argparse
import json
import math
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from itertools import chain
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.textindex import COMPOUND_PART, GraphText, Sentence, TextIndex  # noqa: E402
from ontology.text import stems  # noqa: E402
from testkit.graphgen import CHUNK, initiative, prerequisites  # noqa: E402
from testkit.processes import peak_rss_mb, run_json  # noqa: E402

BATCH = 32  # graphs per transaction or commit, as the index writes them
QUERIES = {"rare_and_common": "tiltak 9600", "common": "forutsetter"}
PAGE = 20
K1, B = 1.2, 0.75
FTS5_SCHEMA = [
    "CREATE TABLE entry(id INTEGER PRIMARY KEY, graph TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,"
    " text TEXT NOT NULL, terms TEXT NOT NULL)",
    "CREATE INDEX entry_graph ON entry(graph)",
    "CREATE TABLE term(kind TEXT, term TEXT, rows INTEGER NOT NULL, PRIMARY KEY(kind, term)) WITHOUT ROWID",
    "CREATE TABLE total(kind TEXT PRIMARY KEY, rows INTEGER NOT NULL, terms INTEGER NOT NULL)",
    *(statement for kind in ("name", "sentence") for statement in (
        f"CREATE VIRTUAL TABLE {kind}_fts USING fts5(terms, content='entry', content_rowid='id',"
        " tokenize=\"unicode61 remove_diacritics 0 tokenchars '@_'\", detail=none)",
        f"CREATE TRIGGER {kind}_added AFTER INSERT ON entry WHEN new.kind = '{kind}' BEGIN"
        f" INSERT INTO {kind}_fts(rowid, terms) VALUES (new.id, new.terms); END")),
]


class Fts5Index:
    """The FTS5 candidate: writes (no removal: every graph is new here) and searches as ``TextIndex`` does."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        for statement in FTS5_SCHEMA:
            self.db.execute(statement)

    def write(self, written: list[tuple[str, GraphText]]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        rows = [(graph, "name", e, name, " ".join(stems(name))) for graph, text in written for e, name in text.names]
        rows += [(graph, "sentence", s.quote, s.text, " ".join(stems(s.text)))
                 for graph, text in written for s in text.sentences]
        self.db.executemany("INSERT INTO entry(graph, kind, subject, text, terms) VALUES (?, ?, ?, ?, ?)", rows)
        for kind in ("name", "sentence"):
            split = [row[4].split(" ") for row in rows if row[1] == kind]
            self.db.executemany("INSERT INTO term VALUES (?, ?, ?)"
                                " ON CONFLICT DO UPDATE SET rows = rows + excluded.rows",
                                ((kind, t, n) for t, n in Counter(chain.from_iterable(map(set, split))).items()))
            self.db.execute("INSERT INTO total VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET rows = rows + excluded.rows,"
                            " terms = terms + excluded.terms", (kind, len(split), sum(map(len, split))))
        self.db.execute("COMMIT")

    def find(self, kind: str, words: set[str]) -> tuple[list[tuple[float, str]], int]:
        """Return the best page of the ``kind`` rows holding every word (or a compound it begins), and how many."""
        terms = {w: [t for (t,) in self.db.execute("SELECT term FROM term WHERE kind = ? AND term >= ? AND term < ?"
                                                   " LIMIT 256", (kind, w, upper(w)))] for w in words}
        if not all(terms.values()):
            return [], 0
        expression = " AND ".join("(" + " OR ".join(f'"{t}"' for t in found) + ")" for found in terms.values())
        rows = self.db.execute(f"SELECT e.subject, e.terms FROM {kind}_fts JOIN entry e ON e.id = {kind}_fts.rowid"
                               f" WHERE {kind}_fts MATCH ?", (expression,)).fetchall()
        count, length = self.db.execute("SELECT rows, terms FROM total WHERE kind = ?", (kind,)).fetchone()
        idf = {}
        for term in chain.from_iterable(terms.values()):
            n = self.db.execute("SELECT rows FROM term WHERE kind = ? AND term = ?", (kind, term)).fetchone()[0]
            idf[term] = math.log(1 + (count - n + 0.5) / (n + 0.5))
        scored = [(bm25(row_terms.split(" "), idf, length / count), subject) for subject, row_terms in rows]
        scored.sort(reverse=True)
        return scored[:PAGE], len(scored)


def upper(word: str) -> str:
    """Return the bound below which the terms a query stem stands for lie: its compounds, or only itself."""
    return word + "\U0010ffff" if len(word) >= COMPOUND_PART and word.isalpha() else word + "\x00"


def bm25(row_terms: list[str], idf: dict[str, float], mean_length: float) -> float:
    norm = K1 * (1 - B + B * len(row_terms) / mean_length)
    return sum(idf[t] * n * (K1 + 1) / (n + norm) for t, n in Counter(t for t in row_terms if t in idf).items())


def graph_texts(n: int):
    """Yield (graph, GraphText) for each graph of 1,000 initiatives of the graph of ``n``."""
    for chunk in range(0, n, CHUNK):
        names = [(initiative(i), f"Tiltak {i}") for i in range(chunk, min(n, chunk + CHUNK))]
        sentences = [Sentence(f"urn:q:{i}-{p}", f"Tiltak {i} forutsetter at tiltak {p} er innført.")
                     for i in range(chunk, min(n, chunk + CHUNK)) for p in prerequisites(i)]
        yield f"urn:graph:{chunk // CHUNK}", GraphText("r1", names, sentences)


def batches(n: int):
    batch = []
    for written in graph_texts(n):
        batch.append(written)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


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


def measure(engine: str, n: int, folder: Path) -> dict:
    """Build ``engine``'s index of the graph of ``n`` in ``folder``, then time the queries: the best page of
    sentences with their count, and every name, as search asks them."""
    start = time.perf_counter()
    if engine == "fts5":
        fts5 = Fts5Index(folder / "text.sqlite")
        for batch in batches(n):
            fts5.write(batch)

        def find(words: set[str]) -> int:
            return fts5.find("sentence", words)[1] + fts5.find("name", words)[1]
    else:
        index = TextIndex(folder / "text")
        for batch in batches(n):
            index.write([], batch)

        def find(words: set[str]) -> int:
            return index.find("sentence", words, every=True, limit=PAGE)[1] + index.find("name", words, every=True)[1]
    result: dict = {"build_s": round(time.perf_counter() - start, 1), "size_mb": folder_mb(folder)}
    for name, query in QUERIES.items():
        words = set(stems(query))
        result[name] = timed(lambda words=words: find(words))
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--measure", nargs=2, metavar=("ENGINE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # one engine at one size, in a child process
        with tempfile.TemporaryDirectory() as scratch:
            result = measure(args.measure[0], int(args.measure[1]), Path(scratch))
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
