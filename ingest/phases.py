"""Find phase statements: which initiative is in which phase of the value chain, when, where.

A statement needs a phase predicate the clause asserts and the initiative that predicate is
about: its subject ("X prøves ut"), its object ("tok i bruk X"), the complement of a phase noun
("utprøving av X"), or, for a predicate without one ("I 2026 starter nasjonal innføring"), what
the passage is about. Headings, questions, reported speech, purpose clauses and conditionals
state no phase; a phase noun after a blocker ("ansvar for utprøving") is not asserted.
"""

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.cues import CLAUSE_BREAK, antecedents, mentioned, pointing_word, points_back
from ingest.model import Evidence, PhaseFact
from ingest.prefilter import SCREEN
from ingest.structure import BULLET, SentenceView, is_heading, word_before
from ingest.timeexpr import When, find_when

CUES_FILE = Path(__file__).parent / "patterns" / "phase_cues.json"
_SUBORDINATORS = frozenset("før når fordi dersom hvis mens".split())
_OTHER_PHRASE = re.compile(r"\b(?:og|eller|som|å|skal|vil|kan|må|men)\b")
_PREPOSITIONS = frozenset("fra i på til med av for om hos ved under etter før mot via gjennom".split())


@dataclass(frozen=True)
class Trigger:
    """A phase predicate and where its initiative stands: "subject", "object" or "nominal"."""

    phase: str
    role: str
    regex: re.Pattern
    between: bool = False  # the object may stand between the verb and its particle ("ta X i bruk")
    adjacent: bool = False  # the object stands right after the verb, adverbs aside ("bruker nå X")
    fallback: bool = False  # counts only where no other trigger speaks ("Prosjektet gjennomføres i 2016–2019")


@dataclass(frozen=True)
class PhaseBook:
    """The phase triggers and the cues that keep a sentence or clause from stating a phase."""

    triggers: tuple[Trigger, ...]
    blockers: re.Pattern
    speech: re.Pattern
    conditional: re.Pattern
    tentative: re.Pattern
    planned: re.Pattern
    locatives: frozenset[str]
    object_locatives: frozenset[str]
    scope_groups: re.Pattern
    skip: re.Pattern
    events_before: re.Pattern
    events_after: re.Pattern
    adverbial_openers: frozenset[str]
    event_anaphora: re.Pattern
    artefact_heads: frozenset[str]
    negation: re.Pattern
    field_labels: tuple[tuple[str, re.Pattern], ...]
    when_question: re.Pattern
    adverbs: re.Pattern  # what may stand between a verb and its adjacent object
    inverted_subject: re.Pattern  # the subject between verb and object after a fronted adverbial
    subordinate: re.Pattern  # a "når" or "dersom" clause presupposes what it says rather than asserting it
    solution_nouns: re.Pattern  # a pointing noun, or the head of one, that names a service or solution
    solution_names: re.Pattern  # an entity identifier whose name is on a solution head
    anaphors: frozenset[str] = frozenset()


