"""The embedded store: an on-disk pyoxigraph Store (or one in memory) with one named graph per document."""

import threading
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import views
from graph.errors import QuerySyntaxError, ResultTooLarge, StoreUnavailable, too_large
from graph.io import rows, serialize_results
from graph.rows import Row
from graph.sandbox import QuerySandbox
from graph.store import DEFAULT_LIMITS, Limits, Store
from graph.terms import to_term
from graph.update_dataset import UpdateDataset, written_in
from ontology import STATE_GRAPH

_STATE = ox.NamedNode(STATE_GRAPH)


# Write buffers are flushed to disk after this many characters of updates: without it they grow with
# the whole ingest (a thousand documents took 1.6 GB), with it memory stays bounded by a few documents.
_FLUSH_AFTER = 16_000_000


class EmbeddedStore(Store):
    """A Veikart store on disk (``path``) or in memory (``path=None``). On disk, client queries run in
    worker processes that can be stopped at the time limit, unless ``query_workers`` is false (a
    one-off command, which runs them in its own process).

    >>> store = EmbeddedStore()
    >>> store.replace_graph("https://example.org/g", [])
    >>> store.graphs()
    []
    """

    def __init__(self, path: str | Path | None = None, limits: Limits = DEFAULT_LIMITS, *, query_workers: bool = True):
        try:
            if path is not None:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the store at {path}: {exc}") from exc
        self.location = str(path) if path is not None else None
        self.limits = limits
        self._sandbox: QuerySandbox | None = None
        self._query_workers = query_workers
        self._views_lock = threading.Lock()  # the sandbox is made once, and views are published in order
        self._unflushed = 0  # characters of updates written since the last flush

    def _update(self, text: str, dataset: UpdateDataset | None = None) -> None:
        if dataset:  # pyoxigraph takes no dataset for an update: it is written in as USING clauses
            text = written_in(text, dataset)
        try:
            self._store.update(text)
            self._unflushed += len(text)
            if self._unflushed > _FLUSH_AFTER:
                self._store.flush()
                self._unflushed = 0
            with self._views_lock:
                if self._sandbox is not None:  # its workers read views: publish the new state
                    self._publish()
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreUnavailable(str(exc)) from exc

    def _publish(self) -> None:
        """Publish a read-only view for the query workers, which run in other processes; flushed first,
        so that a worker opening it has no write-ahead log to replay."""
        assert self.location is not None  # only a store on disk has query workers
        self._store.flush()
        views.publish(self._store, self.location)

    def _select(self, text: str, bindings: dict[str, object], union: bool = True) -> list[Row]:
        solutions = self.query(text, substitutions=_substitutions(bindings))
        assert isinstance(solutions, ox.QuerySolutions), "a SELECT query gives solutions"
        return rows(solutions)

    def _construct(self, text: str, bindings: dict[str, object], union: bool = True) -> list[ox.Triple]:
        triples = self.query(text, substitutions=_substitutions(bindings))
        assert isinstance(triples, ox.QueryTriples), "a CONSTRUCT query gives triples"
        return list(triples)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode) and g != _STATE)

    def query(self, text: str, *, substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None,
              default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query over the union of the named graphs (or the given dataset); return pyoxigraph results."""
        options: dict[str, Any] = {"substitutions": substitutions or None}
        if default_graph:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        else:
            options["use_default_graph_as_union"] = True
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(text, **options)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreUnavailable(str(exc)) from exc

    def answer(self, query: str, accept: str | None, default_graph: list[str] | None = None,
               named_graphs: list[str] | None = None, limits: Limits | None = None) -> tuple[bytes, str]:
        """With query workers, the query runs in a worker process that is killed at the time limit; without, here."""
        limits = limits or self.limits
        if not self._query_workers or self.location is None:
            body, media = serialize_results(self.query(query, default_graph=default_graph, named_graphs=named_graphs),
                                            accept)
            if len(body) > limits.max_result_bytes:
                raise ResultTooLarge(too_large(limits.max_result_bytes))
            return body, media
        with self._views_lock:
            if self._sandbox is None:
                self._publish()
                self._sandbox = QuerySandbox(self.location)
        return self._sandbox.run(query, accept, default_graph, named_graphs, timeout=limits.query_timeout,
                                 max_result_bytes=limits.max_result_bytes)

    def _quads(self) -> list[ox.Quad]:
        return [q for q in self._store.quads_for_pattern(None, None, None, None)
                if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != _STATE]

    def close(self) -> None:
        """Stop the query workers and, on disk, write what is buffered and release the store's files (their
        lock), so that the same process may open the store again."""
        if self._sandbox is not None:
            self._sandbox.close()
            self._sandbox = None
        if self.location is not None and hasattr(self, "_store"):
            self._store.flush()
            del self._store


def _substitutions(bindings: dict[str, object]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    return {ox.Variable(k): to_term(v) for k, v in bindings.items()}
