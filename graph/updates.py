"""The SPARQL Updates of Veikart's own writes: each replaces or removes one named graph and stamps the
state graph with a fresh revision, in one request, so the write and its revision land together.

Only terms the store serialises itself go into the text: graph IRIs pass pyoxigraph's IRI check and
the triples arrive as N-Triples.
"""

import uuid

import pyoxigraph as ox

from ontology import STATE_GRAPH, VK

_STATE = ox.NamedNode(STATE_GRAPH)
_REVISION = ox.NamedNode(str(VK.revision))


def new_revision() -> str:
    """Return a revision no other write has used."""
    return uuid.uuid4().hex


def replace_graph(graph: str, ntriples: str, revision: str) -> str:
    """Return the update that replaces the named graph ``graph`` with the N-Triples ``ntriples``.

    >>> "INSERT DATA" in replace_graph("https://example.org/g", "", "r1")
    True
    """
    name = ox.NamedNode(graph)
    if not ntriples.strip():  # an empty graph is no graph
        return remove_graph(graph, revision)
    # Every read comes before the first write: one DELETE whose WHERE finds the old triples and both old
    # revisions, then one INSERT DATA. Oxigraph reads a transaction's pending writes back slowly, and a read
    # after a write made the whole update a third slower; the old triples go by pattern, as DROP and CLEAR
    # GRAPH cost as much again as the insert.
    fresh = ox.Literal(revision)
    return (f"DELETE {{ GRAPH {name} {{ ?s ?p ?o }} GRAPH {_STATE} {{ {name} {_REVISION} ?old . "
            f"{_STATE} {_REVISION} ?stamp }} }}\n"
            f"WHERE {{ {{ GRAPH {name} {{ ?s ?p ?o }} }} UNION {{ GRAPH {_STATE} {{ {name} {_REVISION} ?old }} }} "
            f"UNION {{ GRAPH {_STATE} {{ {_STATE} {_REVISION} ?stamp }} }} }} ;\n"
            f"INSERT DATA {{ GRAPH {name} {{\n{ntriples}}}\n"
            f"GRAPH {_STATE} {{ {name} {_REVISION} {fresh} . {_STATE} {_REVISION} {fresh} }} }}")


def remove_graph(graph: str, revision: str) -> str:
    """Return the update that removes the named graph ``graph`` and its revision."""
    name = ox.NamedNode(graph)
    return (f"DROP SILENT GRAPH {name} ;\nDELETE WHERE {{ GRAPH {_STATE} {{ {name} {_REVISION} ?old }} }} ;\n"
            + _set_revision(_STATE, revision))


def restamp_all(revision: str) -> str:
    """Return the update that gives every named graph a fresh revision: after a write whose reach is
    unknown (a SPARQL Update from a client, a store written by other tools)."""
    return (f"DELETE WHERE {{ GRAPH {_STATE} {{ ?graph {_REVISION} ?old }} }} ;\n"
            f"INSERT {{ GRAPH {_STATE} {{ ?graph {_REVISION} ?fresh }} }}\n"
            f"WHERE {{ GRAPH ?graph {{ }} FILTER(?graph != {_STATE}) BIND(STRUUID() AS ?fresh) }} ;\n"
            + _set_revision(_STATE, revision))


def _set_revision(subject: ox.NamedNode, revision: str) -> str:
    """Set the revision of ``subject``: a named graph, or the state graph for the whole store."""
    return (f"DELETE WHERE {{ GRAPH {_STATE} {{ {subject} {_REVISION} ?old }} }} ;\n"
            f"INSERT DATA {{ GRAPH {_STATE} {{ {subject} {_REVISION} {ox.Literal(revision)} }} }}")
