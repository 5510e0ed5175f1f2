"""Reading a Doc from arrays gives what spaCy's token-by-token accessors give."""

import spacy

from ingest.docs import sentences, span_text, text_of
from ingest.pipeline import build_pipeline
from ontology.text import stem

TEXT = ("Status for programmet\n\nLøsningen tas i bruk i 2025. Deretter følger  utprøvingen.\n"
        "- Første punkt\n- Andre punkt uten punktum\n\n\nSiste avsnitt: Kommunene bruker den.")


def test_sentences_are_spacys_sentences_and_start_after_every_line_break() -> None:
    doc = build_pipeline([])(TEXT)
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert [span_text(s) for s in sentences(doc)] == [s.text for s in doc.sents]
    starts = {s.text.strip() for s in sentences(doc)}
    assert {"Status for programmet", "- Første punkt", "- Andre punkt uten punktum"} <= starts


def test_a_doc_of_no_tokens_has_no_sentences() -> None:
    assert sentences(build_pipeline([])("")) == []


def test_the_text_of_a_doc_is_the_text_it_was_made_from() -> None:
    doc = build_pipeline([])(TEXT)
    assert text_of(doc) == doc.text == TEXT


def test_every_word_is_normed_to_its_stem_and_nothing_else_is() -> None:
    doc = build_pipeline([])(TEXT)
    for token in doc:
        assert token.norm_ == (stem(token.text) if token.is_alpha else token.lower_)


def test_line_breaks_tabs_and_spaces_are_tokens_as_spacys_own_special_cases_made_them() -> None:
    text = "Linje én\nlinje to\tog  tre\n\nSlutt.\n \nFra\u00a0mai"
    ours = build_pipeline([]).make_doc(text)
    spacys = spacy.blank("nb").make_doc(text)
    assert [(t.text, t.norm_, t.whitespace_) for t in ours] == [(t.text, t.norm_, t.whitespace_) for t in spacys]
    assert "\n" in [t.text for t in ours] and "\u00a0" in [t.text for t in ours]
