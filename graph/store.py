"""The embedded store: an on-disk pyoxigraph Store with one named graph per document.

Queries read the union of the named graphs as their default graph. Every write of a graph is one
SPARQL Update, so it lands whole or not at all.
"""

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node

from graph import queries
from graph.errors import QuerySyntaxError, StoreUnavailable, UnknownFormat
from graph.terms import IRI, from_rdflib, to_python, to_term
from ontology import PREFIXES

EXPORT_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "trig": (ox.RdfFormat.TRIG, "application/trig"),
    "nquads": (ox.RdfFormat.N_QUADS, "application/n-quads"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
QUADS_ONLY = {"trig", "nquads"}

Row = dict[str, object]


class Store:
    """A Veikart store on disk (``path``) or in memory (``path=None``).

    >>> store = Store()
    >>> store.replace_graph("https://example.org/g", [])
    >>> store.graphs()
    []
    """

    def __init__(self, path: str | Path | None = None):
        try:
            if path is not None:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the store at {path}: {exc}") from exc
        self.path = path
        self.generation = 0  # counts the writes this process made, so readers can tell a cache is stale

    # ------------------------------------------------------------------ writes

    def replace_graph(self, graph: str, quads: Iterable[tuple[Node, Node, Node, Node]]) -> None:
        """Replace the named graph ``graph`` with the triples of ``quads``, in one transaction."""
        name = ox.NamedNode(graph)
        triples = [ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o, _ in quads]
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        self._update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}")

    def remove_graph(self, graph: str) -> bool:
        """Remove the named graph ``graph``; return False if there was none."""
        name = ox.NamedNode(graph)
        if not self._store.contains_named_graph(name):
            return False
        self._update(f"DROP GRAPH {name}")
        return True

    def update(self, sparql_update: str) -> None:
        """Run a SPARQL 1.1 Update; it applies whole or not at all."""
        self._update(sparql_update)

    def _update(self, text: str) -> None:
        try:
            self._store.update(text)
            self._store.flush()  # keep the write-ahead log short: read-only views open in milliseconds
            self.generation += 1
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreUnavailable(str(exc)) from exc

    # ------------------------------------------------------------------- reads

    def content_hash(self, graph: str, document: str) -> str | None:
        """Return the content hash stored for ``document`` in ``graph``, or None."""
        rows = self.select("content_hash", graph=IRI(graph), document=IRI(document))
        return str(rows[0]["hash"]) if rows else None

    def graphs(self) -> list[str]:
        """Return the IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._store)

    def select(self, name: str, **bindings: object) -> list[Row]:
        """Run the SELECT query ``name`` with ``bindings`` as bound variables; return plain rows."""
        substitutions = {ox.Variable(k): to_term(v) for k, v in bindings.items() if v is not None}
        solutions = self.query(queries.load(name), substitutions=substitutions)
        variables = [v.value for v in solutions.variables]
        return [{var: to_python(solution[var]) for var in variables} for solution in solutions]

    def query(self, text: str, *, substitutions: dict | None = None, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None):
        """Run a SPARQL query over the union of the named graphs (or the given dataset); return pyoxigraph results."""
        options: dict = {"substitutions": substitutions or None}
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

    def export(self, fmt: str) -> tuple[bytes, str]:
        """Return the whole graph serialised as ``fmt`` (turtle, trig, nquads, jsonld) and its media type."""
        if fmt not in EXPORT_FORMATS:
            raise UnknownFormat(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        rdf_format, media_type = EXPORT_FORMATS[fmt]
        if fmt in QUADS_ONLY:
            data = ox.serialize(self._store.quads_for_pattern(None, None, None, None), format=rdf_format)
        else:
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            data = ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)
        return data or b"", media_type
