"""Response models of the REST API, and the JSON of the records more than one router serves.

The models declare every shape a client sees (their docstrings become the OpenAPI descriptions); the
functions below them turn the graph's records into those shapes: ids for IRIs, camelCase names. A
route returns such JSON, checked against its model as FastAPI writes it, except the walks of
dependencies, whose pages of long paths are written as they are (``reached``).
"""

from collections.abc import Callable, Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.records import (
    Conflict,
    CriticalPath,
    Document,
    Edge,
    EdgeKey,
    Entity,
    Evidence,
    Milestone,
    Phase,
    PhaseStatement,
    StatusNote,
)
from graph.schedule import month_text
from graph.walks import Reach
from ontology import local_id

JSON = dict[str, Any]
Names = Callable[[str], Entity]  # the read model's entity(): an IRI by name


class EntityRef(BaseModel):
    """A reference to an initiative or organisation; ``id`` is URL-safe."""

    id: str
    iri: str
    label: str
    altLabels: list[str] = []


class PhaseRef(BaseModel):
    """A phase of the value chain."""

    notation: str
    label: str


class EvidenceOut(BaseModel):
    """The sentence a fact rests on: document id and character offsets into its text."""

    document: str
    text: str
    start: int
    end: int


class PhaseStatementOut(BaseModel):
    """An initiative in a phase, when, where, with what status, and why we think so."""

    phase: PhaseRef
    date: str | None = Field(None, description="when, at the text's precision, as EDTF: 2024/2025, 2025-23 "
                                               "(autumn), 2026-33 (first quarter), ../2025 (a deadline)")
    start: str | None = Field(None, description="where the phase begins, ISO 8601")
    dateText: str | None = None
    scope: EntityRef | str | None = None
    status: str
    documentDate: str | None = None
    evidence: list[EvidenceOut]


class StatusNoteOut(BaseModel):
    """A short status of an initiative, dated by its document."""

    text: str
    date: str | None = None
    evidence: list[EvidenceOut]


class EdgeOut(BaseModel):
    """A direct dependency: ``dependent`` needs ``prerequisite``."""

    prerequisite: EntityRef
    dependent: EntityRef
    kind: str
    confidence: float
    evidence: list[EvidenceOut]


class Reached(BaseModel):
    """An initiative reached through dependencies: how many hops away, by which path, and each hop's edge."""

    initiative: EntityRef
    depth: int
    path: list[EntityRef]
    hops: list[EdgeOut]


class ReachedPage(BaseModel):
    items: list[Reached]
    total: int


class ReasonOut(BaseModel):
    """Why an initiative is related, for a client to word in its own language: a kind (prerequisite,
    dependent, sharedPrerequisite, sharedDependent, sharedLeadActor, sameSubgoal, coMention, similarName),
    the label of the entity it names and the number of sentences, when it has them."""

    kind: str
    label: str | None = None
    count: int | None = None


class RelatedOut(BaseModel):
    """A related initiative with its score and the reasons: in English words, and the same in ``why`` as
    kinds with what they name."""

    initiative: EntityRef
    score: float
    reasons: list[str]
    why: list[ReasonOut]


class RelatedPage(BaseModel):
    items: list[RelatedOut]
    total: int


class OrderOut(BaseModel):
    """An implementation order, prerequisites first, and the groups that depend on each other in a cycle."""

    order: list[EntityRef]
    cycles: list[list[EntityRef]]


class MilestoneOut(BaseModel):
    """When an initiative reaches a phase: the statement that says so (none when no document does) and the
    months it may fall in, as ISO 8601 year and month (null where the statement leaves the bound open)."""

    initiative: EntityRef
    phase: PhaseRef
    first: str | None = Field(None, description="the first month it may come in, e.g. 2025-01")
    last: str | None = Field(None, description="the last month it may come in: a deadline, or the date of the "
                                               "document that says it is there")
    statement: PhaseStatementOut | None = None


class ConflictOut(BaseModel):
    """A dependent planned to reach a phase before its prerequisite reaches the phase it needs."""

    severity: Literal["conflict", "possible", "unknown"] = Field(
        description="conflict: before, by every date the statements allow; possible: from a tentative statement, "
                    "or dates too coarse to tell; unknown: the prerequisite has no dated phase")
    dependent: MilestoneOut
    prerequisite: MilestoneOut
    gapMonths: int | None = Field(None, description="months from the dependent's date to the prerequisite's")
    dependencies: list[EdgeOut]


class ConflictPage(BaseModel):
    items: list[ConflictOut]
    total: int


class PathLinkOut(BaseModel):
    """A link of a critical path: the dependency, both ends' milestones, and the months the prerequisite may
    slip before it reaches the dependent's date (negative: too late already; null: a link without dates)."""

    dependency: EdgeOut
    dependent: MilestoneOut
    prerequisite: MilestoneOut
    slackMonths: int | None = None


