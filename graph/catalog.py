"""Read the graph as the plain records the REST API serves: initiatives, actors, dependencies, goals."""

from collections import defaultdict

from graph.analysis import DependencyGraph, Reach
from graph.store import Row, Store
from graph.terms import IRI
from ontology import ORG, VK, local_id


class Catalog:
    """Assemble records from the store's queries; one Catalog per request or per write generation."""

    def __init__(self, store: Store):
        self.store = store
        self.generation = store.generation
        self.labels: dict[str, str] = {}
        self.alts: dict[str, list[str]] = defaultdict(list)
        self.kinds: dict[str, str] = {}
        self.discovered: set[str] = set()  # found in the text, not in the lexicon
        self._dependency_graph: DependencyGraph | None = None
        for kind, cls in (("initiative", VK.Initiative), ("organization", ORG.Organization)):
            for row in store.select("entities", **{"class": IRI(cls)}):
                self.labels[str(row["entity"])] = str(row["label"])
                self.kinds[str(row["entity"])] = kind
                if row["discovered"]:
                    self.discovered.add(str(row["entity"]))
            for row in store.select("alt_labels", **{"class": IRI(cls)}):
                self.alts[str(row["entity"])].append(str(row["alt"]))

    def find(self, name: str, kind: str = "initiative") -> str | None:
        """Return the IRI of the ``kind`` entity whose id, label or alternative label is ``name``.

        Case and spacing do not matter; None when nothing has that name.
        """
        wanted = " ".join(name.casefold().split())
        for iri, entity_kind in self.kinds.items():
            names = {local_id(iri), self.labels[iri], *self.alts.get(iri, [])}
            if entity_kind == kind and wanted in {" ".join(n.casefold().split()) for n in names}:
                return iri
        return None

    def ref(self, iri: str) -> dict:
        """Return the entity reference ``{id, iri, label, altLabels}`` of ``iri``."""
        return {"id": local_id(iri), "iri": iri, "label": self.labels.get(iri, local_id(iri)),
                "altLabels": self.alts.get(iri, [])}

    def of_kind(self, kind: str) -> list[str]:
        """Return the IRIs of the mentioned entities of ``kind``, by label."""
        return [iri for iri, k in self.kinds.items() if k == kind]

    # ------------------------------------------------------------------ records

    def phase_statements(self, initiative: str | None = None, document: str | None = None) -> list[dict]:
        """Return phase statements (of one initiative, from one document), oldest first, each with its evidence."""
        rows = self.store.select("phase_statements", initiative=IRI(initiative) if initiative else None,
                                 document=IRI(document) if document else None)
        statements = [{
            "initiative": str(r["initiative"]),
            "phase": {"notation": r["notation"], "label": r["phaseLabel"], "order": r["order"]},
            "date": r["date"] or None, "dateText": r["dateText"] or None,
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
        bindings = {"prerequisite": prerequisite, "dependent": dependent, "document": document}
        rows = self.store.select("dependencies", **{k: IRI(v) for k, v in bindings.items() if v})
        edges: dict[tuple, dict] = {}
        for r in rows:
            key = (r["prerequisite"], r["dependent"], r["kind"])
            edge = edges.setdefault(key, {
                "prerequisite": self.ref(str(r["prerequisite"])), "dependent": self.ref(str(r["dependent"])),
                "kind": r["kind"], "confidence": r["confidence"], "evidence": []})
            edge["confidence"] = max(edge["confidence"], r["confidence"])
            if _evidence(r) not in edge["evidence"]:
                edge["evidence"].append(_evidence(r))
        return list(edges.values())

    def dependency_graph(self) -> DependencyGraph:
        """Return the graph of every direct dependency edge, built once per catalog."""
        if self._dependency_graph is None:
            self._dependency_graph = DependencyGraph(self.dependencies())
        return self._dependency_graph

    def reaches(self, found: list[Reach]) -> list[dict]:
        """Return reached initiatives as records: the initiative, its depth, the path and each hop's edge."""
        return [{"initiative": self.ref(r.initiative), "depth": r.depth, "path": [self.ref(i) for i in r.path],
                 "hops": list(r.hops)} for r in found]

    def goal_links(self, initiative: str | None = None) -> list[Row]:
        """Return (initiative, goal, notation) rows."""
        return self.store.select("goal_links", initiative=IRI(initiative) if initiative else None)

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


def _chronology(statement: dict) -> tuple[str, str, int]:
    """Order statements by their document's date, then their own date, then their place in the text."""
    return (str(statement["documentDate"] or ""), str(statement["date"] or ""), statement["evidence"][0]["start"])


def _evidence(row: Row) -> dict:
    return {"document": local_id(str(row["document"])), "text": row["text"], "start": row["start"], "end": row["end"]}
