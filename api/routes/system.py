"""Health and export."""

import os
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import PlainTextResponse

from api.deps import StoreDep
from api.models import Health
from api.negotiation import negotiated, preferred
from api.openapi import NOT_ACCEPTABLE, text_in
from graph import EXPORT_FORMATS

router = APIRouter(tags=["system"])


@router.get("/healthz", response_model=Health, responses={503: {"description": "the store cannot be read"}})
def health(store: StoreDep) -> dict:
    """Report readiness: the store answers a read, and what it holds; 503 with the reason when it cannot."""
    try:
        return {"status": "ok", "revision": store.revision(), "graphs": len(store.graphs()),  # no quad count:
                "process": os.getpid()}  # it scans the store. "process": which worker answered
    except Exception as exc:  # whatever the store raises, the answer is "not ready", never a 500
        raise HTTPException(503, f"the store cannot be read: {exc}") from exc


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request) -> Response:
    """Report requests and latencies per route, query timeouts, ingests and the processes, of every worker
    (Prometheus text, or OpenMetrics when the scraper asks for it)."""
    body, media_type = request.app.state.metrics.render(request.headers.get("accept"))
    return Response(body, media_type=media_type)


# An enum for OpenAPI, its members the export formats: mypy cannot see members made from data.
ExportFormat = StrEnum("ExportFormat", {name: name for name in EXPORT_FORMATS})  # type: ignore[misc]
EXPORT_MEDIA_TYPES = {media: name for name, (_, media) in EXPORT_FORMATS.items()}


@router.get("/api/export", response_class=Response,
            responses={**text_in(list(EXPORT_MEDIA_TYPES), "the graph"), **NOT_ACCEPTABLE})
def export(request: Request, store: StoreDep,
           format: Annotated[ExportFormat | None, Query(description="without it, the Accept header chooses; "
                                                                    "Turtle when it accepts anything")] = None
           ) -> Response:
    """Export the whole graph as Turtle, TriG, N-Quads or JSON-LD."""
    name = format or EXPORT_MEDIA_TYPES[preferred(request, list(EXPORT_MEDIA_TYPES))]
    data, media = store.export(name)
    return negotiated(Response(data, media_type=media))
