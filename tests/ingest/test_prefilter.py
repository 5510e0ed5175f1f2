"""The literal prefilters of the rule regexes: a sentence is skipped only when the regex cannot match it."""

import re
from pathlib import Path

import pytest

from ingest import read
from ingest.discovery import load_patterns
from ingest.facts import Rules
from ingest.prefilter import SCREEN, required_literals
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


def rule_regexes() -> list[re.Pattern[str]]:
    rules = Rules.load()
    found = [t.regex for t in rules.phases.triggers] + [c.regex for c in rules.roles]
    found += [c.regex for c in rules.dependencies.cues]
    found += [r for c in rules.dependencies.cues for r in (c.split, c.when) if r is not None]
    return found + [p.regex for p in load_patterns().patterns]


def test_no_rule_regex_is_screened_out_of_a_line_it_matches() -> None:
    lines = [line for path in [*CORPUS, *sorted(OWN_DOCS.glob("*.txt"))]
             for line in read(path).text.splitlines() if line.strip()]
    lines += [line for _, text in corpus(20) for line in text.splitlines() if line.strip()]
    regexes = rule_regexes()
    assert sum(required_literals(r) is not None for r in regexes) > len(regexes) // 2  # most are screened
    wrongly_skipped = [(regex.pattern[:60], line[:60]) for regex in regexes for line in lines
                       if regex.search(line) and not SCREEN.may_match(regex, line.lower())]
    assert wrongly_skipped == []
