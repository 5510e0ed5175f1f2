"""Find the first time expression in a sentence and normalise it to ISO 8601."""

import re

MONTHS = {m: i for i, m in enumerate(
    "januar februar mars april mai juni juli august september oktober november desember".split(), 1)}
_MONTH = "|".join(MONTHS)
_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy"),
    (re.compile(rf"\b(\d{{1,2}})\. ?({_MONTH}) (\d{{4}})\b", re.I), "d_month_y"),
    (re.compile(rf"\b({_MONTH}) (\d{{4}})\b", re.I), "month_y"),
    (re.compile(r"\b(?:Q([1-4])|([1-4])\. ?kvartal) (\d{4})\b", re.I), "quarter"),
    (re.compile(r"\binnen utgangen av (\d{4})\b", re.I), "end_of_year"),
    (re.compile(r"\b(?:våren|sommeren|høsten|vinteren|starten av|slutten av|løpet av) (\d{4})\b", re.I), "year"),
    (re.compile(r"\b(20\d{2}|19\d{2})\b(?![-–]\d)"), "year"),
]


def find_date(text: str) -> tuple[str, str]:
    """Return (ISO date, the expression as written) for the first time expression, or ("", "").

    >>> find_date("Helseregion Nord startet sin utprøving februar 2025")
    ('2025-02', 'februar 2025')
    >>> find_date("Fra 01.01.2026 trer plikt til bruk i kraft.")
    ('2026-01-01', '01.01.2026')
    >>> find_date("Ferdig innen utgangen av 2025.")
    ('2025-12', 'innen utgangen av 2025')
    """
    for pattern, rule in _RULES:
        match = pattern.search(text)
        if match:
            return _normalise(rule, match.groups()), match.group(0)
    return "", ""


def _normalise(rule: str, groups: tuple) -> str:
    if rule == "dmy":
        day, month, year = (int(g) for g in groups)
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else f"{year:04d}"
    if rule == "d_month_y":
        return f"{int(groups[2]):04d}-{MONTHS[groups[1].lower()]:02d}-{int(groups[0]):02d}"
    if rule == "month_y":
        return f"{int(groups[1]):04d}-{MONTHS[groups[0].lower()]:02d}"
    if rule == "quarter":
        quarter = int(groups[0] or groups[1])
        return f"{int(groups[2]):04d}-{quarter * 3 - 2:02d}"
    if rule == "end_of_year":
        return f"{int(groups[0]):04d}-12"
    return f"{int(groups[-1]):04d}"
