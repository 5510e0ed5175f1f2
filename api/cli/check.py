"""``veikart check``: the schedule conflicts of the store, each with both phase statements and the evidence;
exit status 1 when one is at least as certain as ``--fail-on`` asks, so that a pipeline that ingests a new
version of a document can stop on it."""

import argparse
import json
import sys

from api.cli import USAGE, Failure, open_store
from api.cli.output import err
from api.models import conflict_out
from graph.conflicts import SEVERITIES, conflicts
from graph.errors import InvalidRules
from graph.readmodel import ReadModel
from graph.records import Conflict, Evidence, Milestone
from graph.schedule import Schedule
from graph.schedule_rules import load_rules
from ontology import local_id


def run(args: argparse.Namespace) -> int:
    try:
        rules = load_rules(args.rules)
        with open_store(args) as store:
            readmodel = ReadModel.of(store)
            initiative = _initiative(args.initiative, readmodel)
            found = [c for c in conflicts(Schedule.of(readmodel, rules), readmodel.edges())
                     if (args.severity is None or c.severity == args.severity)
                     and (initiative is None or initiative in (c.dependent.initiative, c.prerequisite.initiative))]
            if args.format == "json":
                items = [conflict_out(c, readmodel.entity) for c in found]
                print(json.dumps({"items": items, "total": len(items)}, ensure_ascii=False, indent=2))
            else:
                write_text(found, readmodel)
    except InvalidRules as exc:
        raise Failure(str(exc), USAGE) from exc
    worst = SEVERITIES.index(args.fail_on)
    return 1 if any(SEVERITIES.index(c.severity) <= worst for c in found) else 0


def _initiative(name: str | None, readmodel: ReadModel) -> str | None:
    """Return the IRI of the initiative ``name`` the listing is narrowed to, or None; fail on an unknown name."""
    if name is None:
        return None
    initiative = readmodel.find(name)
    if initiative is None:
        raise Failure(f"no initiative is called {name!r}", USAGE)
    return initiative


def write_text(found: list[Conflict], readmodel: ReadModel) -> None:
    """Write each conflict as a line saying what comes before what, and under it the evidence: the
    dependency's sentences, then each end's phase statement; a count to stderr."""
    for conflict in found:
        dependent, prerequisite = conflict.dependent, conflict.prerequisite
        gap = f", {conflict.gap} months apart" if conflict.gap is not None else ""
        sys.stdout.write(f"{conflict.severity}: {_when(dependent, readmodel)} — but {_when(prerequisite, readmodel)}"
                         f"{gap}\n")
        for edge in conflict.edges:
            sys.stdout.write(_evidence(f"{edge.kind}", edge.evidence[0]))
        for end in (dependent, prerequisite):
            if end.statement:
                sys.stdout.write(_evidence(readmodel.entity(end.initiative).label, end.statement.evidence[0]))
    counts = ", ".join(f"{sum(c.severity == s for c in found)} {s}" for s in SEVERITIES)
    err.print(f"{len(found)} found: {counts}" if found else "no schedule conflicts found", soft_wrap=True)


def _when(milestone: Milestone, readmodel: ReadModel) -> str:
    """Say which initiative reaches which phase when: ``PLL innføring 2025 (planned)``."""
    name = readmodel.entity(milestone.initiative).label
    statement = milestone.statement
    if statement is None:
        return f"{name} has no dated {milestone.phase.label.lower()}"
    when = statement.date or (f"by {statement.document_date}" if statement.document_date else "(no date)")
    return f"{name} {statement.phase.label.lower()} {when} ({statement.status})"


def _evidence(what: str, evidence: Evidence) -> str:
    return f"    {what}: «{evidence.text}» {local_id(evidence.document)} {evidence.start}–{evidence.end}\n"
