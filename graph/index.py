"""The index: labels, kinds and dependency edges of the whole store, kept in step with its writes; the
part of the read model held in memory.

Each named graph contributes a part, loaded with three queries bound to that graph. When the store's
revision moves, only the graphs whose revision moved are loaded again, and only the entities and
edges they touch are merged again; everything else is shared with the previous snapshot. A snapshot
never changes once published, so a request reads one consistent state while a write is merged; what
is derived from it (names by word stem, entities in label order) is computed on first use, once. The text
index is synced with each merge, before the new snapshot is published: it indexes again each graph it holds
at another revision than the store's.
"""

import dataclasses
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from graph import index_files
from graph.records import Edge, EdgeKey, Evidence
from graph.rows import flag, integer, iri, number, text, text_or_none
from graph.store import Store
from graph.terms import IRI
from graph.textindex import GraphText, Sentence, TextIndex
from graph.walks import DependencyGraph
from ontology import ENTITY_CLASSES, local_id
from ontology.text import stems

LOADERS = 4  # graphs loaded at once when the index is built or a write is merged
TEXT_BATCH = 32  # graphs whose sentences are read, then written to the text index, at a time
KINDS = {str(cls): kind for kind, cls in ENTITY_CLASSES.items()}
SHARED_SINGLETONS = 65_536  # graphs (documents) whose one-graph holder set is shared (see _alone)


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


Holders = dict[str | EdgeKey, frozenset[str]]  # entity IRI or edge key -> the graphs that state it


@dataclass(frozen=True)
class Snapshot:
    """The merged index at one revision of the store."""

    revision: str
    parts: dict[str, Part]
    labels: dict[str, str]
    kinds: dict[str, str]
    alts: dict[str, tuple[str, ...]]
    discovered: frozenset[str]
    edges: dict[EdgeKey, Edge]
    graph: DependencyGraph
    holders: Holders

    @cached_property
    def by_stem(self) -> Mapping[str, AbstractSet[str]]:
        """Word stem -> the entities with it in their label or an alternative label."""
        by_stem: dict[str, set[str]] = defaultdict(set)
        for entity in self.kinds:
            for name in (self.labels[entity], *self.alts.get(entity, ())):
                for word in stems(name):
                    by_stem[word].add(entity)
        return by_stem

    @cached_property
    def by_kind(self) -> Mapping[str, tuple[str, ...]]:
        """Kind -> the entities of that kind by label, then id: the same order whatever order the index
        learnt them in."""
        by_kind: dict[str, list[str]] = defaultdict(list)
        for entity in sorted(self.kinds, key=lambda e: label_order(self.labels[e], local_id(e))):
            by_kind[self.kinds[entity]].append(entity)
        return {kind: tuple(entities) for kind, entities in by_kind.items()}


EMPTY = Snapshot("", {}, {}, {}, {}, frozenset(), {}, DependencyGraph({}, {}), {})


