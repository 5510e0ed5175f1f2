"""RDF documents served by content negotiation: the service description and entity descriptions."""

from fastapi import Response
from rdflib import Graph

from api.negotiation import negotiated
from ontology import PREFIXES

# media type -> rdflib serializer, in order of preference when any will do
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}


def rdf_response(graph: Graph, media_type: str) -> Response:
    """Return ``graph`` serialised as ``media_type`` (a key of RDF_TYPES), JSON-LD compacted with the
    ontology's prefixes."""
    options = {"context": PREFIXES, "auto_compact": True} if media_type == "application/ld+json" else {}
    body = graph.serialize(format=RDF_TYPES[media_type], encoding="utf-8", **options)
    return negotiated(Response(body, media_type=media_type))
