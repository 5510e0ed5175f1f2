"""Refuse what the endpoint must not run: federated queries (SERVICE) to hosts not allowed.

The query is parsed, not searched as text, so "SERVICE" in a string or comment is no reason to refuse;
the parse also tells the query's form, which decides the result formats offered.
"""

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from graph.errors import ForbiddenQuery, QuerySyntaxError


def check_query(text: str, *, allowed_hosts: frozenset[str] = frozenset()) -> str:
    """Raise ForbiddenQuery if the query calls a SERVICE outside ``allowed_hosts``; return its form
    (SELECT, ASK, CONSTRUCT or DESCRIBE).

    >>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' }")
    'SELECT'
    >>> check_query("SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    graph.errors.ForbiddenQuery: SERVICE <http://evil.example/sparql> is not allowed
    """
    tree = _parse(parseQuery, text)
    _check(tree, allowed_hosts)
    return str(tree[-1].name).removesuffix("Query").upper()


def check_update(text: str, *, allowed_hosts: frozenset[str] = frozenset()) -> None:
    """Raise ForbiddenQuery if the update calls a SERVICE outside ``allowed_hosts``."""
    _check(_parse(parseUpdate, text), allowed_hosts)


Tree = TypeVar("Tree")  # what a parser of rdflib's grammar returns
_PARSER_LOCK = threading.Lock()  # rdflib's pyparsing grammar keeps state: one parse at a time


def _parse(parser: Callable[[str], Tree], text: str) -> Tree:
    try:
        with _PARSER_LOCK:
            return parser(text)
    except ParseException as exc:
        raise QuerySyntaxError(f"{exc.msg} at line {exc.lineno}, column {exc.col}") from exc


def _check(tree: object, allowed_hosts: frozenset[str]) -> None:
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                target = str(node.get("term"))
                host = target.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
                if host not in allowed_hosts:
                    raise ForbiddenQuery(f"SERVICE <{target}> is not allowed")
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or hasattr(node, "asList"):
            stack.extend(node)
