"""Cue phrases in a sentence and the text windows on either side of each: shared by the extractors
of dependencies and roles."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ingest.prefilter import SCREEN
from ingest.structure import SentenceView, word_before
from ontology.text import stem

# Where one clause ends and the next begins: a conjunction after a comma ("og" only before a finite verb,
# so that a list "e-resept, kjernejournal, og SFM" stays whole), a semicolon or a dash.
CLAUSE_BREAK = re.compile(
    r",\s+(?:mens|men|samt|slik at|før)\b|;|\s[–—]\s|,\s+(?!som\b)(?=[a-zæøå]+ (?:er|har|skal|vil)\b)"
    r"|,\s+og\b(?=(?:\s+\S+){0,3}?\s+(?:er|har|skal|vil|kan|blir|ble|var|må|kommer|starter|gjør)\b)"
    r"|,(?=\s+(?:kan|vil|skal|må|bør|blir|vert)\s)"  # the main clause after a fronted subordinate one
    r"|\s(?=(?:før|når|fordi|dersom|hvis|mens|slik at|etter at)\s(?:\S+\s+){0,3}?(?:kan|skal|vil|er|blir|må|har)\b)")


class HasRegex(Protocol):
    regex: re.Pattern


@dataclass(frozen=True)
class CueHit:
    """A cue found in a sentence; offsets are into the document text."""

    cue: HasRegex
    start: int
    end: int
    left_from: int  # the left window runs from the previous cue or clause break (or the sentence start) to the cue
    right_to: int  # the right window runs from the cue to the next cue or clause break (or the sentence end)


def cue_hits(view: SentenceView, cues) -> Iterator[CueHit]:
    """Yield the non-overlapping cues of ``view``'s sentence in order, each with its two windows."""
    text, base = view.sentence, view.start
    lowered = text.lower()
    found = sorted(((m.start(), m.end(), cue) for cue in cues if SCREEN.may_match(cue.regex, lowered)
                    for m in cue.regex.finditer(text)), key=lambda hit: hit[0])
    kept = [h for i, h in enumerate(found) if i == 0 or h[0] >= found[i - 1][1]]
    breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    for index, (start, end, cue) in enumerate(kept):
        # a break ending where the cue starts is the cue's own subordinator ("... innføres etter at X")
        left_from = max([kept[index - 1][1] if index else 0, *(b_end for _, b_end in breaks if b_end < start)])
        straddles = getattr(cue, "split", None) is not None  # "Når X er ferdig, kan Y ...": both clauses
        right_to = min([kept[index + 1][0] if index + 1 < len(kept) else len(text),
                        *(b_start for b_start, _ in breaks if b_start >= end and not straddles)])
        yield CueHit(cue, base + start, base + end, base + left_from, base + right_to)


def mentioned(view: SentenceView, kind: str, start: int, end: int,
              locatives: frozenset[str] = frozenset(), *, heads_only: bool = False) -> tuple[str, ...]:
    """Return the IRIs of the ``kind`` mentions within [start, end), in order, each once; with
    ``locatives``, leave out mentions named as a place ("i Kjernejournal", "via Helsenorge"); with
    ``heads_only``, leave out a mention that only modifies the one before it ("multidose i e-resept")."""
    text = view.text
    inside = [m for m in view.mentions if m.kind == kind and start <= m.start and m.end <= end]
    kept = [m for m in inside if word_before(text, m.start, start) not in locatives]
    if heads_only:
        kept = [m for i, m in enumerate(kept) if i == 0 or not _modifies(text[kept[i - 1].end:m.start])]
    return tuple(dict.fromkeys(m.iri for m in kept))


def _modifies(between: str) -> bool:
    """Return True when only a preposition of place stands between two names: the second modifies the first."""
    return between.strip().lower() in {"i", "på", "hos", "fra", "under"}



def pointing_word(text: str, anaphors: frozenset[str]) -> str:
    """Return the first word of ``text`` that refers to something named before ("dette", "tjenesten"), or ""."""
    return next((word for word in re.findall(r"\w+", text.lower()) if word in anaphors), "")


def points_back(text: str, anaphors: frozenset[str]) -> bool:
    """Return True when ``text`` holds a word that refers to something named before ("dette", "tjenesten")."""
    return bool(pointing_word(text, anaphors))


def antecedents(view: SentenceView, exclude: tuple[str, ...] = (), noun: str = "") -> tuple[str, ...]:
    """Return the initiatives a pointing word refers to: the sentence before, else the section's focus,
    else the document's topic. A pointing noun ("ordninga", "løsningen") prefers, among all of these, the
    nearest initiative whose name ends in it ("A-ordninga" over "Altinn" named in between).

    >>> view = SentenceView("", 0, 0, (), "", ("init/a-ordninga",), ("init/altinn",), topic=("init/x",))
    >>> antecedents(view), antecedents(view, noun="ordninga")
    (('init/altinn',), ('init/a-ordninga',))
    """
    groups = [tuple(iri for iri in candidates if iri not in exclude)
              for candidates in (view.previous, view.focus, view.topic)]
    head = stem(noun) if len(noun) > 5 else ""
    named = [iri for group in groups for iri in group if head and head in iri.rsplit("/", 1)[-1].rsplit("-", 1)[-1]]
    if named:
        return tuple(named[:1])
    return next((group for group in groups if group), ())
