"""The SPARQL 1.1 Service Description of the endpoint, with the named graphs of its dataset."""

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from graph.io import GRAPH_FORMATS, RESULT_FORMATS

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
FORMAT_NAMES = {"application/sparql-results+json": "SPARQL_Results_JSON",
                "application/sparql-results+xml": "SPARQL_Results_XML", "text/csv": "SPARQL_Results_CSV",
                "text/tab-separated-values": "SPARQL_Results_TSV", "text/turtle": "Turtle",
                "application/n-triples": "N-Triples", "application/ld+json": "JSON-LD",
                "application/rdf+xml": "RDF_XML"}


def service_description(endpoint: str, graphs: list[str], *, updates: bool) -> Graph:
    """Return the description of the endpoint at ``endpoint`` whose dataset has the named ``graphs``."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("format", FORMATS)
    service, dataset, default_graph = URIRef(endpoint + "#service"), BNode(), BNode()
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if updates:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for media in [*RESULT_FORMATS, *GRAPH_FORMATS]:
        if media in FORMAT_NAMES:
            g.add((service, SD.resultFormat, FORMATS[FORMAT_NAMES[media]]))
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, DCTERMS.description,
           Literal("The default graph is the union of the named graphs: one per document, the ontology and "
                   "the lexicon. SERVICE is refused; queries stop at the configured time limit.", lang="en")))
    g.add((dataset, SD.defaultGraph, default_graph))
    g.add((default_graph, RDF.type, SD.Graph))
    for name in graphs:
        named = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
    return g
