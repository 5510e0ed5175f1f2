"""What guarding the Snowball stemmer against concurrent calls costs: one shared instance unguarded (not
allowed: PyStemmer says an instance must not be called by two threads at once), the same behind a lock,
and one instance per thread (what ontology.text does), in one thread and in two at once.

    .venv/bin/python bench/stemmer_bench.py [--words 20000]
"""

import argparse
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import Stemmer

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "veikart-nasjonal-e-helsestrategi.txt"


def shared() -> Callable[[str], str]:
    stemmer = Stemmer.Stemmer("norwegian")

    def stem(word: str) -> str:
        return stemmer.stemWord(word)
    return stem


def locked() -> Callable[[str], str]:
    stemmer, lock = Stemmer.Stemmer("norwegian"), threading.Lock()

    def stem(word: str) -> str:
        with lock:
            return stemmer.stemWord(word)
    return stem


def per_thread() -> Callable[[str], str]:
    class Local(threading.local):
        def __init__(self) -> None:
            self.stemmer = Stemmer.Stemmer("norwegian")
    local = Local()

    def stem(word: str) -> str:
        return local.stemmer.stemWord(word)
    return stem


def ns_per_word(stem: Callable[[str], str], words: list[str], threads: int) -> float:
    """Stem ``words`` in each of ``threads`` threads at once; return the wall time per word stemmed."""
    def work() -> None:
        for word in words:
            stem(word)
    workers = [threading.Thread(target=work) for _ in range(threads)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return (time.perf_counter() - start) / (len(words) * threads) * 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20000)
    words = re.findall(r"\w+", CORPUS.read_text(encoding="utf-8").lower())[:parser.parse_args().words]
    print(f"{len(words)} words of {CORPUS.name}; best of 7 runs, ns a word")
    for threads in (1, 2):
        for make in (shared, locked, per_thread):
            stem = make()
            best = min(ns_per_word(stem, words, threads) for _ in range(7))
            print(f"  {threads} thread(s)  {make.__name__:<10} {best:6.0f}")


if __name__ == "__main__":
    main()
