"""Dependencies, goals and the value chain: the lists that span the whole graph."""

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CatalogDep, StoreDep
from api.models import EdgePage, GoalPage, PhasePage, SearchPage
from api.pagination import Limit, Offset, page
from graph.search import search
from ontology import DEPENDENCY_KINDS

router = APIRouter(prefix="/api", tags=["graph"])
DependencyKind = StrEnum("DependencyKind", {kind: kind for kind in DEPENDENCY_KINDS})


@router.get("/dependencies", response_model=EdgePage)
def list_dependencies(
    catalog: CatalogDep,
    kind: Annotated[DependencyKind | None, Query(description="only the edges of this kind")] = None,
    limit: Limit = 1000,
    offset: Offset = 0,
) -> dict:
    """List every direct dependency edge with its kind, confidence and evidence sentences, by dependent,
    prerequisite and kind."""
    edges = [e for e in catalog.edges() if kind is None or e.kind == kind]
    return {"items": [catalog.edge(e) for e in edges[offset:offset + limit]], "total": len(edges)}


@router.get("/search", response_model=SearchPage)
def search_graph(catalog: CatalogDep, q: Annotated[str, Query(min_length=1, max_length=500)],
                 limit: Annotated[int, Query(ge=1, le=200, description="page size")] = 20,
                 offset: Offset = 0) -> dict:
    """Search names, abbreviations and evidence sentences, inflections included ("legemiddellisten"), best
    first."""
    items, total = search(catalog, q, limit=limit, offset=offset)
    return {"items": items, "total": total}


@router.get("/goals", response_model=GoalPage)
def list_goals(catalog: CatalogDep, limit: Limit = 100, offset: Offset = 0) -> dict:
    """List the strategic goals by notation, with their subgoals and the initiatives that serve each."""
    return page(catalog.goals(), limit, offset)


@router.get("/phases", response_model=PhasePage)
def list_phases(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict:
    """List the phases of the value chain, in order."""
    return page(store.select("phases"), limit, offset)
