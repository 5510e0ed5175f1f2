"""The critical path of an initiative: the chain of transitive prerequisites that sets the earliest date it can
reach a phase.

Each prerequisite must reach the phase its dependency's kind needs (``graph.schedule_rules``) before its
dependent goes on; what an initiative waits for is the latest date found along any chain beneath it. The
path follows, from the initiative down, the prerequisite whose chain holds the latest date; among chains
without a date, the longest, so that an undated link is shown rather than hidden. A cycle is cut where the
walk meets an initiative it is already below.
"""

from dataclasses import dataclass

from graph.records import CriticalPath, Edge, Milestone, PathLink, Phase
from graph.schedule import Schedule
from graph.walks import DependencyGraph


@dataclass(frozen=True)
class _Chain:
    """The best chain below a milestone: its links, the latest month along it, and its prerequisite milestone
    that has that month."""

    links: tuple[PathLink, ...] = ()
    month: int | None = None
    binding: Milestone | None = None

    def rank(self) -> tuple[bool, int, int]:
        return self.month is not None, self.month or 0, len(self.links)


def critical_path(schedule: Schedule, graph: DependencyGraph, initiative: str, phase: Phase) -> CriticalPath:
    """Return the critical path of ``initiative`` to ``phase``.

    >>> from graph.records import Evidence, PhaseStatement
    >>> from graph.schedule_rules import load_rules
    >>> innforing = Phase("innforing", "Innføring", 4)
    >>> plans = [PhaseStatement(i, innforing, y, y, y, None, "planned", None, (Evidence("doc", "", 0, 0),))
    ...          for i, y in [("a", "2027"), ("b", "2026")]]  # a in 2027, b in 2026, c undated
    >>> ab, bc = Edge("b", "a", "requires", 0.9, ()), Edge("c", "b", "requires", 0.9, ())
    >>> schedule = Schedule(plans, [innforing], load_rules())
    >>> path = critical_path(schedule, DependencyGraph({"a": [ab], "b": [bc]}, {}), "a", innforing)
    >>> [(link.prerequisite.initiative, link.slack) for link in path.links], path.binding.initiative
    ([('b', 12), ('c', None)], 'b')
    >>> [m.initiative for m in path.undated]
    ['c']
    """
    target = schedule.milestone(initiative, phase)
    chain = _Walk(schedule, graph).below(target, frozenset())
    return CriticalPath(target, chain.links, chain.binding)


class _Walk:
    """A depth-first walk down the prerequisites, keeping the best chain below each milestone it has left."""

    def __init__(self, schedule: Schedule, graph: DependencyGraph):
        self._schedule, self._graph = schedule, graph
        self._done: dict[tuple[str, str], _Chain] = {}

    def below(self, milestone: Milestone, above: frozenset[str]) -> _Chain:
        """Return the best chain below ``milestone``; ``above`` are the initiatives the walk came through."""
        key = (milestone.initiative, milestone.phase.notation)
        if key in self._done:
            return self._done[key]
        best = _Chain()
        for edge in self._graph.needs.get(milestone.initiative, ()):
            needs = self._schedule.needs(edge)
            if needs is None or edge.prerequisite in above or edge.prerequisite == milestone.initiative:
                continue
            prerequisite = self._schedule.readiness(edge.prerequisite, needs[1])
            chain = self._through(edge, milestone, prerequisite, above | {milestone.initiative})
            if chain.rank() > best.rank():
                best = chain
        self._done[key] = best
        return best

    def _through(self, edge: Edge, dependent: Milestone, prerequisite: Milestone, above: frozenset[str]) -> _Chain:
        """Return the chain that goes from ``dependent`` down ``edge`` to ``prerequisite`` and on."""
        slack = None if dependent.month is None or prerequisite.month is None \
            else dependent.month - prerequisite.month
        rest = self.below(prerequisite, above)
        link = PathLink(edge, dependent, prerequisite, slack)
        if prerequisite.month is not None and (rest.month is None or prerequisite.month >= rest.month):
            return _Chain((link, *rest.links), prerequisite.month, prerequisite)
        return _Chain((link, *rest.links), rest.month, rest.binding)
