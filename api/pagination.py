"""Pagination of every list route: ``limit`` and ``offset`` query parameters, pages ``{items, total}``.

``total`` counts every item that matches, not the items on the page; each list has one order that does
not depend on the server's history, so consecutive pages neither skip nor repeat an item.
"""

from collections.abc import Sequence
from typing import Annotated

from fastapi import Query

MAX_LIMIT = 100_000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]


def page(items: Sequence, limit: int, offset: int) -> dict:
    """Return the page of ``items`` from ``offset``, at most ``limit`` long, with the total count.

    >>> page(["a", "b", "c"], limit=2, offset=1)
    {'items': ['b', 'c'], 'total': 3}
    """
    return {"items": list(items[offset:offset + limit]), "total": len(items)}
