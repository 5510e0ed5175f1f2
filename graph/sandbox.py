"""Run SPARQL queries where they can be stopped: in worker processes over read-only views of the store.

pyoxigraph cannot cancel a query from Python, so a query that runs past its deadline is stopped by
killing its worker, which frees the core at once; a fresh worker takes its place. Before each query
a worker opens the latest view the store published (``graph.views``) unless it has it open already,
so it sees every write committed before the query started.
"""

import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import views
from graph.errors import QuerySyntaxError, QueryTimeout, ResultTooLarge, StoreUnavailable, UnknownFormat, too_large
from graph.io import serialize_results

_ERRORS = {"syntax": QuerySyntaxError, "format": UnknownFormat, "store": StoreUnavailable, "size": ResultTooLarge}


def _serve(path: str, conn: Connection) -> None:
    """Answer queries sent over ``conn`` until it closes (runs in the worker process)."""
    opened: tuple[Path, ox.Store] | None = None
    while True:
        try:
            query, accept, default_graph, named_graphs, max_result_bytes = conn.recv()
        except EOFError:
            return
        try:
            view = views.current(path)
            if opened is None or opened[0] != view:
                opened = (view, ox.Store.read_only(str(view)))
            options: dict[str, Any] = {"use_default_graph_as_union": not default_graph}
            if default_graph:
                options["default_graph"] = [ox.NamedNode(g) for g in default_graph]
            if named_graphs:
                options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
            body, media = serialize_results(opened[1].query(query, **options), accept)
            if len(body) > max_result_bytes:
                conn.send(("error", "size", too_large(max_result_bytes)))
            else:
                conn.send(("ok", body, media))
        except SyntaxError as exc:
            conn.send(("error", "syntax", str(exc)))
        except ValueError as exc:
            conn.send(("error", "syntax" if "IRI" in str(exc) else "format", str(exc)))
        except (OSError, RuntimeError) as exc:
            conn.send(("error", "store", str(exc)))


class _Worker:
    def __init__(self, context: SpawnContext, path: str):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(path, child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QuerySandbox:
    """A pool of query workers over the store at ``path``; ``run`` answers or stops at its time limit."""

    def __init__(self, path: str, *, workers: int = 2):
        self.path = path
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._size = workers
        self._started = False

    def _add(self) -> None:
        worker = _Worker(self._context, self.path)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def run(self, query: str, accept: str | None, default_graph: list[str] | None, named_graphs: list[str] | None,
            *, timeout: float, max_result_bytes: int) -> tuple[bytes, str]:
        """Return the serialised results of ``query``; raise QueryTimeout when it runs past ``timeout``
        seconds, ResultTooLarge when they pass ``max_result_bytes``."""
        self._start()
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no query worker came free within {timeout:g} s") from None
        worker.conn.send((query, accept, default_graph or [], named_graphs or [], max_result_bytes))
        if not worker.conn.poll(timeout):  # the time limit counts from when the query starts
            self._replace(worker)
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        status, *answer = worker.conn.recv()
        self._idle.put(worker)
        if status == "error":
            kind, message = answer
            raise _ERRORS[kind](message)
        return answer[0], answer[1]

    def _start(self) -> None:
        """Start the workers on first use, so an app that never runs SPARQL starts none."""
        with self._lock:
            if self._started:
                return
            self._started = True
        for _ in range(self._size):
            self._add()

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.remove(worker)
        self._add()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()