def load_phase_cues(path: Path = CUES_FILE, anaphors: frozenset[str] = frozenset()) -> PhaseBook:
    """Read the phase cues from their data file."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def rx(key: str) -> re.Pattern:
        return re.compile(data[key], re.I)
    return PhaseBook(
        triggers=tuple(sorted((Trigger(t["phase"], t["role"], re.compile(t["regex"], re.I), t.get("between", False),
                                       t.get("adjacent", False), t.get("fallback", False)) for t in data["triggers"]),
                              key=lambda trigger: trigger.fallback)),
        blockers=rx("blockers"), speech=re.compile(data["speech"], re.I), conditional=rx("conditional"),
        tentative=rx("tentative"), planned=rx("planned"), locatives=frozenset(data["locatives"]),
        object_locatives=frozenset(data["object_locatives"]), scope_groups=rx("scope_groups"),
        skip=re.compile(data["skip"]), events_before=rx("events_before"), events_after=rx("events_after"),
        adverbial_openers=frozenset(data["adverbial_openers"]), event_anaphora=re.compile(data["event_anaphora"]),
        artefact_heads=frozenset(data["artefact_heads"]), negation=rx("negation"),
        field_labels=tuple((f["phase"], re.compile(f["regex"], re.I)) for f in data["field_labels"]),
        when_question=rx("when_question"), adverbs=rx("adverbs"), subordinate=rx("subordinate"),
        inverted_subject=rx("inverted_subject"), solution_nouns=rx("solution_nouns"),
        solution_names=re.compile(data["solution_names"]), anaphors=anaphors)


def states_no_phase(sentence: str, book: PhaseBook) -> bool:
    """Return True for a sentence that cannot state a phase: an undated heading, a question, a pointer,
    reported speech or a conditional.

    >>> book = load_phase_cues()
    >>> states_no_phase("Plan for utprøving", book), states_no_phase("PLL prøves ut i Bergen.", book)
    (True, False)
    >>> states_no_phase("– Vi tar i bruk PLL i år, sier hun.", book)
    True
    """
    return ((is_heading(sentence) and find_when(sentence) is None) or sentence.rstrip().endswith("?")
            or bool(book.skip.search(sentence))
            or bool(book.speech.search(sentence)) or bool(book.conditional.search(sentence)))


def status_of(text: str, book: PhaseBook) -> str:
    """Return "tentative", "planned" or "actual" for a phase clause."""
    if book.tentative.search(text):
        return "tentative"
    if book.planned.search(text):
        return "planned"
    return "actual"


class PhaseReader:
    """Read phase statements sentence by sentence, with what the sentence before leaves open.

    A question of when ("Når er løsningen klar for nasjonal utbredelse?") is answered by a date in the
    next block; a conditional ("Når X er ferdig, kan Y tas i bruk") states nothing, but "Dette vil
    skje i 2024" after it dates the phase it names, as it dates the phase of any sentence before.
    """

    def __init__(self, book: PhaseBook):
        self.book = book
        self._latent: list[PhaseFact] = []  # what the sentence before stated, or would have
        self._question: tuple[SentenceView, list[PhaseFact]] | None = None

    def read(self, view: SentenceView) -> list[PhaseFact]:
        """Return the phase statements of ``view``, the next sentence of the document."""
        book, sentence = self.book, view.sentence
        label = BULLET.sub("", sentence)
        question, self._question = self._question, None
        when = find_when(sentence)
        if question and when:
            self._latent = [_answered(question[0], view, p, when) for p in question[1]]
            return self._latent
        if self._latent and book.event_anaphora.match(sentence):
            self._latent = [_statement(view, p.initiative, p.phase, view.start, view.end, book) for p in self._latent]
            return self._latent
        field = next((phase for phase, pattern in book.field_labels if pattern.match(label)), None)
        if field:
            self._latent = [_statement(view, iri, field, view.start, view.end, book) for iri in antecedents(view)[:1]]
            return self._latent
        found = extract_phases(view, book)
        if book.when_question.match(label) and found:
            self._question, self._latent = (view, found), []
            return []
        if states_no_phase(sentence, book):
            self._latent = found if book.conditional.search(sentence) else []
            return []
        self._latent = found
        return found


def extract_phases(view: SentenceView, book: PhaseBook) -> list[PhaseFact]:
    """Return one phase statement per initiative and phase the sentence's clauses assert."""
    found: dict[tuple[str, str], PhaseFact] = {}
    masked = view.sentence
    spoke = False  # whether a trigger other than a fallback was found in the sentence
    lowered = masked.lower()
    for trigger in book.triggers:  # the fallbacks last
        if trigger.fallback and spoke:
            break
        if not SCREEN.may_match(trigger.regex, lowered):
            continue
        matched = False
        for match in trigger.regex.finditer(masked):
            spoke = matched = True
            start, end = view.start + match.start(), view.start + match.end()
            clause_start, clause_end = _clause(view, start, end)
            if not _asserted(view.text, trigger, clause_start, start, end, clause_end, book):
                continue
            for iri in _about(view, trigger, match, clause_start, clause_end, book):
                if (iri, trigger.phase) not in found:
                    found[(iri, trigger.phase)] = _statement(view, iri, trigger.phase, clause_start, clause_end, book)
        if matched:  # later triggers must not read what this one found
            masked = trigger.regex.sub(lambda m: " " * len(m.group(0)), masked)
            lowered = masked.lower()
    return list(found.values())


