"""Health and export."""

import os
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import PlainTextResponse

from api.deps import StoreDep
from api.models import Health

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


@router.get("/api/export", response_class=Response)
def export(store: StoreDep,
           format: Annotated[str, Query(description="turtle, trig, nquads or jsonld")] = "turtle") -> Response:
    """Export the whole graph."""
    data, media = store.export(format)
    return Response(data, media_type=media)
