"""Synthetic dependency graphs in Veikart's own ontology, as N-Quads, one named graph per 1,000 initiatives.

Initiative ``i`` (from 1) depends on one initiative among the 64 before it, and on a second one in one
case out of ten; each dependency is a qualified ``vk:Dependency`` with its ``vk:dependsOn`` shortcut,
an evidence sentence and its selectors, as ingest writes them (about 20 quads per initiative). The
graph of ``n`` initiatives is the first ``n`` of any larger one, so one start node fits every size.
"""

import random
from collections.abc import Iterator

from ontology import GRAPH_BASE, ID_BASE

CHUNK = 1000
VK = "https://w3id.org/veikart/ontology#"
P = {
    "type": "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
    "label": "<http://www.w3.org/2004/02/skos/core#prefLabel>",
    "derived": "<http://www.w3.org/ns/prov#wasDerivedFrom>",
    "source": "<http://www.w3.org/ns/oa#hasSource>", "selector": "<http://www.w3.org/ns/oa#hasSelector>",
    "exact": "<http://www.w3.org/ns/oa#exact>", "start": "<http://www.w3.org/ns/oa#start>",
    "end": "<http://www.w3.org/ns/oa#end>",
    "quote": "<http://www.w3.org/ns/oa#TextQuoteSelector>", "position": "<http://www.w3.org/ns/oa#TextPositionSelector>",
    **{name: f"<{VK}{name}>" for name in ("Initiative", "Dependency", "Document", "Evidence", "mentionedIn",
                                           "prerequisite", "dependent", "dependencyKind", "confidence", "dependsOn",
                                           "requires", "contentHash")},
}
INTEGER = "^^<http://www.w3.org/2001/XMLSchema#integer>"
DECIMAL = "^^<http://www.w3.org/2001/XMLSchema#decimal>"


def initiative(i: int) -> str:
    return f"{ID_BASE}initiative/tiltak-{i}"


def prerequisites(i: int) -> list[int]:
    """Return what initiative ``i`` depends on (the same for every graph size)."""
    if i == 0:
        return []
    rng = random.Random(i)
    found = {i - 1 - rng.randrange(min(i, 64))}
    if rng.random() < 0.1:
        found.add(i - 1 - rng.randrange(min(i, 64)))
    return sorted(found)


def edges(n: int) -> Iterator[tuple[int, int]]:
    """Yield (dependent, prerequisite) for the graph of ``n`` initiatives."""
    for i in range(n):
        for p in prerequisites(i):
            yield i, p


def nquads(n: int) -> Iterator[str]:
    """Yield the graph of ``n`` initiatives as N-Quads lines."""
    for i in range(n):
        chunk = i // CHUNK
        g = f"<{GRAPH_BASE}document/syntetisk-{chunk}>"
        doc = f"<{ID_BASE}document/syntetisk-{chunk}>"
        if i % CHUNK == 0:
            yield f"{doc} {P['type']} {P['Document']} {g} .\n{doc} {P['contentHash']} \"{chunk}\" {g} .\n"
        me = f"<{initiative(i)}>"
        yield (f"{me} {P['type']} {P['Initiative']} {g} .\n{me} {P['label']} \"Tiltak {i}\"@nb {g} .\n"
               f"{me} {P['mentionedIn']} {doc} {g} .\n")
        for p in prerequisites(i):
            node, ev = f"<{ID_BASE}dependency/tiltak-{p}--requires--tiltak-{i}>", f"<{ID_BASE}evidence/e-{i}-{p}>"
            sentence = f"Tiltak {i} forutsetter at tiltak {p} er innført."
            start = (i % CHUNK) * 60
            yield (f"{node} {P['type']} {P['Dependency']} {g} .\n{node} {P['prerequisite']} <{initiative(p)}> {g} .\n"
                   f"{node} {P['dependent']} {me} {g} .\n{node} {P['dependencyKind']} {P['requires']} {g} .\n"
                   f"{node} {P['confidence']} \"0.9\"{DECIMAL} {g} .\n{node} {P['derived']} {ev} {g} .\n"
                   f"{me} {P['dependsOn']} <{initiative(p)}> {g} .\n"
                   f"{ev} {P['type']} {P['Evidence']} {g} .\n{ev} {P['source']} {doc} {g} .\n"
                   f"{ev} {P['selector']} {ev[:-1]}-q> {g} .\n"
                   f"{ev} {P['selector']} {ev[:-1]}-p> {g} .\n"
                   f"{ev[:-1]}-q> {P['type']} {P['quote']} {g} .\n{ev[:-1]}-q> {P['exact']} \"{sentence}\" {g} .\n"
                   f"{ev[:-1]}-p> {P['type']} {P['position']} {g} .\n"
                   f"{ev[:-1]}-p> {P['start']} \"{start}\"{INTEGER} {g} .\n"
                   f"{ev[:-1]}-p> {P['end']} \"{start + len(sentence)}\"{INTEGER} {g} .\n")
