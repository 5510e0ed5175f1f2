"""The graph: the store (embedded pyoxigraph or a remote SPARQL store), its queries, the index kept in
step with it, the read model built on both, and conversions at its edge."""

from graph.errors import GraphError, InvalidData, QuerySyntaxError, StoreUnavailable, UnknownFormat
from graph.factory import open_store
from graph.io import EXPORT_FORMATS, LOAD_FORMATS
from graph.store import Limits, Store
from graph.terms import IRI

__all__ = ["EXPORT_FORMATS", "IRI", "LOAD_FORMATS", "GraphError", "InvalidData", "Limits", "QuerySyntaxError", "Store",
           "StoreUnavailable", "UnknownFormat", "open_store"]
