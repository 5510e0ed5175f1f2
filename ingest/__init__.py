"""Ingest: read files, extract their facts with spaCy rule components, and turn the facts into RDF quads.

Data flows one way: ``read() -> Document -> Extractor.extract() -> Facts -> facts_to_triples()``.
"""

from ingest.errors import EmptyDocument, IngestError, UnreadableDocument, UnsupportedFormat, UnusableName
from ingest.model import Document, Entity, Facts
from ingest.nlp import Extractor
from ingest.rdf import document_iri, facts_to_triples, goal_iri
from ingest.readers import MEDIA_TYPES, read, read_bytes

__all__ = [
    "MEDIA_TYPES", "Document", "EmptyDocument", "Entity", "Extractor", "Facts", "IngestError",
    "UnreadableDocument", "UnsupportedFormat", "UnusableName", "document_iri", "facts_to_triples", "goal_iri", "read",
    "read_bytes",
]
