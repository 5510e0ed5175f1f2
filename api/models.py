"""Response models of the REST API; their docstrings become the OpenAPI descriptions."""

from pydantic import BaseModel, Field


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


class Edge(BaseModel):
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
    hops: list[Edge]


class ReachedPage(BaseModel):
    items: list[Reached]
    total: int


class RelatedOut(BaseModel):
    """A related initiative with its score and the reasons, in words."""

    initiative: EntityRef
    score: float
    reasons: list[str]


class RelatedPage(BaseModel):
    items: list[RelatedOut]
    total: int


class OrderOut(BaseModel):
    """An implementation order, prerequisites first, and the groups that depend on each other in a cycle."""

    order: list[EntityRef]
    cycles: list[list[EntityRef]]


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
    newDependencies: list[Edge]
    droppedDependencies: list[Edge]


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
    dependencies: list[Edge]
    dependents: list[Edge]
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
    items: list[Edge]
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
