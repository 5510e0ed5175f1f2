"""The analysis stage: a read Document in, its Facts out. Built once; reused for every document."""

from spacy.language import Language

from ingest.facts import Rules, doc_to_facts
from ingest.model import Document, Entity, Facts
from ingest.pipeline import build_pipeline


class Analyzer:
    """Run the spaCy pipeline and the fact extractors over documents."""

    def __init__(self, lexicon: list[Entity] | None = None):
        self.nlp: Language = build_pipeline(lexicon)
        self.rules = Rules.load()

    def analyze(self, document: Document) -> Facts:
        """Return the facts ``document`` states."""
        return doc_to_facts(self.nlp(document.text), document, self.rules)
