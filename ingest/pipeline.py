"""The spaCy pipeline: blank Norwegian, sentences, stems, lexicon ruler and entity discovery.

Components only annotate the Doc: the entity mentions in ``doc.spans[ENTITY_SPANS]``, each span's ``id_`` the key
of its entity within the document, and the entities by key in ``doc._.vk_entities``. After the pipeline
:mod:`ingest.identity` gives the entities their IRIs and :mod:`ingest.facts` turns the annotations into facts.
"""

from typing import cast

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ingest.entities import EntityRecognizer
from ingest.lexicon import lexicon_entities
from ingest.lexicon_matcher import LexiconMatcher
from ingest.model import Entity
from ingest.resolver import lexicon_referents
from ontology.text import stem

ENTITY_SPANS = "entities"  # the spans key of every entity mention
LEXICON_SPANS = "lexicon"  # the spans key of the lexicon's mentions, which the entity recogniser reads

if not Doc.has_extension("vk_entities"):
    Doc.set_extension("vk_entities", default=None)


@Language.component("vk_block_sentences", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def block_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: a block (heading, bullet, paragraph) ends one.

    The starts are written as one array: setting ``Token.is_sent_start`` one token at a time checks
    the whole Doc each time, which makes a long document quadratic.
    """
    starts = doc.to_array([SENT_START]).view("int64")  # -1, 0 or 1, stored unsigned
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            starts[token.i] = 1
        elif token.is_space:
            starts[token.i] = -1
    doc.from_array([SENT_START], starts.view("uint64"))  # type: ignore[arg-type]  # one attribute: a 1-D array
    return doc


@Language.component("vk_stems", assigns=["token.norm"])
def stems(doc: Doc) -> Doc:
    """Set each token's NORM to its Snowball stem, so patterns match inflected forms."""
    for token in doc:
        if token.is_alpha:
            token.norm_ = stem(token.text)
    return doc


@Language.factory("vk_lexicon", requires=["token.norm"], assigns=["doc.spans"])
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    """Build the matcher of lexicon names; its names are added by build_pipeline."""
    return LexiconMatcher(nlp, LEXICON_SPANS)


@Language.factory("vk_entities", requires=["doc.spans"], assigns=["doc.spans", "doc._.vk_entities"])
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    """Build the recogniser of discovered entities and abbreviations; its lexicon is set by build_pipeline."""
    return EntityRecognizer(nlp, lexicon_key=LEXICON_SPANS, spans_key=ENTITY_SPANS)


def build_pipeline(lexicon: list[Entity] | None = None) -> Language:
    """Return the pipeline, seeded with ``lexicon`` (by default the domain lexicon of ontology/)."""
    known = lexicon_referents(lexicon_entities() if lexicon is None else lexicon)
    nlp = spacy.blank("nb")
    _adjust_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vk_block_sentences")
    nlp.add_pipe("vk_stems")
    cast(LexiconMatcher, nlp.add_pipe("vk_lexicon")).add(known)
    cast(EntityRecognizer, nlp.add_pipe("vk_entities")).set_lexicon(known)
    nlp.max_length = 20_000_000
    return nlp


def _adjust_tokenizer(nlp: Language) -> None:
    """Split "PLL-funksjonaliteten" into PLL, -, funksjonaliteten so the abbreviation is found, and
    a full stop after a year ("i 2025.") off the number, so the sentence ends there."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-ZÆØÅ]{2})-(?=[a-zæøå])"]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=\b\d{4})\."]
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
