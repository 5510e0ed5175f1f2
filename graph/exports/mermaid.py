"""The roadmap as a Mermaid gantt chart, for wikis and documents that render Mermaid.

A section per goal (an initiative's first subgoal, else its first goal); in it a task per dated phase of each
initiative, from its date to the next phase's. A tentative statement is marked "(tentativ)" and drawn as an
active task, an actual one as done. An initiative without a date that depends on initiatives in the chart is
placed ``after`` them (and what depends on it after it, in turn), marked as placed by its prerequisites.
The text is in Norwegian (bokmål).
"""

import re
from collections import defaultdict
from datetime import date

from graph.exports.layout import ORDERLESS_KINDS
from graph.exports.tables import STATUS_LABELS
from graph.readmodel import ReadModel
from graph.records import Initiative, PhaseStatement
from ontology import local_id

TAGS = {"tentative": "active", "actual": "done"}  # a status -> how its task is drawn
UNSAFE = re.compile(r"[#:;\n]+")  # what ends a task's name or data in Mermaid's gantt grammar
NO_GOAL = "Uten mål"
DURATION = "365d"  # the length of a task with no next phase to end it: a year, to be seen


def gantt(readmodel: ReadModel) -> bytes:
    """Return the roadmap of ``readmodel`` as the text of a Mermaid gantt chart (UTF-8)."""
    statements: dict[str, list[PhaseStatement]] = defaultdict(list)
    for statement in readmodel.phase_statements():
        if statement.start:
            statements[statement.initiative].append(statement)
    sections: dict[str, list[str]] = defaultdict(list)
    last_task: dict[str, str] = {}
    initiatives = {i.entity.iri: i for i in readmodel.initiatives()}
    goals = _goal_titles(readmodel)
    for iri in readmodel.dependency_graph().order(list(initiatives)).order:  # prerequisites first
        initiative = initiatives[iri]
        tasks = _dated_tasks(initiative, statements[iri], last_task) if statements[iri] \
            else [placed] if (placed := _placed_task(initiative, readmodel, last_task)) else []
        if tasks:
            sections[_section(initiative, goals)] += tasks
    lines = ["%% Veikart: tiltakenes faser på tidslinjen (norsk bokmål)", "gantt",
             "    title Veikart – tidslinje", "    dateFormat YYYY-MM-DD", "    axisFormat %Y"]
    for title in sorted(sections, key=lambda t: (t == NO_GOAL, t)):
        lines += [f"    section {title}", *(f"    {task}" for task in sections[title])]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _dated_tasks(initiative: Initiative, statements: list[PhaseStatement], last_task: dict[str, str]) -> list[str]:
    """Return a task per dated phase statement of ``initiative``, by date, each lasting until the next begins."""
    unique = sorted({(_day(s.start or ""), s.phase.order, s.phase.label, s.status) for s in statements})
    tasks = []
    for number, (start, _, phase, status) in enumerate(unique):
        following = [later for later, *_ in unique[number + 1:] if later > start]
        task_id = f"{_task_id(initiative.entity.iri)}_{number}"
        name = f"{initiative.entity.label} – {phase}" + (f" ({STATUS_LABELS[status]})" if status == "tentative" else "")
        tags = [TAGS[status]] if status in TAGS else []
        tasks.append(f"{_safe(name)} :{', '.join([*tags, task_id, start, following[0] if following else DURATION])}")
        last_task[initiative.entity.iri] = task_id
    return tasks


def _placed_task(initiative: Initiative, readmodel: ReadModel, last_task: dict[str, str]) -> str | None:
    """Return a task for an undated ``initiative`` after the tasks of its prerequisites, None if none has one."""
    needs = readmodel.dependency_graph().needs.get(initiative.entity.iri, ())
    before = sorted({last_task[e.prerequisite] for e in needs
                     if e.kind not in ORDERLESS_KINDS and e.prerequisite in last_task})
    if not before:
        return None
    task_id = _task_id(initiative.entity.iri)
    last_task[initiative.entity.iri] = task_id
    name = f"{initiative.entity.label} (udatert, etter forutsetningene)"
    return f"{_safe(name)} :active, {task_id}, after {' '.join(before)}, {DURATION}"


def _goal_titles(readmodel: ReadModel) -> dict[str, str]:
    """Return the title of each goal's and subgoal's section by its notation."""
    titles = {}
    for goal in readmodel.goals():
        for g in (goal, *goal.subgoals):
            titles[g.notation] = _safe(f"Mål {g.notation} – {g.label}" if g.label else f"Mål {g.notation}")
    return titles


def _section(initiative: Initiative, titles: dict[str, str]) -> str:
    """Return the section of ``initiative``: its first subgoal's, else its first goal's, else the one of no goal."""
    notation = next((g for g in initiative.goals if "." in g), initiative.goals[0] if initiative.goals else None)
    return titles.get(notation, f"Mål {notation}") if notation else NO_GOAL


def _day(start: str) -> str:
    """Return the first day of an ISO 8601 year, month or day; of the year when the month or day is no date's.

    >>> _day("2025"), _day("2025-05"), _day("2025-05-17"), _day("2025-22")
    ('2025-01-01', '2025-05-01', '2025-05-17', '2025-01-01')
    """
    year, month, day = ([int(p) for p in start.split("-")] + [1, 1])[:3]
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return date(year, 1, 1).isoformat()


def _task_id(iri: str) -> str:
    return "t_" + local_id(iri).replace("-", "_")


def _safe(text: str) -> str:
    """Return ``text`` without what would end a task's name in Mermaid's grammar, and shortened past 80 characters.

    >>> _safe("Mål 2.B: Sikker deling; nå")
    'Mål 2.B – Sikker deling, nå'
    """
    cleaned = UNSAFE.sub(lambda m: " –" if m.group().startswith(":") else ",", text)
    return cleaned if len(cleaned) <= 80 else cleaned[:79] + "…"
