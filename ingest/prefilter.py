"""Literal prefilters for the rule regexes: the words one of which any match must contain.

Most rules match in few sentences, and scanning a sentence with a regex of word boundaries and alternations
costs far more than looking for a word in it. From a regex's parse tree this finds a set of literal strings
such that every match contains one of them (in lower case, whatever the regex's flags); a sentence that
contains none of them is not scanned. Where no such set is found, the regex is always scanned. For the
patterns of numbers and dates it finds how many digits in a row every match contains.
"""

import re
from collections.abc import Iterable
from os.path import commonprefix
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

Required = frozenset[str] | None  # literal strings one of which every match contains; None: no such set

_SHORTEST_USEFUL = 3  # characters: a shorter word is in most sentences and screens nothing
_SHARED_ENOUGH = 5  # characters: words that share this long a beginning are screened by it alone
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_GROUPS = {sre.SUBPATTERN, getattr(sre, "ATOMIC_GROUP", sre.SUBPATTERN)}


def required_literals(regex: re.Pattern[str]) -> Required:
    """Return lower-case strings one of which every match of ``regex`` contains, or None.

    >>> sorted(required_literals(re.compile(r"\\b(?:innfør(?:es|ing)|tas i bruk)\\b", re.IGNORECASE)))
    ['innføres', 'innføring', 'tas i bruk']
    >>> required_literals(re.compile(r"[A-Z]\\w+ \\d+")) is None
    True
    """
    return _fewest(_best(_sequence(sre_parse.parse(regex.pattern, regex.flags))))


class Screen:
    """Whether a regex can match a text, asked of the text's lower case; one screen per regex, kept for the
    life of the regex."""

    def __init__(self) -> None:
        self._required: dict[int, tuple[re.Pattern[str], Required]] = {}  # by id; the regex kept alive with it

    def may_match(self, regex: re.Pattern[str], lowered: str) -> bool:
        """Whether ``regex`` may match a text whose lower case is ``lowered``."""
        entry = self._required.get(id(regex))
        if entry is None:
            entry = self._required[id(regex)] = (regex, required_literals(regex))
        words = entry[1]
        if words is None:
            return True
        for word in words:  # a loop, not any() over a generator: this runs for every rule and sentence
            if word in lowered:
                return True
        return False


SCREEN = Screen()


def required_digits(regex: re.Pattern[str]) -> int:
    """Return how many digits in a row every match of ``regex`` contains (0 if it need contain none).

    >>> required_digits(re.compile(r"\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b"))
    4
    >>> required_digits(re.compile(r"\\b((?:19|20)\\d{2}) ?[–-]")), required_digits(re.compile(r"Q[1-4]|kvartal"))
    (4, 0)
    """
    return _digit_run(sre_parse.parse(regex.pattern, regex.flags))


def _digit_run(items: Iterable) -> int:
    """Return the longest run of digits every match of a sequence of parsed items contains: adjacent items that
    match only digits make one run, and any other item may hold a run of its own."""
    longest = run = 0
    for op, argument in items:
        digits = _only_digits(op, argument)
        if digits is not None:
            run += digits
        else:
            run = 0
            longest = max(longest, _inner_digit_run(op, argument))
        longest = max(longest, run)
    return longest


def _inner_digit_run(op, argument) -> int:
    if op in _GROUPS:
        return _digit_run(argument[-1])
    if op in _REPEATS:
        return _digit_run(argument[2]) if argument[0] >= 1 else 0
    if op is sre.BRANCH:
        return min(_digit_run(branch) for branch in argument[1])
    return 0


def _only_digits(op, argument) -> int | None:
    """Return the fewest characters an item matches if it matches nothing but digits, else None."""
    if op is sre.LITERAL:
        return 1 if chr(argument).isdecimal() else None
    if op is sre.IN:
        return 1 if argument and all(_digit_member(kind, value) for kind, value in argument) else None
    if op in _GROUPS:
        return _all_digits(argument[-1])
    if op in _REPEATS:
        low, _, body = argument
        count = _all_digits(body)
        return None if count is None else low * count
    if op is sre.BRANCH:
        counts = [_all_digits(branch) for branch in argument[1]]
        return None if None in counts else min(c for c in counts if c is not None)
    return None


