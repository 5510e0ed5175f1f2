"""When initiatives reach the phases of the value chain, read from their phase statements.

An initiative's milestone for a phase is found so:

1. Its statements of that phase or a later one count: an initiative in use has been rolled out.
2. A statement with a date falls in the months its EDTF date spans ("2025": January to December 2025,
   "2026-33": the first quarter, "2025-23": the autumn, "../2025": by the end of 2025). An actual statement
   without a date says the initiative is there by its document's date; other undated statements say
   nothing of when.
3. A later document supersedes an earlier one: of the statements of one phase, only those of the latest
   document that states that phase count, as for the current phase.
4. Of what is left, the milestone is the statement that may come first; a tentative one only on a tie.

A prerequisite that no statement puts in the phase it must reach is ready no earlier than the start of the
latest earlier phase it is dated in: the phases of the value chain come one after another.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from time import struct_time
from typing import TYPE_CHECKING

from edtf import EDTFParseException, parse_edtf

from graph.errors import InvalidRules
from graph.records import Edge, Milestone, Phase, PhaseStatement
from graph.schedule_rules import ScheduleRules

if TYPE_CHECKING:
    from graph.readmodel import ReadModel

Window = tuple[int | None, int | None]  # the first and last month a milestone may fall in; None: open


class Schedule:
    """The milestones of initiatives, from their phase statements, and the phases each dependency orders."""

    def __init__(self, statements: Iterable[PhaseStatement], phases: Sequence[Phase], rules: ScheduleRules):
        self._statements: dict[str, list[PhaseStatement]] = defaultdict(list)
        for statement in statements:
            self._statements[statement.initiative].append(statement)
        self._phases = {phase.notation: phase for phase in phases}
        self._rules = rules
        self._milestones: dict[tuple[str, str], Milestone] = {}

    @classmethod
    def of(cls, readmodel: "ReadModel", rules: ScheduleRules) -> "Schedule":
        """Return the schedule of every phase statement ``readmodel`` reads."""
        return cls(readmodel.phase_statements(), readmodel.phases(), rules)

    def phase(self, notation: str) -> Phase:
        """Return the phase of ``notation``; raise InvalidRules when the value chain has none."""
        try:
            return self._phases[notation]
        except KeyError:
            raise InvalidRules(f"the schedule rules name the phase {notation!r}, which is not in the value chain "
                               f"({', '.join(self._phases)})") from None

    def needs(self, edge: Edge) -> tuple[Phase, Phase] | None:
        """Return the phases ``edge`` orders, the dependent's then the prerequisite's; None when its kind
        orders none."""
        needs = self._rules.needs(edge.kind)
        return None if needs is None else (self.phase(needs[0]), self.phase(needs[1]))

    def milestone(self, initiative: str, phase: Phase) -> Milestone:
        """Return when ``initiative`` reaches ``phase``: the statement that says so and its months, or a
        milestone without a statement when none says."""
        key = (initiative, phase.notation)
        if key not in self._milestones:
            current = [(s, w) for s, w in self._current(initiative) if s.phase.order >= phase.order]
            self._milestones[key] = Milestone(initiative, phase, *_earliest(current))
        return self._milestones[key]

    def readiness(self, initiative: str, phase: Phase) -> Milestone:
        """Return when ``initiative``, a prerequisite, reaches ``phase``: its milestone; or, when no statement
        says, the latest start of an earlier phase it is dated in, before which it cannot reach ``phase`` (a
        milestone open at its end: "utprøving i 2026" puts innføring in 2026 at the earliest)."""
        milestone = self.milestone(initiative, phase)
        earlier = [(s, w) for s, w in self._current(initiative) if s.phase.order < phase.order and w[0] is not None]
        if milestone.statement is not None or not earlier:
            return milestone
        statement, (first, _) = max(earlier, key=lambda c: (c[1][0], c[0].status != "tentative"))
        return Milestone(initiative, phase, statement, first, None)

    def _current(self, initiative: str) -> list[tuple[PhaseStatement, Window]]:
        """Return the statements of ``initiative`` that say when, with their months, each phase as the latest
        document that states it says."""
        candidates = [(s, window) for s in self._statements.get(initiative, ())
                      for window in [_window(s)] if window is not None]
        latest: dict[str, str] = {}
        for statement, _ in candidates:
            notation = statement.phase.notation
            latest[notation] = max(latest.get(notation, ""), statement.document_date or "")
        return [(s, w) for s, w in candidates if (s.document_date or "") == latest[s.phase.notation]]


def _earliest(current: list[tuple[PhaseStatement, Window]]) -> tuple[PhaseStatement | None, int | None, int | None]:
    """Return the statement of ``current`` that may come first and its months, or nothing when it is empty."""
    if not current:
        return None, None, None
    statement, (first, last) = min(current, key=_first_come)
    return statement, first, last


def _first_come(candidate: tuple[PhaseStatement, Window]) -> tuple[float, bool, int]:
    """Order candidates by the month they may come at (an undated one first: it is there already), then
    firm before tentative, then by place in the text."""
    statement, (first, last) = candidate
    month = first if first is not None else last
    return (float("-inf") if month is None else month, statement.status == "tentative", statement.evidence[0].start)


def _window(statement: PhaseStatement) -> Window | None:
    """Return the months ``statement`` may fall in, or None when it says nothing of when."""
    dated = span(statement.date or statement.start)
    if dated is not None:
        return dated
    if statement.status != "actual":
        return None
    by = span(statement.document_date)
    return None, by[1] if by else None


@cache
def span(date: str | None) -> Window | None:
    """Return the first and last month of an EDTF date (months since year 0; None for an open end), or
    None for no date or one that does not parse.

    >>> [divmod(m, 12) for m in span("2026-33")]  # the first quarter: January to March
    [(2026, 0), (2026, 2)]
    >>> span("../2025") == (None, 2025 * 12 + 11), span("2025-05/..") == (2025 * 12 + 4, None)
    (True, True)
    """
    if not date:
        return None
    try:
        parsed = parse_edtf(date)
    except EDTFParseException:
        return None
    return _month(parsed.lower_strict()), _month(parsed.upper_strict())


def _month(bound: struct_time | float) -> int | None:
    return bound.tm_year * 12 + bound.tm_mon - 1 if isinstance(bound, struct_time) else None


def month_text(month: int) -> str:
    """Return a month count as ISO 8601 year and month.

    >>> month_text(2025 * 12 + 11)
    '2025-12'
    """
    year, index = divmod(month, 12)
    return f"{year:04d}-{index + 1:02d}"
