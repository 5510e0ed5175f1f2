"""The index: labels, kinds and dependency edges of the whole store, kept in step with its writes.

Each named graph contributes a part, loaded with three queries bound to that graph. When the store's
revision moves, only the graphs whose revision moved are loaded again, and only the entities and
edges they touch are merged again; everything else is shared with the previous snapshot. A snapshot
never changes once published, so a request reads one consistent state while a write is merged.
"""

import gc
import sys
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple

from graph.analysis import DependencyGraph, Edge, Evidence
from graph.store import Store
from graph.terms import IRI
from ontology import ENTITY_CLASSES

LOADERS = 4  # graphs loaded at once when the index is built or a write is merged
KINDS = {str(cls): kind for kind, cls in ENTITY_CLASSES.items()}
EdgeKey = tuple[str, str, str]


class Name(NamedTuple):
    """What one graph says of an entity it mentions."""

    kind: str
    label: str
    discovered: bool


class Part(NamedTuple):
    """What one named graph contributes."""

    revision: str
    names: dict[str, Name]
    alts: dict[str, tuple[str, ...]]
    edges: dict[EdgeKey, Edge]


@dataclass(frozen=True)
class Snapshot:
    """The merged index at one revision of the store."""

    revision: str
    parts: dict[str, Part]
    labels: dict[str, str]
    kinds: dict[str, str]
    alts: dict[str, list[str]]
    discovered: frozenset[str]
    edges: dict[EdgeKey, Edge]
    graph: DependencyGraph
    holders: dict  # entity IRI or edge key -> the graphs that state it
    derived: dict = field(default_factory=dict, compare=False)  # indexes built from this snapshot on first use


EMPTY = Snapshot("", {}, {}, {}, {}, frozenset(), {}, DependencyGraph({}, {}), {})


class GraphIndex:
    """The index of ``store``; ``snapshot()`` returns it as of the store's latest revision."""

    def __init__(self, store: Store):
        self.store = store
        self._current = EMPTY
        self._lock = threading.Lock()

    def snapshot(self, revision: str | None = None) -> Snapshot:
        """Return the index at the store's current revision (``revision``, when the caller has just read
        it), merging what changed since the last call."""
        revision = revision if revision is not None else self.store.revision()
        if revision and revision == self._current.revision:
            return self._current
        with self._lock:  # one caller merges a write; the others wait for it and share the result
            if revision != self._current.revision or not revision:
                self._current = self._merge(self._current, revision)
                # The index is millions of long-lived objects: left to the collector, every full
                # collection walks them all and a request waits hundreds of milliseconds. Garbage in
                # cycles is collected first, so none is frozen; reference counting still frees what a
                # later merge drops (the index holds no cycles).
                gc.collect()
                gc.freeze()
            return self._current

    def _merge(self, old: Snapshot, revision: str) -> Snapshot:
        revisions = self.store.revisions()
        changed = {g for g in revisions.keys() | old.parts.keys()
                   if g not in old.parts or revisions.get(g) != old.parts[g].revision}
        parts = {g: part for g, part in old.parts.items() if g in revisions}
        loading = sorted(g for g in changed if g in revisions)
        with ThreadPoolExecutor(LOADERS) as pool:  # the store answers several graphs' queries at once
            parts.update(zip(loading, pool.map(lambda g: self._load(g, revisions[g]), loading), strict=True))
        return _merged(old, parts, changed, revision)

    def _load(self, graph: str, revision: str) -> Part:
        bound = IRI(graph)
        names: dict[str, Name] = {}
        for row in self.store.select("index_entities", graph=bound):
            entity, kind = sys.intern(str(row["entity"])), KINDS[str(row["class"])]
            name = Name(kind, str(row["label"]), bool(row["discovered"]))
            if entity in names:
                seen = names[entity]
                name = Name(_kind((seen.kind, kind)), min(seen.label, name.label), seen.discovered or name.discovered)
            names[entity] = name
        alts: dict[str, list[str]] = {}
        for row in self.store.select("index_alt_labels", graph=bound):
            alts.setdefault(sys.intern(str(row["entity"])), []).append(str(row["alt"]))
        edges: dict[EdgeKey, Edge] = {}
        for row in self.store.select("index_dependencies", graph=bound):
            edge = Edge(sys.intern(str(row["prerequisite"])), sys.intern(str(row["dependent"])),
                        sys.intern(str(row["kind"])), float(row["confidence"]),  # type: ignore[arg-type]
                        (Evidence(sys.intern(str(row["document"])), str(row["text"]), int(row["start"]),  # type: ignore[call-overload]
                                  int(row["end"])),))  # type: ignore[call-overload]
            key = edge[:3]
            edges[key] = _joined(edges[key], edge) if key in edges else edge
        return Part(revision, names, {e: tuple(sorted(set(a))) for e, a in alts.items()}, edges)


