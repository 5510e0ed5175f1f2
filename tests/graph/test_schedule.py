"""Milestones, schedule conflicts and critical paths over phase statements and edges made by hand: the rules
of graph/schedule.py, graph/conflicts.py and graph/critical_path.py case by case."""

import json

import pytest

from graph.conflicts import conflicts
from graph.critical_path import critical_path
from graph.errors import InvalidRules
from graph.records import Edge, Evidence, Phase, PhaseStatement
from graph.schedule import Schedule, span
from graph.schedule_rules import load_rules
from graph.walks import DependencyGraph

PHASES = [Phase("konsept", "Konsept", 1), Phase("utvikling_begrenset_utproving", "Utprøving", 2),
          Phase("tilpasning_utvidet_utproving", "Utvidet utprøving", 3), Phase("innforing", "Innføring", 4),
          Phase("i_drift", "I drift", 5)]
PHASE = {p.notation: p for p in PHASES}
RULES = load_rules()


def said(initiative: str, date: str | None, *, phase: str = "innforing", status: str = "planned",
         issued: str | None = None) -> PhaseStatement:
    return PhaseStatement(initiative, PHASE[phase], date, date, date, None, status, issued,
                          (Evidence(f"doc-{issued}", f"{initiative} {phase} {date}", 0, 10),))


def needs(dependent: str, prerequisite: str, kind: str = "requires") -> Edge:
    return Edge(prerequisite, dependent, kind, 0.9, ())


def found(statements: list[PhaseStatement], *edges: Edge, rules=RULES) -> list[tuple[str, str, str, int | None]]:
    schedule = Schedule(statements, PHASES, rules)
    return [(c.severity, c.dependent.initiative, c.prerequisite.initiative, c.gap)
            for c in conflicts(schedule, edges or [needs("pll", "sfm")])]


def test_edtf_dates_span_their_months():
    assert span("2025") == (2025 * 12, 2025 * 12 + 11)
    assert span("2025-23") == (2025 * 12 + 8, 2025 * 12 + 10)  # autumn: September to November
    assert span("2024/2025") == (2024 * 12, 2025 * 12 + 11)
    assert span("../2025") == (None, 2025 * 12 + 11)
    assert span("not a date") is None and span(None) is None


def test_a_dependent_planned_a_year_before_its_prerequisite_is_a_conflict():
    assert found([said("pll", "2025"), said("sfm", "2026")]) == [("conflict", "pll", "sfm", 12)]


def test_a_tentative_statement_makes_it_possible():
    assert found([said("pll", "2025"), said("sfm", "2026", status="tentative")]) == [("possible", "pll", "sfm", 12)]


def test_dates_too_coarse_to_order_make_it_possible():
    assert found([said("pll", "2025"), said("sfm", "2025-23")]) == [("possible", "pll", "sfm", 8)]


def test_an_undated_prerequisite_is_unknown_not_silence():
    assert found([said("pll", "2025"), said("sfm", None)]) == [("unknown", "pll", "sfm", None)]
    assert found([said("pll", "2025")]) == [("unknown", "pll", "sfm", None)]


def test_dates_that_agree_give_nothing():
    assert found([said("pll", "2026"), said("sfm", "2025")]) == []
    assert found([said("pll", "2025"), said("sfm", "2025")]) == []  # the same year: not before


def test_an_undated_dependent_has_nothing_to_check():
    assert found([said("pll", None), said("sfm", "2026")]) == []


def test_a_prerequisite_in_use_already_or_due_by_a_deadline_may_be_in_time():
    assert found([said("pll", "2025"), said("sfm", None, phase="i_drift", status="actual")]) == []
    assert found([said("pll", "2025-06"), said("sfm", "../2025")]) == []


def test_a_later_phase_counts_as_reaching_the_one_needed():
    assert found([said("pll", "2025"), said("sfm", "2027", phase="i_drift")]) == [("conflict", "pll", "sfm", 24)]


def test_a_later_document_supersedes_an_earlier_one():
    earlier, later = said("sfm", "2026", issued="2024-01-10"), said("sfm", "2024", issued="2025-06-01")
    assert found([said("pll", "2025"), earlier]) == [("conflict", "pll", "sfm", 12)]
    assert found([said("pll", "2025"), earlier, later]) == []


def test_an_actual_undated_statement_is_dated_by_its_document():
    in_use = said("pll", None, status="actual", issued="2025-03-01")
    assert found([in_use, said("sfm", "2026")]) == [("conflict", "pll", "sfm", 10)]
    assert found([in_use]) == []  # what has happened needs no dated prerequisite


