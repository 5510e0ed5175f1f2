"""Schedule conflicts: dependents planned to reach a phase before their prerequisites reach the phase they need."""

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import InitiativeFilter, Limit, Offset, ReadModelDep, ScheduleDep
from api.models import JSON, ConflictPage, conflict_out
from api.openapi import not_found
from api.pagination import page
from graph.conflicts import SEVERITIES, conflicts

router = APIRouter(prefix="/api/conflicts", tags=["conflicts"])
Severity = StrEnum("Severity", {s: s for s in SEVERITIES})  # type: ignore[misc]


@router.get("", response_model=ConflictPage, responses=not_found("initiative"))
def list_conflicts(
    readmodel: ReadModelDep,
    schedule: ScheduleDep,
    initiative: InitiativeFilter,
    severity: Annotated[Severity | None, Query(description="only the conflicts of this severity")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSON:
    """List the schedule conflicts along the dependencies, most certain first (conflict, possible, unknown), each
    with both initiatives' phase statements, their dates and evidence, and the gap in months."""
    found = [c for c in conflicts(schedule, readmodel.edges())
             if (severity is None or c.severity == severity)
             and (initiative is None or initiative in (c.dependent.initiative, c.prerequisite.initiative))]
    return page([conflict_out(c, readmodel.entity) for c in found], limit, offset)
