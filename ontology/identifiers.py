"""Mint entity IRIs: the one place an IRI for a thing in the graph is made."""

import re
import unicodedata

BASE = "https://w3id.org/veikart/"
ID_BASE = BASE + "id/"
GRAPH_BASE = BASE + "graph/"
LEXICON_GRAPH = GRAPH_BASE + "lexicon"
ONTOLOGY_GRAPH = GRAPH_BASE + "ontology"
CONTEXT = BASE + "context.jsonld"  # the JSON-LD context of the exports (ontology/context.jsonld), served by the app
STATE_GRAPH = GRAPH_BASE + "state"  # the revision of every named graph, and of the store as a whole

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a", "ß": "ss"})
_KIND = re.compile(r"^[a-z][a-z-]*$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(label: str) -> str:
    """Return the URL-safe slug of a label: lower case ASCII words joined by '-'.

    >>> slugify("Helse Sør-Øst RHF")
    'helse-sor-ost-rhf'
    >>> slugify("MyHealth@EU")
    'myhealth-eu'
    """
    folded = unicodedata.normalize("NFKD", label.translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", ascii_only).strip("-")


def mint(kind: str, label: str) -> str:
    """Return the IRI of the entity of ``kind`` whose canonical label is ``label``.

    The same label always gives the same IRI, so one thing named in two documents is one node.

    >>> mint("initiative", "Pasientens legemiddelliste")
    'https://w3id.org/veikart/id/initiative/pasientens-legemiddelliste'
    """
    slug = slugify(label)
    if not _KIND.match(kind) or not slug:
        raise ValueError(f"cannot mint an IRI for kind {kind!r} and label {label!r}")
    return f"{ID_BASE}{kind}/{slug}"


def document_graph(slug: str) -> str:
    """Return the named graph that holds the facts of the document with ``slug``.

    >>> document_graph("veikart-2025")
    'https://w3id.org/veikart/graph/document/veikart-2025'
    """
    return f"{GRAPH_BASE}document/{slugify(slug)}"


def local_id(iri: str) -> str:
    """Return the URL-safe id of an entity IRI: its last path segment.

    >>> local_id("https://w3id.org/veikart/id/initiative/kjernejournal")
    'kjernejournal'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1]
