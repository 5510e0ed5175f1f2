"""Find the first time expression in a sentence: its start as ISO 8601 and its extent as EDTF.

EDTF (ISO 8601-2, Library of Congress "Extended Date/Time Format") keeps the precision the text
gives: "2024–25" is the interval ``2024/2025``, "høsten 2025" the season ``2025-23``, "Q1 2026" the
quarter ``2026-33``, "innen utgangen av 2025" a deadline ``../2025``, "fra mai 2025" an open
interval ``2025-05/..``.
"""

import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    "januar februar mars april mai juni juli august september oktober november desember".split(), 1)}
ORDINALS = {"første": 1, "andre": 2, "tredje": 3, "fjerde": 4}
SEASONS = {"våren": 21, "sommeren": 22, "høsten": 23, "vinteren": 24}  # EDTF level 1 season codes
_MONTH = "|".join(MONTHS)
_SEASON = "|".join(SEASONS)
_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy"),
    (re.compile(rf"\b(\d{{1,2}})\. ?({_MONTH}) (\d{{4}})\b", re.I), "d_month_y"),
    (re.compile(rf"\b({_MONTH}) (\d{{4}})\b", re.I), "month_y"),
    (re.compile(r"\b(?:Q([1-4])|([1-4]|første|andre|tredje|fjerde)\.? ?kvartal)(?: i)? (\d{4})\b", re.I), "quarter"),
    (re.compile(r"\b(?:innen|innan) utgangen av (\d{4})\b", re.I), "end_of_year"),
    (re.compile(rf"\b({_SEASON}) (\d{{4}})\b", re.I), "season"),
    (re.compile(r"\b(?:starten av|slutten av|løpet av) (\d{4})\b", re.I), "year"),
    (re.compile(r"\b((?:19|20)\d{2}) ?[–-] ?((?:19|20)?\d{2})\b(?![-–]\d)"), "years"),
    (re.compile(r"\b(20\d{2}|19\d{2})\b(?![-–]\d)"), "year"),
]
_OPEN_END = re.compile(r"\b(?:fra|frå|siden|sidan|etter)\s+(?:og med\s+)?$", re.I)


@dataclass(frozen=True)
class When:
    """A time expression: where a phase begins (ISO 8601), its whole extent (EDTF), and the words."""

    date: str
    period: str
    text: str


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
    for pattern, rule in _RULES:
        match = pattern.search(text)
        if match:
            date, period = _normalise(rule, match.groups())
            if date and _OPEN_END.search(text[:match.start()]) and "/" not in period:
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
        iso = f"{int(groups[2]):04d}-{MONTHS[groups[1].lower()]:02d}-{int(groups[0]):02d}"
        return iso, iso
    if rule == "month_y":
        iso = f"{int(groups[1]):04d}-{MONTHS[groups[0].lower()]:02d}"
        return iso, iso
    if rule == "quarter":
        written = (groups[0] or groups[1]).lower()
        quarter, year = ORDINALS.get(written) or int(written), int(groups[2])
        return f"{year:04d}-{quarter * 3 - 2:02d}", f"{year:04d}-{32 + quarter}"
    if rule == "end_of_year":
        return f"{int(groups[0]):04d}-12", f"../{int(groups[0]):04d}"
    if rule == "season":
        return f"{int(groups[1]):04d}", f"{int(groups[1]):04d}-{SEASONS[groups[0].lower()]}"
    if rule == "years":
        first, short = str(groups[0]), str(groups[1])
        last = first[:4 - len(short)] + short  # "2024–25": the century of the first year
        return (first, f"{first}/{last}") if int(last) > int(first) else ("", "")
    only = f"{int(groups[-1]):04d}"
    return only, only
