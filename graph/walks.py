"""Walks over the direct dependency edges: transitive prerequisites and dependents with depth, path and
the evidence of each hop, and an implementation order with cycles reported as data."""

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import overload

from graph.records import Edge, Order


class Reach:
    """An initiative a walk reached, how far away; its path and the edges along it are followed back
    through the walk on demand."""

    __slots__ = ("initiative", "depth", "_walk")

    def __init__(self, initiative: str, depth: int, walk: "Walk"):
        self.initiative, self.depth, self._walk = initiative, depth, walk

    @property
    def edge(self) -> Edge:
        """The edge of the last step, the one that reached this initiative."""
        return self._walk.edge(self.initiative)

    @property
    def path(self) -> tuple[str, ...]:
        """The initiatives from the start to this one, both included."""
        return tuple(node for node, _ in self._steps()) + (self.initiative,)

    @property
    def hops(self) -> tuple[Edge, ...]:
        """The edge of each step along the path."""
        return tuple(edge for _, edge in self._steps())

    def _steps(self) -> list[tuple[str, Edge]]:
        """The initiative each step came from and the edge it followed, from the start on."""
        steps = []
        here = self.initiative
        while here != self._walk.start:
            edge = self._walk.edge(here)
            previous = self._walk.back(edge)
            steps.append((previous, edge))
            here = previous
        return steps[::-1]


class Walk(Sequence[Reach]):
    """What a breadth-first walk reached, nearest first. It keeps only the order and, for each
    initiative, the edge that reached it (whose other end is where the step came from); a Reach is
    made when it is asked for, so a page of a long walk costs only that page."""

    def __init__(self, start: str, initiatives: list[str], level_ends: list[int], via: dict[str, Edge | None],
                 *, towards_prerequisites: bool):
        self.start, self.initiatives, self.level_ends, self.via = start, initiatives, level_ends, via
        self.towards_prerequisites = towards_prerequisites

    def edge(self, initiative: str) -> Edge:
        """Return the edge that reached ``initiative`` (any but the start)."""
        edge = self.via[initiative]
        assert edge is not None, "the start of a walk is reached by no edge"
        return edge

    def back(self, edge: Edge) -> str:
        """Return the initiative a step along ``edge`` came from."""
        return edge.dependent if self.towards_prerequisites else edge.prerequisite

    def __len__(self) -> int:
        return len(self.initiatives)

    @overload
    def __getitem__(self, index: int) -> Reach: ...

    @overload
    def __getitem__(self, index: slice) -> list[Reach]: ...

    def __getitem__(self, index: int | slice) -> Reach | list[Reach]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = index + len(self) if index < 0 else index
        return Reach(self.initiatives[index], bisect_right(self.level_ends, position) + 1, self)

    def __iter__(self) -> Iterator[Reach]:
        return (self[i] for i in range(len(self)))


Adjacency = dict[str, list[Edge]]  # an initiative -> its edges to the next ones, in one direction


class DependencyGraph:
    """Adjacency of the direct dependency edges, both ways.

    >>> ab, bc = Edge("a", "b", "requires", 1.0, ()), Edge("b", "c", "requires", 1.0, ())
    >>> g = DependencyGraph({"b": [ab], "c": [bc]}, {"a": [ab], "b": [bc]})
    >>> [(r.initiative, r.depth, r.path) for r in g.prerequisites("c", transitive=True)]
    [('b', 1, ('c', 'b')), ('a', 2, ('c', 'b', 'a'))]
    >>> g.order(["c", "a", "b"])
    Order(order=('a', 'b', 'c'), cycles=())
    """

    def __init__(self, needs: Adjacency, needed_by: Adjacency):
        self.needs, self.needed_by = needs, needed_by

    def prerequisites(self, start: str, *, transitive: bool = False) -> Walk:
        """Return what ``start`` depends on, nearest first."""
        return _walk(start, self.needs, transitive, towards_prerequisites=True)

    def dependents(self, start: str, *, transitive: bool = False) -> Walk:
        """Return what depends on ``start`` (what slips if it slips), nearest first."""
        return _walk(start, self.needed_by, transitive, towards_prerequisites=False)

    def order(self, initiatives: list[str]) -> Order:
        """Return an implementation order of ``initiatives`` (prerequisites first, counting indirect ones
        through initiatives outside the set) and the groups that depend on each other in a cycle."""
        members = list(dict.fromkeys(initiatives))
        wanted = set(members)
        before = {i: set(self.prerequisites(i, transitive=True).initiatives) & wanted for i in members}
        components = _strongly_connected(members, before)  # prerequisites come out first
        position = {i: n for n, i in enumerate(members)}
        return Order(tuple(i for group in components for i in sorted(group, key=position.__getitem__)),
                     tuple(tuple(sorted(group)) for group in components if len(group) > 1))


def _walk(start: str, adjacency: Adjacency, transitive: bool, *, towards_prerequisites: bool) -> Walk:
    """Breadth-first from ``start``: each initiative once, at its least depth, with the edge that reached
    it; the next initiative is an edge's prerequisite or, walking the other way, its dependent. The
    innermost loop makes no tuple and reads the next end with a C getter: it is most of a walk's time."""
    far_end = attrgetter("prerequisite" if towards_prerequisites else "dependent")
    via: dict[str, Edge | None] = {start: None}
    order: list[str] = []
    level_ends: list[int] = []
    frontier = [start]
    while frontier:
        reached: list[str] = []
        for here in frontier:
            for edge in adjacency.get(here, ()):
                neighbour = far_end(edge)
                if neighbour not in via:
                    via[neighbour] = edge
                    reached.append(neighbour)
        order += reached
        level_ends.append(len(order))
        frontier = reached if transitive else []
    return Walk(start, order, level_ends, via, towards_prerequisites=towards_prerequisites)


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
