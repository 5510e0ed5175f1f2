"""Dependency analysis over the direct edges: transitive prerequisites and dependents with depth,
path and the evidence of each hop, an implementation order with cycles reported as data."""

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Reach:
    """An initiative reached from the start, how far away, along which path of edges."""

    initiative: str
    depth: int
    path: tuple[str, ...]  # from the start to ``initiative``, both included
    hops: tuple[dict, ...]  # the edge record of each step


class DependencyGraph:
    """Adjacency of the direct dependency edges, both ways.

    >>> g = DependencyGraph([{"prerequisite": "a", "dependent": "b"}, {"prerequisite": "b", "dependent": "c"}],
    ...                     key=lambda ref: ref)
    >>> [(r.initiative, r.depth) for r in g.prerequisites("c", transitive=True)]
    [('b', 1), ('a', 2)]
    >>> g.order(["c", "a", "b"])
    {'order': ['a', 'b', 'c'], 'cycles': []}
    """

    def __init__(self, edges: list[dict], key=lambda ref: ref["iri"]):
        self.needs: dict[str, list[tuple[str, dict]]] = {}
        self.needed_by: dict[str, list[tuple[str, dict]]] = {}
        for edge in edges:
            pre, dep = key(edge["prerequisite"]), key(edge["dependent"])
            self.needs.setdefault(dep, []).append((pre, edge))
            self.needed_by.setdefault(pre, []).append((dep, edge))

    def prerequisites(self, start: str, *, transitive: bool = False) -> list[Reach]:
        """Return what ``start`` depends on, nearest first."""
        return self._walk(start, self.needs, transitive)

    def dependents(self, start: str, *, transitive: bool = False) -> list[Reach]:
        """Return what depends on ``start`` (what slips if it slips), nearest first."""
        return self._walk(start, self.needed_by, transitive)

    @staticmethod
    def _walk(start: str, adjacency: dict, transitive: bool) -> list[Reach]:
        seen = {start}
        queue = deque([Reach(start, 0, (start,), ())])
        found: list[Reach] = []
        while queue:
            here = queue.popleft()
            if here.depth and not transitive:
                break
            for neighbour, edge in adjacency.get(here.initiative, ()):
                if neighbour in seen:
                    continue
                seen.add(neighbour)
                reach = Reach(neighbour, here.depth + 1, (*here.path, neighbour), (*here.hops, edge))
                found.append(reach)
                queue.append(reach)
        return found

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
