"""RDF documents served by content negotiation: the service description and entity descriptions."""

from fastapi import Response
from rdflib import Graph

from api.negotiation import negotiated
from graph.io import serialize_description


def rdf_response(graph: Graph, media_type: str) -> Response:
    """Return ``graph`` serialised as ``media_type`` (one of ``graph.io.DESCRIPTION_FORMATS``)."""
    return negotiated(Response(serialize_description(graph, media_type), media_type=media_type))
