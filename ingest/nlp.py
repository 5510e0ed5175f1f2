"""The NLP step: a read Document in, its Facts out. Built once; reused for every document."""

from collections.abc import Callable

from spacy.language import Language

from ingest.docs import remember_text
from ingest.facts import Rules, doc_to_facts
from ingest.identity import Identity
from ingest.lexicon import lexicon_entities
from ingest.model import Document, Entity, Facts
from ingest.pipeline import build_pipeline


class Extractor:
    """Extract the facts of documents: the spaCy pipeline annotates the text, :class:`~ingest.identity.Identity`
    gives the entities it found their IRIs, and the fact extractors read the annotations."""

    def __init__(self, lexicon: list[Entity] | None = None):
        lexicon = lexicon_entities() if lexicon is None else lexicon
        self.nlp: Language = build_pipeline(lexicon)
        self.identity = Identity(lexicon)
        self.rules = Rules.load()

    def extract(self, document: Document, progress: Callable[[int, int], None] | None = None) -> Facts:
        """Return the facts ``document`` states; ``progress(done, total)`` hears of the sentences read."""
        doc = self.nlp(remember_text(self.nlp.make_doc(document.text), document.text))
        return doc_to_facts(doc, self.identity.identify(doc), document, self.rules, progress)
