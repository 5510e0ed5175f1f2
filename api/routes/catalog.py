"""Dependencies, goals and the value chain: the lists that span the whole graph."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CatalogDep, StoreDep
from api.models import EdgePage, GoalPage, PhasePage, SearchPage
from api.routes.initiatives import Limit, Offset
from graph.search import search

router = APIRouter(prefix="/api", tags=["graph"])


@router.get("/dependencies", response_model=EdgePage)
def list_dependencies(
    catalog: CatalogDep,
    kind: Annotated[str | None, Query(description="requires, buildsOn, follows, integratesWith or coordinatedWith")]
    = None,
    limit: Limit = 1000,
    offset: Offset = 0,
) -> dict:
    """List every direct dependency edge with its kind, confidence and evidence sentences."""
    edges = [e for e in catalog.edges() if kind is None or e.kind == kind]
    return {"items": [catalog.edge(e) for e in edges[offset:offset + limit]], "total": len(edges)}


@router.get("/search", response_model=SearchPage)
def search_graph(catalog: CatalogDep, q: Annotated[str, Query(min_length=1, max_length=500)],
                 limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict:
    """Search names, abbreviations and evidence sentences, inflections included ("legemiddellisten")."""
    items = search(catalog, q, limit)
    return {"items": items, "total": len(items)}


@router.get("/goals", response_model=GoalPage)
def list_goals(catalog: CatalogDep) -> dict:
    """List the strategic goals with their subgoals and the initiatives that serve each."""
    goals = catalog.goals()
    return {"items": goals, "total": len(goals)}


@router.get("/phases", response_model=PhasePage)
def list_phases(store: StoreDep) -> dict:
    """List the phases of the value chain, in order."""
    items = store.select("phases")
    return {"items": items, "total": len(items)}
