"""The literal prefilters of the rule regexes: a sentence is skipped only when the regex cannot match it."""

import re
from pathlib import Path

import pytest

from ingest import read
from ingest.discovery import load_patterns
from ingest.facts import Rules
from ingest.prefilter import SCREEN, required_digits, required_literals
from ingest.timeexpr import load_time_cues
from testkit.sample import CORPUS
from testkit.synthetic import corpus

OWN_DOCS = Path(__file__).resolve().parents[2] / "eval" / "own" / "docs"


@pytest.mark.parametrize("pattern, words", [
    (r"\binnføres\b", {"innføres"}),
    (r"\b(?:innfør(?:es|ing)|tas i bruk)\b", {"innføres", "innføring", "tas i bruk"}),
    (r"[Pp]ilot(?:ering)?", {"pilot"}),
    (r"\bkr(?:ever|avde|evde)\b", {"krever", "kravde", "krevde"}),  # with the prefix the parser took out
    (r"(?:nasjonal\s+)?innføring", {"innføring"}),  # an optional part requires nothing
    (r"(?:utprøving)+ av", {"utprøving"}),
    (r"\bFORUTSETTER\b", {"forutsetter"}),  # compared in lower case
])
def test_the_words_every_match_contains(pattern: str, words: set[str]) -> None:
    assert required_literals(re.compile(pattern)) == words


@pytest.mark.parametrize("pattern", [
    r"[A-ZÆØÅ]\w+ (?:A|S)",  # no literal of three characters in every match
    r"(?:innføres|\d{4})",  # one alternative has no literal
    r"(?:utprøving)? \w+",
    r"(?=innføring)\w+",  # a lookahead is not part of the match
])
def test_no_words_where_some_match_has_none(pattern: str) -> None:
    assert required_literals(re.compile(pattern)) is None


def test_a_screened_out_sentence_is_one_the_regex_cannot_match() -> None:
    regex = re.compile(r"\b(?:innføres|tas i bruk)\b", re.IGNORECASE)
    assert SCREEN.may_match(regex, "løsningen tas i bruk i 2025.")
    assert not SCREEN.may_match(regex, "løsningen prøves ut i 2025.")


@pytest.mark.parametrize("pattern, digits", [
    (r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", 4),  # the longest run, not the sum
    (r"(?:19|20)\d{2}", 4),  # alternatives of digits joined to the digits after them
    (r"[0-9]{2}[a-z]\d", 2),
    (r"(?:\d\d|x)\d", 1),  # one alternative is no digit
    (r"(?:\d\d|\d{3})\d", 3),  # the shorter alternative
    (r"(?:ab)?\d{3}", 3),
    (r"\d{2,}", 2),
    (r"\d*", 0),
    (r"[^0-9]{4}", 0),  # a negated class
    (r"(?:Q[1-4]|kvartal) \d", 1),
    (r"²³", 0),  # superscripts are not what \d finds
])
def test_the_digits_in_a_row_every_match_contains(pattern: str, digits: int) -> None:
    assert required_digits(re.compile(pattern)) == digits


def sample_lines() -> list[str]:
    """Return the lines of the sample corpus, the own set's pages and a synthetic corpus."""
    lines = [line for path in [*CORPUS, *sorted(OWN_DOCS.glob("*.txt"))]
             for line in read(path).text.splitlines() if line.strip()]
    return lines + [line for _, text in corpus(20) for line in text.splitlines() if line.strip()]


def test_no_time_rule_needs_more_digits_than_a_line_it_matches_has() -> None:
    lines = sample_lines() + ["Fra 01.01.2026 gjelder plikten.", "I 2024–25 prøves det ut.", "Q3 2025",
                              "innen utgangen av 2025"]
    runs = {line: max(map(len, re.findall(r"\d+", line)), default=0) for line in lines}
    wrongly_skipped = [(regex.pattern[:60], line[:60]) for regex, _, needed in load_time_cues().rules
                       for line in lines if regex.search(line) and needed > runs[line]]
    assert wrongly_skipped == [] and any(needed for _, _, needed in load_time_cues().rules)


def rule_regexes() -> list[re.Pattern[str]]:
    rules = Rules.load()
    found = [t.regex for t in rules.phases.triggers] + [c.regex for c in rules.roles]
    found += [c.regex for c in rules.dependencies.cues]
    found += [r for c in rules.dependencies.cues for r in (c.split, c.when) if r is not None]
    return found + [p.regex for p in load_patterns().patterns]


def test_no_rule_regex_is_screened_out_of_a_line_it_matches() -> None:
    lines = sample_lines()
    regexes = rule_regexes()
    assert sum(required_literals(r) is not None for r in regexes) > len(regexes) // 2  # most are screened
    wrongly_skipped = [(regex.pattern[:60], line[:60]) for regex in regexes for line in lines
                       if regex.search(line) and not SCREEN.may_match(regex, line.lower())]
    assert wrongly_skipped == []