def _answered(question: SentenceView, answer: SentenceView, statement: PhaseFact, when: When) -> PhaseFact:
    """Return ``statement`` dated by the answer to its question, with both blocks as evidence."""
    text = question.text[question.start:answer.end]
    evidence = Evidence(question.start, answer.end, text, question.section)
    return replace(statement, evidence=evidence, date=when.date, date_text=when.text, period=when.period,
                   status="planned")


def _asserted(text: str, trigger: Trigger, clause_start: int, start: int, end: int, clause_end: int,
              book: PhaseBook) -> bool:
    """Return True when the clause asserts the predicate: no blocker or negation right before it, and a phase noun
    beside an event ("starter nasjonal innføring", "utprøvingen er gjennomført")."""
    before, after = text[clause_start:start], text[end:clause_end]
    if book.blockers.search(before) or book.negation.search(before) or book.subordinate.search(before):
        return False
    return trigger.role != "nominal" or bool(book.events_before.search(before) or book.events_after.search(after))


def _clause(view: SentenceView, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the clause around [start, end) within the sentence."""
    clause_start, clause_end = view.start, view.end
    for brk in CLAUSE_BREAK.finditer(view.text, view.start, view.end):
        if brk.end() <= start:
            clause_start = brk.end()
        elif brk.start() >= end:
            clause_end = brk.start()
            break
    return clause_start, clause_end


def _about(view: SentenceView, trigger: Trigger, match: re.Match, clause_start: int, clause_end: int,
           book: PhaseBook) -> tuple[str, ...]:
    """Return the initiatives the phase predicate is about."""
    start, end = view.start + match.start(), view.start + match.end()
    if trigger.role == "object":
        if trigger.between and match.group("between").strip():
            inner = _object(view, view.start + match.start("between"), view.start + match.end("between"), book)
            if inner:
                return inner
        return _object(view, end, clause_end, book, adjacent=trigger.adjacent,
                       inverted=_fronted(view.text[clause_start:start], book))
    complement = re.match(r"\s+(?:av|for)\s+([\wæøåÆØÅ-]+)(?:\s+([\wæøåÆØÅ-]+))?", view.text[end:clause_end])
    if trigger.role == "nominal" and complement:
        objects = _object(view, end, clause_end, book)
        if objects:
            return objects
        if not {w.lower() for w in complement.groups() if w} & book.artefact_heads:
            return ()  # "innføring av plikt til betaling": the phase of something else
    return _subject(view, trigger, clause_start, start, end, book)


def _object(view: SentenceView, start: int, end: int, book: PhaseBook, *, adjacent: bool = False,
            inverted: bool = False) -> tuple[str, ...]:
    """Return the initiative a verb or noun takes as its object: the first one named after it, or what
    a pointing word there refers to when that comes first ("tok i bruk løsningen"). With ``adjacent``, only
    one named right after the verb, adverbs aside, or after the subject when a fronted adverbial has put the
    subject after the verb (``inverted``: "I dag bruker alle fastlegene X"), or what a pointing noun right
    there refers to ("forvaltar ordninga"); a pronoun there ("bruke den") is too vague to point back."""
    objects = [m for m in view.mentions if m.kind == "initiative" and start <= m.start and m.end <= end
               and word_before(view.text, m.start) not in book.object_locatives]
    limit = objects[0].start if objects else end
    if adjacent:
        between = view.text[start:limit]
        if objects and (book.adverbs.fullmatch(between) or (inverted and book.inverted_subject.fullmatch(between))):
            return (objects[0].iri,)
        adverbs = book.adverbs.match(view.text, start, end)
        assert adverbs is not None, "the adverbs pattern matches the empty string too"
        word = re.match(r"[\wæøå]+", view.text[adverbs.end():end])
        return _referent(view, word.group(0), book) if word and _pointing_noun(word.group(0), book) else ()
    pointing = pointing_word(view.text[start:limit], book.anaphors)
    if pointing:
        return _referent(view, pointing, book)
    if objects and _OTHER_PHRASE.search(view.text, start, limit):
        return ()  # "utvikler og dokumenterer tjenester som skal bruke X": X is another verb's object
    return (objects[0].iri,) if objects else ()


def _subject(view: SentenceView, trigger: Trigger, clause_start: int, start: int, end: int,
             book: PhaseBook) -> tuple[str, ...]:
    """Return the initiatives that are the subject of a predicate: named before it in the clause, or,
    after a fronted adverbial ("I 2026 starter ...", "Fra 2023 ble tjenesten ..."), after the verb; a
    pointing word, or no subject at all, refers to what the passage is about."""
    text = view.text
    before = text[clause_start:start]
    relative = re.search(r"\bsom\s+(?:\w+\s+)?$", before)
    if relative:  # "X, som er i drift": the subject is the name right before "som"
        at = clause_start + relative.start()
        named = [m for m in view.mentions if m.kind == "initiative" and 0 <= at - m.end <= 3]
        return (named[-1].iri,) if named else ()
    subjects = mentioned(view, "initiative", clause_start, start, book.locatives)
    if subjects:
        return subjects
    words = re.findall(r"[\wæøåÆØÅ@-]+", before.split(",")[0] if before.strip() else before)
    subordinate = len(words) > 1 and words[0].lower() in _SUBORDINATORS
    if subordinate:
        words = words[1:]  # "før de andre delene kan tas i bruk": the clause's own subject follows
    if not words or words[0].lower() in book.adverbial_openers or words[0][0].isdigit():
        inverted = mentioned(view, "initiative", start, min(end + 40, view.end), book.object_locatives)
        if inverted and trigger.role == "subject":
            return inverted[:1]
        return antecedents(view)[:1]
    if not subordinate and _pointing_noun(words[0], book):  # "Prosjektet digitaliserer ... i perioden 2016–2019"
        return _referent(view, words[0], book)
    head = _subject_head(words)
    if (trigger.role == "nominal" or points_back(head, book.anaphors) or _pointing_compound(head, book)
            or head.lower() in book.artefact_heads):
        return _referent(view, head, book)
    return ()


def _referent(view: SentenceView, noun: str, book: PhaseBook) -> tuple[str, ...]:
    """Return the initiative a pointing noun refers to: for a noun of a service or solution ("Nettjenesten"), a
    solution the sentence before names as one ("Folkeregisterets oppslagsløsning"), else its antecedent."""
    if book.solution_nouns.search(noun.lower()):
        solutions = [iri for iri in view.previous if book.solution_names.search(iri.rsplit("/", 1)[-1])]
        if solutions:
            return tuple(solutions[:1])
    return antecedents(view, noun=noun)[:1]


def _fronted(before: str, book: PhaseBook) -> bool:
    """Return True when the clause opens with an adverbial ("I dag", "Kvar dag", "Fra 2023") before its verb."""
    words = before.split()
    return bool(words) and words[0].lower() in book.adverbial_openers


def _subject_head(words: list[str]) -> str:
    """Return the head of a subject noun phrase: its last word before any preposition ("dokumenter" in
    "Viktige dokumenter fra disse")."""
    for index, word in enumerate(words[1:], 1):
        if word.lower() in _PREPOSITIONS:
            return words[index - 1]
    return words[-1]


def _pointing_noun(word: str, book: PhaseBook) -> bool:
    """Return True for a noun that refers to something named before ("løsningen"), not a pronoun ("den")."""
    return word.lower() in book.anaphors and len(word) > 5


def _pointing_compound(word: str, book: PhaseBook) -> bool:
    """Return True for a compound whose head is a pointing noun ("Pilotløsningen")."""
    lowered = word.lower()
    return any(lowered.endswith(a) and len(lowered) > len(a) for a in book.anaphors if len(a) > 5)


def _statement(view: SentenceView, iri: str, phase: str, clause_start: int, clause_end: int,
               book: PhaseBook) -> PhaseFact:
    clause = view.text[clause_start:clause_end]
    when = find_when(clause) or find_when(view.sentence)
    return PhaseFact(initiative=iri, phase=phase, status=status_of(clause, book), evidence=view.evidence(),
                     date=when.date if when else "", date_text=when.text if when else "",
                     period=when.period if when else "", scope=_scope(view, book))


def _scope(view: SentenceView, book: PhaseBook) -> str:
    organizations = [m.iri for m in view.mentions if m.kind == "organization"]
    if organizations:
        return organizations[0]
    group = book.scope_groups.search(view.sentence)
    return group.group(0) if group else ""
