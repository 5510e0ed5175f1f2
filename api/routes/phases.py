"""The phases of the value chain."""

from fastapi import APIRouter

from api.deps import Limit, Offset, ReadModelDep
from api.models import JSON, PhasePage
from api.pagination import page

router = APIRouter(prefix="/api/phases", tags=["phases"])


@router.get("", response_model=PhasePage)
def list_phases(readmodel: ReadModelDep, limit: Limit = 100, offset: Offset = 0) -> JSON:
    """List the phases of the value chain, in order."""
    return page([{"notation": p.notation, "order": p.order, "label": p.label, "labelEn": p.label_en,
                  "definition": p.definition} for p in readmodel.phases()], limit, offset)
