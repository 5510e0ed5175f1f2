"""Parse and serialise RDF and SPARQL results: the formats Veikart reads and writes, and the choice
among them by content negotiation.

Every conversion between bytes and terms happens here: the N-Triples of a graph to write, a dataset
to load, an export, the results of a client's query, the rows of the store's own queries, and the
description of an entity. Unparseable data raises InvalidData, a format not offered UnknownFormat
(NotAcceptable when negotiated).
"""

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from graph.errors import InvalidData, NotAcceptable, UnknownFormat
from graph.rows import Row
from graph.terms import from_rdflib, to_python, to_rdflib
from ontology import PREFIXES, STATE_GRAPH

EXPORT_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "trig": (ox.RdfFormat.TRIG, "application/trig"),
    "nquads": (ox.RdfFormat.N_QUADS, "application/n-quads"),
}
LOAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}  # exports that keep their graphs
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
# The media types of an entity's description -> rdflib's serialiser, in order of preference when any will do.
DESCRIPTION_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}
Quad = tuple[Node, Node, Node, Node | None]


# ------------------------------------------------------------------------ negotiation

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
    DESCRIBE), the default first.

    >>> formats_for("CONSTRUCT")[0]
    'text/turtle'
    """
    return list(GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS)


# --------------------------------------------------------------------- query results

def serialize_results(results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
                      accept: str | None) -> tuple[bytes, str]:
    """Serialise SELECT/ASK solutions or CONSTRUCT/DESCRIBE triples as the client asked; return them and
    their media type."""
    if isinstance(results, ox.QueryTriples):
        media = negotiate(accept, formats_for("CONSTRUCT"))
        return results.serialize(format=GRAPH_FORMATS[media]) or b"", media
    media = negotiate(accept, formats_for("SELECT"))
    return results.serialize(format=RESULT_FORMATS[media]) or b"", media


def rows(solutions: ox.QuerySolutions) -> list[Row]:
    """Return SELECT solutions as rows of plain values, one key per selected variable."""
    variables = [v.value for v in solutions.variables]
    return [{var: to_python(solution[var]) for var in variables} for solution in solutions]


def parse_rows(body: bytes) -> list[Row]:
    """Return the rows of SELECT results in SPARQL JSON; raise InvalidData for an ASK's boolean."""
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if not isinstance(solutions, ox.QuerySolutions):
        raise InvalidData("the results of a SELECT query are a boolean")
    return rows(solutions)


# ------------------------------------------------------------------------ RDF graphs

def triples_of(quads: Iterable[Quad]) -> list[ox.Triple]:
    """Return the triples of ``quads`` (rdflib terms, their graph dropped) as pyoxigraph triples."""
    return [ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o, _ in quads]


def terms_ntriples(triples: Iterable[tuple[Any, Any, Any]]) -> str:
    """Return triples of pyoxigraph terms (plain tuples) as N-Triples, as :func:`ntriples` writes them: each term
    writes itself, which spares making a Triple object per line.

    >>> print(terms_ntriples([(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal('a "b"', language="nb"))]))
    <urn:s> <urn:p> "a \\"b\\""@nb .
    <BLANKLINE>
    """
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """Return ``triples`` as N-Triples.

    >>> from rdflib import URIRef
    >>> ntriples(triples_of([(URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o"), None)]))
    '<urn:s> <urn:p> <urn:o> .\\n'
    """
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def turtle_triples(documents: Iterable[bytes]) -> list[ox.Triple]:
    """Return the triples of Turtle documents merged into one graph, each document's blank nodes its own."""
    return [quad.triple for data in documents
            for quad in ox.parse(data, format=ox.RdfFormat.TURTLE, rename_blank_nodes=True)]


def parse_triples(body: bytes) -> list[ox.Triple]:
    """Return the triples of an N-Triples document."""
    return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))


def rdflib_graph(triples: Iterable[ox.Triple]) -> Graph:
    """Return ``triples`` as an rdflib graph that knows the ontology's prefixes."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in triples:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return graph


def serialize_description(graph: Graph, media_type: str) -> bytes:
    """Return ``graph`` serialised as ``media_type`` (a key of DESCRIPTION_FORMATS), JSON-LD compacted with
    the ontology's prefixes."""
    if media_type == "application/ld+json":
        return graph.serialize(format="json-ld", encoding="utf-8", context=PREFIXES, auto_compact=True)
    return graph.serialize(format=DESCRIPTION_FORMATS[media_type], encoding="utf-8")


# ---------------------------------------------------------------------------- datasets

def parse_dataset(data: bytes, fmt: str) -> dict[str, list[ox.Triple]]:
    """Return the triples of each named graph of the dataset ``data`` (an export as ``fmt``: trig or
    nquads), the state graph left out: revisions are each store's own.

    >>> parse_dataset(b"<urn:s> <urn:p> <urn:o> <https://example.org/g> .", "nquads")
    {'https://example.org/g': [<Triple subject=<NamedNode value=urn:s> predicate=<NamedNode value=urn:p> \
object=<NamedNode value=urn:o>>]}
    """
    if fmt not in LOAD_FORMATS:
        raise UnknownFormat(f"unknown dataset format {fmt!r}; use one of {', '.join(LOAD_FORMATS)}")
    graphs: dict[str, list[ox.Triple]] = {}
    try:
        for quad in ox.parse(data, format=LOAD_FORMATS[fmt]):
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise InvalidData("the data has triples outside a named graph; Veikart keeps every fact in one")
            if quad.graph_name.value != STATE_GRAPH:
                graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    except SyntaxError as exc:
        raise InvalidData(f"the data is not valid {fmt}: {exc}") from exc
    return graphs


def serialize_dataset(quads: list[ox.Quad], fmt: str) -> tuple[bytes, str]:
    """Return ``quads`` serialised as ``fmt`` (turtle, trig, nquads; Turtle holds the union of the graphs) and
    its media type."""
    if fmt not in EXPORT_FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    rdf_format, media_type = EXPORT_FORMATS[fmt]
    if fmt in ("trig", "nquads"):
        data = ox.serialize(quads, format=rdf_format)
    else:
        triples = list(dict.fromkeys(q.triple for q in quads))
        data = ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)
    return data or b"", media_type
