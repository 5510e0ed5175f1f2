"""The graph as JSON-LD framed per initiative: each initiative a tree with its phase statements and the
dependencies it states, each with its evidence, compacted with the project's context.

The context is ``ontology/context.jsonld``, named by its stable IRI (``ontology.CONTEXT``) and served by the
app; pyld reads it through a document loader that knows only that file, so neither compacting nor framing
ever fetches anything from the network. The terms are the ontology's: read as RDF, the export says what the
store says (vk:dependsOn, qualified vk:Dependency nodes, Web Annotation evidence).
"""

import json
from functools import cache
from typing import Any

from pyld import jsonld as pyld
from pyld.jsonld import JsonLdError

from graph.readmodel import ReadModel
from graph.records import Edge, Entity, Evidence, PhaseStatement
from ontology import CONTEXT, CONTEXT_FILE, VK, mint

Node = dict[str, Any]
FRAME: Node = {
    "@context": CONTEXT,
    "@type": "Initiative",
    "dependsOn": {"@embed": "@never"}, "ledBy": {"@embed": "@never"}, "servesGoal": {"@embed": "@never"},
    "phaseStatements": {"@embed": "@always", "initiative": {"@embed": "@never"}},
    "dependencies": {"@embed": "@always", "prerequisite": {"@embed": "@never"}, "dependent": {"@embed": "@never"}},
}
DATE_TYPES = {1: "xsd:gYear", 2: "xsd:gYearMonth", 3: "xsd:date"}  # by the number of parts of an ISO 8601 date


def jsonld(readmodel: ReadModel) -> bytes:
    """Return the initiatives of ``readmodel`` as JSON-LD, compacted with the project's context and framed per
    initiative (UTF-8)."""
    nodes = [*_initiatives(readmodel), *map(_statement, readmodel.phase_statements()),
             *map(_dependency, readmodel.edges())]
    framed = pyld.frame({"@context": CONTEXT, "@graph": nodes}, FRAME,
                        options={"documentLoader": load_document, "omitGraph": False, "embed": "@once"})
    return json.dumps(framed, ensure_ascii=False, indent=1).encode("utf-8")


def load_document(url: str, options: object = None) -> Node:
    """Return the project's context when ``url`` names it; refuse any other document: nothing is fetched."""
    if url != CONTEXT:
        raise JsonLdError(f"only the context {CONTEXT} is known here; {url} is not fetched", "jsonld.LoadDocumentError",
                          code="loading document failed")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": _context()}


@cache
def _context() -> Node:
    context: Node = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return context


def _initiatives(readmodel: ReadModel) -> list[Node]:
    """Return a node per initiative: names, leads, goals it serves and what it depends on."""
    goals = {g.notation: mint("subgoal" if "." in g.notation else "goal", g.notation)
             for goal in readmodel.goals() for g in (goal, *goal.subgoals)}
    needs = readmodel.dependency_graph().needs
    return [{"id": i.entity.iri, "type": "Initiative", **_names(i.entity), "discovered": i.discovered,
             "dependsOn": sorted({e.prerequisite for e in needs.get(i.entity.iri, ())}),
             "ledBy": [lead.iri for lead in i.leads], "servesGoal": [goals[g] for g in i.goals if g in goals]}
            for i in readmodel.initiatives()]


def _statement(statement: PhaseStatement) -> Node:
    """Return the node of a phase statement: the phase, status, dates and scope, with its evidence."""
    node: Node = {"type": "PhaseStatement", "initiative": statement.initiative,
                  "phase": str(VK[statement.phase.notation]), "status": str(VK[statement.status]),
                  "evidence": [_evidence(e) for e in statement.evidence]}
    if statement.start:
        node["date"] = {"@value": statement.start, "@type": DATE_TYPES[len(statement.start.split("-"))]}
    if statement.date and statement.date != statement.start:
        node["period"] = statement.date
    if statement.date_text:
        node["dateText"] = statement.date_text
    if statement.scope is not None:
        node["scope"] = {"@id": statement.scope.iri} if isinstance(statement.scope, Entity) else statement.scope
    return node


def _dependency(edge: Edge) -> Node:
    """Return the qualified node of a dependency edge: its ends, kind, confidence and evidence."""
    return {"type": "Dependency", "prerequisite": edge.prerequisite, "dependent": edge.dependent,
            "kind": str(VK[edge.kind]), "confidence": str(edge.confidence),
            "evidence": [_evidence(e) for e in edge.evidence]}


def _evidence(evidence: Evidence) -> Node:
    """Return a Web Annotation of where a document says so: the document, the sentence and its offsets."""
    return {"type": "Evidence", "source": evidence.document,
            "selectors": [{"type": "TextQuoteSelector", "exact": evidence.text},
                          {"type": "TextPositionSelector", "start": str(evidence.start), "end": str(evidence.end)}]}


def _names(entity: Entity) -> Node:
    return {"label": entity.label, "altLabels": list(entity.alt_labels)}
