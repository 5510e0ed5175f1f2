"""Learn abbreviations from their definitions in the text ("Sentral forskrivningsmodul (SFM)").

The long form is found with the algorithm of Schwartz and Hearst (2003): the characters of the
short form, right to left, in the words before the parenthesis, the first at a word start.
"""

import re
from collections.abc import Iterator

from ingest.lexicon import is_abbreviation

_DEFINITION = re.compile(r"\(([^()\s]{2,10})\)")


def definitions(text: str) -> Iterator[tuple[str, str, int]]:
    """Yield (long form, short form, start of the long form) for each definition in ``text``.

    >>> list(definitions("Utprøving av Sentral forskrivningsmodul (SFM) er i gang."))
    [('Sentral forskrivningsmodul', 'SFM', 13)]
    """
    for match in _DEFINITION.finditer(text):
        short = match.group(1)
        if not is_abbreviation(short):
            continue
        before = text[: match.start()].rstrip()
        words = before[before.rfind("\n") + 1:].split(" ")
        window = " ".join(words[-min(len(short) + 5, len(short) * 2):])
        long_form = best_long_form(short, window)
        if long_form:
            yield long_form, short, len(before) - len(long_form)


def best_long_form(short: str, candidate: str) -> str | None:
    """Return the shortest tail of ``candidate`` that ``short`` abbreviates, or None.

    >>> best_long_form("KAK", "et prosjekt: Kommunikasjonsløsning for Akuttmedisinsk Kjede")
    'Kommunikasjonsløsning for Akuttmedisinsk Kjede'
    """
    s_index, l_index = len(short) - 1, len(candidate) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            candidate[l_index].lower() != char
            or (s_index == 0 and l_index > 0 and candidate[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = candidate.rfind(" ", 0, l_index + 1) + 1
    long_form = candidate[start:].strip(" ,;:")
    return long_form if len(long_form) > len(short) and " " in long_form else None
