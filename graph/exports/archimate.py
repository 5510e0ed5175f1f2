"""The graph as an ArchiMate 3.1/3.2 model in The Open Group's Open Exchange Format, for Archi and other modellers.

Initiatives are Work Packages, organisations Business Actors assigned to the initiatives they have a role in,
goals and subgoals Goals (a goal aggregates its subgoals, an initiative realizes those it serves). A dependency
is a Triggering from the prerequisite to the dependent, or an Association when its kind only asks the two to be
coordinated; its kind, confidence and first evidence sentence are properties. An initiative's current phase
and the dates of each phase are properties too. One view, "Avhengigheter", lays out the dependency graph in
columns: prerequisites left, dependents right.

Every identifier is an xs:ID made from the entity's id; every name and value is in Norwegian (bokmål), marked
``xml:lang="nb"``.
"""

from collections import defaultdict
from xml.etree import ElementTree as ET

from graph.exports.layout import ORDERLESS_KINDS, columns, rows
from graph.exports.tables import STATUS_LABELS
from graph.readmodel import ReadModel
from graph.records import Edge, Entity, Goal, PhaseStatement
from ontology import local_id

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
LANGUAGE = "nb"
# Property definitions: identifier -> (name, data type).
PROPERTIES = {"prop-phase": ("Nåværende fase", "string"), "prop-iri": ("IRI", "string"),
              "prop-notation": ("Notasjon", "string"), "prop-kind": ("Avhengighetstype", "string"),
              "prop-confidence": ("Sikkerhet", "number"), "prop-evidence": ("Kildesetning", "string"),
              "prop-document": ("Dokument", "string"), "prop-role": ("Rolle", "string")}
Relationship = tuple[str, str, str, dict[str, str]]  # type, source, target, properties
NODE_WIDTH, NODE_HEIGHT, COLUMN_STEP, ROW_STEP, MARGIN = 180, 60, 260, 90, 40


