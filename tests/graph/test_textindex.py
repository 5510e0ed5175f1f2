"""The text index kept in step with writes is the text index built from scratch; it ranks by BM25 and finds
the compounds a word begins."""

import random

from api.ingestion import ingest_document, remove_document
from graph.index import GraphIndex
from graph.textindex import GraphText, Sentence, TextIndex
from ingest.readers import read_bytes
from testkit.indexstate import built_afresh, text_rows
from testkit.synthetic import document


def test_the_kept_text_index_equals_a_fresh_build_after_writes_and_deletes(store, extractor, tmp_path):
    rng = random.Random(11)
    kept = GraphIndex(store, folder=tmp_path / "kept")
    docs = [read_bytes(f"tekst-{i}.txt", document(rng, i, paragraphs=3).encode()) for i in range(3)]
    for number, doc in enumerate(docs):
        ingest_document(store, extractor, doc)
        kept.snapshot()
        assert text_rows(tmp_path / "kept") == built_afresh(store, tmp_path / f"fresh-{number}")[1]
    entries, terms, _ = text_rows(tmp_path / "kept")
    assert {kind for _, _, kind, *_ in entries} == {"name", "sentence"} and len(terms) > 50
    ingest_document(store, extractor, read_bytes("tekst-1.txt", document(rng, 9, paragraphs=3).encode()))
    remove_document(store, "tekst-2")
    kept.snapshot()
    assert text_rows(tmp_path / "kept") == built_afresh(store, tmp_path / "fresh-after")[1]
    assert not any(e[0].endswith("/tekst-2") for e in text_rows(tmp_path / "kept")[0])
    kept.close()


def test_bm25_puts_the_rarer_word_and_the_shorter_sentence_first():
    index = TextIndex()
    sentences = [Sentence("urn:q:long", "PLL forutsetter SFM og mye annet som står i en lang og tung setning."),
                 Sentence("urn:q:short", "PLL forutsetter SFM."),
                 Sentence("urn:q:other", "PLL forutsetter kjernejournal.")]
    index.write([], [("urn:g", GraphText("r1", [], sentences))])
    found = sorted(index.find("sentence", {"pll", "sfm"}, every=True), key=lambda m: -m.score)
    assert [m.subject for m in found] == ["urn:q:short", "urn:q:long"]
    some = sorted(index.find("sentence", {"kjernejournal", "sfm"}, every=False), key=lambda m: -m.score)
    assert [m.subject for m in some][0] == "urn:q:other"  # the rarer word weighs more


def test_a_word_stands_for_the_compounds_it_begins_but_a_number_for_itself():
    index = TextIndex()
    index.write([], [("urn:g", GraphText("r1", [("urn:e:pll", "Pasientens legemiddelliste"),
                                                 ("urn:e:lm", "Legemiddelmodul"), ("urn:e:t", "Tiltak 96001")], []))])
    assert {m.subject for m in index.find("name", {"legemiddel"}, every=True)} == {"urn:e:pll", "urn:e:lm"}
    assert index.find("name", {"9600"}, every=True) == []
    assert index.find("name", {"legemiddel", "ukjent"}, every=True) == []
    assert {m.subject for m in index.find("name", {"legemiddel", "ukjent"}, every=False)} == {"urn:e:pll", "urn:e:lm"}
