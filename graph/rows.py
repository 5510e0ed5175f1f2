"""Read typed values from the rows of a SELECT query.

A row maps each variable the query selects to a plain Python value (``graph.terms.to_python``): an IRI
or a string literal is a str, a number an int or a float, a boolean a bool, an unbound variable None.
Each reader below names the kind of value a column holds and gives it its type, so the code that
builds records from rows says what it expects instead of casting.
"""

Row = dict[str, object]


def iri(row: Row, name: str) -> str:
    """Return the IRI bound to ``name``.

    >>> iri({"entity": "https://example.org/x"}, "entity")
    'https://example.org/x'
    """
    return str(row[name])


def text(row: Row, name: str) -> str:
    """Return the literal bound to ``name`` as text, whatever its datatype.

    >>> text({"notation": 2}, "notation")
    '2'
    """
    value = row[name]
    return value if isinstance(value, str) else str(value)


def text_or_none(row: Row, name: str) -> str | None:
    """Return the literal bound to ``name`` as text, or None when it is unbound or empty.

    >>> text_or_none({"date": ""}, "date") is None
    True
    """
    value = row[name]
    return None if value is None or value == "" else text(row, name)


def integer(row: Row, name: str) -> int:
    """Return the integer bound to ``name`` (a character offset, an order, a count).

    >>> integer({"start": "12"}, "start")
    12
    """
    value = row[name]
    return value if isinstance(value, int) else int(str(value))


def number(row: Row, name: str) -> float:
    """Return the number bound to ``name`` (a confidence).

    >>> number({"confidence": 1}, "confidence")
    1.0
    """
    value = row[name]
    return float(value) if isinstance(value, int | float) else float(str(value))


def flag(row: Row, name: str) -> bool:
    """Return whether ``name`` is bound to a true value (an unbound flag is false).

    >>> flag({"discovered": None}, "discovered")
    False
    """
    return bool(row[name])
