"""What changed between two documents: initiatives that appear or vanish, phase moves, dependencies
stated or no longer stated — each with the evidence it rests on."""

from graph.readmodel import ReadModel
from graph.records import Changes, Edge, EdgeKey, PhaseMove, PhaseStatement
from graph.statements import current_phase


def changes(readmodel: ReadModel, before: str, after: str) -> Changes:
    """Compare the facts of document ``before`` with those of document ``after`` (document IRIs)."""
    named = {doc: {e for e in readmodel.named_in(doc) if readmodel.kinds.get(e) == "initiative"}
             for doc in (before, after)}
    edges = {doc: {e.key: e for e in readmodel.dependencies(document=doc)} for doc in (before, after)}
    by_label = readmodel.labels.__getitem__
    return Changes(
        new_initiatives=tuple(map(readmodel.entity, sorted(named[after] - named[before], key=by_label))),
        dropped_initiatives=tuple(map(readmodel.entity, sorted(named[before] - named[after], key=by_label))),
        phase_moves=_phase_moves(readmodel, before, after),
        new_dependencies=_missing(edges[after], edges[before]),
        dropped_dependencies=_missing(edges[before], edges[after]),
    )


def _missing(edges: dict[EdgeKey, Edge], other: dict[EdgeKey, Edge]) -> tuple[Edge, ...]:
    """Return the edges of ``edges`` that ``other`` does not state, in their order."""
    return tuple(edge for key, edge in edges.items() if key not in other)


def _phase_moves(readmodel: ReadModel, before: str, after: str) -> tuple[PhaseMove, ...]:
    latest: dict[str, dict[str, list[PhaseStatement]]] = {before: {}, after: {}}
    for doc in (before, after):
        for statement in readmodel.phase_statements(document=doc):
            latest[doc].setdefault(statement.initiative, []).append(statement)
    moves = []
    for initiative, statements in sorted(latest[after].items()):
        old = current_phase(latest[before].get(initiative, []))
        new = current_phase(statements)
        if new and old != new:
            evidence = tuple(e for s in statements if s.phase.notation == new.notation for e in s.evidence)
            moves.append(PhaseMove(readmodel.entity(initiative), old, new, evidence))
    return tuple(moves)
