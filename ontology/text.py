"""How Norwegian names and text are normalised for matching: Snowball stems of lower-cased words.

Shared by recognition in ingest/ and search in graph/, so both treat inflections alike.
"""

import re
from functools import lru_cache

import Stemmer

_stemmer = Stemmer.Stemmer("norwegian")
_WORD = re.compile(r"[\w@]+")
_NEUTER_ADJECTIVE = re.compile(r"(?<=\w{3})(al|el|ig|isk)t$")  # Snowball keeps "digitalt" apart from "digital"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball stem of ``word``, stemmed twice so that inflections meet.

    >>> stem("reseptformidleren") == stem("reseptformidler")
    True
    >>> stem("digitalt") == stem("digitale")
    True
    """
    return _NEUTER_ADJECTIVE.sub(r"\1", _stemmer.stemWord(_stemmer.stemWord(word.lower())))


def stems(text: str) -> list[str]:
    """Return the stems of the words of ``text``, in order.

    >>> stems("Pasientens legemiddelliste")
    ['pasient', 'legemiddellist']
    """
    return [stem(w) for w in _WORD.findall(text.casefold())]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, stem) for each word of ``text``."""
    return [(m.start(), m.end(), stem(m.group(0))) for m in _WORD.finditer(text)]
