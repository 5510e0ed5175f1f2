"""The text index: names, alternative names and evidence sentences by Norwegian word stem, in a tantivy index,
kept per named graph like the index (``graph.index``): only graphs whose revision moved are indexed again.

A row's indexed terms are the stems of its text (``ontology.text.stems``), so inflections meet ("legemiddellisten",
"legemiddelliste"). A query word also finds the compounds its stem begins: the index's own term dictionary lists
the terms that start with it ("legemiddel": "legemiddellist", "legemiddelmodul"), and the query asks for those
exact terms. Names and sentences are indexed in fields of their own, each scored by tantivy's BM25 with its own
statistics; tantivy finds the best rows of a common word without scoring every row that holds it, which SQLite
FTS5 cannot (bench/RESULTS.md has both measured).

Each graph's revision is a document of the index, written in the same commit as its rows: a commit lands whole
or not at all, so the index never claims a revision whose rows it does not hold. A folder tantivy cannot open, or
of another format, is made anew. One process writes a folder at a time (tantivy locks it): another process given
the same folder keeps its text index in memory.
"""

import shutil
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import tantivy

from ontology.text import stems

FORMAT = "1"  # the schema below: a folder of another format is made anew
COMPOUND_PART = 4  # a query stem of at least this many letters also matches the longer terms it begins
EXPANSIONS = 256  # terms a query stem may stand for, at most
WRITER_HEAP = 32_000_000  # bytes the writer buffers before it writes a segment
TERMS = {"name": "name_terms", "sentence": "sentence_terms"}  # the field each kind's terms are indexed in


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for raw in ("kind", "graph"):  # what a row is, and the graph that states it (rows are removed by graph)
        builder.add_text_field(raw, stored=True, tokenizer_name="raw")
    for field in TERMS.values():
        builder.add_text_field(field, tokenizer_name="whitespace", index_option="freq")
    for payload in ("subject", "text", "document", "revision"):
        builder.add_bytes_field(payload, stored=True, indexed=False)
    for offset in ("start", "end"):
        builder.add_integer_field(offset, stored=True, indexed=False)
    return builder.build()


SCHEMA = _schema()


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


def matches(term: str, word: str) -> bool:
    """Return True when the indexed ``term`` answers the query stem ``word``: the same, or a compound it begins.

    >>> matches("legemiddellist", "legemiddel"), matches("9600", "960"), matches("pasient", "pasient")
    (True, False, True)
    """
    return term == word or (_expands(word) and term.startswith(word))


def _expands(word: str) -> bool:
    return len(word) >= COMPOUND_PART and word.isalpha()


