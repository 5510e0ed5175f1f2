"""Translate the errors of ingest and graph into HTTP responses, in one place."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from graph import GraphError, QuerySyntaxError, StoreUnavailable, UnknownFormat
from graph.errors import ForbiddenQuery, ProtocolError, QueryTimeout, ResultTooLarge, UpstreamError, UpstreamTimeout
from ingest import EmptyDocument, IngestError, UnreadableDocument, UnsupportedFormat, UnusableName

STATUS = [
    (QuerySyntaxError, 400),
    (ForbiddenQuery, 403),
    (ProtocolError, 400),
    (QueryTimeout, 503),
    (ResultTooLarge, 413),
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
    """Answer our errors as JSON ``{"detail": ...}`` with their status."""

    async def handle(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, QueryTimeout):
            request.app.state.metrics.query_timeouts.inc()
        return JSONResponse({"detail": str(exc)}, status_code=status_of(exc))

    app.add_exception_handler(GraphError, handle)
    app.add_exception_handler(IngestError, handle)
