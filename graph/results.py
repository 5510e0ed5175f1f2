"""Serialise SPARQL results by content negotiation: one function behind every endpoint."""

import pyoxigraph as ox

from graph.errors import UnknownFormat

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def negotiate(accept: str | None, offered: list[str]) -> str:
    """Return the offered media type the Accept header prefers; the first offered when any will do.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", ["application/sparql-results+json",
    ...           "application/sparql-results+xml", "text/csv"])
    'application/sparql-results+xml'
    """
    ranked = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = next((float(p[2:]) for p in params if p.startswith("q=") and _is_number(p[2:])), 1.0)
        ranked.append((-quality, position, media.lower()))
    for quality, _, media in sorted(ranked):
        if quality == 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            return next((o for o in offered if media == "*/*" or o.startswith(media[:-1])), offered[0])
        if media in offered:
            return media
    raise UnknownFormat(f"none of the requested media types ({accept}) is offered; use one of {', '.join(offered)}")


def serialize_results(results, accept: str | None) -> tuple[bytes, str]:
    """Serialise SELECT/ASK solutions or CONSTRUCT/DESCRIBE triples as the client asked."""
    if isinstance(results, ox.QueryTriples):
        media = negotiate(accept, list(GRAPH_FORMATS))
        return results.serialize(format=GRAPH_FORMATS[media]) or b"", media
    media = negotiate(accept, list(RESULT_FORMATS))
    return results.serialize(format=RESULT_FORMATS[media]) or b"", media


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
