"""The records the graph layer returns: immutable values, one class per idea, with IRIs and plain values.

The index keeps the dependency edges and their evidence (millions of them in a large store: hence slots);
the read model builds the other records from the store's rows and the index's names. What a client
sees of them (ids instead of IRIs, camelCase names) is the API's business, not theirs.
"""

from dataclasses import dataclass

from ontology import local_id

EdgeKey = tuple[str, str, str]  # prerequisite, dependent and kind: an edge's identity


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Where a document says so: the document's IRI, the sentence and its character offsets."""

    document: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Edge:
    """A direct dependency: ``dependent`` needs ``prerequisite`` (IRIs), of ``kind``, with all its evidence."""

    prerequisite: str
    dependent: str
    kind: str
    confidence: float
    evidence: tuple[Evidence, ...]

    @property
    def key(self) -> EdgeKey:
        """The edge's identity: the same key stated in several documents is one edge."""
        return self.prerequisite, self.dependent, self.kind


@dataclass(frozen=True)
class Order:
    """An implementation order of initiatives (IRIs), prerequisites first, and the groups that depend on each
    other in a cycle."""

    order: tuple[str, ...]
    cycles: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """An initiative or an organisation by name: its IRI, label and alternative labels.

    >>> Entity("https://w3id.org/veikart/id/initiative/kjernejournal", "Kjernejournal").id
    'kjernejournal'
    """

    iri: str
    label: str
    alt_labels: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The URL-safe id: the IRI's last segment."""
        return local_id(self.iri)

    def names_contain(self, text: str | None) -> bool:
        """Return True when ``text`` is empty or stands in the label or an alternative label, case aside.

        >>> Entity("https://example.org/pll", "Pasientens legemiddelliste", ("PLL",)).names_contain("legemiddel")
        True
        """
        return not text or text.casefold() in " ".join([self.label, *self.alt_labels]).casefold()


@dataclass(frozen=True)
class Phase:
    """A phase of the value chain; its English label and definition are read with the value chain only."""

    notation: str
    label: str
    order: int
    label_en: str | None = None
    definition: str | None = None


@dataclass(frozen=True)
class PhaseStatement:
    """An initiative (IRI) in a phase, when (EDTF, the start as ISO 8601, the words of the text), where (an
    organisation, or a scope in words), with what status, dated by its document, and why we think so."""

    initiative: str
    phase: Phase
    date: str | None
    start: str | None
    date_text: str | None
    scope: Entity | str | None
    status: str
    document_date: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class StatusNote:
    """A short status of an initiative, dated by its document; repeated on several slides, it is one note."""

    text: str
    date: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class HistoryEntry:
    """One dated step in an initiative's history: a phase statement (``kind`` "phase") or a status note
    ("status")."""

    kind: str
    date: str | None
    text: str
    phase: Phase | None
    status: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Role:
    """An organisation's role in an initiative: lead, responsible, participant, ... (the notation of a
    concept of the ontology's role kinds)."""

    actor: Entity
    initiative: Entity
    role: str


@dataclass(frozen=True)
class Initiative:
    """An initiative as a list shows it: its current phase, the notations of its goals, its lead actors,
    and every organisation with a role in it (IRIs)."""

    entity: Entity
    discovered: bool
    phase: Phase | None
    goals: tuple[str, ...]
    leads: tuple[Entity, ...]
    actors: frozenset[str]


@dataclass(frozen=True)
class Actor:
    """An organisation as a list shows it: the initiatives it has a role in."""

    entity: Entity
    discovered: bool
    initiatives: tuple[Entity, ...]


@dataclass(frozen=True)
class Goal:
    """A strategic goal or subgoal: its id, notation (2, 2.B), label, the initiatives that serve it and, for a
    goal, its subgoals."""

    id: str
    notation: str
    label: str
    initiatives: tuple[Entity, ...] = ()
    subgoals: tuple["Goal", ...] = ()


@dataclass(frozen=True)
class Document:
    """An ingested document: where it came from, its format and the hash of its content."""

    iri: str
    title: str
    source: str
    format: str | None
    content_hash: str

    @property
    def id(self) -> str:
        """The URL-safe id: the IRI's last segment."""
        return local_id(self.iri)


@dataclass(frozen=True)
class Annotation:
    """Where in a document's text a fact's evidence stands (character offsets), and the kind of fact: the local
    name of its class, such as Dependency or PhaseStatement."""

    start: int
    end: int
    kind: str


