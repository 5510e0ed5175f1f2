"""Find phase statements: which initiative is in which phase of the value chain, when, where."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.cues import mentioned
from ingest.model import PhaseFact
from ingest.structure import SentenceView
from ingest.timeexpr import find_date

CUES_FILE = Path(__file__).parent / "patterns" / "phase_cues.json"


@dataclass(frozen=True)
class PhaseBook:
    """Phase cues in the order they are tried, status cues, locatives and scope groups."""

    phases: tuple[tuple[str, re.Pattern], ...]
    tentative: re.Pattern
    planned: re.Pattern
    locatives: frozenset[str]
    scope_groups: re.Pattern
    skip: re.Pattern


def load_phase_cues(path: Path = CUES_FILE) -> PhaseBook:
    """Read the phase cues from their data file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return PhaseBook(
        phases=tuple((p["phase"], re.compile(p["regex"], re.I)) for p in data["phases"]),
        tentative=re.compile(data["tentative"], re.I),
        planned=re.compile(data["planned"], re.I),
        locatives=frozenset(data["locatives"]),
        scope_groups=re.compile(data["scope_groups"], re.I),
        skip=re.compile(data["skip"]),
    )


def phases_in(text: str, book: PhaseBook) -> list[str]:
    """Return the phases ``text`` names, each once, in value-chain cue order.

    >>> phases_in("E-multidose er under utprøving og innføring.", load_phase_cues())
    ['utvikling_begrenset_utproving', 'innforing']
    """
    found, masked = [], text
    for phase, pattern in book.phases:
        if pattern.search(masked):
            found.append(phase)
            masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    return found


def status_of(text: str, book: PhaseBook) -> str:
    """Return "tentative", "planned" or "actual" for a phase sentence."""
    if book.tentative.search(text):
        return "tentative"
    if book.planned.search(text):
        return "planned"
    return "actual"


def extract_phases(view: SentenceView, book: PhaseBook) -> list[PhaseFact]:
    """Return a phase statement for each phase the sentence names and each initiative it is about."""
    text = view.sentence
    phases = [] if book.skip.match(text) else phases_in(text, book)
    if not phases:
        return []
    subjects = mentioned(view, "initiative", view.start, view.end, book.locatives) or view.focus[:1]
    if not subjects:
        return []
    date, date_text = find_date(text)
    status, scope, evidence = status_of(text, book), _scope(view, book), view.evidence()
    return [PhaseFact(initiative=iri, phase=phase, status=status, evidence=evidence, date=date,
                      date_text=date_text, scope=scope)
            for iri in subjects for phase in phases]


def _scope(view: SentenceView, book: PhaseBook) -> str:
    organizations = [m.iri for m in view.mentions if m.kind == "organization"]
    if organizations:
        return organizations[0]
    group = book.scope_groups.search(view.sentence)
    return group.group(0) if group else ""
