"""Find dependencies between initiatives from Norwegian cue phrases, with the direction right."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

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
    text = view.sent.text
    base = view.sent.start_char
    hits = sorted(((m.start(), m.end(), cue) for cue in book.cues for m in cue.regex.finditer(text)),
                  key=lambda hit: hit[0])
    hits = [h for i, h in enumerate(hits) if i == 0 or h[0] >= hits[i - 1][1]]
    facts: list[DependencyFact] = []
    carried: tuple[str, ...] = ()
    for index, (start, end, cue) in enumerate(hits):
        left_from = hits[index - 1][1] if index else 0
        right_to = hits[index + 1][0] if index + 1 < len(hits) else len(text)
        left = _initiatives(view, base + left_from, base + start)
        right_text = text[end:right_to]
        right = _initiatives(view, base + end, base + right_to)
        confidence = cue.confidence
        if cue.dependent == "left":
            dependents, prerequisites = left, right
        elif left or cue.split is None or not cue.split.search(right_text):
            dependents, prerequisites = right, left
        else:  # "forutsetning for X er at Y"
            cut = base + end + cue.split.search(right_text).start()
            dependents, prerequisites = _initiatives(view, base + end, cut), _initiatives(view, cut, base + right_to)
        if not dependents and cue.dependent == "left":
            if carried:
                dependents = carried
            elif _points_back(text[left_from:start], book) or start == 0:
                dependents = _antecedents(view, exclude=prerequisites)
                confidence *= ANAPHORA_DISCOUNT
        if dependents:
            carried = dependents
        facts += [DependencyFact(prerequisite=p, dependent=d, kind=cue.kind, confidence=round(confidence, 2),
                                 cue=text[start:end], evidence=view.evidence())
                  for d in dependents for p in prerequisites if p != d]
    return facts


def _initiatives(view: SentenceView, start: int, end: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.iri for m in view.initiatives() if start <= m.start and m.end <= end))


def _points_back(left_text: str, book: CueBook) -> bool:
    return any(word in book.anaphors for word in re.findall(r"\w+", left_text.lower()))


def _antecedents(view: SentenceView, exclude: tuple[str, ...]) -> tuple[str, ...]:
    candidates = view.previous or view.focus
    return tuple(iri for iri in candidates if iri not in exclude)

