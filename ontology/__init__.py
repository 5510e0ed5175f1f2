"""The Veikart ontology: namespace constants, IRI minting and loaders for the Turtle files."""

from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, QB, RDF, RDFS, SH, SKOS, XSD

from ontology.identifiers import (
    BASE,
    CONTEXT,
    GRAPH_BASE,
    ID_BASE,
    LEXICON_GRAPH,
    ONTOLOGY_GRAPH,
    STATE_GRAPH,
    document_graph,
    local_id,
    mint,
    slugify,
)
from ontology.namespace import VK

OA = Namespace("http://www.w3.org/ns/oa#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")  # unitMeasure, for Data Cube
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")  # the datatype of Extended Date/Time Format literals
ENTITY_CLASSES = {"initiative": VK.Initiative, "organization": ORG.Organization}  # an entity's kind and its class

# The notations of the concepts of vk:DependencyKinds, as the REST API names them (a test keeps them in step).
DEPENDENCY_KINDS = ("requires", "buildsOn", "follows", "integratesWith", "coordinatedWith")
# The notations of the concepts of vk:RoleKinds whose actor leads the initiative: the roles vk:ledBy stands for.
LEADING_ROLES = ("lead", "responsible")

HERE = Path(__file__).parent
ONTOLOGY_FILE = HERE / "veikart.ttl"
CONTEXT_FILE = HERE / "context.jsonld"
SHAPES_FILE = HERE / "shapes.ttl"
LEXICON_DIR = HERE / "lexicon"

PREFIXES = {
    "vk": str(VK),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
    "edtf": "http://id.loc.gov/datatypes/edtf/",
    "foaf": str(FOAF),
    "qb": str(QB),
    "sdmx-attribute": str(SDMX_ATTRIBUTE),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
}


def lexicon_files() -> list[Path]:
    """Return the Turtle files of the domain lexicon, sorted by name."""
    return sorted(LEXICON_DIR.glob("*.ttl"))


def load_ontology() -> Graph:
    """Parse the ontology into an rdflib graph.

    >>> (VK.Initiative, RDF.type, OWL.Class) in load_ontology()
    True
    """
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def load_lexicon() -> Graph:
    """Parse every lexicon file into one rdflib graph."""
    g = Graph()
    for path in lexicon_files():
        g.parse(path, format="turtle")
    return g


def load_shapes() -> Graph:
    """Parse the SHACL shapes into an rdflib graph."""
    return Graph().parse(SHAPES_FILE, format="turtle")


__all__ = [
    "BASE", "CONTEXT", "CONTEXT_FILE", "DCTERMS", "DEPENDENCY_KINDS", "EDTF", "ENTITY_CLASSES", "FOAF", "GRAPH_BASE",
    "ID_BASE", "LEADING_ROLES", "LEXICON_GRAPH", "OA", "ONTOLOGY_FILE", "ONTOLOGY_GRAPH", "ORG", "OWL", "PREFIXES",
    "PROV", "QB", "RDF", "RDFS", "SDMX_ATTRIBUTE", "SH", "SHAPES_FILE", "STATE_GRAPH", "SKOS", "VK", "XSD",
    "document_graph", "lexicon_files", "load_lexicon", "load_ontology", "load_shapes", "local_id", "mint", "slugify",
]
