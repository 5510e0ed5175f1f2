"""Dated statements about initiatives: phase statements and status notes read from rows, put in the order
of time, an initiative's current phase, and the history both make together."""

from collections.abc import Callable

from graph.records import Entity, Evidence, HistoryEntry, Phase, PhaseStatement, StatusNote
from graph.rows import Row, integer, iri, text, text_or_none
from ontology import local_id


def evidence(row: Row) -> Evidence:
    """Return the evidence of a row that has a document, a quoted text and its offsets."""
    return Evidence(iri(row, "document"), text(row, "text"), integer(row, "start"), integer(row, "end"))


def phase_statement(row: Row, entity: Callable[[str], Entity]) -> PhaseStatement:
    """Return the phase statement of a ``phase_statements`` row; ``entity`` names an organisation in scope."""
    scope = text_or_none(row, "scope")
    return PhaseStatement(
        initiative=iri(row, "initiative"),
        phase=Phase(text(row, "notation"), text(row, "phaseLabel"), integer(row, "order")),
        date=text_or_none(row, "period") or text_or_none(row, "date"),
        start=text_or_none(row, "date"),
        date_text=text_or_none(row, "dateText"),
        scope=entity(scope) if scope is not None and scope.startswith("http") else scope,
        status=text(row, "status"),
        document_date=text_or_none(row, "issued"),
        evidence=(evidence(row),),
    )


def in_order(statements: list[PhaseStatement]) -> list[PhaseStatement]:
    """Return ``statements`` by their document's date, then their own date, then their place in the text."""
    return sorted(statements, key=_chronology)


def current_phase(statements: list[PhaseStatement]) -> Phase | None:
    """Return the phase of the latest actual statement, else of the latest of any status; a later document
    supersedes an earlier one."""
    actual = [s for s in statements if s.status == "actual"] or statements
    if not actual:
        return None
    return max(actual, key=lambda s: (*_chronology(s)[:2], s.phase.order)).phase


def status_notes(rows: list[Row]) -> list[StatusNote]:
    """Return the status notes of ``status_notes`` rows in their order; a note repeated (same text and date)
    is one, with the evidence of each."""
    notes: dict[tuple[str, object], tuple[str, str | None, list[Evidence]]] = {}
    for row in rows:
        note = notes.setdefault((text(row, "value"), row["date"]), (text(row, "value"), text_or_none(row, "date"), []))
        note[2].append(evidence(row))
    return [StatusNote(note, date, tuple(found)) for note, date, found in notes.values()]


def history(statements: list[PhaseStatement], notes: list[StatusNote]) -> list[HistoryEntry]:
    """Return phase statements and status notes as one history, oldest first: by the date each starts at
    (a statement's own, else its document's), then by document and place in it."""
    dated = [(s.start or s.document_date, HistoryEntry("phase", s.date or s.document_date, s.evidence[0].text,
                                                       s.phase, s.status, s.evidence)) for s in statements]
    dated += [(n.date, HistoryEntry("status", n.date, n.text, None, None, n.evidence)) for n in notes]
    dated.sort(key=lambda d: (d[0] or "", local_id(d[1].evidence[0].document), d[1].evidence[0].start, d[1].kind,
                              d[1].phase.notation if d[1].phase else "", d[1].text))
    return [entry for _, entry in dated]


def _chronology(statement: PhaseStatement) -> tuple[str, str, int]:
    return statement.document_date or "", statement.start or "", statement.evidence[0].start
