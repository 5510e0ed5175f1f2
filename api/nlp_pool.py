"""Run the NLP step in separate processes: for uploads, so that CPU-bound spaCy never holds the serving
process's interpreter lock and reads keep being answered during an ingest; for ``veikart ingest --jobs``,
so that documents are analysed on several cores while one process writes."""

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from api.ingestion import Prepared, prepare
from ingest import Document, Extractor, Facts

WORKER_NICENESS = 10  # how much lower a worker's scheduling priority is than its parent's
_extractor: Extractor | None = None


def _start_worker() -> None:
    """Build the worker's extractor, at a lower priority than the process it works for: the one writer every
    document waits on, or the server whose reads must keep being answered."""
    global _extractor
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    _extractor = Extractor()


def _extract(document: Document) -> Facts:
    assert _extractor is not None, "the worker starts its extractor before any task"
    return _extractor.extract(document)


def _ready() -> bool:
    return _extractor is not None


def _prepare(document: Document) -> Prepared:
    return prepare(_extract(document))


class NlpPool:
    """An extractor that runs in worker processes: ``extract`` blocks its caller, not the server, and
    ``prepare_all`` analyses documents on as many cores as it has workers."""

    def __init__(self, workers: int = 1):
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @classmethod
    def forked(cls, workers: int) -> "NlpPool":
        """Return a pool whose workers are forked from this process, with spaCy imported, where the system forks:
        they start at once, and build their extractors while this process reads the documents and opens the store.
        Call it before this process starts a thread (a progress display, a store's), which a forked child would
        inherit half-held."""
        pool = cls(workers)
        if "fork" not in multiprocessing.get_all_start_methods():
            return pool
        pool._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_start_worker)
        pool._pool.submit(_ready)  # the executor forks every worker at its first task, before its own thread starts
        return pool

    def extract(self, document: Document, progress: Callable[[int, int], None] | None = None) -> Facts:
        """Return the facts of ``document``, analysed in the worker process (which reports no ``progress``:
        a request waits for the whole answer)."""
        return self._executor().submit(_extract, document).result()

    def prepare_all(self, documents: Iterable[Document]) -> Iterator[Prepared]:
        """Yield the graph of each of ``documents``, ready to be written, in their order: the workers analyse
        them and serialise their graphs in parallel."""
        return self._executor().map(_prepare, documents)

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self._workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_start_worker)
            return self._pool

    def close(self) -> None:
        """Stop the worker processes."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