class TextIndex:
    """The text index in the folder ``path`` (in memory when None, or when another process writes the folder).
    Writes take a lock; searches read the last commit."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._lock = threading.Lock()
        self._index, self._writer = self._open()

    def _open(self) -> tuple[tantivy.Index, tantivy.IndexWriter]:
        """Open the folder, or make it anew when tantivy cannot open it or it is of another format."""
        if self.path is None:
            return _with_writer(tantivy.Index(SCHEMA))
        folder = self.path / f"v{FORMAT}"
        if self.path.is_dir():
            for other in self.path.iterdir():  # of another format
                if other != folder:
                    shutil.rmtree(other, ignore_errors=True)
        try:
            return _with_writer(_index_at(folder))
        except ValueError as exc:
            if "lock" in str(exc).lower():  # another process keeps this folder in step
                return _with_writer(tantivy.Index(SCHEMA))
            shutil.rmtree(folder, ignore_errors=True)
            return _with_writer(_index_at(folder))
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            return _with_writer(_index_at(folder))

    def revisions(self) -> dict[str, str]:
        """Return the revision of each graph as the index holds it."""
        return {_text(doc, "graph"): _text(doc, "revision") for _, doc in self._all(_term("kind", "graph"))}

    def write(self, removed: Iterable[str], written: Iterable[tuple[str, GraphText]]) -> None:
        """Remove the rows of the ``removed`` graphs and replace those of the ``written`` ones, in one commit."""
        with self._lock:
            try:
                for graph in removed:
                    self._writer.delete_documents_by_term("graph", graph)
                for graph, text in written:
                    self._writer.delete_documents_by_term("graph", graph)
                    self._add(graph, text)
            except BaseException:
                self._writer.rollback()  # nothing of a write that failed reaches the next commit
                raise
            self._writer.commit()
            self._index.reload()

    def _add(self, graph: str, text: GraphText) -> None:
        add = self._writer.add_document
        add(tantivy.Document(kind="graph", graph=graph, revision=text.revision.encode()))
        for entity, name in sorted(set(text.names)):
            if terms := " ".join(stems(name)):
                add(tantivy.Document(kind="name", graph=graph, name_terms=terms, subject=entity.encode(),
                                     text=name.encode()))
        for sentence in text.sentences:
            if terms := " ".join(stems(sentence.text)):
                place = {"document": sentence.document.encode(), "start": sentence.start, "end": sentence.end} \
                    if sentence.document is not None else {}
                add(tantivy.Document(kind="sentence", graph=graph, sentence_terms=terms,
                                     subject=sentence.quote.encode(), text=sentence.text.encode(), **place))

    def find(self, kind: str, words: set[str], *, every: bool, limit: int | None = None,
             offset: int = 0) -> tuple[list[Match], int]:
        """Return the ``kind`` rows ("name" or "sentence") that hold every word of ``words`` (query stems), or
        with ``every`` false any of them, best first by BM25, from ``offset`` (``limit`` of them, or all), and
        how many there are; a word stands for the compounds it begins."""
        field = TERMS[kind]
        searcher = self._index.searcher()
        groups = [self._terms(searcher, field, word) for word in sorted(words)]
        if not any(groups) or (every and not all(groups)):
            return [], 0
        occur = tantivy.Occur.Must if every else tantivy.Occur.Should
        query = tantivy.Query.boolean_query([(occur, _any(field, group)) for group in groups if group])
        if limit is None:
            found = self._all(query, searcher)
            return [_match(score, doc) for score, doc in found], len(found)
        if offset >= searcher.num_docs:  # tantivy keeps offset + limit hits aside: a huge offset aborts the process
            return [], _count(searcher.search(query, limit=1, count=True))
        result = searcher.search(query, limit=max(1, limit), offset=offset, count=True)
        return [_match(score, searcher.doc(address)) for score, address in result.hits[:limit]], _count(result)

    def _terms(self, searcher: tantivy.Searcher, field: str, word: str) -> list[str]:
        """Return the indexed terms that answer ``word``: itself, and the compounds it begins."""
        found = [word] if searcher.doc_freq(field, word) else []
        if _expands(word):
            found += [term for term, _ in searcher.terms_with_prefix(field, word, limit=EXPANSIONS) if term != word]
        return found

    def _all(self, query: tantivy.Query,
             searcher: tantivy.Searcher | None = None) -> list[tuple[float, tantivy.Document]]:
        """Return every document ``query`` finds, best first, with its score."""
        searcher = searcher or self._index.searcher()
        count = _count(searcher.search(query, limit=1, count=True))
        if not count:
            return []
        return [(score, searcher.doc(address)) for score, address in searcher.search(query, limit=count).hits]

    def rows(self) -> list[tuple[object, ...]]:
        """Return every row and graph revision the index holds, sorted: an index compared with another."""
        docs = self._all(tantivy.Query.all_query())
        return sorted(tuple((name, tuple(values)) for name, values in sorted(doc.to_dict().items()))
                      for _, doc in docs)

    def close(self) -> None:
        """Release the folder: wait for the writer's merges, then drop it and its lock."""
        with self._lock:
            self._writer.wait_merging_threads()
            del self._writer


def _count(result: tantivy.SearchResult) -> int:
    """Return how many documents the search found in all (asked with ``count=True``)."""
    count: int = result.count  # type: ignore[attr-defined]  # the package's stubs leave it out
    return count


def _index_at(folder: Path) -> tantivy.Index:
    folder.mkdir(parents=True, exist_ok=True)
    return tantivy.Index(SCHEMA, path=str(folder), reuse=True)


def _with_writer(index: tantivy.Index) -> tuple[tantivy.Index, tantivy.IndexWriter]:
    return index, index.writer(WRITER_HEAP, 1)


def _term(field: str, value: str) -> tantivy.Query:
    return tantivy.Query.term_query(SCHEMA, field, value)


def _any(field: str, terms: list[str]) -> tantivy.Query:
    """Return the query for a row with any of ``terms`` in ``field``, scored by BM25 (a term set query is not)."""
    if len(terms) == 1:
        return _term(field, terms[0])
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, _term(field, term)) for term in terms])


def _text(doc: tantivy.Document, field: str) -> str:
    value = doc.get_first(field)
    return value.decode() if isinstance(value, bytes) else str(value)


def _match(score: float, doc: tantivy.Document) -> Match:
    document = doc.get_first("document")
    return Match(_text(doc, "subject"), _text(doc, "text"), round(score, 6),
                 document.decode() if document is not None else None, doc.get_first("start"), doc.get_first("end"))