class GraphIndex:
    """The index of ``store``; ``snapshot()`` returns it as of the store's latest revision, and ``text`` is its
    text index. ``on_merge`` is called after each merge, before the new snapshot is published: the process's
    policy for its memory (the server freezes the merged objects out of the collector's reach).

    With a ``folder`` (``graph.index_files.index_folder``), the text index is kept there, and so is the
    snapshot: the first call starts from the saved one and loads only the graphs whose revision has moved
    since (none on an unchanged store); ``save()`` saves the latest, as ``close()`` does. Saving pickles
    millions of objects and holds a table of them all while it does (about a third of the index's memory),
    so the server saves once, when it stops, not while it serves."""

    def __init__(self, store: Store, *, on_merge: Callable[[], None] | None = None, folder: Path | None = None):
        self.store = store
        self.text = TextIndex(folder / "text" if folder is not None else None)
        self._folder = folder
        self._saved = ""  # the revision of the snapshot in the folder's file, as far as this process knows
        self._current = EMPTY
        self._lock = threading.Lock()
        self._on_merge = on_merge

    def snapshot(self, revision: str | None = None) -> Snapshot:
        """Return the index at the store's current revision (``revision``, when the caller has just read
        it), merging what changed since the last call."""
        revision = revision if revision is not None else self.store.revision()
        if revision and revision == self._current.revision:
            return self._current
        with self._lock:  # one caller merges a write; the others wait for it and share the result
            if revision != self._current.revision or not revision:
                merged = self._merge(self._restored() if self._current is EMPTY else self._current, revision)
                if self._on_merge is not None:
                    self._on_merge()
                self._current = merged
            return self._current

    def _restored(self) -> Snapshot:
        """Return the snapshot saved in the folder, or the empty one when there is none to trust."""
        saved = index_files.load(self._folder) if self._folder is not None else None
        if not isinstance(saved, Snapshot):
            return EMPTY
        self._saved = saved.revision
        return saved

    def save(self) -> None:
        """Save the current snapshot in the folder (if any), unless the file holds it already."""
        with self._lock:
            if self._folder is not None and self._current.revision and self._current.revision != self._saved:
                index_files.save(dataclasses.replace(self._current), self._folder)  # a copy: without what is cached
                self._saved = self._current.revision

    def _merge(self, old: Snapshot, revision: str) -> Snapshot:
        revisions = self.store.revisions()
        changed = {g for g in revisions.keys() | old.parts.keys()
                   if g not in old.parts or revisions.get(g) != old.parts[g].revision}
        parts = {g: part for g, part in old.parts.items() if g in revisions}
        loading = sorted(g for g in changed if g in revisions)
        with ThreadPoolExecutor(LOADERS) as pool:  # the store answers several graphs' queries at once
            parts.update(zip(loading, pool.map(lambda g: self._load(g, revisions[g]), loading), strict=True))
            self._sync_text(parts, pool)
        if not changed:  # a write that changed no graph, or a saved snapshot of an unchanged store
            return dataclasses.replace(old, revision=revision)
        return _merged(old, parts, changed, revision)

    def _sync_text(self, parts: dict[str, Part], pool: ThreadPoolExecutor) -> None:
        """Bring the text index to ``parts``: the graphs it holds at another revision are indexed again, a few
        at a time so that only a few graphs' sentences are held at once."""
        held = self.text.revisions()
        if removed := [g for g in held if g not in parts]:
            self.text.write(removed, [])
        stale = sorted(g for g in parts if held.get(g) != parts[g].revision)
        for start in range(0, len(stale), TEXT_BATCH):
            batch = stale[start:start + TEXT_BATCH]
            self.text.write([], [(g, GraphText(parts[g].revision, _names(parts[g]), sentences))
                                 for g, sentences in zip(batch, pool.map(self._sentences, batch), strict=True)])

    def _sentences(self, graph: str) -> list[Sentence]:
        """Return the quoted sentences of ``graph``, each placed by its evidence when that has a position."""
        found: dict[str, Sentence] = {}
        for row in self.store.select("index_sentences", graph=IRI(graph)):
            quote = iri(row, "quote")
            if quote not in found or found[quote].document is None:
                document = text_or_none(row, "document")
                found[quote] = Sentence(quote, text(row, "text"), document,
                                        integer(row, "start") if document else None,
                                        integer(row, "end") if document else None)
        return list(found.values())

    def close(self) -> None:
        """Save the latest snapshot (with a folder), and close the text index."""
        self.save()
        with self._lock:
            self.text.close()

    def _load(self, graph: str, revision: str) -> Part:
        bound = IRI(graph)
        names: dict[str, Name] = {}
        for row in self.store.select("index_entities", graph=bound):
            entity, kind = sys.intern(iri(row, "entity")), KINDS[iri(row, "class")]
            name = Name(kind, text(row, "label"), flag(row, "discovered"))
            if entity in names:
                seen = names[entity]
                name = Name(_kind((seen.kind, kind)), min(seen.label, name.label), seen.discovered or name.discovered)
            names[entity] = name
        alts: dict[str, list[str]] = {}
        for row in self.store.select("index_alt_labels", graph=bound):
            alts.setdefault(sys.intern(iri(row, "entity")), []).append(text(row, "alt"))
        edges: dict[EdgeKey, Edge] = {}
        for row in self.store.select("index_dependencies", graph=bound):
            edge = Edge(sys.intern(iri(row, "prerequisite")), sys.intern(iri(row, "dependent")),
                        sys.intern(text(row, "kind")), number(row, "confidence"),
                        (Evidence(sys.intern(iri(row, "document")), text(row, "text"), integer(row, "start"),
                                  integer(row, "end")),))
            key = edge.key
            edges[key] = _joined(edges[key], edge) if key in edges else edge
        return Part(revision, names, {e: tuple(sorted(set(a))) for e, a in alts.items()}, edges)


def _names(part: Part) -> Iterator[tuple[str, str]]:
    """Yield (entity, name) for each label and alternative label ``part`` gives an entity."""
    for entity, name in part.names.items():
        yield entity, name.label
    for entity, alts in part.alts.items():
        yield from ((entity, alt) for alt in alts)


