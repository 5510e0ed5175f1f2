"""Find dependencies between initiatives from Norwegian cues, with the direction right.

A cue is a verb (any inflection, with its particle) or a fixed phrase; the dependent is the
clause's subject side, the prerequisites its object side. Negated cues and alternatives give no
edge, and a prerequisite that is not an initiative ("forutsetter forberedelser") gives none either.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.cues import CueHit, antecedents, cue_hits, mentioned, points_back
from ingest.grammar import verb_regex
from ingest.model import DependencyFact
from ingest.structure import SentenceView

CUES_FILE = Path(__file__).parent / "patterns" / "dependency_cues.json"
ANAPHORA_DISCOUNT = 0.8
_NEGATION_REACH = 24  # characters before a cue in which a negation ("er ikke avhengig av") cancels it


@dataclass(frozen=True)
class Cue:
    """A cue: the side its dependent stands on, its kind, and how far to trust it."""

    id: str
    kind: str
    dependent: str  # "left" or "right"
    confidence: float
    regex: re.Pattern
    split: re.Pattern | None = None
    split_dependent: str = "before"  # which part of a split right side holds the dependents
    when: re.Pattern | None = None  # the sentence must hold this for the cue to count
    passive: bool = False  # "X kreves av Y": the agent after "av" (or the purpose after "for") is the dependent;
    # a verb with a particle keeps its subject as the dependent in the passive too ("X integreres med Y")


@dataclass(frozen=True)
class CueBook:
    """The cues, the words that point back to an initiative named before, negations and alternatives."""

    cues: tuple[Cue, ...]
    anaphors: frozenset[str]
    negation: re.Pattern
    alternative: re.Pattern


def load_cues(path: Path = CUES_FILE) -> CueBook:
    """Read the cues from their data file, inflecting each verb."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cues: list[Cue] = []
    for verb in data["verbs"]:
        for passive in (False, True):
            regex = verb_regex(verb["lemmas"], verb["forms"], verb["particle"], passive=passive)
            cues.append(Cue(verb["id"], verb["kind"], "left", verb["confidence"], re.compile(regex, re.I),
                            passive=passive and not verb["particle"]))
    for phrase in data["phrases"]:
        cues.append(Cue(phrase["id"], phrase["kind"], phrase["dependent"], phrase["confidence"],
                        re.compile(phrase["regex"], re.I),
                        re.compile(phrase["split"], re.I) if phrase.get("split") else None,
                        phrase.get("split_dependent", "before"),
                        re.compile(phrase["when"], re.I) if phrase.get("when") else None))
    return CueBook(tuple(cues), frozenset(data["anaphors"]), re.compile(data["negation"], re.I),
                   re.compile(data["alternative"], re.I))


def extract_dependencies(view: SentenceView, book: CueBook) -> list[DependencyFact]:
    """Return the dependency edges ``view``'s sentence states, one per prerequisite and dependent."""
    if not view.initiatives():
        return []  # one end at least is named in the sentence: the other may be a reference to one before
    doc_text = view.text
    facts: list[DependencyFact] = []
    carried: tuple[str, ...] = ()
    for hit in cue_hits(view, book.cues):
        cue: Cue = hit.cue  # type: ignore[assignment]
        if (cue.when and not cue.when.search(view.sentence)) or _negated(doc_text, hit, view.start, book):
            continue
        dependents, prerequisites = _sides(view, hit, cue)
        confidence = cue.confidence
        if not dependents and cue.dependent == "left":
            if carried:
                dependents = carried
            elif points_back(doc_text[hit.left_from:hit.start], book.anaphors) or hit.start == view.start:
                dependents = antecedents(view, exclude=prerequisites)
                confidence *= ANAPHORA_DISCOUNT
        if dependents and not prerequisites and cue.dependent == "right" and points_back(
                doc_text[hit.left_from:hit.start], book.anaphors):
            prerequisites = antecedents(view, exclude=dependents)  # "Dette danner grunnlag for X"
            confidence *= ANAPHORA_DISCOUNT
        if dependents:
            carried = dependents
        if _alternatives(doc_text, hit, cue, book):
            continue
        facts += [DependencyFact(prerequisite=p, dependent=d, kind=cue.kind, confidence=round(confidence, 2),
                                 cue=doc_text[hit.start:hit.end], evidence=view.evidence())
                  for d in dependents for p in prerequisites if p != d]
    return facts


def _sides(view: SentenceView, hit: CueHit, cue: Cue) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (dependents, prerequisites) of a cue, from the side each stands on."""
    left = mentioned(view, "initiative", hit.left_from, hit.start, heads_only=True)
    right = mentioned(view, "initiative", hit.end, hit.right_to, heads_only=True)
    if cue.passive:  # "X kreves av Y", "X kreves for Y": X is the prerequisite
        return (right, left) if re.match(r"\s+(?:av|for)\b(?! å)", view.text[hit.end:hit.right_to]) else ((), ())
    if cue.dependent == "left":
        return left, right
    split = cue.split.search(view.text, hit.end, hit.right_to) if cue.split else None
    if left or split is None:
        return right, left
    before = mentioned(view, "initiative", hit.end, split.start())
    after = mentioned(view, "initiative", split.start(), hit.right_to)
    return (after, before) if cue.split_dependent == "after" else (before, after)


def _negated(text: str, hit: CueHit, sentence_start: int, book: CueBook) -> bool:
    """Return True when a negation stands in the cue or just before it ("krever ikke", "er ikke avhengig av")."""
    before = text[max(sentence_start, hit.start - _NEGATION_REACH):hit.start]
    after = text[hit.end:hit.end + 8]
    return bool(book.negation.search(text[hit.start:hit.end]) or book.negation.search(before.split(",")[-1])
                or re.match(r"\s+(?:ikke|ikkje)\b", after))


def _alternatives(text: str, hit: CueHit, cue: Cue, book: CueBook) -> bool:
    """Return True when the prerequisite side offers alternatives ("integrere X eller utvikle egen")."""
    if cue.dependent != "left" or cue.passive:
        return False
    clause = re.split(r"[,;:(]", text[hit.end:hit.right_to], maxsplit=1)[0]
    return bool(book.alternative.search(clause))
