"""Stemming from many threads at once: each thread has its own stemmer, and the stems are those of one
thread stemming alone."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

from ontology import text
from testkit.sample import CORPUS

THREADS = 8


def corpus_words() -> list[str]:
    return sorted({w for path in CORPUS for w in re.findall(r"\w+", path.read_text(encoding="utf-8").lower())})


def test_threads_stemming_at_once_get_the_stems_of_one_thread_alone():
    words = corpus_words()
    uncached = text.stem.__wrapped__  # past the cache, so that every call reaches a stemmer
    serial = [uncached(w) for w in words]
    start = threading.Barrier(THREADS, timeout=60)

    def stem_all(offset: int) -> list[str]:
        start.wait()
        order = words[offset:] + words[:offset]  # each thread in its own order
        stems = dict(zip(order, map(uncached, order), strict=True))
        return [stems[w] for w in words]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(stem_all, [n * len(words) // THREADS for n in range(THREADS)]))
    assert all(stems == serial for stems in results)


def test_each_thread_stems_with_its_own_stemmer():
    alive = threading.Barrier(THREADS, timeout=60)  # every thread holds its stemmer until all have one

    def stemmer_of_thread(_: int) -> int:
        stemmer = text.thread_stemmer()
        alive.wait()
        return id(stemmer)

    with ThreadPoolExecutor(THREADS) as pool:
        assert len(set(pool.map(stemmer_of_thread, range(THREADS)))) == THREADS
