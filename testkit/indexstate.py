"""The state of an index as plain values, to compare an index kept in step, or loaded from its files, with one
built from scratch: what the snapshot holds, and every row of its text index."""

from pathlib import Path

from graph.index import GraphIndex, Snapshot


def snapshot_fields(snapshot: Snapshot) -> tuple:
    """Return what ``snapshot`` holds, as values."""
    return (snapshot.labels, snapshot.kinds, snapshot.alts, snapshot.discovered, snapshot.edges,
            dict(snapshot.graph.needs), dict(snapshot.graph.needed_by), snapshot.graph.ends)


def state(index: GraphIndex) -> tuple:
    """Return the fields of the index's current snapshot and the rows of its text index."""
    return snapshot_fields(index.snapshot()), index.text.rows()


def built_afresh(store, folder: Path) -> tuple:
    """Build the index of ``store`` from scratch with its files in ``folder`` (a new one); return its ``state``."""
    index = GraphIndex(store, folder=folder)
    found = state(index)
    index.close()
    return found
