"""Turn :class:`~ingest.model.Facts` into RDF quads in the document's own named graph."""

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from ingest.model import Evidence, Facts
from ontology import DCTERMS, OA, ORG, PROV, RDF, SKOS, VK, XSD, document_graph, mint

Quad = tuple[Node, Node, Node, URIRef]
KIND_CLASS = {"initiative": VK.Initiative, "organization": ORG.Organization}
_CONTEXT = 32


def document_iri(slug: str) -> URIRef:
    """Return the IRI of the document with ``slug``."""
    return URIRef(mint("document", slug))


def facts_to_quads(facts: Facts) -> list[Quad]:
    """Return every triple of ``facts`` in the named graph of their document."""
    doc = facts.document
    graph = URIRef(document_graph(doc.slug))
    doc_iri = document_iri(doc.slug)
    triples: list[tuple[Node, Node, Node]] = [
        (doc_iri, RDF.type, VK.Document),
        (doc_iri, DCTERMS.title, Literal(doc.title, lang="nb")),
        (doc_iri, DCTERMS.source, Literal(doc.name)),
        (doc_iri, DCTERMS.format, Literal(doc.media_type)),
        (doc_iri, VK.contentHash, Literal(doc.content_hash)),
        (doc_iri, VK.text, Literal(doc.text)),
    ]
    evidence = _EvidenceWriter(doc_iri, doc.slug, doc.text, triples)
    for entity in facts.entities:
        iri = URIRef(entity.iri)
        triples += [(iri, RDF.type, KIND_CLASS[entity.kind]), (iri, SKOS.prefLabel, Literal(entity.label, lang="nb")),
                    (iri, VK.mentionedIn, doc_iri)]
        triples += [(iri, SKOS.altLabel, Literal(alt, lang="nb")) for alt in entity.alt_labels]
        if entity.discovered:
            triples += [(iri, VK.discovered, Literal(True)),
                        (iri, VK.confidence, Literal(Decimal(str(entity.confidence)), datatype=XSD.decimal))]
    for dep in facts.dependencies:
        node = URIRef(mint("dependency", f"{_slug(dep.prerequisite)}--{dep.kind}--{_slug(dep.dependent)}"))
        triples += [(node, RDF.type, VK.Dependency), (node, VK.prerequisite, URIRef(dep.prerequisite)),
                    (node, VK.dependent, URIRef(dep.dependent)), (node, VK.dependencyKind, VK[dep.kind]),
                    (node, VK.confidence, Literal(Decimal(str(dep.confidence)), datatype=XSD.decimal)),
                    (node, PROV.wasDerivedFrom, evidence.write(dep.evidence)),
                    (URIRef(dep.dependent), VK.dependsOn, URIRef(dep.prerequisite))]
    for phase in facts.phases:
        ev = evidence.write(phase.evidence)
        node = URIRef(mint("phase-statement", f"{doc.slug}-{phase.evidence.start}-{_slug(phase.initiative)}-"
                                              f"{phase.phase}"))
        triples += [(node, RDF.type, VK.PhaseStatement), (node, VK.initiative, URIRef(phase.initiative)),
                    (node, VK.phase, VK[phase.phase]), (node, VK.status, VK[phase.status]),
                    (node, PROV.wasDerivedFrom, ev)]
        if phase.date:
            triples += [(node, VK.date, _date_literal(phase.date)), (node, VK.dateText, Literal(phase.date_text))]
        if phase.scope:
            triples.append((node, VK.scope, URIRef(phase.scope) if phase.scope.startswith("http")
                            else Literal(phase.scope, lang="nb")))
    for goal in facts.goals:
        node = URIRef(goal_iri(goal.notation))
        triples += [(node, RDF.type, VK.SubGoal if goal.parent else VK.StrategicGoal),
                    (node, SKOS.notation, Literal(goal.notation)),
                    (node, SKOS.prefLabel, Literal(goal.label, lang="nb")),
                    (node, SKOS.inScheme, VK.Goals), (node, PROV.wasDerivedFrom, evidence.write(goal.evidence))]
        if goal.parent:
            triples.append((node, SKOS.broader, URIRef(goal_iri(goal.parent))))
    triples += [(URIRef(link.initiative), VK.servesGoal, URIRef(goal_iri(link.notation))) for link in facts.goal_links]
    for role in facts.roles:
        node = URIRef(mint("role", f"{_slug(role.actor)}--{role.kind}--{_slug(role.initiative)}"))
        triples += [(node, RDF.type, VK.Role), (node, VK.actor, URIRef(role.actor)),
                    (node, VK.initiative, URIRef(role.initiative)), (node, VK.roleKind, VK[role.kind]),
                    (node, PROV.wasDerivedFrom, evidence.write(role.evidence))]
        if role.kind in ("lead", "responsible"):
            triples.append((URIRef(role.initiative), VK.ledBy, URIRef(role.actor)))
    return [(s, p, o, graph) for s, p, o in dict.fromkeys(triples)]


def goal_iri(notation: str) -> str:
    """Return the IRI of the goal or subgoal with ``notation`` ("2" or "2.B")."""
    return mint("subgoal" if "." in notation else "goal", notation)


class _EvidenceWriter:
    """Write each evidence sentence once, as a Web Annotation specific resource with two selectors."""

    def __init__(self, doc_iri: URIRef, slug: str, text: str, triples: list):
        self.doc_iri, self.slug, self.text, self.triples = doc_iri, slug, text, triples
        self.written: dict[tuple[int, int], URIRef] = {}

    def write(self, ev: Evidence) -> URIRef:
        key = (ev.start, ev.end)
        if key in self.written:
            return self.written[key]
        node = URIRef(mint("evidence", f"{self.slug}-{ev.start}-{ev.end}"))
        quote, position = URIRef(f"{node}#quote"), URIRef(f"{node}#position")
        self.triples += [
            (node, RDF.type, VK.Evidence), (node, OA.hasSource, self.doc_iri),
            (node, OA.hasSelector, quote), (node, OA.hasSelector, position),
            (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, Literal(ev.text)),
            (quote, OA.prefix, Literal(self.text[max(0, ev.start - _CONTEXT):ev.start])),
            (quote, OA.suffix, Literal(self.text[ev.end:ev.end + _CONTEXT])),
            (position, RDF.type, OA.TextPositionSelector),
            (position, OA.start, Literal(ev.start)), (position, OA.end, Literal(ev.end)),
        ]
        if ev.section:
            self.triples.append((node, VK.section, Literal(ev.section)))
        self.written[key] = node
        return node


def _slug(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _date_literal(iso: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(iso), XSD.date)
    return Literal(iso, datatype=datatype)
