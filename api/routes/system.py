"""Health and export."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import StoreDep
from api.models import Health

router = APIRouter(tags=["system"])


@router.get("/healthz", response_model=Health)
def health(store: StoreDep) -> dict:
    """Report liveness and what the store holds."""
    return {"status": "ok", "quads": len(store), "graphs": len(store.graphs())}


@router.get("/api/export", response_class=Response)
def export(store: StoreDep,
           format: Annotated[str, Query(description="turtle, trig, nquads or jsonld")] = "turtle") -> Response:
    """Export the whole graph."""
    data, media = store.export(format)
    return Response(data, media_type=media)
