"""Find the first time expression in a sentence: its start as ISO 8601 and its extent as EDTF.

EDTF (ISO 8601-2, Library of Congress "Extended Date/Time Format") keeps the precision the text
gives: "2024–25" is the interval ``2024/2025``, "høsten 2025" the season ``2025-23``, "Q1 2026" the
quarter ``2026-33``, "innen utgangen av 2025" a deadline ``../2025``, "fra mai 2025" an open
interval ``2025-05/..``. The words and patterns are data: ``ingest/patterns/time_cues.json``.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.prefilter import required_digits

CUES_FILE = Path(__file__).parent / "patterns" / "time_cues.json"
_EDTF_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}  # EDTF level 1 season codes


@dataclass(frozen=True)
class TimeCues:
    """The words of time expressions and the patterns that find them, each with the rule that reads its groups."""

    months: dict[str, int]  # month name: its number
    ordinals: dict[str, int]
    seasons: dict[str, int]  # season word: its EDTF season code
    rules: tuple[tuple[re.Pattern, str, int], ...]  # the pattern, its rule, and the digits in a row it needs
    open_end: re.Pattern


def load_time_cues(path: Path = CUES_FILE) -> TimeCues:
    """Read the time cues from their data file, putting the words into the patterns that name them."""
    data = json.loads(path.read_text(encoding="utf-8"))
    words = {"{month}": data["months"], "{season}": list(data["seasons"]), "{ordinal}": list(data["ordinals"])}

    def pattern(regex: str) -> re.Pattern:
        for placeholder, alternatives in words.items():
            regex = regex.replace(placeholder, "|".join(alternatives))
        return re.compile(regex, re.I)

    regexes = [pattern(r["regex"]) for r in data["rules"]]
    return TimeCues(months={m: i for i, m in enumerate(data["months"], 1)}, ordinals=data["ordinals"],
                    seasons={word: _EDTF_SEASONS[season] for word, season in data["seasons"].items()},
                    rules=tuple((regex, r["rule"], required_digits(regex))
                                for regex, r in zip(regexes, data["rules"], strict=True)),
                    open_end=pattern(data["open_end"]))


_CUES = load_time_cues()
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class When:
    """A time expression: where a phase begins (ISO 8601), its whole extent (EDTF), and the words."""

    date: str
    period: str
    text: str


@lru_cache(maxsize=1024)  # a phase statement asks again of the sentence its reader has just asked of
def find_when(text: str) -> When | None:
    """Return the first time expression of ``text``, or None.

    >>> find_when("I 2024–25 er det utprøving i helseregion vest.")
    When(date='2024', period='2024/2025', text='2024–25')
    >>> find_when("Planen er utprøving i løpet av høsten 2023.").period
    '2023-23'
    >>> find_when("Klar innen utgangen av 2025.").period
    '../2025'
    >>> find_when("Fra mai 2025 er løsningen i drift.").period
    '2025-05/..'
    >>> find_when("Det skjer tidligst i andre kvartal i 2024.").period
    '2024-34'
    """
    digits = max(map(len, _DIGITS.findall(text)), default=0)
    for pattern, rule, needed in _CUES.rules:
        if needed > digits:  # a year in figures, say, in a text with none
            continue
        match = pattern.search(text)
        if match:
            date, period = _normalise(rule, match.groups())
            if date and _CUES.open_end.search(text[:match.start()]) and "/" not in period:
                period = f"{period}/.."
            if date:
                return When(date, period, match.group(0))
    return None


def find_date(text: str) -> tuple[str, str]:
    """Return (ISO date, the expression as written) for the first time expression, or ("", "").

    >>> find_date("Helseregion Nord startet sin utprøving februar 2025")
    ('2025-02', 'februar 2025')
    >>> find_date("Fra 01.01.2026 trer plikt til bruk i kraft.")
    ('2026-01-01', '01.01.2026')
    >>> find_date("Ferdig innen utgangen av 2025.")
    ('2025-12', 'innen utgangen av 2025')
    """
    when = find_when(text)
    return (when.date, when.text) if when else ("", "")


def _normalise(rule: str, groups: tuple) -> tuple[str, str]:
    """Return (ISO start, EDTF extent) for the groups of a matched rule; ("", "") when they are no date."""
    if rule == "dmy":
        day, month, year = (int(g) for g in groups)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return f"{year:04d}", f"{year:04d}"
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return iso, iso
    if rule == "d_month_y":
        iso = f"{int(groups[2]):04d}-{_CUES.months[groups[1].lower()]:02d}-{int(groups[0]):02d}"
        return iso, iso
    if rule == "month_y":
        iso = f"{int(groups[1]):04d}-{_CUES.months[groups[0].lower()]:02d}"
        return iso, iso
    if rule == "quarter":
        written = (groups[0] or groups[1]).lower()
        quarter, year = _CUES.ordinals.get(written) or int(written), int(groups[2])
        return f"{year:04d}-{quarter * 3 - 2:02d}", f"{year:04d}-{32 + quarter}"
    if rule == "end_of_year":
        return f"{int(groups[0]):04d}-12", f"../{int(groups[0]):04d}"
    if rule == "season":
        return f"{int(groups[1]):04d}", f"{int(groups[1]):04d}-{_CUES.seasons[groups[0].lower()]}"
    if rule == "years":
        first, short = str(groups[0]), str(groups[1])
        last = first[:4 - len(short)] + short  # "2024–25": the century of the first year
        return (first, f"{first}/{last}") if int(last) > int(first) else ("", "")
    only = f"{int(groups[-1]):04d}"
    return only, only
