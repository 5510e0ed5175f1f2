"""Serialising triples: a document's graph written term by term is what the store's N-Triples writer writes."""

import pyoxigraph as ox

from graph import io

S, P = ox.NamedNode("https://w3id.org/veikart/id/initiative/pll"), ox.NamedNode("http://www.w3.org/2004/02/skos/core#x")
OBJECTS = [
    ox.Literal("Pasientens legemiddelliste", language="nb"),
    ox.Literal('sitat "i" anførsel\\bakover\nny linje\tfane\r retur'),
    ox.Literal("\u00e6\u00f8\u00e5 \u2013 \U0001f600 \x01"),
    ox.Literal("2025-03", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")),
    ox.Literal(12), ox.Literal(True), ox.Literal(""),
    ox.NamedNode("https://example.org/sti?q=a%20b#frag"),
]


def test_triples_written_term_by_term_are_the_stores_n_triples() -> None:
    triples = [(S, P, o) for o in OBJECTS]
    written = io.terms_ntriples(triples)
    assert written == io.ntriples([ox.Triple(*t) for t in triples])
    assert [q.triple for q in io.parse_triples(written.encode())] == [ox.Triple(*t) for t in triples]