REASON_WORDS = {
    "prerequisite": "{label} depends on it", "dependent": "depends on {label}",
    "sharedPrerequisite": "shared prerequisite: {label}", "sharedDependent": "shared dependent: {label}",
    "sharedLeadActor": "shared lead actor: {label}", "sameSubgoal": "same subgoal: {label}",
    "coMention": "named together in {count} sentence{plural}", "similarName": "similar name",
}  # each kind of reason said in English; a client words the kind and its values in its own language


@dataclass(frozen=True)
class Reason:
    """Why an initiative is related to another: a kind (a key of ``REASON_WORDS``), the label of the entity
    the reason names (an initiative, an actor, or a subgoal's notation) and a count (of sentences), when it
    has them.

    >>> Reason("sharedPrerequisite", "Sentral forskrivningsmodul").words()
    'shared prerequisite: Sentral forskrivningsmodul'
    >>> Reason("coMention", count=1).words()
    'named together in 1 sentence'
    """

    kind: str
    label: str | None = None
    count: int | None = None

    def words(self) -> str:
        """Return the reason as an English phrase."""
        return REASON_WORDS[self.kind].format(label=self.label, count=self.count,
                                              plural="s" if (self.count or 0) > 1 else "")


@dataclass(frozen=True)
class Related:
    """An initiative related to another: its score (the sum of the weights of its reasons) and each reason
    once."""

    initiative: Entity
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class SearchHit:
    """An entity (``kind`` initiative or organization) or an evidence sentence (``kind`` evidence) matching a
    search: its score, the text that matched with the spans of the matching words, and for a sentence
    where it stands (document IRI and offsets, when its evidence has a position)."""

    kind: str
    entity: Entity | None
    score: float
    text: str
    spans: tuple[tuple[int, int], ...]
    document: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class PhaseMove:
    """An initiative whose current phase differs between two documents, with the later one's evidence."""

    initiative: Entity
    before: Phase | None
    after: Phase
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Changes:
    """What changed from one document to another."""

    new_initiatives: tuple[Entity, ...]
    dropped_initiatives: tuple[Entity, ...]
    phase_moves: tuple[PhaseMove, ...]
    new_dependencies: tuple[Edge, ...]
    dropped_dependencies: tuple[Edge, ...]


@dataclass(frozen=True)
class Milestone:
    """When an initiative (IRI) reaches a phase, as far as the documents say: the statement that says so, or
    None when none does, and the months it may fall in (``first`` to ``last``, each a count of months since
    year 0; None for a bound the statement leaves open, both None when it gives no date)."""

    initiative: str
    phase: Phase
    statement: PhaseStatement | None
    first: int | None = None
    last: int | None = None

    @property
    def month(self) -> int | None:
        """The month the milestone is put at: its first possible month, else the last (a deadline)."""
        return self.first if self.first is not None else self.last

    @property
    def dated(self) -> bool:
        """Whether the documents give it a date, or a document's date bounds it."""
        return self.month is not None


@dataclass(frozen=True)
class Conflict:
    """A dependent planned to reach a phase before its prerequisite reaches the phase it needs: ``severity``
    "conflict", "possible" (a tentative statement, or dates too coarse to tell) or "unknown" (the
    prerequisite has no dated phase); the dependencies between the two with their evidence, and the gap in
    months from the dependent's date to the prerequisite's, when both have one."""

    severity: str
    dependent: Milestone
    prerequisite: Milestone
    edges: tuple[Edge, ...]
    gap: int | None


@dataclass(frozen=True)
class PathLink:
    """One link of a critical path: ``edge``, both ends' milestones, and the slack: the months the
    prerequisite's date may slip before it reaches the dependent's (negative: a conflict), when both are dated."""

    edge: Edge
    dependent: Milestone
    prerequisite: Milestone
    slack: int | None


@dataclass(frozen=True)
class CriticalPath:
    """The chain of transitive prerequisites that sets the earliest date an initiative can reach a phase: the
    initiative's own milestone, the links from it to its last prerequisite, and the prerequisite milestone whose
    date is latest (the one that sets the earliest date), if any link is dated."""

    target: Milestone
    links: tuple[PathLink, ...]
    binding: Milestone | None

    @property
    def undated(self) -> tuple[Milestone, ...]:
        """The prerequisites along the path whose milestone has no date."""
        return tuple(link.prerequisite for link in self.links if not link.prerequisite.dated)
