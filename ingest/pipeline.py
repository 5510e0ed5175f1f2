"""The spaCy pipeline: blank Norwegian, sentences, stems, lexicon ruler and entity discovery.

Components only annotate the Doc: the entity mentions in ``doc.spans[ENTITY_SPANS]``, each span's ``id_`` the key
of its entity within the document, and the entities by key in ``doc._.vk_entities``. After the pipeline
:mod:`ingest.identity` gives the entities their IRIs and :mod:`ingest.facts` turns the annotations into facts.
"""

import re
from typing import cast

import numpy
import spacy
from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest.docs import text_of
from ingest.entities import EntityRecognizer
from ingest.lexicon import lexicon_entities
from ingest.lexicon_matcher import LexiconMatcher
from ingest.model import Entity
from ingest.resolver import lexicon_referents
from ontology.text import stem

ENTITY_SPANS = "entities"  # the spans key of every entity mention
LEXICON_SPANS = "lexicon"  # the spans key of the lexicon's mentions, which the entity recogniser reads

_NEWLINE = re.compile("\n")

if not Doc.has_extension("vk_entities"):
    Doc.set_extension("vk_entities", default=None)


@Language.component("vk_block_sentences", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def block_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: a block (heading, bullet, paragraph) ends one; a space token
    starts none.

    The starts are computed on arrays and written as one: a Token object per token, or setting
    ``Token.is_sent_start`` one token at a time (which checks the whole Doc each time), costs more than
    the rest of the sentence splitting.
    """
    if len(doc) < 2:
        return doc
    starts = doc.to_array([SENT_START]).view("int64")  # -1, 0 or 1, stored unsigned
    starts[1:][doc.to_array([IS_SPACE])[1:] == 1] = -1
    newlines = numpy.fromiter((m.start() for m in _NEWLINE.finditer(text_of(doc))), dtype="int64")
    after = numpy.searchsorted(doc.to_array([IDX]).view("int64"), newlines, side="right")  # the next token
    starts[after[after < len(doc)]] = 1
    doc.from_array([SENT_START], starts.view("uint64"))  # type: ignore[arg-type]  # one attribute: a 1-D array
    return doc


@Language.factory("vk_stems", assigns=["token.norm"])
def make_stems(nlp: Language, name: str) -> "Stems":
    """Build the component that sets each word's NORM to its stem."""
    return Stems(nlp.vocab)


class Stems:
    """Set each alphabetic token's NORM to its Snowball stem, so patterns match inflected forms. The stem of
    each word form is found once per vocabulary and kept by its hash, and the norms are written as one array."""

    def __init__(self, vocab: Vocab):
        self.strings = vocab.strings
        self.norms: dict[int, int] = {}  # ORTH hash -> hash of its stem, both in ``strings``

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, IS_ALPHA, NORM])
        norms = columns[:, 2].copy()
        for i in numpy.flatnonzero(columns[:, 1]):
            orth = int(columns[i, 0])
            norm = self.norms.get(orth)
            if norm is None:
                norm = self.norms[orth] = self.strings.add(stem(self.strings[orth]))
            norms[i] = norm
        doc.from_array([NORM], norms)  # type: ignore[arg-type]  # one attribute: a 1-D array
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
    a full stop after a year ("i 2025.") off the number, so the sentence ends there.

    The special cases for a line break, a tab and a space go: each makes one token of itself, as the rules
    do anyway, but once a special case has matched, spaCy caches no more of the text's words (its issue
    1250), and every line break is one. A long document was tokenised ten to twenty times slower."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.rules = {text: tokens for text, tokens in (tokenizer.rules or {}).items()
                       if not (text.isspace() and tokens == [{ORTH: text}])}
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-ZÆØÅ]{2})-(?=[a-zæøå])"]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=\b\d{4})\."]
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
