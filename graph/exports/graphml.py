"""The dependency graph as GraphML, for graph tools (yEd, Gephi, networkx).

A node per initiative that has a dependency, its id the initiative's id; a directed edge per dependency edge,
from the prerequisite to the dependent (what must come first points at what follows), with its kind, confidence
and first evidence sentence. Two edges of different kinds between the same initiatives are parallel edges.
"""

from xml.etree import ElementTree as ET

from graph.readmodel import ReadModel
from ontology import local_id

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
# (id, for, attr.name, attr.type) of each data key
KEYS = [("label", "node", "label", "string"), ("iri", "node", "iri", "string"), ("kind", "edge", "kind", "string"),
        ("confidence", "edge", "confidence", "double"), ("evidence", "edge", "evidence", "string"),
        ("document", "edge", "document", "string")]


def graphml(readmodel: ReadModel) -> bytes:
    """Return every direct dependency edge of ``readmodel`` and the initiatives they join as GraphML."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(_tag("graphml"))
    for key, domain, name, kind in KEYS:
        ET.SubElement(root, _tag("key"), {"id": key, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, _tag("graph"), {"id": "avhengigheter", "edgedefault": "directed"})
    edges = readmodel.edges()
    for initiative in dict.fromkeys(i for e in edges for i in (e.prerequisite, e.dependent)):
        node = ET.SubElement(graph, _tag("node"), {"id": local_id(initiative)})
        _data(node, "label", readmodel.entity(initiative).label)
        _data(node, "iri", initiative)
    for number, edge in enumerate(edges):
        element = ET.SubElement(graph, _tag("edge"), {"id": f"e{number}", "source": local_id(edge.prerequisite),
                                                      "target": local_id(edge.dependent)})
        _data(element, "kind", edge.kind)
        _data(element, "confidence", str(edge.confidence))
        if edge.evidence:
            _data(element, "evidence", edge.evidence[0].text)
            _data(element, "document", local_id(edge.evidence[0].document))
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, _tag("data"), {"key": key}).text = value