def _merged(old: Snapshot, parts: dict[str, Part], changed: set[str], revision: str) -> Snapshot:
    """Return ``old`` with the parts of the ``changed`` graphs replaced by those in ``parts``."""
    holders: Holders = dict(old.holders)
    touched: set[str] = set()
    touched_edges: set[EdgeKey] = set()
    for graph in changed:
        for part, add in ((old.parts.get(graph), False), (parts.get(graph), True)):
            if part is None:
                continue
            keys: list[str | EdgeKey] = [*part.names, *part.alts, *part.edges]
            for key in keys:
                holders[key] = _holding(holders.get(key, frozenset()), graph, add)
            touched.update(part.names, part.alts)
            touched_edges.update(part.edges)
    labels, kinds, alts = dict(old.labels), dict(old.kinds), dict(old.alts)
    discovered = set(old.discovered)
    for entity in touched:
        graphs = sorted(holders.get(entity, ()))
        names = [parts[g].names[entity] for g in graphs if entity in parts[g].names]
        alt_names = tuple(sorted({a for g in graphs for a in parts[g].alts.get(entity, ())}))
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
    stated_keys: list[str | EdgeKey] = [*touched, *touched_edges]
    for stated_key in stated_keys:
        if stated_key in holders and not holders[stated_key]:
            del holders[stated_key]
    return Snapshot(revision, parts, labels, kinds, alts, frozenset(discovered), edges,
                    _regraph(old.graph, edges, touched_edges), holders)


def _regraph(old: DependencyGraph, edges: dict[EdgeKey, Edge], touched: set[EdgeKey]) -> DependencyGraph:
    """Return the adjacency of ``edges``, rebuilding only the lists of the nodes the touched edges meet."""
    if not touched:
        return old
    needs, needed_by = dict(old.needs), dict(old.needed_by)
    ends = dict(old.ends[0]), dict(old.ends[1])
    # end: the key's field of the node an entry is under; far: the far ends of the entries, kept in step
    for adjacency, far, end in ((needs, ends[0], 1), (needed_by, ends[1], 0)):
        fresh: dict[str, list[Edge]] = {}
        for key in touched:
            entries = fresh.setdefault(key[end], [])
            if key in edges:
                entries.append(edges[key])
        for node, entries in fresh.items():
            entries += [edge for edge in adjacency.get(node, ()) if edge.key not in touched]
            if entries:
                adjacency[node] = sorted(entries, key=lambda edge: (edge.key[1 - end], edge.kind))
                far[node] = tuple(edge.key[1 - end] for edge in adjacency[node])
            else:
                adjacency.pop(node, None)
                far.pop(node, None)
    return DependencyGraph(needs, needed_by, ends)


def _holding(held: frozenset[str], graph: str, add: bool) -> frozenset[str]:
    """Return ``held`` with ``graph`` added or taken away."""
    result = held | {graph} if add else held - {graph}
    return _alone(next(iter(result))) if len(result) == 1 else result


@lru_cache(maxsize=SHARED_SINGLETONS)
def _alone(graph: str) -> frozenset[str]:
    """Return the set of ``graph`` alone, one shared set per graph: most entities and edges are stated in one
    graph only, and the index holds millions of them. The cache keeps the sets of the graphs merged last, so
    the set of a graph removed long ago is dropped; past that many graphs, sets are shared less, never wrongly."""
    return frozenset((graph,))


def _kind(kinds: Iterable[str]) -> str:
    """Return the kind of an entity typed as one or both: an organisation, if any says so."""
    return "organization" if "organization" in set(kinds) else "initiative"


def _joined(*stated: Edge) -> Edge:
    """Return one edge for the same (prerequisite, dependent, kind) stated several times."""
    evidence = sorted({ev for edge in stated for ev in edge.evidence})
    return dataclasses.replace(stated[0], confidence=max(e.confidence for e in stated), evidence=tuple(evidence))


def label_order(label: str, identifier: str) -> tuple[str, str, str]:
    """Return the sort key of the one order of every list of named things: by label regardless of case,
    then by id.

    >>> sorted([("sfm", "SFM"), ("e-resept", "e-resept"), ("a", "SFM")], key=lambda p: label_order(p[1], p[0]))
    [('e-resept', 'e-resept'), ('a', 'SFM'), ('sfm', 'SFM')]
    """
    return label.casefold(), label, identifier
