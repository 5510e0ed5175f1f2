"""Errors of the graph package.

    GraphError           anything the store could not do
    ├── QuerySyntaxError a SPARQL query or update does not parse (the parser's message is kept)
    ├── ForbiddenQuery   a query asks for what the endpoint does not allow (SERVICE to another host)
    ├── QueryTimeout     a query ran past its time limit and was stopped
    ├── ResultTooLarge   a query's result is larger than the configured cap
    ├── UnknownFormat    an export or result format Veikart does not write
    └── StoreUnavailable the store could not be opened, read or written
"""


class GraphError(Exception):
    """The store could not do what was asked."""


class QuerySyntaxError(GraphError):
    """A SPARQL query or update does not parse."""


class UnknownFormat(GraphError, ValueError):
    """An export or result format Veikart does not write."""


class StoreUnavailable(GraphError, OSError):
    """The store could not be opened, read or written."""


class ForbiddenQuery(GraphError):
    """A query asks for what the endpoint does not allow, such as SERVICE to another host."""


class QueryTimeout(GraphError):
    """A query ran past its time limit and was stopped."""


class ResultTooLarge(GraphError):
    """A query's result is larger than the configured cap."""
