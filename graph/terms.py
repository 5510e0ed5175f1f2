"""Convert between plain Python values, rdflib terms and pyoxigraph terms at the store's edge."""

from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {XSD + "integer": int, XSD + "int": int, XSD + "long": int, XSD + "decimal": float,
            XSD + "double": float, XSD + "float": float}


class IRI(str):
    """A string that is an IRI: bound into a query as a named node, not a literal.

    >>> to_term(IRI("https://example.org/x"))
    <NamedNode value=https://example.org/x>
    """


def to_term(value: object) -> ox.NamedNode | ox.Literal:
    """Return the pyoxigraph term for a query parameter: IRI as a node, anything else as a literal."""
    if isinstance(value, IRI):
        return ox.NamedNode(value)
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(str(value))


def from_rdflib(term: Node) -> Any:
    """Return the pyoxigraph term equal to the rdflib ``term`` (a pyoxigraph term is returned as it is)."""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: object) -> Node:
    """Return the rdflib term equal to the pyoxigraph ``term``; a plain string literal stays untyped.

    >>> to_rdflib(ox.Literal("Kjernejournal", language="nb"))
    rdflib.term.Literal('Kjernejournal', lang='nb')
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == XSD + "string" else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")


def to_python(term: object) -> object:
    """Return a plain Python value for a pyoxigraph term: str for nodes, typed values for literals.

    >>> to_python(ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")))
    3
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _NUMERIC:
            try:
                return _NUMERIC[datatype](Decimal(term.value)) if datatype == XSD + "decimal" \
                    else _NUMERIC[datatype](term.value)
            except ValueError:
                return term.value
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return getattr(term, "value", term)
