"""The graph as tables for a spreadsheet: initiatives, dependencies, phase statements, organisations and roles.

One table per kind of record, one row per record, the column headers in Norwegian (bokmål) as the data is;
ids are the entities' URL-safe ids, as in the REST API. A dependency stated in several places has one row per
evidence sentence, so that each row names its sentence and its document.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.readmodel import ReadModel
from graph.records import Entity, PhaseStatement
from ontology import local_id

Cell = str | int | float | None

# The statuses of a phase statement (the notations of vk:StatementStatus) in Norwegian, as the ontology labels them.
STATUS_LABELS = {"planned": "planlagt", "tentative": "tentativ", "actual": "faktisk"}
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Table:
    """A table: its name (a file or sheet name), its column headers and its rows."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def tables(readmodel: ReadModel) -> list[Table]:
    """Return the tables of the graph, each sorted as the read model lists its records."""
    statements = readmodel.phase_statements()
    return [initiatives(readmodel, statements), dependencies(readmodel), phase_statements(readmodel, statements),
            organisations(readmodel), roles(readmodel)]


def initiatives(readmodel: ReadModel, statements: list[PhaseStatement]) -> Table:
    """Return every initiative with its current phase, its first and last dated phase, leads and goals."""
    dates: dict[str, list[str]] = defaultdict(list)
    for statement in statements:
        if statement.start:
            dates[statement.initiative].append(statement.start)
    rows = tuple((i.entity.id, i.entity.label, _joined(i.entity.alt_labels), i.phase.label if i.phase else None,
                  min(dates[i.entity.iri], default=None), max(dates[i.entity.iri], default=None),
                  _joined(lead.label for lead in i.leads), _joined(i.goals), _yes_no(i.discovered))
                 for i in readmodel.initiatives())
    return Table("tiltak", ("id", "Tiltak", "Forkortelser", "Nåværende fase", "Første dato", "Siste dato", "Ledes av",
                            "Mål og delmål", "Oppdaget i teksten"), rows)


def dependencies(readmodel: ReadModel) -> Table:
    """Return every dependency edge, one row per sentence that states it."""
    rows = tuple((local_id(edge.dependent), _label(readmodel, edge.dependent), local_id(edge.prerequisite),
                  _label(readmodel, edge.prerequisite), edge.kind, edge.confidence, evidence.text,
                  local_id(evidence.document))
                 for edge in readmodel.edges() for evidence in edge.evidence)
    return Table("avhengigheter", ("Avhengig id", "Avhengig tiltak", "Forutsetning id", "Forutsetning", "Type",
                                   "Sikkerhet", "Kildesetning", "Dokument"), rows)


def phase_statements(readmodel: ReadModel, statements: list[PhaseStatement]) -> Table:
    """Return every phase statement: the initiative, phase, status, date and scope, with its evidence."""
    rows = tuple((local_id(s.initiative), _label(readmodel, s.initiative), s.phase.label,
                  STATUS_LABELS.get(s.status, s.status), s.date, s.date_text, _scope(s.scope),
                  local_id(s.evidence[0].document), s.document_date, s.evidence[0].text) for s in statements)
    return Table("faseutsagn", ("Tiltak id", "Tiltak", "Fase", "Status", "Dato", "Dato i teksten", "Omfang",
                                "Dokument", "Dokumentdato", "Kildesetning"), rows)


def organisations(readmodel: ReadModel) -> Table:
    """Return every organisation with the number of initiatives it has a role in."""
    rows = tuple((a.entity.id, a.entity.label, _joined(a.entity.alt_labels), len({i.iri for i in a.initiatives}),
                  _yes_no(a.discovered)) for a in readmodel.actors())
    return Table("organisasjoner", ("id", "Organisasjon", "Forkortelser", "Antall tiltak", "Oppdaget i teksten"), rows)


def roles(readmodel: ReadModel) -> Table:
    """Return every role of an organisation in an initiative."""
    rows = tuple((r.actor.id, r.actor.label, r.initiative.id, r.initiative.label, r.role) for r in readmodel.roles())
    return Table("roller", ("Organisasjon id", "Organisasjon", "Tiltak id", "Tiltak", "Rolle"), rows)


def _label(readmodel: ReadModel, iri: str) -> str:
    return readmodel.entity(iri).label


def _scope(scope: Entity | str | None) -> str | None:
    return scope.label if isinstance(scope, Entity) else scope


def _joined(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _yes_no(value: bool) -> str:
    return "ja" if value else "nei"
