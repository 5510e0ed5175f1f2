"""The analysis stage: a read Document in, its Facts out. Built once; reused for every document."""

from collections.abc import Callable

from spacy.language import Language

from ingest.facts import Rules, doc_to_facts
from ingest.model import Document, Entity, Facts
from ingest.pipeline import build_pipeline


class Analyzer:
    """Run the spaCy pipeline and the fact extractors over documents."""

    def __init__(self, lexicon: list[Entity] | None = None):
        self.nlp: Language = build_pipeline(lexicon)
        self.rules = Rules.load()

    def analyze(self, document: Document, progress: Callable[[int, int], None] | None = None) -> Facts:
        """Return the facts ``document`` states; ``progress(done, total)`` hears of the sentences analysed."""
        return doc_to_facts(self.nlp(document.text), document, self.rules, progress)