def _merged(old: Snapshot, parts: dict[str, Part], changed: set[str], revision: str) -> Snapshot:
    """Return ``old`` with the parts of the ``changed`` graphs replaced by those in ``parts``."""
    holders = dict(old.holders)
    touched: set[str] = set()
    touched_edges: set[EdgeKey] = set()
    for graph in changed:
        for part, add in ((old.parts.get(graph), False), (parts.get(graph), True)):
            if part is None:
                continue
            for key in (*part.names, *part.alts, *part.edges):
                holders[key] = _holding(holders.get(key, frozenset()), graph, add)
            touched.update(part.names, part.alts)
            touched_edges.update(part.edges)
    labels, kinds, alts = dict(old.labels), dict(old.kinds), dict(old.alts)
    discovered = set(old.discovered)
    for entity in touched:
        graphs = sorted(holders.get(entity, ()))
        names = [parts[g].names[entity] for g in graphs if entity in parts[g].names]
        alt_names = sorted({a for g in graphs for a in parts[g].alts.get(entity, ())})
        for table in (labels, kinds, alts):
            table.pop(entity, None)
        discovered.discard(entity)
        if alt_names:
            alts[entity] = alt_names
        if names:
            labels[entity] = min(n.label for n in names)
            kinds[entity] = _kind(n.kind for n in names)
            if any(n.discovered for n in names):
                discovered.add(entity)
    edges = dict(old.edges)
    for key in touched_edges:
        stated = [parts[g].edges[key] for g in sorted(holders.get(key, ()))]
        edges.pop(key, None)
        if stated:
            edges[key] = stated[0] if len(stated) == 1 else _joined(*stated)
    for key in (*touched, *touched_edges):
        if not holders.get(key, True):
            del holders[key]
    return Snapshot(revision, parts, labels, kinds, alts, frozenset(discovered), edges,
                    _regraph(old.graph, edges, touched_edges), holders)


def _regraph(old: DependencyGraph, edges: dict[EdgeKey, Edge], touched: set[EdgeKey]) -> DependencyGraph:
    """Return the adjacency of ``edges``, rebuilding only the lists of the nodes the touched edges meet."""
    if not touched:
        return old
    needs, needed_by = dict(old.needs), dict(old.needed_by)
    for adjacency, end in ((needs, 1), (needed_by, 0)):
        fresh: dict[str, list[Edge]] = {}
        for key in touched:
            entries = fresh.setdefault(key[end], [])
            if key in edges:
                entries.append(edges[key])
        for node, entries in fresh.items():
            entries += [edge for edge in adjacency.get(node, ()) if edge[:3] not in touched]
            if entries:
                adjacency[node] = sorted(entries, key=lambda edge: (edge[1 - end], edge.kind))
            else:
                adjacency.pop(node, None)
    return DependencyGraph(needs, needed_by)


_ALONE: dict[str, frozenset[str]] = {}


def _holding(held: frozenset[str], graph: str, add: bool) -> frozenset[str]:
    """Return ``held`` with ``graph`` added or taken away; a set of one graph is shared, since most
    entities and edges are stated in one graph only and the index holds millions of them."""
    result = held | {graph} if add else held - {graph}
    if len(result) == 1:
        only = next(iter(result))
        return _ALONE.setdefault(only, result)
    return result


def _kind(kinds: Iterable[str]) -> str:
    """Return the kind of an entity typed as one or both: an organisation, if any says so."""
    return "organization" if "organization" in set(kinds) else "initiative"


def _joined(*stated: Edge) -> Edge:
    """Return one edge for the same (prerequisite, dependent, kind) stated several times."""
    evidence: Iterable[Evidence] = sorted({ev for edge in stated for ev in edge.evidence})
    return stated[0]._replace(confidence=max(e.confidence for e in stated), evidence=tuple(evidence))
