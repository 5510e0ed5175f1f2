"""Turn :class:`~ingest.model.Facts` into the RDF triples of the document's own named graph."""

import pyoxigraph as ox

import ontology
from ingest.model import Facts
from ingest.rdf_evidence import (
    DCTERMS,
    PROV,
    RDF,
    SKOS,
    VK,
    EvidenceWriter,
    Triple,
    date_literal,
    decimal,
    norwegian,
    period_literal,
    slug_of,
)
from ingest.rdf_records import record_triples
from ontology import LEADING_ROLES, mint

_TRUE = ox.Literal(True)
ENTITY_CLASSES = {kind: ox.NamedNode(cls) for kind, cls in ontology.ENTITY_CLASSES.items()}


def document_iri(slug: str) -> str:
    """Return the IRI of the document with ``slug``."""
    return mint("document", slug)


def facts_to_triples(facts: Facts) -> list[Triple]:
    """Return every triple of ``facts``, each once: the graph of their document (named by
    :func:`ontology.document_graph`)."""
    doc = facts.document
    doc_iri = ox.NamedNode(document_iri(doc.slug))
    triples: list[Triple] = [
        (doc_iri, RDF.type, VK.Document),
        (doc_iri, DCTERMS.title, norwegian(doc.title)),
        (doc_iri, DCTERMS.source, ox.Literal(doc.name)),
        (doc_iri, DCTERMS.format, ox.Literal(doc.media_type)),
        (doc_iri, VK.contentHash, ox.Literal(doc.content_hash)),
        (doc_iri, VK.text, ox.Literal(doc.text)),
    ]
    if doc.url:
        triples.append((doc_iri, PROV.hadPrimarySource, ox.NamedNode(doc.url)))
    if facts.issued:
        triples.append((doc_iri, DCTERMS.issued, date_literal(facts.issued)))
    evidence = EvidenceWriter(doc_iri, doc.slug, doc.text, triples)
    for entity in facts.entities:
        iri = ox.NamedNode(entity.iri)
        triples += [(iri, RDF.type, ENTITY_CLASSES[entity.kind]),
                    (iri, SKOS.prefLabel, norwegian(entity.label)), (iri, VK.mentionedIn, doc_iri)]
        triples += [(iri, SKOS.altLabel, norwegian(alt)) for alt in entity.alt_labels]
        if entity.discovered:
            triples += [(iri, VK.discovered, _TRUE),
                        (iri, VK.confidence, decimal(entity.confidence))]
    stated: dict[tuple[str, str, str], list] = {}
    for dep in facts.dependencies:
        stated.setdefault((dep.prerequisite, dep.kind, dep.dependent), []).append(dep)
    for (prerequisite, kind, dependent), deps in stated.items():
        # one node per document and edge: each document keeps its own confidence and evidence
        node = ox.NamedNode(mint("dependency", f"{doc.slug}--{slug_of(prerequisite)}--{kind}--{slug_of(dependent)}"))
        triples += [(node, RDF.type, VK.Dependency), (node, VK.prerequisite, ox.NamedNode(prerequisite)),
                    (node, VK.dependent, ox.NamedNode(dependent)), (node, VK.dependencyKind, VK[kind]),
                    (node, VK.confidence, decimal(max(d.confidence for d in deps))),
                    (ox.NamedNode(dependent), VK.dependsOn, ox.NamedNode(prerequisite))]
        triples += [(node, PROV.wasDerivedFrom, evidence.write(d.evidence)) for d in deps]
    for phase in facts.phases:
        ev = evidence.write(phase.evidence)
        node = ox.NamedNode(mint("phase-statement", f"{doc.slug}-{phase.evidence.start}-{slug_of(phase.initiative)}-"
                                                    f"{phase.phase}"))
        triples += [(node, RDF.type, VK.PhaseStatement), (node, VK.initiative, ox.NamedNode(phase.initiative)),
                    (node, VK.phase, VK[phase.phase]), (node, VK.status, VK[phase.status]),
                    (node, PROV.wasDerivedFrom, ev)]
        if phase.date:
            triples += [(node, VK.date, date_literal(phase.date)), (node, VK.dateText, ox.Literal(phase.date_text)),
                        (node, VK.period, period_literal(phase.period))]
        if phase.scope:
            triples.append((node, VK.scope, ox.NamedNode(phase.scope) if phase.scope.startswith("http")
                            else norwegian(phase.scope)))
    for goal in facts.goals:
        node = ox.NamedNode(goal_iri(goal.notation))
        triples += [(node, RDF.type, VK.SubGoal if goal.parent else VK.StrategicGoal),
                    (node, SKOS.notation, ox.Literal(goal.notation)),
                    (node, SKOS.prefLabel, norwegian(goal.label)),
                    (node, SKOS.inScheme, VK.Goals), (node, PROV.wasDerivedFrom, evidence.write(goal.evidence))]
        if goal.parent:
            triples.append((node, SKOS.broader, ox.NamedNode(goal_iri(goal.parent))))
    triples += [(ox.NamedNode(link.initiative), VK.servesGoal, ox.NamedNode(goal_iri(link.notation)))
                for link in facts.goal_links]
    for role in facts.roles:
        node = ox.NamedNode(mint("role", f"{slug_of(role.actor)}--{role.kind}--{slug_of(role.initiative)}"))
        triples += [(node, RDF.type, VK.Role), (node, VK.actor, ox.NamedNode(role.actor)),
                    (node, VK.initiative, ox.NamedNode(role.initiative)), (node, VK.roleKind, VK[role.kind]),
                    (node, PROV.wasDerivedFrom, evidence.write(role.evidence))]
        if role.kind in LEADING_ROLES:
            triples.append((ox.NamedNode(role.initiative), VK.ledBy, ox.NamedNode(role.actor)))
    triples += record_triples(facts, evidence)
    return list(dict.fromkeys(triples))


def goal_iri(notation: str) -> str:
    """Return the IRI of the goal or subgoal with ``notation`` ("2" or "2.B")."""
    return mint("subgoal" if "." in notation else "goal", notation)


