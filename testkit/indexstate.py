"""The state of an index as plain values, to compare an index kept in step, or loaded from its files, with one
built from scratch: what the snapshot holds, and every row of a text index file whatever its row ids."""

import sqlite3
from pathlib import Path

from graph.index import GraphIndex, Snapshot


def snapshot_fields(snapshot: Snapshot) -> tuple:
    """Return what ``snapshot`` holds, as values."""
    return (snapshot.labels, snapshot.kinds, snapshot.alts, snapshot.discovered, snapshot.edges,
            dict(snapshot.graph.needs), dict(snapshot.graph.needed_by))


def text_rows(folder: Path) -> tuple:
    """Return the rows of the text index file in ``folder``, its counts of rows per term and its totals."""
    with sqlite3.connect(folder / "text.sqlite") as db:
        entries = db.execute('SELECT g.iri, g.revision, e.kind, e.subject, e.text, e.terms, e.document, e.start,'
                             ' e."end" FROM entry e JOIN graph g ON g.id = e.graph').fetchall()
        terms = db.execute("SELECT kind, term, rows FROM term").fetchall()
        totals = db.execute("SELECT kind, rows, terms FROM total").fetchall()
    return sorted(entries, key=repr), sorted(terms), sorted(totals)


def built_afresh(store, folder: Path) -> tuple:
    """Build the index of ``store`` from scratch with its files in ``folder`` (a new one); return its snapshot's
    fields and its text index's rows."""
    index = GraphIndex(store, folder=folder)
    fields = snapshot_fields(index.snapshot())
    index.close()
    return fields, text_rows(folder)