class CriticalPathOut(BaseModel):
    """The chain of prerequisites that sets the earliest date an initiative can reach a phase."""

    initiative: MilestoneOut
    earliest: MilestoneOut | None = Field(None, description="the prerequisite's milestone that sets the earliest "
                                                            "date: the latest date along the path")
    links: list[PathLinkOut]
    undated: list[EntityRef] = Field(description="the prerequisites along the path without a date")


class SearchHit(BaseModel):
    """An entity or an evidence sentence that matches the search, with the matching words in <mark>."""

    kind: str
    entity: EntityRef | None = None
    score: float
    text: str
    highlight: str
    document: str | None = None
    start: int | None = None
    end: int | None = None


class SearchPage(BaseModel):
    items: list[SearchHit]
    total: int


class HistoryEntry(BaseModel):
    """One dated step in an initiative's history: a phase statement or a status note."""

    kind: str  # "phase" or "status"
    date: str | None = None
    text: str
    phase: PhaseRef | None = None
    status: str | None = None
    evidence: list[EvidenceOut]


class HistoryPage(BaseModel):
    items: list[HistoryEntry]
    total: int


class PhaseMove(BaseModel):
    """An initiative whose current phase differs between two documents."""

    initiative: EntityRef
    from_: PhaseRef | None = Field(default=None, alias="from")
    to: PhaseRef
    evidence: list[EvidenceOut]

    model_config = {"populate_by_name": True}


class ChangesOut(BaseModel):
    """What changed from one document to another."""

    newInitiatives: list[EntityRef]
    droppedInitiatives: list[EntityRef]
    phaseMoves: list[PhaseMove]
    newDependencies: list[EdgeOut]
    droppedDependencies: list[EdgeOut]


class GoalRef(BaseModel):
    """A goal or subgoal by notation."""

    notation: str
    label: str


class ActorRole(BaseModel):
    """An organisation and its role in an initiative."""

    actor: EntityRef
    role: str


class InitiativeSummary(EntityRef):
    """An initiative in a list: its current phase, goals and lead actors."""

    phase: PhaseRef | None = None
    goals: list[str] = []
    leads: list[EntityRef] = []
    discovered: bool = False


class DocumentRef(BaseModel):
    """A source document."""

    id: str
    title: str


class InitiativeDetail(EntityRef):
    """An initiative with its phases, dependencies, dependents, actors, subgoals and documents."""

    description: str = ""
    discovered: bool = False
    phase: PhaseRef | None = None
    phases: list[PhaseStatementOut]
    dependencies: list[EdgeOut]
    dependents: list[EdgeOut]
    actors: list[ActorRole]
    subgoals: list[GoalRef]
    documents: list[DocumentRef]
    statusNotes: list[StatusNoteOut] = []


class InitiativePage(BaseModel):
    items: list[InitiativeSummary]
    total: int


class ActorSummary(EntityRef):
    """An organisation with the initiatives it has a role in."""

    initiatives: list[EntityRef] = []
    discovered: bool = False


class ActorPage(BaseModel):
    items: list[ActorSummary]
    total: int


class ActorDetail(ActorSummary):
    """An organisation with its roles and the documents that name it."""

    roles: list[dict] = []
    documents: list[DocumentRef] = []


class EdgePage(BaseModel):
    items: list[EdgeOut]
    total: int


class SubGoalOut(BaseModel):
    id: str
    notation: str
    label: str
    initiatives: list[EntityRef] = []


class GoalOut(SubGoalOut):
    subgoals: list[SubGoalOut] = []


class GoalPage(BaseModel):
    items: list[GoalOut]
    total: int


class PhaseOut(BaseModel):
    """A phase of the value chain, in order."""

    notation: str
    order: int
    label: str
    labelEn: str
    definition: str | None = None


class PhasePage(BaseModel):
    items: list[PhaseOut]
    total: int


class DocumentOut(BaseModel):
    id: str
    title: str
    source: str
    format: str | None = None
    contentHash: str


class Annotation(BaseModel):
    """Where in the text a fact's evidence stands, and the kind of fact (Dependency, PhaseStatement, ...)."""

    start: int
    end: int
    kind: str


class DocumentDetail(DocumentOut):
    """A document with its reflowed text and every extracted fact placed in it."""

    text: str
    annotations: list[Annotation]


class DocumentPage(BaseModel):
    items: list[DocumentOut]
    total: int


class Health(BaseModel):
    status: str
    revision: str
    process: int
    graphs: int


class IngestSummary(BaseModel):
    """What ingesting one document did."""

    model_config = ConfigDict(frozen=True)

    document: str
    name: str
    changed: bool
    entities: int
    discovered: int
    dependencies: int
    phases: int
    goals: int


