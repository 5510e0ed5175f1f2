"""The strategic goals and their subgoals."""

from fastapi import APIRouter

from api.deps import Limit, Offset, ReadModelDep
from api.models import JSON, GoalPage, entity_ref
from api.pagination import page
from graph.records import Goal

router = APIRouter(prefix="/api/goals", tags=["goals"])


@router.get("", response_model=GoalPage)
def list_goals(readmodel: ReadModelDep, limit: Limit = 100, offset: Offset = 0) -> JSON:
    """List the strategic goals by notation, with their subgoals and the initiatives that serve each."""
    return page([_goal(g) for g in readmodel.goals()], limit, offset)


def _goal(goal: Goal) -> JSON:
    return {"id": goal.id, "notation": goal.notation, "label": goal.label,
            "initiatives": [entity_ref(i) for i in goal.initiatives], "subgoals": [_goal(s) for s in goal.subgoals]}
