"""The index kept in step with writes is the index built from scratch, whatever the writes were."""

import random

from api.ingestion import ingest_document, remove_document
from graph.index import GraphIndex
from graph.walks import far_ends
from ingest.readers import read_bytes
from testkit.indexstate import snapshot_fields as fields
from testkit.synthetic import document


def test_the_incremental_index_equals_a_fresh_one_after_adds_changes_and_removals(store, extractor):
    rng = random.Random(7)
    kept = GraphIndex(store)
    docs = [read_bytes(f"del-{i}.txt", document(rng, i, paragraphs=4).encode()) for i in range(4)]
    for doc in docs:
        ingest_document(store, extractor, doc)
        assert fields(kept.snapshot()) == fields(GraphIndex(store).snapshot())
    assert len(kept.snapshot().edges) > 3 and len(kept.snapshot().labels) > 10
    graph = kept.snapshot().graph  # the far ends a walk reads are those of the edges, kept in step with them
    assert graph.ends == (far_ends(graph.needs, towards_prerequisites=True),
                          far_ends(graph.needed_by, towards_prerequisites=False))
    ingest_document(store, extractor, read_bytes("del-1.txt", document(rng, 9, paragraphs=4).encode()))
    remove_document(store, "del-2")
    store.update("DELETE WHERE { GRAPH ?g { ?d a <https://w3id.org/veikart/ontology#Dependency> ; ?p ?o } }")
    after = kept.snapshot()
    assert fields(after) == fields(GraphIndex(store).snapshot())
    assert not after.edges  # the client's update removed every dependency, and the index saw it
    assert kept.snapshot() is after  # nothing written since: the same snapshot