class FieldError(BaseModel):
    """One fault of an invalid request: where it is (``["query", "limit"]``), what is wrong, its kind."""

    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str = Field(description="what kind of problem: about:blank when the status says it all")
    title: str = Field(description="the HTTP status phrase")
    status: int
    detail: str = Field(description="what went wrong, in words")
    errors: list[FieldError] | None = Field(None, description="an invalid request's faults, one per field")
    offered: list[str] | None = Field(None, description="the media types offered, when none accepted is")


# ------------------------------------------------------- records as the JSON of the models above

def entity_ref(entity: Entity) -> JSON:
    """Return the EntityRef of ``entity``."""
    return {"id": entity.id, "iri": entity.iri, "label": entity.label, "altLabels": list(entity.alt_labels)}


def evidence_out(evidence: Evidence) -> JSON:
    """Return the EvidenceOut of ``evidence``: the document by its id."""
    return {"document": local_id(evidence.document), "text": evidence.text, "start": evidence.start,
            "end": evidence.end}


def phase_ref(phase: Phase | None) -> JSON | None:
    """Return the PhaseRef of ``phase``, if any."""
    return {"notation": phase.notation, "label": phase.label} if phase else None


def phase_statement_out(statement: PhaseStatement) -> JSON:
    """Return the PhaseStatementOut of ``statement``."""
    scope = entity_ref(statement.scope) if isinstance(statement.scope, Entity) else statement.scope
    return {"phase": phase_ref(statement.phase), "date": statement.date, "start": statement.start,
            "dateText": statement.date_text, "scope": scope, "status": statement.status,
            "documentDate": statement.document_date, "evidence": [evidence_out(e) for e in statement.evidence]}


def status_note_out(note: StatusNote) -> JSON:
    """Return the StatusNoteOut of ``note``."""
    return {"text": note.text, "date": note.date, "evidence": [evidence_out(e) for e in note.evidence]}


def edge_out(edge: Edge, names: Names) -> JSON:
    """Return the EdgeOut of ``edge``, its ends named by ``names``."""
    return _edge(edge, lambda end: entity_ref(names(end)))


def _edge(edge: Edge, ref: Callable[[str], JSON]) -> JSON:
    """Return the EdgeOut of ``edge``, the EntityRef of each end from ``ref``."""
    return {"prerequisite": ref(edge.prerequisite), "dependent": ref(edge.dependent), "kind": edge.kind,
            "confidence": edge.confidence, "evidence": [evidence_out(e) for e in edge.evidence]}


def reached(reaches: Iterable[Reach], names: Names) -> list[JSON]:
    """Return the Reached of each of ``reaches``: the initiative, its depth, the path and each hop's edge. The
    paths of a walk share their beginnings, so each reference and edge is made once and shared."""
    refs: dict[str, JSON] = {}
    edges: dict[EdgeKey, JSON] = {}

    def ref(entity: str) -> JSON:
        if entity not in refs:
            refs[entity] = entity_ref(names(entity))
        return refs[entity]

    def edge(hop: Edge) -> JSON:
        if hop.key not in edges:
            edges[hop.key] = _edge(hop, ref)
        return edges[hop.key]

    return [{"initiative": ref(r.initiative), "depth": r.depth, "path": [ref(i) for i in r.path],
             "hops": [edge(e) for e in r.hops]} for r in reaches]


def document_ref(document: Document) -> JSON:
    """Return the DocumentRef of ``document``."""
    return {"id": document.id, "title": document.title}


def milestone_out(milestone: Milestone, names: Names) -> JSON:
    """Return the MilestoneOut of ``milestone``."""
    return {"initiative": entity_ref(names(milestone.initiative)), "phase": phase_ref(milestone.phase),
            "first": None if milestone.first is None else month_text(milestone.first),
            "last": None if milestone.last is None else month_text(milestone.last),
            "statement": phase_statement_out(milestone.statement) if milestone.statement else None}


def conflict_out(conflict: Conflict, names: Names) -> JSON:
    """Return the ConflictOut of ``conflict``."""
    return {"severity": conflict.severity, "dependent": milestone_out(conflict.dependent, names),
            "prerequisite": milestone_out(conflict.prerequisite, names), "gapMonths": conflict.gap,
            "dependencies": [edge_out(e, names) for e in conflict.edges]}


def critical_path_out(path: CriticalPath, names: Names) -> JSON:
    """Return the CriticalPathOut of ``path``."""
    return {"initiative": milestone_out(path.target, names),
            "earliest": milestone_out(path.binding, names) if path.binding else None,
            "links": [{"dependency": edge_out(link.edge, names), "dependent": milestone_out(link.dependent, names),
                       "prerequisite": milestone_out(link.prerequisite, names), "slackMonths": link.slack}
                      for link in path.links],
            "undated": [entity_ref(names(m.initiative)) for m in path.undated]}
