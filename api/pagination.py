"""Pagination of every list route: ``limit`` and ``offset`` query parameters (``api.deps``), pages
``{items, total}``.

``total`` counts every item that matches, not the items on the page; each list has one order that does
not depend on the server's history, so consecutive pages neither skip nor repeat an item.
"""

from collections.abc import Sequence
from typing import Any


def page(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    """Return the page of ``items`` from ``offset``, at most ``limit`` long, with the total count.

    >>> page(["a", "b", "c"], limit=2, offset=1)
    {'items': ['b', 'c'], 'total': 3}
    """
    return {"items": list(items[offset:offset + limit]), "total": len(items)}
