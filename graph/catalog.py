"""Read the graph as the plain records the REST API serves: initiatives, actors, dependencies, goals."""

from collections import defaultdict

from graph.analysis import DependencyGraph, Edge, Reach
from graph.index import GraphIndex, Snapshot
from graph.store import Row, Store
from graph.terms import IRI
from ontology import document_graph, local_id
from ontology.text import stems


class Catalog:
    """Records for the REST API: names and edges from an index snapshot, the rest from the store's queries."""

    def __init__(self, store: Store, snapshot: Snapshot):
        self.store = store
        self.labels = snapshot.labels
        self.alts = snapshot.alts
        self.kinds = snapshot.kinds
        self.discovered = snapshot.discovered
        self._snapshot = snapshot
        self._names: dict[tuple[str, str], str] | None = None

    @classmethod
    def of(cls, store: Store) -> "Catalog":
        """Return the catalog of ``store`` as it is now, for a one-off reader such as the CLI."""
        return cls(store, GraphIndex(store).snapshot())

    def find(self, name: str, kind: str = "initiative") -> str | None:
        """Return the IRI of the ``kind`` entity whose id, label or alternative label is ``name``.

        Case and spacing do not matter; None when nothing has that name.
        """
        if self._names is None:
            self._names = {}
            for iri, entity_kind in sorted(self.kinds.items(), reverse=True):  # the first IRI wins a shared name
                for n in (local_id(iri), self.labels[iri], *self.alts.get(iri, [])):
                    self._names[(entity_kind, _folded(n))] = iri
        return self._names.get((kind, _folded(name)))

    def named_with(self, wanted: set[str]) -> set[str]:
        """Return the entities with a word stem of ``wanted`` in their label or an alternative label."""
        by_stem = self._by_stem()
        return set().union(*(by_stem.get(w, ()) for w in wanted))

    def named_with_all(self, wanted: set[str]) -> set[str]:
        """Return the entities with every word stem of ``wanted`` in their label or alternative labels."""
        by_stem = self._by_stem()
        return set.intersection(*(by_stem.get(w, set()) for w in wanted)) if wanted else set()

    def _by_stem(self) -> dict[str, set[str]]:
        """Return word stem -> entities named with it, built once per snapshot."""
        by_stem = self._snapshot.derived.get("stems")
        if by_stem is None:
            by_stem = defaultdict(set)
            for iri in self.kinds:
                for name in (self.labels[iri], *self.alts.get(iri, [])):
                    for word in stems(name):
                        by_stem[word].add(iri)
            self._snapshot.derived["stems"] = by_stem
        return by_stem

    def ref(self, iri: str) -> dict:
        """Return the entity reference ``{id, iri, label, altLabels}`` of ``iri``."""
        return {"id": local_id(iri), "iri": iri, "label": self.labels.get(iri, local_id(iri)),
                "altLabels": self.alts.get(iri, [])}

    def of_kind(self, kind: str) -> tuple[str, ...]:
        """Return the IRIs of the mentioned entities of ``kind``, by label, then id: the same order whatever
        order the index learnt them in."""
        ordered = self._snapshot.derived.get(("of_kind", kind))
        if ordered is None:  # sorted once per snapshot, not on every request
            ordered = tuple(sorted((iri for iri, k in self.kinds.items() if k == kind),
                                   key=lambda iri: label_order(self.labels[iri], local_id(iri))))
            self._snapshot.derived[("of_kind", kind)] = ordered
        return ordered

    # ------------------------------------------------------------------ records

    def phase_statements(self, initiative: str | None = None, document: str | None = None) -> list[dict]:
        """Return phase statements (of one initiative, from one document), oldest first, each with its evidence."""
        rows = self.store.select("phase_statements", initiative=IRI(initiative) if initiative else None,
                                 document=IRI(document) if document else None)
        statements = [{
            "initiative": str(r["initiative"]),
            "phase": {"notation": r["notation"], "label": r["phaseLabel"], "order": r["order"]},
            "date": r["period"] or r["date"] or None, "start": r["date"] or None, "dateText": r["dateText"] or None,
            "scope": (self.ref(str(r["scope"])) if str(r["scope"] or "").startswith("http") else r["scope"]) or None,
            "status": r["status"],
            "documentDate": r["issued"] or None,
            "evidence": [_evidence(r)],
        } for r in rows]
        return sorted(statements, key=_chronology)

    def current_phase(self, statements: list[dict]) -> dict | None:
        """Return the phase of the latest actual statement, else of the latest of any status; a later
        document supersedes an earlier one."""
        actual = [s for s in statements if s["status"] == "actual"] or statements
        if not actual:
            return None
        latest = max(actual, key=lambda s: (*_chronology(s)[:2], s["phase"]["order"]))
        return {k: latest["phase"][k] for k in ("notation", "label")}

    def status_notes(self, initiative: str) -> list[dict]:
        """Return the dated status notes of ``initiative``, oldest first; a note repeated on several slides is one."""
        notes: dict[tuple, dict] = {}
        for r in self.store.select("status_notes", initiative=IRI(initiative)):
            note = notes.setdefault((r["value"], r["date"]), {"text": r["value"], "date": r["date"] or None,
                                                              "evidence": []})
            note["evidence"].append(_evidence(r))
        return list(notes.values())

    def dependencies(self, *, prerequisite: str | None = None, dependent: str | None = None,
                     document: str | None = None) -> list[dict]:
        """Return direct dependency edges, one per (prerequisite, dependent, kind), with all evidence;
        bind ``document`` to keep what that document states."""
        if document is not None:
            part = self._snapshot.parts.get(document_graph(local_id(document)))
            edges = sorted(part.edges.values(), key=_edge_order) if part else []
        elif prerequisite is not None:
            edges = list(self._snapshot.graph.needed_by.get(prerequisite, ()))
        elif dependent is not None:
            edges = list(self._snapshot.graph.needs.get(dependent, ()))
        else:
            edges = self.edges()
        return [self.edge(e) for e in edges
                if (prerequisite is None or e.prerequisite == prerequisite)
                and (dependent is None or e.dependent == dependent)]

    def edges(self) -> list[Edge]:
        """Return every direct dependency edge, by dependent, prerequisite and kind."""
        return sorted(self._snapshot.edges.values(), key=_edge_order)

    def edge(self, edge: Edge) -> dict:
        """Return the record of a dependency edge."""
        return {"prerequisite": self.ref(edge.prerequisite), "dependent": self.ref(edge.dependent),
                "kind": edge.kind, "confidence": edge.confidence,
                "evidence": [_evidence(ev._asdict()) for ev in edge.evidence]}

    def dependency_graph(self) -> DependencyGraph:
        """Return the graph of every direct dependency edge."""
        return self._snapshot.graph

    def reaches(self, found: list[Reach]) -> list[dict]:
        """Return reached initiatives as records: the initiative, its depth, the path and each hop's edge."""
        return [{"initiative": self.ref(r.initiative), "depth": r.depth, "path": [self.ref(i) for i in r.path],
                 "hops": [self.edge(e) for e in r.hops]} for r in found]

    def goal_links(self, initiative: str | None = None, notation: str | None = None) -> list[Row]:
        """Return (initiative, goal, notation) rows, of one initiative or one goal notation."""
        return self.store.select("goal_links", initiative=IRI(initiative) if initiative else None, notation=notation)

    def roles(self, *, actor: str | None = None, initiative: str | None = None) -> list[Row]:
        """Return (actor, initiative, role) rows."""
        return self.store.select("roles", actor=IRI(actor) if actor else None,
                                 initiative=IRI(initiative) if initiative else None)

    def documents_of(self, entity: str) -> list[dict]:
        """Return the documents that mention ``entity``."""
        return [{"id": local_id(str(r["document"])), "title": r["title"]}
                for r in self.store.select("mentions", entity=IRI(entity))]

    def goals(self) -> list[dict]:
        """Return goals with their subgoals and the initiatives that serve each."""
        serving: dict[str, list[dict]] = defaultdict(list)
        for row in self.goal_links():
            if str(row["initiative"]) in self.labels:
                serving[str(row["notation"])].append(self.ref(str(row["initiative"])))
        top: dict[str, dict] = {}
        subgoals = []
        for row in self.store.select("goals"):
            record = {"id": local_id(str(row["goal"])), "notation": row["notation"], "label": row["label"],
                      "initiatives": serving.get(str(row["notation"]), [])}
            if row["broader"]:
                subgoals.append(record)
            else:
                top[str(row["notation"])] = {**record, "subgoals": []}
        for sub in subgoals:
            number = str(sub["notation"]).split(".")[0]
            parent = top.setdefault(number, {"id": number, "notation": number, "label": "", "initiatives": [],
                                             "subgoals": []})
            parent["subgoals"].append(sub)
        return sorted(top.values(), key=lambda g: g["notation"])


def label_order(label: str, identifier: str) -> tuple[str, str, str]:
    """Return the sort key of the one order of every list of named things: by label regardless of case,
    then by id.

    >>> sorted([("sfm", "SFM"), ("e-resept", "e-resept"), ("a", "SFM")], key=lambda p: label_order(p[1], p[0]))
    [('e-resept', 'e-resept'), ('a', 'SFM'), ('sfm', 'SFM')]
    """
    return label.casefold(), label, identifier


def _chronology(statement: dict) -> tuple[str, str, int]:
    """Order statements by their document's date, then their own date, then their place in the text."""
    return (str(statement["documentDate"] or ""), str(statement["start"] or ""), statement["evidence"][0]["start"])


def _edge_order(edge: Edge) -> tuple[str, str, str]:
    return edge.dependent, edge.prerequisite, edge.kind


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _evidence(row: Row) -> dict:
    """Return the evidence record of a query row or an index Evidence (document IRI, text, offsets)."""
    return {"document": local_id(str(row["document"])), "text": row["text"], "start": row["start"], "end": row["end"]}
