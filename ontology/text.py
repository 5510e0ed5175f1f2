"""How Norwegian names and text are normalised for matching: Snowball stems of lower-cased words.

Shared by recognition in ingest/ and search in graph/, so both treat inflections alike.
"""

import re
import threading
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[\w@]+")
_NEUTER_ADJECTIVE = re.compile(r"(?<=\w{3})(al|el|ig|isk)t$")  # Snowball keeps "digitalt" apart from "digital"


class _PerThread(threading.local):
    """A stemmer for each thread: PyStemmer says one instance must not be called by two threads at once,
    and request threads stem queries while others do. One per thread costs less than one behind a lock
    (bench/stemmer_bench.py), and only words the cache of ``stem`` has not seen reach it."""

    def __init__(self) -> None:
        self.stemmer = Stemmer.Stemmer("norwegian")


_per_thread = _PerThread()


def thread_stemmer() -> Stemmer.Stemmer:
    """Return the Norwegian Snowball stemmer of the calling thread."""
    return _per_thread.stemmer


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball stem of ``word``, stemmed twice so that inflections meet.

    >>> stem("reseptformidleren") == stem("reseptformidler")
    True
    >>> stem("digitalt") == stem("digitale")
    True
    """
    stemmer = thread_stemmer()
    return _NEUTER_ADJECTIVE.sub(r"\1", stemmer.stemWord(stemmer.stemWord(word.lower())))


def stems(text: str) -> list[str]:
    """Return the stems of the words of ``text``, in order.

    >>> stems("Pasientens legemiddelliste")
    ['pasient', 'legemiddellist']
    """
    return [stem(w) for w in _WORD.findall(text.casefold())]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, stem) for each word of ``text``."""
    return [(m.start(), m.end(), stem(m.group(0))) for m in _WORD.finditer(text)]
