"""Dependency analysis over the direct edges: transitive prerequisites and dependents with depth,
path and the evidence of each hop, an implementation order with cycles reported as data."""

from typing import NamedTuple


class Evidence(NamedTuple):
    """Where a document says so: the sentence and its character offsets."""

    document: str
    text: str
    start: int
    end: int


class Edge(NamedTuple):
    """A direct dependency: ``dependent`` needs ``prerequisite``, of ``kind``, with all its evidence."""

    prerequisite: str
    dependent: str
    kind: str
    confidence: float
    evidence: tuple[Evidence, ...]


class Reach:
    """An initiative reached from the start, how far away, and the step that reached it; the path and
    its edges are followed back on demand, so a walk costs one small object per initiative."""

    __slots__ = ("initiative", "depth", "parent", "edge")

    def __init__(self, initiative: str, depth: int, parent: "Reach | None", edge: Edge | None):
        self.initiative, self.depth, self.parent, self.edge = initiative, depth, parent, edge

    @property
    def path(self) -> tuple[str, ...]:
        """The initiatives from the start to this one, both included."""
        steps: list[str] = []
        here: Reach | None = self
        while here is not None:
            steps.append(here.initiative)
            here = here.parent
        return tuple(reversed(steps))

    @property
    def hops(self) -> tuple[Edge, ...]:
        """The edge of each step along the path."""
        edges: list[Edge] = []
        here: Reach | None = self
        while here is not None and here.edge is not None:
            edges.append(here.edge)
            here = here.parent
        return tuple(reversed(edges))


Adjacency = dict[str, list[tuple[str, Edge]]]


class DependencyGraph:
    """Adjacency of the direct dependency edges, both ways.

    >>> g = DependencyGraph.from_edges([Edge("a", "b", "requires", 1.0, ()), Edge("b", "c", "requires", 1.0, ())])
    >>> [(r.initiative, r.depth, r.path) for r in g.prerequisites("c", transitive=True)]
    [('b', 1, ('c', 'b')), ('a', 2, ('c', 'b', 'a'))]
    >>> g.order(["c", "a", "b"])
    {'order': ['a', 'b', 'c'], 'cycles': []}
    """

    def __init__(self, needs: Adjacency, needed_by: Adjacency):
        self.needs, self.needed_by = needs, needed_by

    @classmethod
    def from_edges(cls, edges) -> "DependencyGraph":
        needs: Adjacency = {}
        needed_by: Adjacency = {}
        for edge in edges:
            needs.setdefault(edge.dependent, []).append((edge.prerequisite, edge))
            needed_by.setdefault(edge.prerequisite, []).append((edge.dependent, edge))
        return cls(needs, needed_by)

    def prerequisites(self, start: str, *, transitive: bool = False) -> list[Reach]:
        """Return what ``start`` depends on, nearest first."""
        return _walk(start, self.needs, transitive)

    def dependents(self, start: str, *, transitive: bool = False) -> list[Reach]:
        """Return what depends on ``start`` (what slips if it slips), nearest first."""
        return _walk(start, self.needed_by, transitive)

    def order(self, initiatives: list[str]) -> dict:
        """Return an implementation order of ``initiatives`` (prerequisites first, counting indirect ones
        through initiatives outside the set) and the groups that depend on each other in a cycle."""
        members = list(dict.fromkeys(initiatives))
        wanted = set(members)
        before = {i: {r.initiative for r in self.prerequisites(i, transitive=True)} & wanted for i in members}
        components = _strongly_connected(members, before)  # prerequisites come out first
        position = {i: n for n, i in enumerate(members)}
        return {"order": [i for group in components for i in sorted(group, key=position.__getitem__)],
                "cycles": [sorted(group) for group in components if len(group) > 1]}


def _walk(start: str, adjacency: Adjacency, transitive: bool) -> list[Reach]:
    """Breadth-first from ``start``: each initiative once, at its least depth."""
    seen = {start}
    frontier = [Reach(start, 0, None, None)]
    found: list[Reach] = []
    while frontier:
        reached = []
        for here in frontier:
            for neighbour, edge in adjacency.get(here.initiative, ()):
                if neighbour not in seen:
                    seen.add(neighbour)
                    reached.append(Reach(neighbour, here.depth + 1, here, edge))
        found += reached
        if not transitive:
            break
        frontier = reached
    return found


def _strongly_connected(nodes: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components (Tarjan's algorithm, iterative); a component comes out
    after every component its members reach, so prerequisites come out first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
