"""Wire ingest to the store: read, analyse, write one document's graph, report what changed."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

from api.models import IngestSummary
from graph import Store, io
from ingest import Document, Facts, document_iri, facts_to_triples
from ontology import (
    LEXICON_GRAPH,
    ONTOLOGY_FILE,
    ONTOLOGY_GRAPH,
    VK,
    document_graph,
    lexicon_files,
)


def install_vocabularies(store: Store) -> None:
    """Write the ontology and the lexicon into their own named graphs, unless they are there from the same
    files: a rewrite would move the store's revision, and every server would reload and drop its ETags."""
    for graph, files in ((ONTOLOGY_GRAPH, [ONTOLOGY_FILE]), (LEXICON_GRAPH, lexicon_files())):
        contents = [f.read_bytes() for f in files]
        digest = hashlib.sha256(b"".join(contents)).hexdigest()
        if store.content_hash(graph, graph) != digest:
            stamp = ox.Triple(ox.NamedNode(graph), ox.NamedNode(VK.contentHash), ox.Literal(digest))
            store.replace_graph_ntriples(graph, io.ntriples([*io.turtle_triples(contents), stamp]))


class Extracts(Protocol):
    """What ingest needs of an extractor: an in-process Extractor or an NlpPool."""

    def extract(self, document: Document, progress: Callable[[int, int], None] | None = None) -> Facts: ...


def ingest_document(store: Store, extractor: Extracts, document: Document, *, force: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> IngestSummary:
    """Analyse ``document`` and replace its graph; an unchanged document (same content hash) is not
    analysed again unless ``force`` says so (after an upgrade that extracts more). ``progress`` hears
    of the sentences analysed."""
    if not force and is_unchanged(store, document):
        return unchanged(document)
    return write_facts(store, extractor.extract(document, progress))


def is_unchanged(store: Store, document: Document) -> bool:
    """Whether the store holds ``document``'s graph from the same text (its content hash)."""
    return store.content_hash(document_graph(document.slug), document_iri(document.slug)) \
        == document.content_hash


def unchanged(document: Document) -> IngestSummary:
    """Return the summary of a document left as it was."""
    return IngestSummary(document=document.slug, name=document.name, changed=False, entities=0, discovered=0,
                         dependencies=0, phases=0, goals=0)


def write_facts(store: Store, facts: Facts) -> IngestSummary:
    """Replace the graph of the document ``facts`` come from with them, in one update; say what it holds."""
    return write_prepared(store, prepare(facts))


@dataclass(frozen=True)
class Prepared:
    """A document's graph ready to be written: its N-Triples and the summary of what it holds. Made where the
    facts were extracted, so a writer fed by several processes only writes."""

    graph: str
    ntriples: str
    summary: IngestSummary


def prepare(facts: Facts) -> Prepared:
    """Return the graph of ``facts`` serialised, and its summary."""
    return Prepared(document_graph(facts.document.slug), io.terms_ntriples(facts_to_triples(facts)),
                    IngestSummary(document=facts.document.slug, name=facts.document.name, changed=True,
                                  entities=len(facts.entities),
                                  discovered=sum(e.discovered for e in facts.entities),
                                  dependencies=len(facts.dependencies), phases=len(facts.phases),
                                  goals=len(facts.goals)))


def write_prepared(store: Store, prepared: Prepared) -> IngestSummary:
    """Replace a document's graph with what :func:`prepare` made of its facts, in one update."""
    store.replace_graph_ntriples(prepared.graph, prepared.ntriples)
    return prepared.summary


def remove_document(store: Store, slug: str) -> bool:
    """Remove a document and every fact only it stated; return False if there was none."""
    return store.remove_graph(document_graph(slug))
