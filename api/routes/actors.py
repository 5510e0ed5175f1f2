"""Organisations and the initiatives they have a role in."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ActorId, Limit, Offset, ReadModelDep
from api.models import JSON, ActorDetail, ActorPage, document_ref, entity_ref
from api.openapi import not_found
from api.pagination import page

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=ActorPage)
def list_actors(
    readmodel: ReadModelDep,
    q: Annotated[str | None, Query(description="text in the label or an alternative label")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSON:
    """List the organisations named in the documents, with the initiatives they have a role in, by label."""
    items = [{**entity_ref(a.entity), "initiatives": [entity_ref(i) for i in a.initiatives], "discovered": a.discovered}
             for a in readmodel.actors() if a.entity.names_contain(q)]
    return page(items, limit, offset)


@router.get("/{actor_id}", response_model=ActorDetail, responses=not_found("organisation"))
def get_actor(actor: ActorId, readmodel: ReadModelDep) -> JSON:
    """Return one organisation with its roles and the documents that name it."""
    roles = [{"initiative": entity_ref(r.initiative), "role": r.role} for r in readmodel.roles(actor=actor)]
    return {**entity_ref(readmodel.entity(actor)), "initiatives": [r["initiative"] for r in roles], "roles": roles,
            "documents": [document_ref(m) for m in readmodel.naming(actor)]}
