"""Walk a document sentence by sentence with its structure: headings, goals, section focus."""

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from ingest.docs import sentences as doc_sentences
from ingest.docs import text_of
from ingest.model import Evidence, GoalFact, GoalLink, Mention
from ingest.timeexpr import find_date

GOAL_CUES_FILE = Path(__file__).parent / "patterns" / "goal_cues.json"
_GOAL = re.compile(json.loads(GOAL_CUES_FILE.read_text(encoding="utf-8"))["heading"])
BULLET = re.compile(r"^\s*[•▪●◦\-–*]\s+")
_TERMINAL = (".", "!", "?", ";", ":")
_LINK_MARK = ("🡕", "↗", "→", "»", "⇗")  # a line ending so is a link to elsewhere, not a heading
_MAX_HEADING_WORDS = 12
_FOCUS_MENTIONS = 3
_SUBHEADING_WORDS = 2  # "Kilder", "Status": a sub-heading keeps the initiative of the heading above


@dataclass(frozen=True)
class SentenceView:
    """A sentence with what surrounds it: section heading, the initiatives in focus, the one before."""

    text: str  # the whole document text, which every offset refers to
    start: int  # the sentence, without surrounding white space, is text[start:end]
    end: int
    mentions: tuple[Mention, ...]
    section: str
    focus: tuple[str, ...]
    previous: tuple[str, ...]
    bullet: bool = False
    heading_subjects: tuple[str, ...] = ()  # the initiatives the section's heading names
    topic: tuple[str, ...] = ()  # what the whole document is about: its title's initiatives

    @property
    def sentence(self) -> str:
        """Return the text of the sentence."""
        return self.text[self.start:self.end]

    def evidence(self) -> Evidence:
        """Return this sentence as evidence."""
        return Evidence(start=self.start, end=self.end, text=self.sentence, section=self.section)

    def initiatives(self) -> list[Mention]:
        """Return the initiative mentions, in order."""
        return [m for m in self.mentions if m.kind == "initiative"]


