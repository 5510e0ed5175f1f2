"""Find the lexicon's names in a Doc: a PhraseMatcher over stems proposes, each name's token pattern decides.

A token Matcher with a pattern per name tries every pattern at every token, which grows with the
gazetteer; the PhraseMatcher looks candidates up by their stems, and only those are checked against
the exact predicates of their patterns (a proper name as written, an abbreviation in capitals).
"""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ingest.entities import name_patterns
from ingest.model import Referent
from ontology.text import stem


class LexiconMatcher:
    """Annotate ``doc.spans[spans_key]`` with every mention of a lexicon name, labelled with its kind, its ``id_``
    the entity's key."""

    def __init__(self, nlp: Language, spans_key: str):
        self.nlp = nlp
        self.spans_key = spans_key
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.candidates: dict[str, list[tuple[str, str, list[dict]]]] = {}

    def add(self, entities: dict[str, Referent]) -> None:
        """Add the names of ``entities``, referents by entity key."""
        for entity_key, entity in entities.items():
            for name in (entity.label, *entity.alt_labels):
                for pattern in name_patterns(self.nlp.tokenizer, name, entity.kind):
                    norms = [_norm_of(predicate) for predicate in pattern]
                    key = " ".join(norms)
                    if key not in self.candidates:
                        self.candidates[key] = []
                        phrase = Doc(self.nlp.vocab, words=norms)
                        for token, norm in zip(phrase, norms, strict=True):
                            token.norm_ = norm
                        self.matcher.add(key, [phrase])
                    self.candidates[key].append((entity.kind, entity_key, pattern))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for key, start, end in self.matcher(doc):
            for kind, entity_key, pattern in self.candidates[self.nlp.vocab.strings[key]]:
                if all(_fits(doc[start + i], predicate) for i, predicate in enumerate(pattern)):
                    span = Span(doc, start, end, label=kind)
                    span.id_ = entity_key
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def _norm_of(predicate: dict) -> str:
    """Return the NORM a token fitting ``predicate`` has, as the stems component sets it."""
    (attr, value), = predicate.items()
    return value if attr == "NORM" else (stem(value) if value.isalpha() else value.lower())


def _fits(token: Token, predicate: dict) -> bool:
    (attr, value), = predicate.items()
    return {"ORTH": token.text, "LOWER": token.lower_, "NORM": token.norm_}[attr] == value
