"""Load the SPARQL queries of ``graph/queries/*.rq`` by name."""

from functools import cache
from pathlib import Path

QUERY_DIR = Path(__file__).parent / "queries"


@cache
def load(name: str) -> str:
    """Return the text of the query ``name``.

    >>> "SELECT" in load("index_dependencies")
    True
    """
    path = QUERY_DIR / f"{name}.rq"
    if not path.is_file():
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def names() -> list[str]:
    """Return the names of every query, sorted."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))
