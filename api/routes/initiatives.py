"""Initiatives: the list with filters, and one initiative in detail."""

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import CatalogDep
from api.models import InitiativeDetail, InitiativePage
from api.openapi import not_found
from api.pagination import Limit, Offset, page
from graph.catalog import Catalog
from ontology import ID_BASE, LEADING_ROLES, local_id

router = APIRouter(prefix="/api/initiatives", tags=["initiatives"])
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,200}$")


def entity_iri(catalog: Catalog, kind: str, entity_id: str) -> str:
    """Return the IRI of the ``kind`` entity with ``entity_id``, or raise 404."""
    iri = f"{ID_BASE}{kind}/{entity_id}"
    if not ID_PATTERN.match(entity_id) or catalog.kinds.get(iri) != kind:
        raise HTTPException(404, f"no {kind} with id {entity_id!r}")
    return iri


@router.get("", response_model=InitiativePage)
def list_initiatives(
    catalog: CatalogDep,
    q: Annotated[str | None, Query(description="text in the label or an alternative label")] = None,
    phase: Annotated[str | None, Query(description="current phase notation, e.g. innforing")] = None,
    actor: Annotated[str | None, Query(description="id of a lead or participating organisation")] = None,
    goal: Annotated[str | None, Query(description="goal or subgoal notation, e.g. 2 or 2.B")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict:
    """List the initiatives named in the documents, with current phase, goals and lead actors, by label."""
    statements: dict[str, list] = {}
    for s in catalog.phase_statements():
        statements.setdefault(s["initiative"], []).append(s)
    goals: dict[str, list[str]] = {}
    for row in catalog.goal_links():
        goals.setdefault(str(row["initiative"]), []).append(str(row["notation"]))
    roles: dict[str, list[tuple[str, str]]] = {}
    for row in catalog.roles():
        roles.setdefault(str(row["initiative"]), []).append((str(row["actor"]), str(row["role"])))
    items = []
    for iri in catalog.of_kind("initiative"):
        item = {**catalog.ref(iri), "discovered": iri in catalog.discovered,
                "phase": catalog.current_phase(statements.get(iri, [])),
                "goals": sorted(set(goals.get(iri, []))),
                "leads": [catalog.ref(a) for a, r in roles.get(iri, []) if r in LEADING_ROLES]}
        if _matches(item, q, phase, actor, goal, roles.get(iri, [])):
            items.append(item)
    return page(items, limit, offset)


def names_match(item: dict, q: str | None) -> bool:
    """Return True when ``q`` is empty or stands in the label or an alternative label of ``item``."""
    return not q or q.casefold() in " ".join([item["label"], *item["altLabels"]]).casefold()


def _matches(item: dict, q, phase, actor, goal, roles) -> bool:
    if not names_match(item, q):
        return False
    if phase and (item["phase"] or {}).get("notation") != phase:
        return False
    if actor and actor not in {local_id(a) for a, _ in roles}:
        return False
    return not goal or any(g == goal or g.startswith(goal + ".") for g in item["goals"])


@router.get("/{initiative_id}", response_model=InitiativeDetail, responses=not_found("initiative"))
def get_initiative(initiative_id: str, catalog: CatalogDep) -> dict:
    """Return one initiative: phases, dependencies, dependents, actors, subgoals and documents."""
    iri = entity_iri(catalog, "initiative", initiative_id)
    statements = catalog.phase_statements(iri)
    subgoals = {str(r["notation"]) for r in catalog.goal_links(iri)}
    goal_labels = {str(row["notation"]): row["label"] for row in catalog.store.select("goals")}
    return {
        **catalog.ref(iri),
        "discovered": iri in catalog.discovered,
        "phase": catalog.current_phase(statements),
        "phases": statements,
        "dependencies": catalog.dependencies(dependent=iri),
        "dependents": catalog.dependencies(prerequisite=iri),
        "actors": [{"actor": catalog.ref(str(r["actor"])), "role": r["role"]} for r in catalog.roles(initiative=iri)],
        "subgoals": [{"notation": n, "label": goal_labels.get(n, "")} for n in sorted(subgoals)],
        "documents": catalog.documents_of(iri),
        "statusNotes": catalog.status_notes(iri),
    }
