"""The dataset of an update's WHERE given by the SPARQL 1.1 Protocol: ``using-graph-uri`` and
``using-named-graph-uri``.

The protocol gives these parameters the meaning of USING and USING NAMED clauses on every operation
that has a WHERE, and refuses them beside an update that declares its own dataset (USING, USING
NAMED or WITH). A remote store receives them as parameters; pyoxigraph takes no dataset for an
update, so the embedded store receives the update with the clauses written in. The update is read
as SPARQL tokens — strings, IRIs, comments and groups — so a WHERE in a string, a comment or a
subquery is never taken for an operation's.
"""

import re
from dataclasses import dataclass
from typing import NamedTuple

import pyoxigraph as ox

from graph.errors import ProtocolError

_TOKENS = re.compile(r"""
    (?P<string>'''(?:(?:''|')?(?:[^'\\]|\\.))*'''|\"\"\"(?:(?:\"\"|\")?(?:[^"\\]|\\.))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<open>\{) | (?P<close>\})
  | (?P<word>[?$@]?(?:[\w.:%-]|\\.)+)
  | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)


class _Part(NamedTuple):
    """A top-level part of an update: a word (keyword, prefixed name, ...) or a whole braced group."""

    kind: str  # "word" or "group"
    start: int
    end: int
    text: str  # a word in upper case; a group's text


@dataclass(frozen=True)
class UpdateDataset:
    """The graphs an update's WHERE reads: merged into its default graph, and as named graphs.

    >>> UpdateDataset(default=("https://example.org/a",)).clauses()
    'USING <https://example.org/a>'
    """

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for graph in (*self.default, *self.named):
            try:
                ox.NamedNode(graph)
            except ValueError as exc:
                raise ProtocolError(f"the graph {graph!r} is not an IRI: {exc}") from exc

    def __bool__(self) -> bool:
        return bool(self.default or self.named)

    def params(self) -> list[tuple[str, str]]:
        """Return the dataset as the protocol's request parameters."""
        return [("using-graph-uri", g) for g in self.default] + [("using-named-graph-uri", g) for g in self.named]

    def clauses(self) -> str:
        """Return the dataset as USING and USING NAMED clauses."""
        return " ".join([f"USING {ox.NamedNode(g)}" for g in self.default]
                        + [f"USING NAMED {ox.NamedNode(g)}" for g in self.named])


def check_no_own_dataset(update: str) -> None:
    """Raise ProtocolError if ``update`` declares a dataset (USING, USING NAMED, WITH), which the protocol's
    parameters may not override.

    >>> check_no_own_dataset("INSERT { ?s ?p 'WITH' } WHERE { ?s ?p ?o }")
    >>> check_no_own_dataset("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    graph.errors.ProtocolError: using-graph-uri and using-named-graph-uri cannot go with USING or WITH in the update
    """
    if any(part.kind == "word" and part.text in ("USING", "WITH") for part in _top_level(update)):
        raise ProtocolError("using-graph-uri and using-named-graph-uri cannot go with USING or WITH in the update")


def written_in(update: str, dataset: UpdateDataset) -> str:
    """Return ``update`` with ``dataset`` as USING clauses before the WHERE of each operation; a
    ``DELETE WHERE { P }`` becomes ``DELETE { P } USING ... WHERE { P }``, which it abbreviates.

    >>> written_in("DELETE WHERE { ?s ?p 1 } ; INSERT { ?s ?p 2 } WHERE { ?s ?p 3 }",
    ...            UpdateDataset(default=("urn:g",)))
    'DELETE { ?s ?p 1 } USING <urn:g> WHERE { ?s ?p 1 } ; INSERT { ?s ?p 2 } USING <urn:g> WHERE { ?s ?p 3 }'
    """
    check_no_own_dataset(update)
    parts, pieces, cursor = _top_level(update), [], 0
    for index, part in enumerate(parts):
        if part.kind != "word" or part.text != "WHERE":
            continue
        inserted = dataset.clauses() + " "
        if index and parts[index - 1].text == "DELETE":  # the short form: its pattern is also the template
            if index + 1 == len(parts) or parts[index + 1].kind != "group":
                continue  # no pattern follows: the store reports the syntax error
            inserted = parts[index + 1].text + " " + inserted
        pieces += [update[cursor:part.start], inserted]
        cursor = part.start
    return "".join(pieces) + update[cursor:]


def _top_level(update: str) -> list[_Part]:
    """Return the words outside every braced group, and each outermost group whole, in order."""
    parts: list[_Part] = []
    depth = opened = 0
    for token in _TOKENS.finditer(update):
        kind = token.lastgroup
        if kind == "open":
            opened = token.start() if depth == 0 else opened
            depth += 1
        elif kind == "close" and depth > 0:
            depth -= 1
            if depth == 0:
                parts.append(_Part("group", opened, token.end(), update[opened:token.end()]))
        elif kind == "word" and depth == 0:
            parts.append(_Part("word", token.start(), token.end(), token.group().upper()))
    return parts
