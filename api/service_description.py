"""The SPARQL 1.1 Service Description of the endpoint, in Turtle."""

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from graph.results import GRAPH_FORMATS, RESULT_FORMATS

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
FORMAT_NAMES = {"application/sparql-results+json": "SPARQL_Results_JSON",
                "application/sparql-results+xml": "SPARQL_Results_XML", "text/csv": "SPARQL_Results_CSV",
                "text/tab-separated-values": "SPARQL_Results_TSV", "text/turtle": "Turtle",
                "application/n-triples": "N-Triples", "application/ld+json": "JSON-LD",
                "application/rdf+xml": "RDF_XML"}


def service_description(endpoint: str, *, updates: bool) -> bytes:
    """Return the description of the endpoint at ``endpoint`` as Turtle."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("format", FORMATS)
    service, dataset = URIRef(endpoint + "#service"), BNode()
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
    g.add((dataset, URIRef("http://purl.org/dc/terms/description"),
           Literal("The default graph is the union of the named graphs: one per document, the ontology and "
                   "the lexicon. SERVICE is refused; queries stop at the configured time limit.", lang="en")))
    return g.serialize(format="turtle").encode("utf-8")
