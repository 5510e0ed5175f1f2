"""RDF for what documents record beside facts: meetings, status notes, co-mentions and figures (Data Cube)."""

import pyoxigraph as ox

from ingest.model import Facts, Meeting, Person
from ingest.rdf_evidence import (
    DCTERMS,
    FOAF,
    ORG,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SKOS,
    VK,
    EvidenceWriter,
    Triple,
    date_literal,
    decimal,
    norwegian,
    slug_of,
)
from ontology import mint


def record_triples(facts: Facts, evidence: EvidenceWriter) -> list[Triple]:
    """Return the triples of the meetings, status notes and observations of ``facts``."""
    slug = facts.document.slug
    triples: list[Triple] = []
    for meeting in facts.meetings:
        triples += _meeting(meeting, slug, evidence)
    for index, note in enumerate(facts.status_notes):
        node = ox.NamedNode(mint("status-note", f"{slug}-{note.evidence.start}-{index}"))
        triples += [(node, RDF.type, VK.StatusNote), (node, VK.initiative, ox.NamedNode(note.initiative)),
                    (node, RDF.value, norwegian(note.text)),
                    (node, PROV.wasDerivedFrom, evidence.write(note.evidence))]
        if facts.issued:
            triples.append((node, DCTERMS.date, date_literal(facts.issued)))
    for first, second, count in facts.co_mentions:
        node = ox.NamedNode(mint("co-mention", f"{slug}-{slug_of(first)}--{slug_of(second)}"))
        triples += [(node, RDF.type, VK.CoMention), (node, VK.initiative, ox.NamedNode(first)),
                    (node, VK.initiative, ox.NamedNode(second)), (node, VK.count, ox.Literal(count)),
                    (node, DCTERMS.source, evidence.doc_iri)]
    datasets: dict[str, ox.NamedNode] = {}
    for obs in facts.observations:
        if obs.dataset not in datasets:
            datasets[obs.dataset] = ox.NamedNode(mint("dataset", f"{slug}-{obs.dataset}"))
            triples += [(datasets[obs.dataset], RDF.type, QB.DataSet), (datasets[obs.dataset], QB.structure,
                                                                          VK.FigureStructure),
                        (datasets[obs.dataset], DCTERMS.title, norwegian(obs.dataset)),
                        (datasets[obs.dataset], DCTERMS.source, evidence.doc_iri)]
        node = ox.NamedNode(mint("observation", f"{slug}-{obs.dataset}-{obs.row}-{obs.period}"))
        triples += [(node, RDF.type, QB.Observation), (node, QB.dataSet, datasets[obs.dataset]),
                    (node, VK.rowLabel, norwegian(obs.row)), (node, VK.amount, decimal(obs.amount)),
                    (node, PROV.wasDerivedFrom, evidence.write(obs.evidence))]
        triples += _stated(node, {VK.refPeriod: obs.period and date_literal(obs.period),
                                  SDMX_ATTRIBUTE.unitMeasure: obs.unit and ox.NamedNode(obs.unit),
                                  VK.refSubject: obs.subject and ox.NamedNode(obs.subject)})
    return triples


def _meeting(meeting: Meeting, slug: str, evidence: EvidenceWriter) -> list[Triple]:
    meeting_key = f"{slug_of(meeting.body) if meeting.body else slug}-{meeting.date or slug}"
    node = ox.NamedNode(mint("meeting", meeting_key))
    triples: list[Triple] = [(node, RDF.type, VK.Meeting), (node, DCTERMS.title, norwegian(meeting.title)),
                             (node, DCTERMS.source, evidence.doc_iri),
                             (node, PROV.wasDerivedFrom, evidence.write(meeting.evidence))]
    triples += _stated(node, {DCTERMS.date: meeting.date and date_literal(meeting.date),
                              VK.place: meeting.place and ox.Literal(meeting.place),
                              VK.body: meeting.body and ox.NamedNode(meeting.body)})
    for item in meeting.agenda:
        item_node = ox.NamedNode(mint("agenda-item", f"{meeting_key}-{item.number}"))
        triples += [(item_node, RDF.type, VK.AgendaItem), (item_node, VK.meeting, node),
                    (item_node, SKOS.notation, ox.Literal(item.number)),
                    (item_node, DCTERMS.title, norwegian(item.title)),
                    (item_node, PROV.wasDerivedFrom, evidence.write(item.evidence))]
        if item.start_time:
            triples.append((item_node, VK.startTime, ox.Literal(item.start_time)))
        if item.kind:
            triples.append((item_node, VK.itemKind, norwegian(item.kind)))
        for person in item.presenters:
            triples += [(item_node, VK.presenter, _person_iri(person)), *_person(person)]
        for index, text in enumerate(item.proposals):
            proposal = ox.NamedNode(mint("decision-proposal", f"{meeting_key}-{item.number}-{index + 1}"))
            triples += [(proposal, RDF.type, VK.DecisionProposal), (proposal, VK.agendaItem, item_node),
                        (proposal, RDF.value, norwegian(text))]
    for membership in meeting.memberships:
        member = membership.member
        m_node = ox.NamedNode(mint("membership", f"{slug}-{member.name}"))
        triples += [(m_node, RDF.type, ORG.Membership), (m_node, ORG.member, _person_iri(member)),
                    (m_node, PROV.wasDerivedFrom, evidence.write(membership.evidence)), *_person(member)]
        if meeting.body:
            triples.append((m_node, ORG.organization, ox.NamedNode(meeting.body)))
        if member.organization:
            triples.append((m_node, VK.represents, ox.NamedNode(member.organization)))
        if membership.replaces:
            replaced = Person(membership.replaces)
            triples += [(m_node, VK.replaces, _person_iri(replaced)), *_person(replaced)]
    return triples


def _person_iri(person: Person) -> ox.NamedNode:
    return ox.NamedNode(mint("person", person.name))


def _person(person: Person) -> list[Triple]:
    node = _person_iri(person)
    triples: list[Triple] = [(node, RDF.type, FOAF.Person), (node, FOAF.name, ox.Literal(person.name)),
                             (node, RDFS.label, ox.Literal(person.name))]
    if person.organization:
        triples.append((node, ORG.memberOf, ox.NamedNode(person.organization)))
    return triples


def _stated(node: ox.NamedNode, values: dict[ox.NamedNode, ox.NamedNode | ox.Literal | str]) -> list[Triple]:
    """Return a triple of ``node`` for each property whose value the text states (an unstated one is "")."""
    return [(node, prop, value) for prop, value in values.items() if isinstance(value, ox.NamedNode | ox.Literal)]