def archimate(readmodel: ReadModel) -> bytes:
    """Return the graph of ``readmodel`` as an ArchiMate exchange file (XML, UTF-8)."""
    ET.register_namespace("", NAMESPACE)
    ET.register_namespace("xsi", XSI)
    model = _sub(None, "model", {"identifier": "veikart", f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    _name(model, "Veikart")
    _text(model, "documentation", "Tiltak, aktører, mål og avhengigheter hentet fra strategidokumenter av Veikart.")
    phase_names = {f"prop-phase-{p.notation}": (f"Fase: {p.label}", "string") for p in readmodel.phases()}
    elements = _sub(model, "elements")
    relationships: list[Relationship] = []
    _initiatives(readmodel, elements)
    _actors(readmodel, elements, relationships)
    _goals(readmodel, elements, relationships)
    written_ids = {element.get("identifier") for element in elements}
    relationships = [r for r in relationships if r[1] in written_ids and r[2] in written_ids]
    edges = [e for e in readmodel.edges() if {_id(e.prerequisite), _id(e.dependent)} <= written_ids]
    first_dependency = len(relationships)
    relationships += [_dependency(edge) for edge in edges]
    written = _sub(model, "relationships")
    for identifier, (kind, source, target, properties) in _identified(relationships).items():
        relationship = _sub(written, "relationship", {"identifier": identifier, "source": source,
                                                      "target": target, f"{{{XSI}}}type": kind})
        _properties(relationship, properties)
    definitions = _sub(model, "propertyDefinitions")
    for identifier, (name, kind) in {**PROPERTIES, **phase_names}.items():
        _name(_sub(definitions, "propertyDefinition", {"identifier": identifier, "type": kind}), name)
    _view(model, readmodel, edges, relationships, first_dependency)
    if not len(elements):  # the schema wants at least one of each where the container is written
        model.remove(elements)
    if not relationships:
        model.remove(written)
    ET.indent(model)
    data: bytes = ET.tostring(model, encoding="utf-8", xml_declaration=True)
    return data


def _initiatives(readmodel: ReadModel, elements: ET.Element) -> None:
    """Write each initiative as a Work Package with its current phase and the dates of each phase."""
    statements: dict[str, list[PhaseStatement]] = defaultdict(list)
    for statement in readmodel.phase_statements():
        statements[statement.initiative].append(statement)
    for initiative in readmodel.initiatives():
        properties = {"prop-iri": initiative.entity.iri}
        if initiative.phase:
            properties["prop-phase"] = initiative.phase.label
        properties.update(_phase_dates(statements[initiative.entity.iri]))
        _element(elements, "WorkPackage", initiative.entity, properties)


def _phase_dates(statements: list[PhaseStatement]) -> dict[str, str]:
    """Return for each phase the dates the statements give it, each with its status, in their order."""
    dates: dict[str, list[str]] = defaultdict(list)
    for s in statements:
        status = STATUS_LABELS.get(s.status, s.status)
        dates[f"prop-phase-{s.phase.notation}"].append(f"{s.date or 'udatert'} ({status})")
    return {key: "; ".join(dict.fromkeys(values)) for key, values in dates.items()}


def _actors(readmodel: ReadModel, elements: ET.Element, relationships: list[Relationship]
            ) -> None:
    """Write each organisation as a Business Actor, assigned to each initiative it has a role in."""
    for actor in readmodel.actors():
        _element(elements, "BusinessActor", actor.entity, {"prop-iri": actor.entity.iri})
    relationships += [("Assignment", _id(role.actor.iri), _id(role.initiative.iri), {"prop-role": role.role})
                      for role in readmodel.roles()]


def _goals(readmodel: ReadModel, elements: ET.Element, relationships: list[Relationship]
           ) -> None:
    """Write goals and subgoals as Goals: a goal aggregates its subgoals; an initiative realizes what it serves."""
    for goal in readmodel.goals():
        _goal(elements, goal, "goal")
        for subgoal in goal.subgoals:
            _goal(elements, subgoal, "subgoal")
            relationships.append(("Aggregation", f"goal-{goal.id}", f"subgoal-{subgoal.id}", {}))
        relationships += [("Realization", _id(initiative.iri), f"{kind}-{served.id}", {})
                          for kind, served in [("goal", goal), *(("subgoal", s) for s in goal.subgoals)]
                          for initiative in served.initiatives]


def _goal(elements: ET.Element, goal: Goal, kind: str) -> None:
    element = _sub(elements, "element", {"identifier": f"{kind}-{goal.id}", f"{{{XSI}}}type": "Goal"})
    _name(element, f"Mål {goal.notation}: {goal.label}" if goal.label else f"Mål {goal.notation}")
    _properties(element, {"prop-notation": goal.notation})


def _dependency(edge: Edge) -> Relationship:
    """Return the relationship of a dependency edge: from the prerequisite to the dependent, with its evidence."""
    properties = {"prop-kind": edge.kind, "prop-confidence": str(edge.confidence)}
    if edge.evidence:
        properties |= {"prop-evidence": edge.evidence[0].text, "prop-document": local_id(edge.evidence[0].document)}
    kind = "Association" if edge.kind in ORDERLESS_KINDS else "Triggering"
    return kind, _id(edge.prerequisite), _id(edge.dependent), properties


def _view(model: ET.Element, readmodel: ReadModel, edges: list[Edge], relationships: list[Relationship],
          first_dependency: int) -> None:
    """Write the view of the dependency graph: a node per initiative in its column, a connection per edge (the
    relationships from ``first_dependency`` on)."""
    column = columns(edges, readmodel.dependency_graph())
    if not column:
        return
    row = rows(column)
    diagrams = _sub(_sub(model, "views"), "diagrams")
    view = _sub(diagrams, "view", {"identifier": "view-dependencies", f"{{{XSI}}}type": "Diagram"})
    _name(view, "Avhengigheter")
    for initiative, number in column.items():
        _sub(view, "node", {"identifier": f"node-{_id(initiative)}", "elementRef": _id(initiative),
                            f"{{{XSI}}}type": "Element", "x": str(MARGIN + number * COLUMN_STEP),
                            "y": str(MARGIN + row[initiative] * ROW_STEP), "w": str(NODE_WIDTH),
                            "h": str(NODE_HEIGHT)})
    for identifier, (_, source, target, _) in _identified(relationships[first_dependency:]).items():
        _sub(view, "connection", {"identifier": f"connection-{identifier}", "relationshipRef": identifier,
                                  f"{{{XSI}}}type": "Relationship", "source": f"node-{source}",
                                  "target": f"node-{target}"})


def _identified(relationships: list[Relationship]) -> dict[str, Relationship]:
    """Return ``relationships`` by identifier: made of the type, the ends and the role or kind, so that the same
    relationship has the same identifier in every export (a modeller can import a later one over an earlier)."""
    return {"-".join([kind.lower(), source, target, *(properties[key] for key in ("prop-role", "prop-kind")
                                                        if key in properties)]): (kind, source, target, properties)
            for kind, source, target, properties in relationships}


def _element(elements: ET.Element, kind: str, entity: Entity, properties: dict[str, str]) -> None:
    element = _sub(elements, "element", {"identifier": _id(entity.iri), f"{{{XSI}}}type": kind})
    _name(element, entity.label)
    if entity.alt_labels:
        _text(element, "documentation", "Også kalt " + ", ".join(entity.alt_labels))
    _properties(element, properties)


def _properties(parent: ET.Element, properties: dict[str, str]) -> None:
    if properties:
        written = _sub(parent, "properties")
        for definition, value in properties.items():
            _text(_sub(written, "property", {"propertyDefinitionRef": definition}), "value", value)


def _id(iri: str) -> str:
    """Return the xs:ID of the entity ``iri``: its kind and id (``initiative-kjernejournal``)."""
    return "-".join(iri.rstrip("/").split("/")[-2:])


def _name(parent: ET.Element, text: str) -> None:
    _text(parent, "name", text)


def _text(parent: ET.Element, tag: str, text: str) -> None:
    _sub(parent, tag, {XML_LANG: LANGUAGE}).text = text


def _sub(parent: ET.Element | None, tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    name = f"{{{NAMESPACE}}}{tag}"
    return ET.Element(name, attributes or {}) if parent is None else ET.SubElement(parent, name, attributes or {})
