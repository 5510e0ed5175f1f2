"""The store interface: one named graph per document, read as the union of the named graphs.

Two implementations: the embedded on-disk pyoxigraph store (``graph.embedded``) and any SPARQL 1.1
store over HTTP (``graph.remote``). Callers get one from ``graph.factory.open_store`` and never ask which.
Turning terms into bytes and back is ``graph.io``'s; the rows a query returns are read with ``graph.rows``.

Every write of a graph is one SPARQL Update that also stamps the state graph with a fresh revision,
so a write lands whole or not at all, and every process serving the store can tell what changed.
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph

from graph import io, queries, updates
from graph.rows import Row, iri, text
from graph.terms import IRI
from graph.update_dataset import UpdateDataset, check_no_own_dataset
from ontology import STATE_GRAPH

# Queries whose every pattern names its graph: they need no union of the named graphs.
SCOPED = {"revision", "revisions", "graphs", "index_entities", "index_alt_labels", "index_dependencies",
          "index_sentences"}


@dataclass(frozen=True)
class Limits:
    """How long a client's SPARQL query may run, and how large its serialised result may be."""

    query_timeout: float = 10.0
    max_result_bytes: int = 64 << 20


DEFAULT_LIMITS = Limits()


class Store(ABC):
    """A Veikart store: named graphs replaced whole, queries from ``graph/queries`` with bound parameters."""

    location: str | None  # where it is: a directory, an endpoint URL, or None in memory

    # ------------------------------------------------------------------ writes

    def replace_graph(self, graph: str, quads: Iterable[io.Quad]) -> None:
        """Replace the named graph ``graph`` with the triples of ``quads``, in one request."""
        self.replace_graph_ntriples(graph, io.ntriples(io.triples_of(quads)))

    def replace_graph_ntriples(self, graph: str, ntriples: str) -> None:
        """Replace the named graph ``graph`` with the triples of the N-Triples ``ntriples`` (as :func:`io.ntriples`
        writes them: nothing else may go into an update's text), in one request: for a writer whose triples
        were serialised in another process."""
        self._update(updates.replace_graph(graph, ntriples, updates.new_revision()))

    def remove_graph(self, graph: str) -> bool:
        """Remove the named graph ``graph``; return False if there was none."""
        if graph not in self.graphs():
            return False
        self._update(updates.remove_graph(graph, updates.new_revision()))
        return True

    def load(self, data: bytes, fmt: str) -> dict[str, int]:
        """Replace each named graph of the dataset ``data`` (an export as ``fmt``: trig or nquads), each in one
        request; return the number of triples written per graph. The state graph of the data is skipped:
        revisions are this store's own. Nothing is written unless the whole of ``data`` parses.

        >>> from graph.embedded import EmbeddedStore
        >>> EmbeddedStore().load(b"<urn:s> <urn:p> <urn:o> <https://example.org/g> .", "nquads")
        {'https://example.org/g': 1}
        """
        graphs = io.parse_dataset(data, fmt)
        for graph, triples in graphs.items():
            self.replace_graph_ntriples(graph, io.ntriples(triples))
        return {graph: len(triples) for graph, triples in graphs.items()}

    def update(self, sparql_update: str, dataset: UpdateDataset | None = None) -> None:
        """Run a client's SPARQL 1.1 Update (it applies whole or not at all), its WHERE over ``dataset`` when
        the protocol gives one, then mark every graph as changed, since what it touched is unknown."""
        if dataset:
            check_no_own_dataset(sparql_update)
        self._update(sparql_update, dataset)
        self._update(updates.restamp_all(updates.new_revision()))

    # ------------------------------------------------------------------- reads

    def select(self, name: str, **bindings: object) -> list[Row]:
        """Run the SELECT query ``name`` with ``bindings`` as bound variables (None leaves one unbound);
        return rows of plain values, read with ``graph.rows``."""
        return self._select(queries.load(name), _bound(bindings), union=name not in SCOPED)

    def construct(self, name: str, **bindings: object) -> Graph:
        """Run the CONSTRUCT query ``name`` with ``bindings`` as bound variables; return its triples as an
        rdflib graph that knows the ontology's prefixes.

        >>> from graph.embedded import EmbeddedStore
        >>> len(EmbeddedStore().construct("description", entity=IRI("https://example.org/nothing")))
        0
        """
        return io.rdflib_graph(self._construct(queries.load(name), _bound(bindings), union=name not in SCOPED))

    def content_hash(self, graph: str, document: str) -> str | None:
        """Return the content hash stored for ``document`` in ``graph``, or None."""
        rows = self.select("content_hash", graph=IRI(graph), document=IRI(document))
        return text(rows[0], "hash") if rows else None

    def revision(self) -> str:
        """Return the revision of the whole store: it changes with every write by any process."""
        rows = self.select("revision", state=IRI(STATE_GRAPH))
        return text(rows[0], "revision") if rows else ""

    def revisions(self) -> dict[str, str]:
        """Return the revision of every named graph."""
        return {iri(r, "graph"): text(r, "revision") for r in self.select("revisions", state=IRI(STATE_GRAPH))}

    def stamp_if_new(self) -> None:
        """Give every graph a revision if the store has none yet (written by other tools or bulk-loaded)."""
        if not self.revision():
            self._update(updates.restamp_all(updates.new_revision()))

    def export(self, fmt: str) -> tuple[bytes, str]:
        """Return every named graph but the state graph serialised as ``fmt`` (turtle, trig, nquads; Turtle
        holds their union) and its media type."""
        return io.serialize_dataset(self._quads(), fmt)

    # ------------------------------------------------------- what each backend does

    @abstractmethod
    def _update(self, text: str, dataset: UpdateDataset | None = None) -> None:
        """Run a SPARQL Update, its WHERE over ``dataset`` if given."""

    @abstractmethod
    def _select(self, text: str, bindings: dict[str, object], union: bool = True) -> list[Row]:
        """Run a SELECT with ``bindings``, over the union of the named graphs unless ``union`` is false
        (the query names its graphs itself); return plain rows."""

    @abstractmethod
    def _construct(self, text: str, bindings: dict[str, object], union: bool = True) -> list[ox.Triple]:
        """Run a CONSTRUCT with ``bindings``, like ``_select``; return its triples."""

    @abstractmethod
    def graphs(self) -> list[str]:
        """Return the IRIs of the named graphs that hold data, sorted."""

    @abstractmethod
    def answer(self, query: str, accept: str | None, default_graph: list[str] | None = None,
               named_graphs: list[str] | None = None, limits: Limits | None = None) -> tuple[bytes, str]:
        """Run a client's SPARQL query (checked already) within the time and size limits; return the
        serialised results and their media type."""

    @abstractmethod
    def _quads(self) -> list[ox.Quad]:
        """Return the quads of every named graph but the state graph."""

    @abstractmethod
    def close(self) -> None:
        """Release what the store holds open (workers, connections, the files of an embedded store)."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _bound(bindings: dict[str, object]) -> dict[str, object]:
    """Return the bindings that bind a value: None leaves its variable unbound."""
    return {name: value for name, value in bindings.items() if value is not None}
