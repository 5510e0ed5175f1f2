"""Find names of entities in a Doc: a PhraseMatcher over stems proposes, each name's token pattern decides.

A token Matcher with a pattern per name tries every pattern at every token, which grows with the
gazetteer; the PhraseMatcher looks candidates up by their stems, and only those are checked against
the exact predicates of their patterns (a proper name as written, an abbreviation in capitals). The
lexicon's names are matched so in every document, and the names a document teaches in that document.
"""

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ingest.lexicon import ORG_FORMS, is_abbreviation
from ingest.model import Referent
from ontology.text import stem


def name_patterns(tokenizer, name: str, kind: str = "initiative") -> list[list[dict]]:
    """Return the token patterns of ``name``: abbreviations by exact spelling (in a longer name in any
    case: "Dips Arena"), words by stem; in an organisation's name a capitalised word is a proper name,
    matched as written (so "Hol kommune" is not "Hole kommune"), a last one also in the genitive, and its
    proper words may also be written as one hyphenated word ("Helse-Bergen"). Every predicate is one exact
    value, which the matcher looks up rather than tests.

    >>> from spacy.lang.nb import Norwegian
    >>> len(name_patterns(Norwegian().tokenizer, "Helse Bergen HF", "organization"))
    2
    >>> len(name_patterns(Norwegian().tokenizer, "Helse Bergen", "organization"))
    4
    """
    if is_abbreviation(name):
        return [[{"ORTH": name}]]
    tokens = list(tokenizer(name))
    organization = kind == "organization"
    pattern = [_token_pattern(t, proper=organization and t.text[:1].isupper(), alone=len(tokens) == 1)
               for t in tokens]
    proper = [t.text for t in tokens if t.text[:1].isupper() and t.text.lower() not in ORG_FORMS]
    patterns = [pattern]
    if organization and len(proper) >= 2 and len(proper) + 1 >= len(tokens):
        joined = "-".join(proper).lower()
        patterns.append([{"LOWER": joined}, *pattern[len(proper):]])
    if organization and "LOWER" in pattern[-1] and not is_abbreviation(tokens[-1].text):
        patterns += [[*p[:-1], {"LOWER": p[-1]["LOWER"] + "s"}] for p in list(patterns)]
    return patterns


def _token_pattern(token, *, proper: bool, alone: bool) -> dict:
    if is_abbreviation(token.text):
        return {"ORTH": token.text} if alone else {"LOWER": token.lower_}
    if proper:
        return {"LOWER": token.lower_}
    return {"NORM": stem(token.text) if token.is_alpha else token.lower_}


class NameMatcher:
    """Find every mention of the names added, each a span labelled with its entity's kind, its ``id_`` the
    entity's key."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.candidates: dict[str, list[tuple[str, str, list[dict]]]] = {}

    def add(self, entity_key: str, kind: str, names: Iterable[str]) -> None:
        """Add the ``names`` of the entity ``entity_key`` of ``kind``."""
        for name in names:
            for pattern in name_patterns(self.nlp.tokenizer, name, kind):
                norms = [_norm_of(predicate) for predicate in pattern]
                key = " ".join(norms)
                if key not in self.candidates:
                    self.candidates[key] = []
                    phrase = Doc(self.nlp.vocab, words=norms)
                    for token, norm in zip(phrase, norms, strict=True):
                        token.norm_ = norm
                    self.matcher.add(key, [phrase])
                self.candidates[key].append((kind, entity_key, pattern))

    def __call__(self, doc: Doc) -> list[Span]:
        if not self.candidates:
            return []
        spans = []
        for key, start, end in self.matcher(doc):
            for kind, entity_key, pattern in self.candidates[self.nlp.vocab.strings[key]]:
                if all(_fits(doc[start + i], predicate) for i, predicate in enumerate(pattern)):
                    span = Span(doc, start, end, label=kind)
                    span.id_ = entity_key
                    spans.append(span)
        return spans


class LexiconMatcher:
    """Annotate ``doc.spans[spans_key]`` with every mention of a lexicon name."""

    def __init__(self, nlp: Language, spans_key: str):
        self.spans_key = spans_key
        self.names = NameMatcher(nlp)

    def add(self, entities: dict[str, Referent]) -> None:
        """Add the names of ``entities``, referents by entity key."""
        for entity_key, entity in entities.items():
            self.names.add(entity_key, entity.kind, (entity.label, *entity.alt_labels))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = self.names(doc)
        return doc


def _norm_of(predicate: dict) -> str:
    """Return the NORM a token fitting ``predicate`` has, as the stems component sets it."""
    (attr, value), = predicate.items()
    return value if attr == "NORM" else (stem(value) if value.isalpha() else value.lower())


def _fits(token: Token, predicate: dict) -> bool:
    (attr, value), = predicate.items()
    return {"ORTH": token.text, "LOWER": token.lower_, "NORM": token.norm_}[attr] == value
