"""Health and export."""

import os
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import PlainTextResponse

from api.deps import ReadModelDep, StoreDep
from api.models import Health
from api.negotiation import negotiated, preferred
from api.openapi import NOT_ACCEPTABLE, text_in
from graph.exports import FORMATS
from graph.exports.views import export
from ontology import CONTEXT, CONTEXT_FILE

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
ExportFormat = StrEnum("ExportFormat", {name: name for name in FORMATS})  # type: ignore[misc]
EXPORT_MEDIA_TYPES = {f.media_type: name for name, f in FORMATS.items()}


@router.get("/api/export", response_class=Response,
            responses={**text_in(list(EXPORT_MEDIA_TYPES), "the graph, as a file to save"), **NOT_ACCEPTABLE})
def export_graph(request: Request, store: StoreDep, readmodel: ReadModelDep,
                 format: Annotated[ExportFormat | None, Query(description="without it, the Accept header chooses; "
                                                                          "Turtle when it accepts anything")] = None
                 ) -> Response:
    """Export the whole graph as RDF (Turtle, TriG, N-Quads), or for architects' tools: ArchiMate exchange XML,
    CSV tables (a zip), XLSX, a Mermaid gantt, GraphML, or JSON-LD framed per initiative."""
    name = format or EXPORT_MEDIA_TYPES[preferred(request, list(EXPORT_MEDIA_TYPES))]
    chosen = FORMATS[name]
    return negotiated(Response(export(name, store, lambda: readmodel), media_type=chosen.media_type,
                               headers={"Content-Disposition": f'attachment; filename="{chosen.filename}"'}))


@router.get("/context.jsonld", response_class=Response,
            responses=text_in(["application/ld+json"], f"the JSON-LD context of the exports, whose IRI is {CONTEXT}"))
def get_context() -> Response:
    """Return the JSON-LD context the JSON-LD export is compacted with."""
    return Response(CONTEXT_FILE.read_bytes(), media_type="application/ld+json",
                    headers={"Cache-Control": "public, max-age=86400"})
