"""Bind parameters into a SELECT or CONSTRUCT query for a store that takes query text only (the remote store).

The embedded store binds parameters in the query pyoxigraph has parsed (``substitutions``, after
SPARQL-dev SEP-0007): a bound variable must be one the query selects, and its value is fixed before
anything in the query's WHERE group is evaluated, so the group's filters and optional parts see it. The
same answers come from an inline ``VALUES`` block that opens the query's top-level WHERE group. That
group is found by parsing the query with rdflib's SPARQL grammar, so a comment, a string or an IRI
holding ``WHERE {``, a query without the ``WHERE`` keyword, or a subquery or ``EXISTS`` before the
group are never taken for it. The values are terms pyoxigraph serialises; nothing else enters the text.
"""

import threading
from functools import cache

import pyoxigraph as ox
from pyparsing import Keyword, Located, Optional, ParseBaseException, StringEnd, ZeroOrMore
from rdflib.plugins.sparql import parser as sparql
from rdflib.plugins.sparql.algebra import translateQuery

from graph.errors import QuerySyntaxError

# A SELECT query as the SPARQL grammar has it, with the position of its top-level WHERE group kept.
# The comment rule is the one rdflib's grammar already ignores, so its own elements stay as they are.
_SELECT = (sparql.Prologue + sparql.SelectClause + ZeroOrMore(sparql.DatasetClause) + Optional(Keyword("WHERE"))
           + Located(sparql.GroupGraphPattern)("where") + sparql.SolutionModifier + sparql.ValuesClause
           + StringEnd()).ignore(sparql.QueryUnit.ignoreExprs[0])
# A CONSTRUCT query with a template, likewise; every variable of its WHERE group may be bound.
_CONSTRUCT = (sparql.Prologue + Keyword("CONSTRUCT") + sparql.ConstructTemplate + ZeroOrMore(sparql.DatasetClause)
              + Optional(Keyword("WHERE")) + Located(sparql.GroupGraphPattern)("where") + sparql.SolutionModifier
              + sparql.ValuesClause + StringEnd()).ignore(sparql.QueryUnit.ignoreExprs[0])
_parsing = threading.Lock()  # pyparsing does not promise that one grammar may parse in two threads at once


def bind(query: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """Return the text of the SELECT or CONSTRUCT ``query`` with the variables of ``bindings`` bound to their
    values.

    >>> print(bind("SELECT ?s # WHERE { is a comment\\n{ ?s ?p ?o }", {"s": ox.NamedNode("http://e/x")}))
    SELECT ?s # WHERE { is a comment
    { VALUES (?s) { (<http://e/x>) }
     ?s ?p ?o }
    """
    if not bindings:
        return query
    text, opening, selected = _parse(query)
    unselected = sorted(set(bindings) - selected) if selected is not None else []
    if unselected:
        raise ValueError(f"the query does not select ?{unselected[0]}, so it cannot be bound")
    names = list(bindings)
    values = (f"VALUES ({' '.join('?' + n for n in names)}) "
              f"{{ ({' '.join(str(bindings[n]) for n in names)}) }}\n")
    return text[:opening + 1] + " " + values + text[opening + 1:]


@cache
def _parse(query: str) -> tuple[str, int, frozenset[str] | None]:
    """Return the query's text with its Unicode escapes read (the grammar reads them first), the position
    of the ``{`` that opens its WHERE group, and the variables it selects (None for a CONSTRUCT: any)."""
    text = sparql.expandUnicodeEscapes(query)
    with _parsing:
        try:
            opening = _SELECT.parse_string(text, parse_all=True)["where"][0]
            selected = translateQuery(sparql.parseQuery(text)).algebra["PV"]
        except ParseBaseException:
            try:
                return text, _CONSTRUCT.parse_string(text, parse_all=True)["where"][0], None
            except ParseBaseException as exc:
                raise QuerySyntaxError(f"not a SELECT or CONSTRUCT query: {exc}") from exc
    return text, opening, frozenset(str(v) for v in selected)
