"""The graph: the store (embedded pyoxigraph), its SPARQL queries, and conversions at its edge."""

from graph.errors import GraphError, QuerySyntaxError, StoreUnavailable, UnknownFormat
from graph.store import EXPORT_FORMATS, Store
from graph.terms import IRI

__all__ = ["EXPORT_FORMATS", "IRI", "GraphError", "QuerySyntaxError", "Store", "StoreUnavailable", "UnknownFormat"]
