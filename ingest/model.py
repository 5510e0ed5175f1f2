"""The values passed between the stages of ingest: a read document and the facts found in it."""

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """A read document: its name, title and the reflowed text every offset refers to."""

    name: str
    slug: str
    title: str
    text: str
    media_type: str
    url: str = ""  # the address the text was taken from, when the file names it

    @property
    def content_hash(self) -> str:
        """Return the SHA-256 of the text, which decides whether a re-ingest changes anything."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact rests on, by character offsets into the document text."""

    start: int
    end: int
    text: str
    section: str = ""


@dataclass(frozen=True)
class Referent:
    """An initiative or organisation as the pipeline knows it within one document, before it has an IRI: its
    kind and the labels the document gives it. The pipeline holds referents by entity key
    (:func:`ingest.resolver.entity_key`); :mod:`ingest.identity` gives each its IRI after the pipeline."""

    kind: str  # "initiative" or "organization"
    label: str
    alt_labels: tuple[str, ...] = ()
    discovered: bool = False  # learned from the text, not a lexicon entity
    confidence: float = 1.0


@dataclass(frozen=True, kw_only=True)
class Entity(Referent):
    """An initiative or organisation named in the document, with the IRI it has in the graph."""

    iri: str


@dataclass(frozen=True)
class Mention:
    """One recognised mention of an entity: its IRI, its kind and its character offsets."""

    iri: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class DependencyFact:
    """``dependent`` needs ``prerequisite``, as a sentence says with a cue of ``kind``."""

    prerequisite: str
    dependent: str
    kind: str
    confidence: float
    cue: str
    evidence: Evidence


@dataclass(frozen=True)
class PhaseFact:
    """An initiative is in, or will enter, a phase of the value chain."""

    initiative: str
    phase: str
    status: str
    evidence: Evidence
    date: str = ""  # where the phase begins, ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
    date_text: str = ""
    period: str = ""  # the whole extent as EDTF: "2024/2025", "2025-23" (autumn), "../2025" (a deadline)
    scope: str = ""  # an organisation IRI or a group named in the text


@dataclass(frozen=True)
class GoalFact:
    """A strategic goal ("Mål 2") or subgoal ("Delmål 2.B") read from a heading."""

    notation: str
    label: str
    evidence: Evidence

    @property
    def parent(self) -> str:
        """Return the notation of the broader goal, or "" for a top-level goal."""
        return self.notation.split(".")[0] if "." in self.notation else ""


@dataclass(frozen=True)
class GoalLink:
    """An initiative serves a goal or subgoal."""

    initiative: str
    notation: str


@dataclass(frozen=True)
class RoleFact:
    """An organisation leads, is responsible for, takes part in or funds an initiative."""

    actor: str
    initiative: str
    kind: str
    evidence: Evidence


@dataclass(frozen=True)
class StatusNote:
    """A short status of an initiative, dated by its document ("Lav framdrift")."""

    initiative: str
    text: str
    evidence: Evidence


@dataclass(frozen=True)
class Person:
    """A named person and the organisation they speak for, when the text gives it."""

    name: str
    organization: str = ""


@dataclass(frozen=True)
class AgendaItem:
    """An item on a meeting's agenda."""

    number: str  # saksnr, "3/26"
    title: str
    evidence: Evidence
    presenters: tuple[Person, ...] = ()
    start_time: str = ""
    kind: str = ""
    proposals: tuple[str, ...] = ()  # forslag til vedtak


@dataclass(frozen=True)
class Membership:
    """A person joins a council, for an organisation, possibly in place of someone."""

    member: Person
    evidence: Evidence
    replaces: str = ""


@dataclass(frozen=True, kw_only=True)
class Meeting:
    """A meeting of a council: when, where, who meets, its agenda and membership changes."""

    title: str
    date: str
    evidence: Evidence
    place: str = ""
    body: str = ""
    agenda: tuple[AgendaItem, ...] = ()
    memberships: tuple[Membership, ...] = ()


@dataclass(frozen=True)
class Observation:
    """A number from a table or a slide: what it counts, for which period, in which unit."""

    dataset: str  # the table's title
    row: str
    period: str
    amount: float
    unit: str  # the IRI of a concept of vk:Units, or "" when the text names none
    evidence: Evidence
    subject: str = ""  # the initiative or organisation the row names


@dataclass(frozen=True)
class Facts:
    """Everything found in one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    dependencies: tuple[DependencyFact, ...] = ()
    phases: tuple[PhaseFact, ...] = ()
    goals: tuple[GoalFact, ...] = ()
    goal_links: tuple[GoalLink, ...] = ()
    roles: tuple[RoleFact, ...] = ()
    status_notes: tuple[StatusNote, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    observations: tuple[Observation, ...] = ()
    issued: str = ""  # the document's own date, ISO 8601
    co_mentions: tuple[tuple[str, str, int], ...] = ()  # (initiative, initiative, sentences naming both)
