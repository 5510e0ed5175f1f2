"""What changed between two documents: initiatives that appear or vanish, phase moves, dependencies
stated or no longer stated — each with the evidence it rests on."""

from graph.catalog import Catalog
from graph.terms import IRI


def changes(catalog: Catalog, before: str, after: str) -> dict:
    """Compare the facts of document ``before`` with those of document ``after`` (document IRIs)."""
    named = {doc: {str(r["entity"]) for r in catalog.store.select("mentions", document=IRI(doc))
                   if catalog.kinds.get(str(r["entity"])) == "initiative"} for doc in (before, after)}
    edges = {doc: _edges(catalog, doc) for doc in (before, after)}
    by_label = catalog.labels.__getitem__
    return {
        "newInitiatives": [catalog.ref(i) for i in sorted(named[after] - named[before], key=by_label)],
        "droppedInitiatives": [catalog.ref(i) for i in sorted(named[before] - named[after], key=by_label)],
        "phaseMoves": _phase_moves(catalog, before, after),
        "newDependencies": [edge for key, edge in edges[after].items() if key not in edges[before]],
        "droppedDependencies": [edge for key, edge in edges[before].items() if key not in edges[after]],
    }


def _edges(catalog: Catalog, document: str) -> dict[tuple, dict]:
    records = catalog.dependencies(document=document)
    return {(e["prerequisite"]["iri"], e["dependent"]["iri"], e["kind"]): e for e in records}


def _phase_moves(catalog: Catalog, before: str, after: str) -> list[dict]:
    latest: dict[str, dict[str, list[dict]]] = {before: {}, after: {}}
    for doc in (before, after):
        for statement in catalog.phase_statements(document=doc):
            latest[doc].setdefault(statement["initiative"], []).append(statement)
    moves = []
    for initiative, statements in sorted(latest[after].items()):
        old = catalog.current_phase(latest[before].get(initiative, []))
        new = catalog.current_phase(statements)
        if new and old != new:
            moves.append({"initiative": catalog.ref(initiative), "from": old, "to": new,
                          "evidence": [e for s in statements if s["phase"]["notation"] == new["notation"]
                                       for e in s["evidence"]]})
    return moves
