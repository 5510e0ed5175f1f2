"""Find dependencies between initiatives from Norwegian cue phrases, with the direction right."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.cues import antecedents, cue_hits, mentioned, points_back
from ingest.model import DependencyFact
from ingest.structure import SentenceView

CUES_FILE = Path(__file__).parent / "patterns" / "dependency_cues.json"
ANAPHORA_DISCOUNT = 0.8


@dataclass(frozen=True)
class Cue:
    """A cue phrase: the side its dependent stands on, its kind, and how far to trust it."""

    id: str
    kind: str
    dependent: str  # "left" or "right"
    confidence: float
    regex: re.Pattern
    split: re.Pattern | None = None


@dataclass(frozen=True)
class CueBook:
    """The cue phrases and the words that point back to an initiative named before."""

    cues: tuple[Cue, ...]
    anaphors: frozenset[str]


def load_cues(path: Path = CUES_FILE) -> CueBook:
    """Read the cue phrases from their data file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cues = tuple(Cue(c["id"], c["kind"], c["dependent"], c["confidence"], re.compile(c["regex"], re.I),
                     re.compile(c["split"]) if c.get("split") else None) for c in data["cues"])
    return CueBook(cues, frozenset(data["anaphors"]))


def extract_dependencies(view: SentenceView, book: CueBook) -> list[DependencyFact]:
    """Return the dependency edges ``view``'s sentence states, one per prerequisite and dependent."""
    doc_text = view.text
    facts: list[DependencyFact] = []
    carried: tuple[str, ...] = ()
    for hit in cue_hits(view, book.cues):
        cue: Cue = hit.cue  # type: ignore[assignment]
        left = mentioned(view, "initiative", hit.left_from, hit.start)
        right = mentioned(view, "initiative", hit.end, hit.right_to)
        split = cue.split.search(doc_text, hit.end, hit.right_to) if cue.split else None
        confidence = cue.confidence
        if cue.dependent == "left":
            dependents, prerequisites = left, right
        elif left or split is None:
            dependents, prerequisites = right, left
        else:  # "forutsetning for X er at Y"
            dependents = mentioned(view, "initiative", hit.end, split.start())
            prerequisites = mentioned(view, "initiative", split.start(), hit.right_to)
        if not dependents and cue.dependent == "left":
            if carried:
                dependents = carried
            elif points_back(doc_text[hit.left_from:hit.start], book.anaphors) or hit.start == view.start:
                dependents = antecedents(view, exclude=prerequisites)
                confidence *= ANAPHORA_DISCOUNT
        if dependents:
            carried = dependents
        facts += [DependencyFact(prerequisite=p, dependent=d, kind=cue.kind, confidence=round(confidence, 2),
                                 cue=doc_text[hit.start:hit.end], evidence=view.evidence())
                  for d in dependents for p in prerequisites if p != d]
    return facts
