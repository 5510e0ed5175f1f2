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
            steps.append((self._walk.previous(here), self._walk.edge(here)))
            here = steps[-1][0]
        return steps[::-1]


class Walk(Sequence[Reach]):
    """What a breadth-first walk reached, nearest first. It keeps only the order and, for each
    initiative, the one the step that reached it came from; a Reach, and the edges of its path, are made when
    they are asked for, so a page of a long walk costs only that page."""

    def __init__(self, start: str, initiatives: list[str], level_ends: list[int], via: dict[str, str | None],
                 adjacency: "Adjacency", *, towards_prerequisites: bool):
        self.start, self.initiatives, self.level_ends, self.via = start, initiatives, level_ends, via
        self._adjacency = adjacency
        self._far_end = _FAR_END[towards_prerequisites]

    def previous(self, initiative: str) -> str:
        """Return the initiative the step that reached ``initiative`` (any but the start) came from."""
        previous = self.via[initiative]
        assert previous is not None, "the start of a walk is reached by no step"
        return previous

    def edge(self, initiative: str) -> Edge:
        """Return the edge of the step that reached ``initiative``: the first of its initiative's edges that
        leads there, as the walk took them in order."""
        far_end = self._far_end
        return next(e for e in self._adjacency[self.previous(initiative)] if far_end(e) == initiative)

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
_FAR_END = {True: attrgetter("prerequisite"), False: attrgetter("dependent")}  # by towards_prerequisites
Ends = dict[str, tuple[str, ...]]  # an initiative -> the far ends of its edges in one direction, in their order


def far_ends(adjacency: Adjacency, *, towards_prerequisites: bool) -> Ends:
    """Return the initiatives each one's edges lead to: what a walk reads, so it touches no Edge on its way."""
    far_end = _FAR_END[towards_prerequisites]
    return {node: tuple(map(far_end, edges)) for node, edges in adjacency.items()}


class DependencyGraph:
    """Adjacency of the direct dependency edges, both ways.

    >>> ab, bc = Edge("a", "b", "requires", 1.0, ()), Edge("b", "c", "requires", 1.0, ())
    >>> g = DependencyGraph({"b": [ab], "c": [bc]}, {"a": [ab], "b": [bc]})
    >>> [(r.initiative, r.depth, r.path) for r in g.prerequisites("c", transitive=True)]
    [('b', 1, ('c', 'b')), ('a', 2, ('c', 'b', 'a'))]
    >>> g.order(["c", "a", "b"])
    Order(order=('a', 'b', 'c'), cycles=())
    """

    def __init__(self, needs: Adjacency, needed_by: Adjacency, ends: tuple[Ends, Ends] | None = None):
        """``ends`` are the far ends of ``needs`` and of ``needed_by`` (:func:`far_ends`), when the caller keeps
        them in step; else they are found here."""
        self.needs, self.needed_by = needs, needed_by
        self.ends = ends or (far_ends(needs, towards_prerequisites=True),
                             far_ends(needed_by, towards_prerequisites=False))

    def prerequisites(self, start: str, *, transitive: bool = False) -> Walk:
        """Return what ``start`` depends on, nearest first."""
        return _walk(start, self.needs, self.ends[0], transitive, towards_prerequisites=True)

    def dependents(self, start: str, *, transitive: bool = False) -> Walk:
        """Return what depends on ``start`` (what slips if it slips), nearest first."""
        return _walk(start, self.needed_by, self.ends[1], transitive, towards_prerequisites=False)

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


def _walk(start: str, adjacency: Adjacency, ends: Ends, transitive: bool, *, towards_prerequisites: bool) -> Walk:
    """Breadth-first from ``start`` over the far ends of the edges: each initiative once, at its least depth,
    with the one it was reached from. The innermost loop reads only strings, as a plain BFS does: it is most
    of a walk's time, and the edges of a path are found again only when a page shows them."""
    via: dict[str, str | None] = {start: None}
    order: list[str] = []
    level_ends: list[int] = []
    frontier = [start]
    while frontier:
        reached: list[str] = []
        for here in frontier:
            for neighbour in ends.get(here, ()):
                if neighbour not in via:
                    via[neighbour] = here
                    reached.append(neighbour)
        order += reached
        level_ends.append(len(order))
        frontier = reached if transitive else []
    return Walk(start, order, level_ends, via, adjacency, towards_prerequisites=towards_prerequisites)


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
