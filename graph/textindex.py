"""The text index: names, alternative names and evidence sentences by Norwegian word stem, in SQLite FTS5, kept
per named graph like the index (``graph.index``): only graphs whose revision moved are indexed again.

A row's indexed terms are the stems of its text (``ontology.text.stems``), so inflections meet ("legemiddellisten",
"legemiddelliste"). A query word also finds the compounds its stem begins: the index's own vocabulary lists the
terms that start with it ("legemiddel": "legemiddellist", "legemiddelmodul") and the query asks for those exact
terms, never for an FTS5 prefix, which merges whole lists of rows when the word is common.

FTS5 finds the rows; ranking is computed here, by BM25 over the index's own counts of rows per term: FTS5's
``bm25()`` counts the rows of every query term by reading all of them, which grows with the store. The file
is SQLite's: every write is one transaction, so a crash leaves the previous state whole, and a file SQLite
cannot read, or of another format, is made anew.
"""

import math
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from ontology.text import stems

FORMAT = "1"  # what the tables hold: a file of another format is made anew
COMPOUND_PART = 4  # a query stem of at least this many letters also matches the longer terms it begins
EXPANSIONS = 256  # terms a query stem may stand for, at most
K1, B = 1.2, 0.75  # BM25's usual constants
KINDS = ("name", "sentence")
TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '@_'"  # splits a row's terms where ``stems`` does

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS graph(id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, revision TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS entry(id INTEGER PRIMARY KEY, graph INTEGER NOT NULL, kind TEXT NOT NULL,
       subject TEXT NOT NULL, text TEXT NOT NULL, terms TEXT NOT NULL, document TEXT, start INTEGER, "end" INTEGER)""",
    "CREATE INDEX IF NOT EXISTS entry_graph ON entry(graph)",
    "CREATE TABLE IF NOT EXISTS term(kind TEXT, term TEXT, rows INTEGER NOT NULL, PRIMARY KEY(kind, term))"
    " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS total(kind TEXT PRIMARY KEY, rows INTEGER NOT NULL, terms INTEGER NOT NULL)",
    *(statement for kind in KINDS for statement in (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {kind}_fts USING fts5(terms, content='entry', content_rowid='id',"
        f" tokenize=\"{TOKENIZER}\", detail=none)",
        f"""CREATE TRIGGER IF NOT EXISTS {kind}_added AFTER INSERT ON entry WHEN new.kind = '{kind}' BEGIN
            INSERT INTO {kind}_fts(rowid, terms) VALUES (new.id, new.terms); END""",
        f"""CREATE TRIGGER IF NOT EXISTS {kind}_removed AFTER DELETE ON entry WHEN old.kind = '{kind}' BEGIN
            INSERT INTO {kind}_fts({kind}_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END""")),
]


class Sentence(NamedTuple):
    """An evidence sentence: its quote selector's IRI and text, and where it stands when its evidence says."""

    quote: str
    text: str
    document: str | None = None
    start: int | None = None
    end: int | None = None


class GraphText(NamedTuple):
    """What one named graph gives the text index: the names of its entities and its evidence sentences."""

    revision: str
    names: Iterable[tuple[str, str]]  # (entity IRI, a label or an alternative label)
    sentences: Iterable[Sentence]


class Match(NamedTuple):
    """A row that holds the query's words: its subject (entity or quote IRI), text, BM25 score and place."""

    subject: str
    text: str
    score: float
    document: str | None
    start: int | None
    end: int | None


class Weights(NamedTuple):
    """What BM25 needs of the whole index: the inverse document frequency of each query term, the mean length."""

    idf: dict[str, float]
    mean_length: float


def matches(term: str, word: str) -> bool:
    """Return True when the indexed ``term`` answers the query stem ``word``: the same, or a compound it begins.

    >>> matches("legemiddellist", "legemiddel"), matches("9600", "960"), matches("pasient", "pasient")
    (True, False, True)
    """
    return term == word or (_expands(word) and term.startswith(word))


def _expands(word: str) -> bool:
    return len(word) >= COMPOUND_PART and word.isalpha()


class TextIndex:
    """The text index in the SQLite file ``path`` (in memory when None). One connection serves every thread,
    one statement at a time; a search takes milliseconds, and a write is one transaction."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._lock = threading.Lock()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        """Open the file, or make it anew when SQLite cannot read it or it holds another format."""
        try:
            return self._connect()
        except sqlite3.DatabaseError:
            assert self.path is not None  # a database in memory is never unreadable
            for leftover in (self.path, self.path.with_name(self.path.name + "-wal"),
                             self.path.with_name(self.path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path or ":memory:"), check_same_thread=False, isolation_level=None,
                             timeout=600)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            stamp = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() \
                if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() else None
            if stamp is not None and stamp[0] != FORMAT:
                db.close()
                raise sqlite3.DatabaseError(f"a text index of format {stamp[0]}")
            with _transaction(db):
                for statement in SCHEMA:
                    db.execute(statement)
                db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def revisions(self) -> dict[str, str]:
        """Return the revision of each graph as the index holds it."""
        with self._lock:
            return dict(self._db.execute("SELECT iri, revision FROM graph").fetchall())

    def write(self, removed: Iterable[str], written: Iterable[tuple[str, GraphText]]) -> None:
        """Remove the rows of the ``removed`` graphs and replace those of the ``written`` ones, in one transaction."""
        with self._lock, _transaction(self._db):
            for graph in removed:
                self._remove(graph)
            for graph, text in written:
                self._remove(graph)
                self._add(graph, text)

    def _remove(self, graph: str) -> None:
        found = self._db.execute("SELECT id FROM graph WHERE iri = ?", (graph,)).fetchone()
        if found is None:
            return
        rows = self._db.execute("SELECT kind, terms FROM entry WHERE graph = ?", found).fetchall()
        self._count(rows, -1)
        self._db.execute("DELETE FROM entry WHERE graph = ?", found)
        self._db.execute("DELETE FROM graph WHERE id = ?", found)
        self._db.execute("DELETE FROM term WHERE rows <= 0")
        self._db.execute("DELETE FROM total WHERE rows <= 0")

    def _add(self, graph: str, text: GraphText) -> None:
        graph_id = self._db.execute("INSERT INTO graph(iri, revision) VALUES (?, ?) RETURNING id",
                                    (graph, text.revision)).fetchone()[0]
        rows: list[tuple[int, str, str, str, str, str | None, int | None, int | None]] = [
            (graph_id, "name", entity, name, " ".join(stems(name)), None, None, None)
            for entity, name in sorted(set(text.names))]
        rows += [(graph_id, "sentence", s.quote, s.text, " ".join(stems(s.text)), s.document, s.start, s.end)
                 for s in text.sentences]
        rows = [row for row in rows if row[4]]
        self._db.executemany('INSERT INTO entry(graph, kind, subject, text, terms, document, start, "end")'
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self._count([(row[1], row[4]) for row in rows], 1)

    def _count(self, rows: list[tuple[str, str]], sign: int) -> None:
        """Add ``sign`` to the counts of rows per term and to the totals, for each of ``rows`` (kind, terms)."""
        per_term: Counter[tuple[str, str]] = Counter()
        totals: dict[str, list[int]] = {kind: [0, 0] for kind in KINDS}
        for kind, terms in rows:
            words = terms.split(" ")
            per_term.update((kind, word) for word in set(words))
            totals[kind][0] += 1
            totals[kind][1] += len(words)
        self._db.executemany("INSERT INTO term VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET rows = rows + excluded.rows",
                             ((kind, term, sign * n) for (kind, term), n in per_term.items()))
        self._db.executemany("INSERT INTO total VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET rows = rows + excluded.rows,"
                             " terms = terms + excluded.terms",
                             ((kind, sign * n, sign * t) for kind, (n, t) in totals.items() if n))

    def find(self, kind: str, words: set[str], *, every: bool) -> list[Match]:
        """Return the ``kind`` rows ("name" or "sentence") that hold every word of ``words`` (query stems), or
        with ``every`` false any of them, each scored by BM25; a word stands for the compounds it begins."""
        assert kind in KINDS, kind  # a table's name, never a caller's text
        with self._lock:
            terms = {word: self._terms(kind, word) for word in sorted(words)}
            if every and not all(terms.values()):
                return []
            groups = ["(" + " OR ".join(map(_quoted, found)) + ")" for found in terms.values() if found]
            if not groups:
                return []
            expression = (" AND " if every else " OR ").join(groups)
            rows = self._db.execute(
                f'SELECT e.subject, e.text, e.terms, e.document, e.start, e."end" FROM {kind}_fts'
                f" JOIN entry e ON e.id = {kind}_fts.rowid WHERE {kind}_fts MATCH ?", (expression,)).fetchall()
            weights = self._weights(kind, {t for found in terms.values() for t in found})
        return [Match(subject, text, _bm25(row_terms.split(" "), weights), document, start, end)
                for subject, text, row_terms, document, start, end in rows]

    def _terms(self, kind: str, word: str) -> list[str]:
        """Return the indexed terms that answer ``word``: itself, and the compounds it begins."""
        if not _expands(word):
            found = self._db.execute("SELECT term FROM term WHERE kind = ? AND term = ?", (kind, word)).fetchall()
        else:
            found = self._db.execute("SELECT term FROM term WHERE kind = ? AND term >= ? AND term < ? LIMIT ?",
                                     (kind, word, word + "\U0010ffff", EXPANSIONS)).fetchall()
        return [term for (term,) in found]

    def _weights(self, kind: str, terms: set[str]) -> Weights:
        """Return the inverse document frequency of each of ``terms`` and the mean length of a ``kind`` row."""
        count, length = self._db.execute("SELECT rows, terms FROM total WHERE kind = ?", (kind,)).fetchone() or (0, 0)
        idf = {}
        for term in terms:
            found = self._db.execute("SELECT rows FROM term WHERE kind = ? AND term = ?", (kind, term)).fetchone()
            n = found[0] if found else 0
            idf[term] = math.log(1 + (count - n + 0.5) / (n + 0.5))
        return Weights(idf, length / count if count else 1.0)

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()


def _bm25(row_terms: list[str], weights: Weights) -> float:
    """Return the BM25 score of a row of ``row_terms`` for the query terms weighted in ``weights``."""
    norm = K1 * (1 - B + B * len(row_terms) / weights.mean_length)
    counts = Counter(term for term in row_terms if term in weights.idf)
    return round(sum(weights.idf[t] * n * (K1 + 1) / (n + norm) for t, n in counts.items()), 6)


def _quoted(term: str) -> str:
    """Return ``term`` as an FTS5 string: a term, never an operator or a column filter."""
    return '"' + term.replace('"', '""') + '"'


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """Run the block as one write transaction: committed whole, or rolled back when anything in it fails."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