@dataclass(frozen=True)
class Line:
    """One line of the document text and where it starts."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def evidence(self) -> Evidence:
        return Evidence(self.start, self.end, self.text.strip())


def word_before(text: str, position: int, floor: int = 0) -> str:
    """Return the word right before ``position`` (within a few characters, not before ``floor``), lower-cased,
    or "": the preposition that marks a name as a place ("i Kjernejournal").

    >>> word_before("Dokumentdeling via Kjernejournal", 19)
    'via'
    """
    words = text[max(floor, position - 12):position].split()
    return words[-1].lower() if words else ""


def lines_of(text: str) -> list[Line]:
    """Return the non-empty lines of ``text`` with their offsets."""
    out, start = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(Line(start, raw))
        start += len(raw) + 1
    return out


def first_full_date(lines: list[str]) -> tuple[str, int | None]:
    """Return the first date with a day in ``lines`` and the index of its line, or ("", None).

    >>> first_full_date(["Møte i Strategirådet", "26. Mars 2026", "Storo"])
    ('2026-03-26', 1)
    """
    for index, line in enumerate(lines):
        date, _ = find_date(line)
        if len(date) == 10:
            return date, index
    return "", None


def document_date(text: str, lines: int = 5) -> str:
    """Return the first full date in the opening lines of a document (its own date), or ""."""
    return first_full_date(text.split("\n", lines)[:lines])[0]


def is_heading(block: str) -> bool:
    """Return True for a short block without closing punctuation: a heading or slide title.

    >>> is_heading("Innføring av Pasientens legemiddelliste (PLL)"), is_heading("Det er i gang.")
    (True, False)
    """
    block = block.strip()
    return (bool(block) and (block[0].isupper() or block[0].isdigit()) and not block.endswith(_TERMINAL)
            and not block.endswith(_LINK_MARK) and not BULLET.match(block) and len(block.split()) <= _MAX_HEADING_WORDS)


def parse_goal(block: str) -> tuple[str, str] | None:
    """Return (notation, label) when ``block`` starts with a goal heading.

    >>> parse_goal("Delmål 2.B: Helsepersonell skal ha tilgang til en felles legemiddelliste")
    ('2.B', 'Helsepersonell skal ha tilgang til en felles legemiddelliste')
    """
    match = _GOAL.match(block.strip())
    if not match:
        return None
    number, letter, label = match.group("number", "letter", "label")
    if match.group("subgoal") and not letter:
        return None
    notation = f"{number}.{letter.upper()}" if letter else number
    return notation, label.strip()[:300]


class Outline:
    """Walk the sentences of an annotated Doc with its entity ``mentions``, collecting goals and which initiatives
    serve them."""

    def __init__(self, doc: Doc, mentions: tuple[Mention, ...], locatives: frozenset[str] = frozenset()):
        self.doc = doc
        self.locatives = locatives
        self.text = text_of(doc)
        self.goals: list[GoalFact] = []
        self._section_counts: dict[str, Counter] = {}
        self._heading_links: set[tuple[str, str]] = set()
        self._by_sentence: dict[int, list[Mention]] = {}  # by the sentence's first character
        self._sents = doc_sentences(doc)
        starts = [sent.start_char for sent in self._sents]
        for mention in mentions:
            self._by_sentence.setdefault(starts[bisect_right(starts, mention.start) - 1], []).append(mention)
        self.topic = self._topic()

    def _topic(self) -> tuple[str, ...]:
        """Return the initiatives the title names as its subject, else the one the text names most (twice at least)."""
        first = self._sents[0] if self._sents else None
        if first is not None:
            named = self._subjects(self._by_sentence.get(first.start_char, ()))
            if named:
                return named
        counts = Counter(m.iri for ms in self._by_sentence.values() for m in ms if m.kind == "initiative")
        top = counts.most_common(2)
        if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            return (top[0][0],)
        return ()

    def _subjects(self, mentions) -> tuple[str, ...]:
        """Return the initiatives among ``mentions`` not named as a place ("i kjernejournal"), each once."""
        return tuple(dict.fromkeys(m.iri for m in mentions if m.kind == "initiative"
                                   and word_before(self.text, m.start) not in self.locatives))

    def sentences(self) -> Iterator[SentenceView]:
        """Yield every sentence with its context, in document order."""
        section, goal = "", ""
        focus: tuple[str, ...] = ()
        previous: tuple[str, ...] = ()
        heading_subjects: tuple[str, ...] = ()
        bullet = False
        for sent in self._sents:
            raw = self.text[sent.start_char:sent.end_char]
            if not raw.strip():
                continue
            start = sent.start_char + len(raw) - len(raw.lstrip())
            end = start + len(raw.strip())
            mentions = tuple(self._by_sentence.get(sent.start_char, ()))
            inits = tuple(dict.fromkeys(m.iri for m in mentions if m.kind == "initiative"))
            subjects = self._subjects(mentions)
            block_begins = sent.start == 0 or "\n" in self.text[max(0, sent.start_char - 2):sent.start_char]
            if block_begins:
                block = _block_at(self.text, sent.start_char)
                parsed = parse_goal(block)
                heading = bool(parsed) or is_heading(block)
                if parsed:
                    goal = parsed[0]
                    self.goals.append(GoalFact(parsed[0], _first_sentence(parsed[1]), self._evidence(sent, block)))
                    focus = inits
                elif heading:
                    focus = subjects or focus
                elif inits and not focus:
                    focus = inits[:1]
                bullet = bool(BULLET.match(block.strip()))
                if heading:
                    section = block.strip()[:200]
                    if inits or len(block.split()) > _SUBHEADING_WORDS:
                        heading_subjects = inits
                    if goal:
                        self._heading_links |= {(i, goal) for i in inits}
            if goal:
                self._section_counts.setdefault(goal, Counter()).update(m.iri for m in mentions
                                                                        if m.kind == "initiative")
            yield SentenceView(self.text, start, end, mentions, section, focus, previous, bullet, heading_subjects,
                               self.topic)
            previous = _by_salience(mentions)

    def goal_links(self) -> list[GoalLink]:
        """Return the initiatives named in a goal's headings or often in its section."""
        links = set(self._heading_links)
        for goal, counts in self._section_counts.items():
            links |= {(iri, goal) for iri, n in counts.items() if n >= _FOCUS_MENTIONS}
        return [GoalLink(iri, notation) for iri, notation in sorted(links)]

    def _evidence(self, sent: Span, block: str) -> Evidence:
        text = block.strip()
        start = self.text.find(text, sent.start_char)
        return Evidence(start=start, end=start + len(text), text=text, section=text[:200])


def _by_salience(mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    """Return the initiatives of a sentence, the one it names most often first, else in the order named: what a
    pointing word in the next sentence refers to first.

    >>> a, b = Mention("a", "initiative", 0, 1), Mention("b", "initiative", 5, 6)
    >>> _by_salience((a, b, b)), _by_salience((a, b))
    (('b', 'a'), ('a', 'b'))
    """
    named = [m.iri for m in mentions if m.kind == "initiative"]
    counts = Counter(named)
    return tuple(sorted(dict.fromkeys(named), key=lambda iri: -counts[iri]))


def _block_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _first_sentence(label: str) -> str:
    return re.split(r"(?<=[a-zæøå])\. ", label, maxsplit=1)[0].rstrip(" .")
