"""The text index kept in step with writes is the text index built from scratch; it ranks by BM25 and finds
the compounds a word begins."""

import random

from api.ingestion import ingest_document, remove_document
from graph.index import GraphIndex
from graph.textindex import GraphText, Sentence, TextIndex
from ingest.readers import read_bytes
from testkit.indexstate import built_afresh
from testkit.synthetic import document


def test_the_kept_text_index_equals_a_fresh_build_after_writes_and_deletes(store, extractor, tmp_path):
    rng = random.Random(11)
    kept = GraphIndex(store, folder=tmp_path / "kept")
    docs = [read_bytes(f"tekst-{i}.txt", document(rng, i, paragraphs=3).encode()) for i in range(3)]
    for number, doc in enumerate(docs):
        ingest_document(store, extractor, doc)
        kept.snapshot()
        assert kept.text.rows() == built_afresh(store, tmp_path / f"fresh-{number}")[1]
    kinds = {dict(row)["kind"][0] for row in kept.text.rows()}
    assert kinds == {"graph", "name", "sentence"}
    ingest_document(store, extractor, read_bytes("tekst-1.txt", document(rng, 9, paragraphs=3).encode()))
    remove_document(store, "tekst-2")
    kept.snapshot()
    assert kept.text.rows() == built_afresh(store, tmp_path / "fresh-after")[1]
    assert not any(dict(row)["graph"][0].endswith("/tekst-2") for row in kept.text.rows())
    kept.close()


def subjects(found: tuple[list, int]) -> list[str]:
    return [match.subject for match in found[0]]


def test_bm25_puts_the_shorter_sentence_and_the_rarer_word_first():
    index = TextIndex()
    sentences = [Sentence("urn:q:long", "PLL forutsetter SFM og mye annet som står i en lang og tung setning."),
                 Sentence("urn:q:short", "PLL forutsetter SFM."),
                 Sentence("urn:q:other", "PLL forutsetter kjernejournal.")]
    index.write([], [("urn:g", GraphText("r1", [], sentences))])
    assert subjects(index.find("sentence", {"pll", "sfm"}, every=True)) == ["urn:q:short", "urn:q:long"]
    assert subjects(index.find("sentence", {"kjernejournal", "sfm"}, every=False))[0] == "urn:q:other"
    page, total = index.find("sentence", {"pll"}, every=True, limit=1, offset=1)
    assert total == 3 and len(page) == 1


def test_a_word_stands_for_the_compounds_it_begins_but_a_number_for_itself():
    index = TextIndex()
    index.write([], [("urn:g", GraphText("r1", [("urn:e:pll", "Pasientens legemiddelliste"),
                                                 ("urn:e:lm", "Legemiddelmodul"), ("urn:e:t", "Tiltak 96001")], []))])
    assert set(subjects(index.find("name", {"legemiddel"}, every=True))) == {"urn:e:pll", "urn:e:lm"}
    assert index.find("name", {"9600"}, every=True) == ([], 0)
    assert index.find("name", {"legemiddel", "ukjent"}, every=True) == ([], 0)
    assert set(subjects(index.find("name", {"legemiddel", "ukjent"}, every=False))) == {"urn:e:pll", "urn:e:lm"}


def test_a_graph_written_again_replaces_its_rows_and_a_removed_one_leaves_none():
    index = TextIndex()
    index.write([], [("urn:g", GraphText("r1", [("urn:e:a", "Kjernejournal")], [])),
                     ("urn:h", GraphText("r1", [("urn:e:b", "Kjernejournal for alle")], []))])
    index.write([], [("urn:g", GraphText("r2", [("urn:e:a", "Helsenorge")], []))])
    assert index.revisions() == {"urn:g": "r2", "urn:h": "r1"}
    assert subjects(index.find("name", {"kjernejournal"}, every=True)) == ["urn:e:b"]
    index.write(["urn:h"], [])
    assert index.revisions() == {"urn:g": "r2"} and index.find("name", {"kjernejournal"}, every=True) == ([], 0)
