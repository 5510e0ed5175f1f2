"""Full-text search over names, abbreviations and evidence sentences."""

import html
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Offset, ReadModelDep
from api.models import JSON, SearchPage, entity_ref
from graph.records import SearchHit
from graph.search import search
from ontology import local_id

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("", response_model=SearchPage)
def search_graph(readmodel: ReadModelDep, q: Annotated[str, Query(min_length=1, max_length=500)],
                 limit: Annotated[int, Query(ge=1, le=200, description="page size")] = 20,
                 offset: Offset = 0) -> JSON:
    """Search names, abbreviations and evidence sentences, inflections included ("legemiddellisten"), best
    first."""
    hits, total = search(readmodel, q, limit=limit, offset=offset)
    return {"items": [_hit(h) for h in hits], "total": total}


def _hit(hit: SearchHit) -> JSON:
    return {"kind": hit.kind, "entity": entity_ref(hit.entity) if hit.entity else None, "score": hit.score,
            "text": hit.text, "highlight": highlight(hit.text, hit.spans),
            "document": local_id(hit.document) if hit.document else None, "start": hit.start, "end": hit.end}


def highlight(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Return ``text`` escaped for HTML with each span wrapped in <mark>.

    >>> highlight("PLL & SFM", ((0, 3),))
    '<mark>PLL</mark> &amp; SFM'
    """
    out, cursor = [], 0
    for start, end in spans:
        out += [html.escape(text[cursor:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)
