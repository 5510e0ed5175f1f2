"""Organisations and the initiatives they have a role in."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CatalogDep
from api.models import ActorDetail, ActorPage
from api.openapi import not_found
from api.pagination import Limit, Offset, page
from api.routes.initiatives import entity_iri, names_match

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=ActorPage)
def list_actors(
    catalog: CatalogDep,
    q: Annotated[str | None, Query(description="text in the label or an alternative label")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict:
    """List the organisations named in the documents, with the initiatives they have a role in, by label."""
    initiatives: dict[str, list] = {}
    for row in catalog.roles():
        initiatives.setdefault(str(row["actor"]), []).append(catalog.ref(str(row["initiative"])))
    items = [{**catalog.ref(iri), "initiatives": initiatives.get(iri, []), "discovered": iri in catalog.discovered}
             for iri in catalog.of_kind("organization")]
    items = [item for item in items if names_match(item, q)]
    return page(items, limit, offset)


@router.get("/{actor_id}", response_model=ActorDetail, responses=not_found("organisation"))
def get_actor(actor_id: str, catalog: CatalogDep) -> dict:
    """Return one organisation with its roles and the documents that name it."""
    iri = entity_iri(catalog, "organization", actor_id)
    roles = [{"initiative": catalog.ref(str(r["initiative"])), "role": r["role"]} for r in catalog.roles(actor=iri)]
    return {**catalog.ref(iri), "initiatives": [r["initiative"] for r in roles], "roles": roles,
            "documents": catalog.documents_of(iri)}
