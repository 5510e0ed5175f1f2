"""Schedule conflicts: a dependent planned to reach a phase before its prerequisite reaches the phase it needs.

For each pair of initiatives joined by dependencies, the strictest of their kinds sets the phases compared
(``graph.schedule_rules``) and the milestones of both ends are compared (``graph.schedule``):

- "conflict": every month the dependent may reach its phase comes before the first the prerequisite may;
- "possible": the same from a tentative statement, or dates too coarse to tell ("2025" against "høsten 2025");
- "unknown": the dependent is planned for a date, its prerequisite has no dated phase.

A prerequisite dated only in an earlier phase ("utprøving i 2026") reaches the one needed after that begins.

A prerequisite already in use (an actual statement without a date) or due by a deadline ("innen 2025") may
be there early enough: no conflict.
"""

from collections import defaultdict
from collections.abc import Iterable

from graph.records import Conflict, Edge, Milestone
from graph.schedule import Schedule

SEVERITIES = ("conflict", "possible", "unknown")  # the most certain first


def conflicts(schedule: Schedule, edges: Iterable[Edge]) -> list[Conflict]:
    """Return the schedule conflicts along ``edges``, most certain first, then by dependent and prerequisite.

    >>> from graph.records import Evidence, Phase, PhaseStatement
    >>> from graph.schedule_rules import load_rules
    >>> innforing = Phase("innforing", "Innføring", 4)
    >>> def plan(initiative, year):
    ...     return PhaseStatement(initiative, innforing, year, year, year, None, "planned", None,
    ...                           (Evidence("doc", f"{initiative} innføres i {year}.", 0, 20),))
    >>> schedule = Schedule([plan("pll", "2025"), plan("sfm", "2026")], [innforing], load_rules())
    >>> [(c.severity, c.gap) for c in conflicts(schedule, [Edge("sfm", "pll", "requires", 0.9, ())])]
    [('conflict', 12)]
    """
    pairs: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for edge in edges:
        if schedule.needs(edge) is not None and edge.dependent != edge.prerequisite:
            pairs[(edge.dependent, edge.prerequisite)].append(edge)
    found = [c for group in pairs.values() if (c := _conflict(schedule, group)) is not None]
    return sorted(found, key=lambda c: (SEVERITIES.index(c.severity), c.dependent.initiative,
                                        c.prerequisite.initiative))


def _conflict(schedule: Schedule, edges: list[Edge]) -> Conflict | None:
    """Return the conflict between the two ends of ``edges`` (one pair of initiatives), if any, under the
    strictest of their kinds: the one that needs the prerequisite furthest along, for the dependent earliest."""
    needs = [n for n in map(schedule.needs, edges) if n is not None]
    dependent_phase, prerequisite_phase = max(needs, key=lambda n: (n[1].order, -n[0].order))
    dependent = schedule.milestone(edges[0].dependent, dependent_phase)
    prerequisite = schedule.readiness(edges[0].prerequisite, prerequisite_phase)
    severity = judge(dependent, prerequisite)
    if severity is None:
        return None
    gap = None if prerequisite.first is None or dependent.month is None else prerequisite.first - dependent.month
    return Conflict(severity, dependent, prerequisite, tuple(edges), gap)


def judge(dependent: Milestone, prerequisite: Milestone) -> str | None:
    """Return the severity of the conflict between two milestones, or None when there is none."""
    if not dependent.dated:
        return None  # nothing is planned for the dependent: nothing can come too early
    if prerequisite.statement is None:  # what has already happened needs no check, only what is planned
        return "unknown" if dependent.statement and dependent.statement.status != "actual" else None
    ready = prerequisite.first
    if ready is None:
        return None  # there already, or due by a deadline: it may be in time
    tentative = "tentative" in (dependent.statement.status if dependent.statement else None,
                                prerequisite.statement.status)
    if dependent.last is not None and dependent.last < ready:
        return "possible" if tentative else "conflict"
    if dependent.first is not None and dependent.first < ready:
        return "possible"
    return None
