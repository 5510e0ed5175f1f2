"""Initiatives: the list with filters, one initiative in detail, what it depends on and what depends on it
(walks of the dependency graph), its history and the initiatives related to it."""

from typing import Annotated

import orjson
from fastapi import APIRouter, Query, Response

from api.deps import MAX_LIMIT, InitiativeId, Limit, Offset, PhaseParam, ReadModelDep, ScheduleDep
from api.models import (
    JSON,
    CriticalPathOut,
    HistoryPage,
    InitiativeDetail,
    InitiativePage,
    ReachedPage,
    RelatedPage,
    critical_path_out,
    document_ref,
    edge_out,
    entity_ref,
    evidence_out,
    phase_ref,
    phase_statement_out,
    reached,
    status_note_out,
)
from api.openapi import not_found
from api.pagination import page
from graph.critical_path import critical_path
from graph.readmodel import ReadModel
from graph.records import HistoryEntry, Initiative, Related
from graph.related import related
from graph.statements import current_phase
from graph.walks import Walk
from ontology import local_id

router = APIRouter(prefix="/api/initiatives", tags=["initiatives"])
NO_INITIATIVE = not_found("initiative")
Transitive = Annotated[bool, Query(description="follow dependencies beyond the direct ones")]


@router.get("", response_model=InitiativePage)
def list_initiatives(
    readmodel: ReadModelDep,
    q: Annotated[str | None, Query(description="text in the label or an alternative label")] = None,
    phase: Annotated[str | None, Query(description="current phase notation, e.g. innforing")] = None,
    actor: Annotated[str | None, Query(description="id of a lead or participating organisation")] = None,
    goal: Annotated[str | None, Query(description="goal or subgoal notation, e.g. 2 or 2.B")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSON:
    """List the initiatives named in the documents, with current phase, goals and lead actors, by label."""
    items = [_summary(i) for i in readmodel.initiatives() if _matches(i, q, phase, actor, goal)]
    return page(items, limit, offset)


def _matches(initiative: Initiative, q: str | None, phase: str | None, actor: str | None, goal: str | None) -> bool:
    if not initiative.entity.names_contain(q):
        return False
    if phase and (initiative.phase.notation if initiative.phase else None) != phase:
        return False
    if actor and actor not in {local_id(a) for a in initiative.actors}:
        return False
    return not goal or any(g == goal or g.startswith(goal + ".") for g in initiative.goals)


def _summary(initiative: Initiative) -> JSON:
    return {**entity_ref(initiative.entity), "discovered": initiative.discovered, "phase": phase_ref(initiative.phase),
            "goals": list(initiative.goals), "leads": [entity_ref(a) for a in initiative.leads]}


@router.get("/{initiative_id}", response_model=InitiativeDetail, responses=NO_INITIATIVE)
def get_initiative(initiative: InitiativeId, readmodel: ReadModelDep) -> JSON:
    """Return one initiative: phases, dependencies, dependents, actors, subgoals and documents."""
    statements = readmodel.phase_statements(initiative)
    return {
        **entity_ref(readmodel.entity(initiative)),
        "discovered": initiative in readmodel.discovered,
        "phase": phase_ref(current_phase(statements)),
        "phases": [phase_statement_out(s) for s in statements],
        "dependencies": [edge_out(e, readmodel.entity) for e in readmodel.dependencies(dependent=initiative)],
        "dependents": [edge_out(e, readmodel.entity) for e in readmodel.dependencies(prerequisite=initiative)],
        "actors": [{"actor": entity_ref(r.actor), "role": r.role} for r in readmodel.roles(initiative=initiative)],
        "subgoals": [{"notation": g.notation, "label": g.label} for g in readmodel.subgoals(initiative)],
        "documents": [document_ref(m) for m in readmodel.naming(initiative)],
        "statusNotes": [status_note_out(n) for n in readmodel.status_notes(initiative)],
    }


@router.get("/{initiative_id}/dependencies", response_model=ReachedPage, responses=NO_INITIATIVE)
def list_prerequisites(initiative: InitiativeId, readmodel: ReadModelDep, transitive: Transitive = False,
                       limit: Limit = 100, offset: Offset = 0) -> Response:
    """List what the initiative depends on, nearest first, each with its depth, path and the evidence of each hop."""
    return _walk_page(readmodel, readmodel.dependency_graph().prerequisites(initiative, transitive=transitive),
                      limit, offset)


@router.get("/{initiative_id}/dependents", response_model=ReachedPage, responses=NO_INITIATIVE)
def list_dependents(initiative: InitiativeId, readmodel: ReadModelDep, transitive: Transitive = False,
                    limit: Limit = 100, offset: Offset = 0) -> Response:
    """List what depends on the initiative — what is delayed if it slips — ranked by distance."""
    return _walk_page(readmodel, readmodel.dependency_graph().dependents(initiative, transitive=transitive),
                      limit, offset)


@router.get("/{initiative_id}/impact", response_model=ReachedPage, responses=NO_INITIATIVE)
def get_impact(initiative: InitiativeId, readmodel: ReadModelDep, limit: Limit = 100, offset: Offset = 0) -> Response:
    """List everything delayed if the initiative slips, nearest first (all dependents, transitively)."""
    return list_dependents(initiative, readmodel, transitive=True, limit=limit, offset=offset)


def _walk_page(readmodel: ReadModel, found: Walk, limit: int, offset: int) -> Response:
    """Write a page of a walk with orjson: pages of long paths are large, and ``reached`` gives them the
    ReachedPage shape the OpenAPI document shows (the API tests check it)."""
    items = reached(found[offset:offset + limit], readmodel.entity)
    return Response(orjson.dumps({"items": items, "total": len(found)}), media_type="application/json")


@router.get("/{initiative_id}/critical-path", response_model=CriticalPathOut, responses=NO_INITIATIVE)
def get_critical_path(initiative: InitiativeId, phase: PhaseParam, readmodel: ReadModelDep,
                      schedule: ScheduleDep) -> JSON:
    """Return the chain of transitive prerequisites that sets the earliest date the initiative can reach the
    phase: each link's dates, the slack where both ends are dated, and the links without a date."""
    path = critical_path(schedule, readmodel.dependency_graph(), initiative, phase)
    return critical_path_out(path, readmodel.entity)


@router.get("/{initiative_id}/history", response_model=HistoryPage, responses=NO_INITIATIVE)
def get_history(initiative: InitiativeId, readmodel: ReadModelDep, limit: Limit = MAX_LIMIT,
                offset: Offset = 0) -> JSON:
    """List the initiative's phase statements and status notes from every document, oldest first."""
    return page([_history_entry(e) for e in readmodel.history(initiative)], limit, offset)


def _history_entry(entry: HistoryEntry) -> JSON:
    return {"kind": entry.kind, "date": entry.date, "text": entry.text, "phase": phase_ref(entry.phase),
            "status": entry.status, "evidence": [evidence_out(e) for e in entry.evidence]}


@router.get("/{initiative_id}/related", response_model=RelatedPage, responses=NO_INITIATIVE)
def list_related(initiative: InitiativeId, readmodel: ReadModelDep, limit: Limit = 10, offset: Offset = 0) -> JSON:
    """List related initiatives, best first, with a score and the reasons: dependencies, shared actors and
    subgoals, co-mentions, similar names."""
    return page([_related(r) for r in related(readmodel, initiative)], limit, offset)


def _related(found: Related) -> JSON:
    return {"initiative": entity_ref(found.initiative), "score": found.score,
            "reasons": [reason.words() for reason in found.reasons],
            "why": [{"kind": r.kind, "label": r.label, "count": r.count} for r in found.reasons]}
