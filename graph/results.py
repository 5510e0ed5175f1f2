"""Serialise SPARQL results by content negotiation: one function behind every endpoint."""

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from graph.errors import NotAcceptable

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
    """Return the offered media type the Accept header prefers (RFC 9110, with werkzeug's parser): the
    most specific matching range sets a type's quality, so ``q=0`` refuses a type even when a wildcard
    admits its kind; among equals the first offered wins. No header, or one of which no range parses,
    accepts anything. Media type parameters other than ``q`` (a charset) do not narrow a range: no type
    offered here has any.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", ["application/sparql-results+json",
    ...           "application/sparql-results+xml", "text/csv"])
    'application/sparql-results+xml'
    >>> negotiate("text/*;q=0.5, text/csv;q=0", ["text/csv", "text/tab-separated-values"])
    'text/tab-separated-values'
    >>> negotiate("text/csv; charset=utf-8", ["application/sparql-results+json", "text/csv"])
    'text/csv'
    >>> negotiate("text/csv;q=high", ["application/sparql-results+json", "text/csv"])
    'application/sparql-results+json'
    >>> negotiate("text/csv;q=0", ["text/csv"])
    Traceback (most recent call last):
    ...
    graph.errors.NotAcceptable: none of the requested media types (text/csv;q=0) is offered; use one of text/csv
    """
    ranges = MIMEAccept([(value.split(";", 1)[0].strip(), quality)
                         for value, quality in parse_accept_header(accept or "", MIMEAccept)])
    if not ranges:
        return offered[0]
    chosen = ranges.best_match(offered)
    if chosen is None:
        raise NotAcceptable(f"none of the requested media types ({accept}) is offered; use one of "
                            f"{', '.join(offered)}", offered)
    return chosen


def formats_for(form: str) -> list[str]:
    """Return the media types offered for the results of a query of ``form`` (SELECT, ASK, CONSTRUCT or
    DESCRIBE), the default first."""
    return list(GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS)


def serialize_results(results, accept: str | None) -> tuple[bytes, str]:
    """Serialise SELECT/ASK solutions or CONSTRUCT/DESCRIBE triples as the client asked."""
    if isinstance(results, ox.QueryTriples):
        media = negotiate(accept, formats_for("CONSTRUCT"))
        return results.serialize(format=GRAPH_FORMATS[media]) or b"", media
    media = negotiate(accept, formats_for("SELECT"))
    return results.serialize(format=RESULT_FORMATS[media]) or b"", media
