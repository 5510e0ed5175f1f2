"""Dependencies between initiatives: every direct edge, and an implementation order of a set."""

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Limit, Offset, ReadModelDep, entity_iri
from api.models import JSON, EdgePage, OrderOut, edge_out, entity_ref
from api.openapi import not_found
from ontology import DEPENDENCY_KINDS

router = APIRouter(prefix="/api", tags=["dependencies"])
# An enum for OpenAPI, its members the ontology's kinds: mypy cannot see members made from data.
DependencyKind = StrEnum("DependencyKind", {kind: kind for kind in DEPENDENCY_KINDS})  # type: ignore[misc]


Kind = Annotated[DependencyKind | None, Query(description="only the edges of this kind")]


@router.get("/dependencies", response_model=EdgePage)
def list_dependencies(readmodel: ReadModelDep, kind: Kind = None, limit: Limit = 1000, offset: Offset = 0) -> JSON:
    """List every direct dependency edge with its kind, confidence and evidence sentences, by dependent,
    prerequisite and kind."""
    edges = [e for e in readmodel.edges() if kind is None or e.kind == kind]
    return {"items": [edge_out(e, readmodel.entity) for e in edges[offset:offset + limit]], "total": len(edges)}


@router.get("/order", response_model=OrderOut, responses=not_found("initiative"))
def get_order(readmodel: ReadModelDep,
              ids: Annotated[list[str], Query(description="initiative ids, repeated or comma-separated")]) -> JSON:
    """Return an implementation order for a set of initiatives; cycles are reported, not refused."""
    iris = [entity_iri(readmodel, "initiative", i.strip()) for raw in ids for i in raw.split(",") if i.strip()]
    order = readmodel.dependency_graph().order(iris)
    return {"order": [entity_ref(readmodel.entity(i)) for i in order.order],
            "cycles": [[entity_ref(readmodel.entity(i)) for i in group] for group in order.cycles]}
