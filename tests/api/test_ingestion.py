from api.ingestion import ingest_document, install_vocabularies, remove_document
from ingest import read_bytes


def test_reingesting_an_unchanged_document_is_a_no_op(store, extractor):
    document = read_bytes("notat.txt", b"Pasientens timebok forutsetter Kjernejournal.")
    assert ingest_document(store, extractor, document).changed
    before = store.export("nquads")
    assert not ingest_document(store, extractor, document).changed
    assert store.export("nquads") == before


def test_a_changed_document_replaces_its_facts(store, extractor):
    ingest_document(store, extractor, read_bytes("notat.txt", b"Pasientens timebok forutsetter Kjernejournal."))
    ingest_document(store, extractor, read_bytes("notat.txt", "Pasientens timebok bygger på Helsenorge.".encode()))
    assert [row["kind"] for row in store.select("dependencies")] == ["buildsOn"]
    assert remove_document(store, "notat") and store.select("dependencies") == []


def test_unchanged_vocabularies_are_not_written_again(store):
    revision = store.revision()
    install_vocabularies(store)
    assert store.revision() == revision
