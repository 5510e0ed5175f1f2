"""Errors of the graph package.

    GraphError           anything the store could not do
    ├── QuerySyntaxError a SPARQL query or update does not parse (the parser's message is kept)
    ├── ForbiddenQuery   a query asks for what the endpoint does not allow (SERVICE to another host)
    ├── ProtocolError    a request breaks the SPARQL 1.1 Protocol (a dataset given twice, a graph that is no IRI)
    ├── QueryTimeout     a query ran past its time limit and was stopped
    ├── ResultTooLarge   a query's result is larger than the configured cap
    ├── UnknownFormat    an export or result format Veikart does not write
    │   └── NotAcceptable    none of the media types a client accepts is offered
    ├── InvalidData      RDF data to load does not parse, or holds a triple outside a named graph
    ├── InvalidRules     schedule rules that cannot be read, or name a kind or phase that does not exist
    └── StoreUnavailable the store could not be opened, read or written
        └── UpstreamError    a remote store refused or could not be reached
            └── UpstreamTimeout  a remote store did not answer in time
"""


class GraphError(Exception):
    """The store could not do what was asked."""


class QuerySyntaxError(GraphError):
    """A SPARQL query or update does not parse."""


class UnknownFormat(GraphError, ValueError):
    """An export or result format Veikart does not write."""


class InvalidData(GraphError):
    """RDF data to load does not parse, or holds a triple outside a named graph."""


class NotAcceptable(UnknownFormat):
    """None of the media types a client accepts is offered; ``offered`` lists those that are."""

    def __init__(self, message: str, offered: list[str]):
        super().__init__(message)
        self.offered = offered


class InvalidRules(GraphError):
    """Schedule rules that cannot be read, or name a dependency kind or a phase that does not exist."""


class StoreUnavailable(GraphError, OSError):
    """The store could not be opened, read or written."""


class ForbiddenQuery(GraphError):
    """A query asks for what the endpoint does not allow, such as SERVICE to another host."""


class ProtocolError(GraphError):
    """A request breaks the SPARQL 1.1 Protocol: a dataset given both as parameters and in the update,
    or a graph parameter that is no IRI."""


class QueryTimeout(GraphError):
    """A query ran past its time limit and was stopped."""


class ResultTooLarge(GraphError):
    """A query's result is larger than the configured cap."""


class UpstreamError(StoreUnavailable):
    """A remote store refused a request or could not be reached; its own message is kept."""


class UpstreamTimeout(UpstreamError):
    """A remote store did not answer within the time limit."""


def too_large(limit: int) -> str:
    """Say that a result passed the size limit ``limit``."""
    return f"the result is larger than the limit of {limit} bytes; narrow the query or add a LIMIT"