def test_each_kind_needs_its_phase_and_coordination_orders_nothing():
    statements = [said("pll", "2025"), said("sfm", "2024", phase="utvikling_begrenset_utproving"), said("sfm", "2026")]
    assert found(statements, needs("pll", "sfm", "integratesWith")) == []
    assert found(statements, needs("pll", "sfm", "requires")) == [("conflict", "pll", "sfm", 12)]
    assert found(statements, needs("pll", "sfm", "coordinatedWith")) == []


def test_a_prerequisite_dated_only_in_an_earlier_phase_is_ready_no_sooner_than_that():
    trial = said("sfm", "2026", phase="utvikling_begrenset_utproving")
    assert found([said("pll", "2025"), trial]) == [("conflict", "pll", "sfm", 12)]
    assert found([said("pll", "2027"), trial]) == []
    tentative = said("sfm", "2026", phase="tilpasning_utvidet_utproving", status="tentative")
    assert found([said("pll", "2025"), tentative]) == [("possible", "pll", "sfm", 12)]


def test_two_kinds_between_one_pair_give_one_conflict_under_the_stricter():
    statements = [said("pll", "2025"), said("sfm", "2024", phase="utvikling_begrenset_utproving"),
                  said("sfm", "2026")]
    edges = (needs("pll", "sfm", "integratesWith"), needs("pll", "sfm", "requires"))
    schedule = Schedule(statements, PHASES, RULES)
    [conflict] = conflicts(schedule, edges)
    assert (conflict.severity, conflict.prerequisite.phase.notation, len(conflict.edges)) == \
        ("conflict", "innforing", 2)


def test_rules_from_a_file_change_the_phase_a_kind_needs(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"default": {"dependent": "innforing", "prerequisite": "i_drift"}}), encoding="utf-8")
    statements = [said("pll", "2025"), said("sfm", "2024"), said("sfm", "2026", phase="i_drift")]
    assert found(statements) == []
    assert found(statements, rules=load_rules(path)) == [("conflict", "pll", "sfm", 12)]


@pytest.mark.parametrize(("content", "message"), [
    ("{", "Expecting property name"),
    ('{"kinds": {}}', "not schedule rules"),
    ('{"default": {"dependent": "innforing", "prerequisite": "innforing"}, "unordered": ["likes"]}',
     "no dependency kind is called likes"),
])
def test_rules_that_cannot_be_used_are_refused_with_the_reason(tmp_path, content, message):
    path = tmp_path / "rules.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidRules, match=message):
        load_rules(path)


def test_rules_naming_a_phase_not_in_the_value_chain_are_refused(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"default": {"dependent": "innforing", "prerequisite": "ferdig"}}), encoding="utf-8")
    with pytest.raises(InvalidRules, match="'ferdig', which is not in the value chain"):
        found([said("pll", "2025")], rules=load_rules(path))


def graph_of(*edges: Edge) -> DependencyGraph:
    needs: dict[str, list[Edge]] = {}
    for edge in edges:
        needs.setdefault(edge.dependent, []).append(edge)
    return DependencyGraph(needs, {})


def test_the_critical_path_runs_through_an_undated_link_to_the_date_beyond():
    statements = [said("a", "2028"), said("b", "2026"), said("d", "2027")]
    graph = graph_of(needs("a", "b"), needs("a", "c"), needs("c", "d"))
    path = critical_path(Schedule(statements, PHASES, RULES), graph, "a", PHASE["innforing"])
    assert [(link.dependent.initiative, link.prerequisite.initiative, link.slack) for link in path.links] == \
        [("a", "c", None), ("c", "d", None)]
    assert path.binding is not None and path.binding.initiative == "d"
    assert [m.initiative for m in path.undated] == ["c"]


def test_the_critical_path_of_a_cycle_stops_where_it_began():
    statements = [said("a", "2028"), said("b", "2027")]
    graph = graph_of(needs("a", "b"), needs("b", "a"))
    path = critical_path(Schedule(statements, PHASES, RULES), graph, "a", PHASE["innforing"])
    assert [(link.prerequisite.initiative, link.slack) for link in path.links] == [("b", 12)]


def test_an_initiative_without_prerequisites_has_an_empty_path():
    path = critical_path(Schedule([said("a", "2028")], PHASES, RULES), graph_of(), "a", PHASE["innforing"])
    assert path.links == () and path.binding is None and path.target.first == 2028 * 12
