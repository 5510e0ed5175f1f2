"""The read model: the graph as records, from an index snapshot (names, kinds, dependency edges) and the
store's queries (everything else). Only it and the store run queries; everything above reads records.
"""

from collections import defaultdict
from functools import cached_property

from graph import statements
from graph.index import GraphIndex, Snapshot, label_order
from graph.records import (
    Actor,
    Annotation,
    Document,
    Edge,
    Entity,
    Goal,
    HistoryEntry,
    Initiative,
    Phase,
    PhaseStatement,
    Role,
    StatusNote,
)
from graph.rows import Row, integer, iri, text, text_or_none
from graph.store import Store
from graph.terms import IRI
from graph.textindex import Match, TextIndex
from graph.walks import DependencyGraph
from ontology import LEADING_ROLES, document_graph, local_id

__all__ = ["ReadModel", "label_order"]


class ReadModel:
    """The records of ``store`` as of ``snapshot``: one per request, so that a request reads one state."""

    def __init__(self, store: Store, snapshot: Snapshot, text: TextIndex):
        self._store = store
        self._text = text
        self.labels = snapshot.labels
        self.alts = snapshot.alts
        self.kinds = snapshot.kinds
        self.discovered = snapshot.discovered
        self._snapshot = snapshot
        self._names: dict[tuple[str, str], str] | None = None

    @classmethod
    def of(cls, store: Store) -> "ReadModel":
        """Return the read model of ``store`` as it is now, for a one-off reader such as the CLI."""
        return cls.at(GraphIndex(store))

    @classmethod
    def at(cls, index: GraphIndex, revision: str | None = None) -> "ReadModel":
        """Return the read model of ``index``'s store at its current revision (``revision``, when just read)."""
        return cls(index.store, index.snapshot(revision), index.text)

    # ------------------------------------------------------------------- names

    def entity(self, entity: str) -> Entity:
        """Return the initiative or organisation ``entity`` (an IRI) by name; its id stands for a label it lacks."""
        return Entity(entity, self.labels.get(entity, local_id(entity)), self.alts.get(entity, ()))

    def find(self, name: str, kind: str = "initiative") -> str | None:
        """Return the IRI of the ``kind`` entity whose id, label or alternative label is ``name``.

        Case and spacing do not matter; None when nothing has that name.
        """
        if self._names is None:
            self._names = {}
            for entity, entity_kind in sorted(self.kinds.items(), reverse=True):  # the first IRI wins a name
                for n in (local_id(entity), self.labels[entity], *self.alts.get(entity, ())):
                    self._names[(entity_kind, _folded(n))] = entity
        return self._names.get((kind, _folded(name)))

    def named_with(self, wanted: set[str]) -> set[str]:
        """Return the entities with a word stem of ``wanted`` in their label or an alternative label."""
        by_stem = self._snapshot.by_stem
        return set().union(*(by_stem.get(w, ()) for w in wanted))

    def of_kind(self, kind: str) -> tuple[str, ...]:
        """Return the IRIs of the mentioned entities of ``kind``, by label, then id."""
        return self._snapshot.by_kind.get(kind, ())

    # --------------------------------------------------------- initiatives and actors

    def initiatives(self) -> list[Initiative]:
        """Return every initiative, by label, with its current phase, goals, lead actors and organisations."""
        by_initiative: dict[str, list[PhaseStatement]] = defaultdict(list)
        for statement in self.phase_statements():
            by_initiative[statement.initiative].append(statement)
        goals: dict[str, set[str]] = defaultdict(set)
        for initiative, notation in self._goal_links():
            goals[initiative].add(notation)
        roles: dict[str, list[Role]] = defaultdict(list)
        for role in self.roles():
            roles[role.initiative.iri].append(role)
        return [Initiative(self.entity(i), i in self.discovered, statements.current_phase(by_initiative[i]),
                           tuple(sorted(goals[i])), tuple(r.actor for r in roles[i] if r.role in LEADING_ROLES),
                           frozenset(r.actor.iri for r in roles[i]))
                for i in self.of_kind("initiative")]

    def actors(self) -> list[Actor]:
        """Return every organisation, by label, with the initiatives it has a role in."""
        initiatives: dict[str, list[Entity]] = defaultdict(list)
        for role in self.roles():
            initiatives[role.actor.iri].append(role.initiative)
        return [Actor(self.entity(a), a in self.discovered, tuple(initiatives[a]))
                for a in self.of_kind("organization")]

    def roles(self, *, actor: str | None = None, initiative: str | None = None) -> list[Role]:
        """Return the roles of organisations in initiatives, of one actor or in one initiative, by actor and
        initiative."""
        notations = self._role_notations
        found = {(iri(r, "actor"), iri(r, "initiative"), notations.get(iri(r, "kind"), iri(r, "kind")))
                 for r in self._store.select("roles", actor=_iri(actor), initiative=_iri(initiative))}
        return [Role(self.entity(a), self.entity(i), role) for a, i, role in sorted(found)]

    @cached_property
    def _role_notations(self) -> dict[str, str]:
        """The notation of each kind of role, read once per read model: a request may read the roles of
        several actors."""
        return {iri(r, "kind"): text(r, "notation") for r in self._store.select("role_kinds")}

    def goal_notations(self, initiative: str) -> set[str]:
        """Return the notations of the goals and subgoals ``initiative`` serves."""
        return {notation for _, notation in self._goal_links(initiative=initiative)}

    def serving(self, notation: str) -> list[str]:
        """Return the initiatives that serve the goal or subgoal of ``notation``."""
        return [initiative for initiative, _ in self._goal_links(notation=notation)]

    def _goal_links(self, *, initiative: str | None = None, notation: str | None = None) -> list[tuple[str, str]]:
        """Return (initiative, notation) for each initiative serving a goal or subgoal; bind one to narrow."""
        return [(iri(r, "initiative"), text(r, "notation"))
                for r in self._store.select("goal_links", initiative=_iri(initiative), notation=notation)]

    # ----------------------------------------------------------------- phases

    def phase_statements(self, initiative: str | None = None, document: str | None = None) -> list[PhaseStatement]:
        """Return phase statements (of one initiative, from one document), oldest first, each with its evidence."""
        rows = self._store.select("phase_statements", initiative=_iri(initiative), document=_iri(document))
        return statements.in_order([statements.phase_statement(r, self.entity) for r in rows])

    def status_notes(self, initiative: str) -> list[StatusNote]:
        """Return the dated status notes of ``initiative``, oldest first; a note repeated on several slides is one."""
        return statements.status_notes(self._store.select("status_notes", initiative=IRI(initiative)))

    def history(self, initiative: str) -> list[HistoryEntry]:
        """Return the initiative's phase statements and status notes from every document, oldest first."""
        return statements.history(self.phase_statements(initiative), self.status_notes(initiative))

    def phases(self) -> list[Phase]:
        """Return the phases of the value chain, in order."""
        return [Phase(text(r, "notation"), text(r, "label"), integer(r, "order"), text(r, "labelEn"),
                      text_or_none(r, "definition")) for r in self._store.select("phases")]

    # ----------------------------------------------------------- dependencies

    def dependencies(self, *, prerequisite: str | None = None, dependent: str | None = None,
                     document: str | None = None) -> list[Edge]:
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
        return [e for e in edges if (prerequisite is None or e.prerequisite == prerequisite)
                and (dependent is None or e.dependent == dependent)]

    def edges(self) -> list[Edge]:
        """Return every direct dependency edge, by dependent, prerequisite and kind."""
        return sorted(self._snapshot.edges.values(), key=_edge_order)

    def dependency_graph(self) -> DependencyGraph:
        """Return the graph of every direct dependency edge."""
        return self._snapshot.graph

    def co_mentions(self, initiative: str) -> dict[str, int]:
        """Return the initiatives named in the same sentences as ``initiative``, most often first, with the
        number of sentences."""
        rows = self._store.select("co_mentions", initiative=IRI(initiative))
        return {iri(r, "other"): integer(r, "count") for r in rows}

    # ------------------------------------------------------------------ goals

    def goals(self) -> list[Goal]:
        """Return goals by notation with their subgoals and the initiatives that serve each; a subgoal whose
        goal is unknown gets a goal of its number, without a label."""
        serving: dict[str, list[Entity]] = defaultdict(list)
        for initiative, notation in self._goal_links():
            if initiative in self.labels:
                serving[notation].append(self.entity(initiative))
        top: dict[str, Goal] = {}
        subgoals: dict[str, list[Goal]] = defaultdict(list)
        for row in self._store.select("goals"):
            notation = text(row, "notation")
            goal = Goal(local_id(iri(row, "goal")), notation, text(row, "label"), tuple(serving.get(notation, ())))
            if text_or_none(row, "broader") is not None:
                subgoals[notation.split(".")[0]].append(goal)
            else:
                top[notation] = goal
        for number in subgoals.keys() - top.keys():
            top[number] = Goal(number, number, "")
        return sorted((Goal(g.id, g.notation, g.label, g.initiatives, tuple(subgoals[n])) for n, g in top.items()),
                      key=lambda g: g.notation)

    def subgoals(self, initiative: str) -> list[Goal]:
        """Return the goals and subgoals ``initiative`` serves, by notation, with their labels."""
        labels = {text(r, "notation"): text(r, "label") for r in self._store.select("goals")}
        return [Goal(n, n, labels.get(n, "")) for n in sorted(self.goal_notations(initiative))]

    # --------------------------------------------------------------- documents

    def documents(self) -> list[Document]:
        """Return the ingested documents by title, then id."""
        return sorted(map(_document, self._store.select("documents")), key=lambda d: label_order(d.title, d.id))

    def document(self, document: str) -> Document | None:
        """Return the ingested document ``document`` (an IRI), or None."""
        rows = self._store.select("documents", document=IRI(document))
        return _document(rows[0]) if rows else None

    def document_text(self, document: str) -> str:
        """Return the reflowed text of ``document``, which every evidence offset refers to."""
        return text(self._store.select("document_text", document=IRI(document))[0], "text")

    def annotations(self, document: str) -> list[Annotation]:
        """Return every fact ``document`` states, placed in its text, by start."""
        return [Annotation(integer(r, "start"), integer(r, "end"), local_id(iri(r, "type").replace("#", "/")))
                for r in self._store.select("document_annotations", document=IRI(document))]

    def naming(self, entity: str) -> list[Document]:
        """Return the documents that name ``entity``, by title."""
        return [_document(r) for r in self._store.select("mentions", entity=IRI(entity))]

    def named_in(self, document: str) -> set[str]:
        """Return the entities ``document`` names."""
        return {iri(r, "entity") for r in self._store.select("mentions", document=IRI(document))}

    # ------------------------------------------------------------------ text

    def text_matches(self, kind: str, words: set[str], *, every: bool, limit: int | None = None,
                     offset: int = 0) -> tuple[list[Match], int]:
        """Return the names (``kind`` "name") or evidence sentences ("sentence") holding every word stem of
        ``words`` (with ``every`` false, any), or compounds they begin, best first by BM25 from ``offset``
        (``limit`` of them, or all), and how many there are."""
        return self._text.find(kind, words, every=every, limit=limit, offset=offset)


def _iri(value: str | None) -> IRI | None:
    """Return ``value`` bound as an IRI, or None to leave its variable unbound."""
    return IRI(value) if value else None


def _document(row: Row) -> Document:
    return Document(iri(row, "document"), text(row, "title"), text(row, "source"), text_or_none(row, "format"),
                    text(row, "hash"))


def _edge_order(edge: Edge) -> tuple[str, str, str]:
    return edge.dependent, edge.prerequisite, edge.kind


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())
