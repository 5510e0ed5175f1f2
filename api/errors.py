"""Translate the errors of ingest and graph into HTTP responses, in one place."""

from fastapi import FastAPI, Request
from fastapi.responses import Response

from api import problems
from api.negotiation import VARY
from graph import GraphError, QuerySyntaxError, StoreUnavailable, UnknownFormat
from graph.errors import (
    ForbiddenQuery,
    NotAcceptable,
    ProtocolError,
    QueryTimeout,
    ResultTooLarge,
    UpstreamError,
    UpstreamTimeout,
)
from ingest import EmptyDocument, IngestError, UnreadableDocument, UnsupportedFormat, UnusableName

STATUS = [
    (QuerySyntaxError, 400),
    (ForbiddenQuery, 403),
    (ProtocolError, 400),
    (QueryTimeout, 503),
    (ResultTooLarge, 413),
    (NotAcceptable, 406),
    (UnknownFormat, 400),
    (UpstreamTimeout, 504),
    (UpstreamError, 502),
    (StoreUnavailable, 503),
    (GraphError, 500),
    (UnusableName, 400),
    (UnsupportedFormat, 415),
    (EmptyDocument, 422),
    (UnreadableDocument, 422),
    (IngestError, 422),
]


def status_of(exc: Exception) -> int:
    """Return the HTTP status for an error of ours."""
    return next(code for cls, code in STATUS if isinstance(exc, cls))


def install(app: FastAPI) -> None:
    """Answer our errors, and HTTP errors and invalid requests, as problem details with their status."""

    async def handle(request: Request, exc: Exception) -> Response:
        if isinstance(exc, QueryTimeout):
            request.app.state.metrics.query_timeouts.inc()
        if isinstance(exc, NotAcceptable):
            return problems.problem(406, str(exc), headers=VARY, type=problems.NOT_ACCEPTABLE, offered=exc.offered)
        return problems.problem(status_of(exc), str(exc))

    app.add_exception_handler(GraphError, handle)
    app.add_exception_handler(IngestError, handle)
    problems.install(app)