def _all_digits(items: Iterable) -> int | None:
    """Return the fewest characters a sequence of parsed items matches if it matches nothing but digits."""
    counts = [_only_digits(op, argument) for op, argument in items]
    return None if not counts or None in counts else sum(c for c in counts if c is not None)


def _digit_member(kind, value) -> bool:
    """Whether a member of a character class matches only digits: a digit, a range of them or \\d."""
    if kind is sre.LITERAL:
        return chr(value).isdecimal()
    if kind is sre.RANGE:
        return all(chr(c).isdecimal() for c in range(value[0], value[1] + 1))
    return kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT


def _sequence(items: Iterable) -> list[Required]:
    """Return the candidate requirements of a sequence of parsed items: runs of literal characters and the
    requirements of the groups, branches and repeats in it; each holds on its own."""
    candidates: list[Required] = []
    run = ""
    for op, argument in items:
        char = _literal(op, argument)
        if char is not None:
            run += char
            continue
        exact = _exact(op, argument)
        if exact is not None:
            run += exact
            continue
        if run and op is sre.BRANCH:  # a prefix the parser took out of the alternatives ("kr(?:ever|avde)")
            candidates.append(frozenset(run + _leading(branch) for branch in argument[1]))
        if run:
            candidates.append(frozenset({run}))
            run = ""
        candidates.append(_item(op, argument))
    if run:
        candidates.append(frozenset({run}))
    return candidates


def _item(op, argument) -> Required:
    if op in _GROUPS:
        return _best(_sequence(argument[-1]))
    if op in _REPEATS:
        low, _, body = argument
        return _best(_sequence(body)) if low >= 1 else None
    if op is sre.BRANCH:
        branches = [_best(_sequence(branch)) for branch in argument[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    return None  # classes, anchors, lookarounds, back references: nothing every match contains


def _literal(op, argument) -> str | None:
    """Return the one lower-case character an item matches, if it matches only that character."""
    if op is sre.LITERAL:
        return chr(argument).lower()
    if op is sre.IN:
        chars = {chr(value).lower() for kind, value in argument if kind is sre.LITERAL}
        if len(chars) == 1 and all(kind is sre.LITERAL for kind, _ in argument):
            return chars.pop()
    return None


def _leading(items: Iterable) -> str:
    """Return the literal characters a sequence of parsed items starts with."""
    lead = ""
    for op, argument in items:
        char = _literal(op, argument)
        if char is None:
            break
        lead += char
    return lead


def _exact(op, argument) -> str | None:
    """Return the literal string a group matches, if it matches only that string."""
    if op not in _GROUPS:
        return None
    chars = [_literal(inner_op, inner) for inner_op, inner in argument[-1]]
    return "".join(chars) if chars and all(c is not None for c in chars) else None  # type: ignore[arg-type]


def _fewest(words: Required) -> Required:
    """Return as few words as screen as well or nearly: a word that contains another is dropped (a text with it
    has the other), and many words that share a long beginning become that beginning."""
    if words is None:
        return None
    kept = frozenset(w for w in words if not any(other != w and other in w for other in words))
    shared = commonprefix(list(kept))
    return frozenset({shared}) if len(kept) > 2 and len(shared) >= _SHARED_ENOUGH else kept


def _best(candidates: list[Required]) -> Required:
    """Return the candidate that screens most: the one whose shortest word is longest, then with fewest words."""
    useful = [c for c in candidates if c is not None and c and min(map(len, c)) >= _SHORTEST_USEFUL]
    if not useful:
        return None
    return max(useful, key=lambda c: (min(map(len, c)), -len(c)))
