"""Where each initiative of the dependency graph stands in a drawing: prerequisites left, dependents right."""

from graph.records import Edge
from graph.walks import DependencyGraph

ORDERLESS_KINDS = {"coordinatedWith"}  # dependency kinds that ask two initiatives to agree, not one to come first


def columns(edges: list[Edge], graph: DependencyGraph) -> dict[str, int]:
    """Return each initiative ``edges`` join with its column: 0 when none of its prerequisites is among them,
    else one more than the column of its furthest prerequisite. In a cycle, the edge that closes it is left out.

    >>> ab, bc, ac = Edge("a", "b", "requires", 1.0, ()), Edge("b", "c", "requires", 1.0, ()), \
Edge("a", "c", "requires", 1.0, ())
    >>> columns([ab, bc, ac], DependencyGraph({"b": [ab], "c": [bc, ac]}, {"a": [ab, ac], "b": [bc]}))
    {'a': 0, 'b': 1, 'c': 2}
    """
    initiatives = list(dict.fromkeys(i for e in edges for i in (e.prerequisite, e.dependent)))
    column: dict[str, int] = {}
    for initiative in graph.order(initiatives).order:  # prerequisites first
        column[initiative] = max((column[e.prerequisite] + 1 for e in graph.needs.get(initiative, ())
                                  if e.prerequisite in column), default=0)
    return column


def rows(column: dict[str, int]) -> dict[str, int]:
    """Return each initiative's row within its column, in the order ``column`` lists them.

    >>> rows({"a": 0, "b": 1, "c": 0})
    {'a': 0, 'b': 0, 'c': 1}
    """
    taken: dict[int, int] = {}
    row = {}
    for initiative, number in column.items():
        row[initiative] = taken.get(number, 0)
        taken[number] = row[initiative] + 1
    return row
