"""The spaCy pipeline: blank Norwegian, sentences, stems, lexicon ruler and entity discovery.

Components only annotate the Doc; :mod:`ingest.facts` turns the annotations into facts.
"""

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ingest.entities import EntityRecognizer
from ingest.lexicon import lexicon_entities
from ingest.lexicon_matcher import LexiconMatcher
from ingest.model import Entity
from ontology.text import stem

ENTITY_KEY = "entities"
LEXICON_KEY = "lexicon"

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
    doc.from_array([SENT_START], starts.view("uint64"))
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
    return LexiconMatcher(nlp, LEXICON_KEY)


@Language.factory("vk_entities", requires=["doc.spans"], assigns=["doc.spans", "doc._.vk_entities"])
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    """Build the recogniser of discovered entities and abbreviations; its lexicon is set by build_pipeline."""
    return EntityRecognizer(nlp, lexicon_key=LEXICON_KEY, spans_key=ENTITY_KEY)


def build_pipeline(lexicon: list[Entity] | None = None) -> Language:
    """Return the pipeline, seeded with ``lexicon`` (by default the domain lexicon of ontology/)."""
    lexicon = lexicon_entities() if lexicon is None else lexicon
    nlp = spacy.blank("nb")
    _adjust_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vk_block_sentences")
    nlp.add_pipe("vk_stems")
    nlp.add_pipe("vk_lexicon").add(lexicon)
    recognizer = nlp.add_pipe("vk_entities")
    recognizer.set_lexicon(lexicon)
    nlp.max_length = 20_000_000
    return nlp


def _adjust_tokenizer(nlp: Language) -> None:
    """Split "PLL-funksjonaliteten" into PLL, -, funksjonaliteten so the abbreviation is found, and
    a full stop after a year ("i 2025.") off the number, so the sentence ends there."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-ZÆØÅ]{2})-(?=[a-zæøå])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    suffixes = [*nlp.Defaults.suffixes, r"(?<=\b\d{4})\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
