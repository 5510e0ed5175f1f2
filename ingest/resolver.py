"""Resolve names to the entities of one document, by entity key: lexicon first, then what the text teaches.

The keys are the document's own; :mod:`ingest.identity` gives each entity its IRI after the pipeline.
"""

from collections.abc import Iterable, Mapping
from copy import copy as shallow_copy
from dataclasses import replace

from ingest.lexicon import ORG_FORMS, is_abbreviation, name_key
from ingest.model import Entity, Referent
from ontology import slugify
from ontology.text import stem


def entity_key(kind: str, label: str) -> str:
    """Return the key of the entity of ``kind`` with canonical label ``label`` within one document: labels that
    fold to the same words ("E-timebok", "E timebok") are one entity.

    >>> entity_key("initiative", "E-timebok") == entity_key("initiative", "E timebok")
    True
    """
    folded = slugify(label)
    if not folded:
        raise ValueError(f"no entity key for kind {kind!r} and label {label!r}: it has no letter or digit")
    return f"{kind}/{folded}"


def lexicon_referents(lexicon: Iterable[Entity]) -> dict[str, Referent]:
    """Return the lexicon's entities as the pipeline knows them: referents by entity key, in the lexicon's order."""
    return {entity_key(e.kind, e.label): Referent(e.kind, e.label, e.alt_labels) for e in lexicon}


class Resolver:
    """Map surface names to entity keys; add discovered entities and learned abbreviations."""

    def __init__(self, known: Mapping[str, Referent], name_modifiers: frozenset[str] = frozenset()):
        self.entities: dict[str, Referent] = {}
        self.known_keys: set[str] = set()
        self._by_name_key: dict[str, str] = {}
        self._by_exact: dict[str, str] = {}  # case-folded names: "Hol kommune" before the stem key of "Hole kommune"
        self._by_short: dict[str, str] = {}
        self._by_head: dict[str, set[str]] = {}
        self._by_last_word: dict[str, set[str]] = {}  # last words of multi-word initiative names: "Arena"
        for key, referent in known.items():
            self._register(key, referent)
            self.known_keys.add(key)
            if referent.kind == "initiative":
                for name in (referent.label, *referent.alt_labels):
                    head = head_word(name, name_modifiers)
                    if head:
                        self._by_head.setdefault(stem(head), set()).add(key)

    def fresh(self) -> "Resolver":
        """Return a copy that knows what this one knows and learns on its own: one resolver holds the lexicon,
        and each document starts from a copy of it rather than indexing the lexicon anew."""
        copy = shallow_copy(self)
        copy.entities, copy.known_keys = dict(self.entities), set(self.known_keys)
        copy._by_name_key, copy._by_exact, copy._by_short = \
            dict(self._by_name_key), dict(self._by_exact), dict(self._by_short)
        copy._by_head = {word: set(keys) for word, keys in self._by_head.items()}
        copy._by_last_word = {word: set(keys) for word, keys in self._by_last_word.items()}
        return copy

    def _register(self, key: str, referent: Referent) -> None:
        self.entities[key] = referent
        for name in (referent.label, *referent.alt_labels):
            self._index_name(name, key)

    def _index_name(self, name: str, key: str) -> None:
        if is_abbreviation(name):
            self._by_short.setdefault(name, key)
        else:
            self._by_exact.setdefault(name.casefold(), key)
            self._by_name_key.setdefault(name_key(name), key)
        if " " in name and self.entities[key].kind == "initiative":
            self._by_last_word.setdefault(name.rsplit(" ", 1)[1], set()).add(key)

    def resolve(self, name: str) -> str | None:
        """Return the key of the entity ``name`` refers to, or None when no entity has that name."""
        head, _, last = name.rpartition(" ")
        for short in (name, head if last.lower() in ORG_FORMS else ""):
            if short in self._by_short:
                return self._by_short[short]
        return self._by_exact.get(name.casefold()) or self._by_name_key.get(name_key(name))

    def resolve_head(self, word: str) -> str | None:
        """Return the one known initiative whose name has ``word`` as its head ("multidose" in "E-multidose")."""
        keys = self._by_head.get(stem(word), set())
        return next(iter(keys)) if len(keys) == 1 else None

    def discover(self, name: str, kind: str, confidence: float) -> str:
        """Return the key of ``name``, creating a discovered entity of ``kind`` if it is new; a single word that
        ends exactly one known multi-word initiative's name ("Arena" after "DIPS Arena") is that initiative."""
        found = self.resolve(name) or (self._short_form(name) if kind == "initiative" else None)
        if found is not None:
            return found
        label = canonical_label(name, kind)
        key = entity_key(kind, label)
        if key in self.entities:  # the same label in another spelling: one thing
            self.add_alias(key, name)
            return key
        self._register(key, Referent(kind, label, discovered=True, confidence=confidence))
        if name != label:
            self.add_alias(key, name)
        return key

    def _short_form(self, word: str) -> str | None:
        owners = self._by_last_word.get(word, set())
        return next(iter(owners)) if len(owners) == 1 else None

    def add_alias(self, key: str, name: str) -> None:
        """Record ``name`` as another label of the entity ``key``."""
        referent = self.entities[key]
        if name != referent.label and name not in referent.alt_labels:
            self.entities[key] = replace(referent, alt_labels=(*referent.alt_labels, name))
        self._index_name(name, key)


def head_word(name: str, modifiers: frozenset[str]) -> str:
    """Return the head of a name made of a modifier and one word ("E-multidose", "elektronisk resept"), or "".

    >>> head_word("E-multidose", frozenset({"e"})), head_word("Kjernejournal", frozenset({"e"}))
    ('multidose', '')
    """
    words = name.split(" ")
    if len(words) == 1 and "-" in name:
        prefix, _, rest = name.partition("-")
        return rest if prefix.lower() in modifiers and rest.isalpha() and len(rest) > 4 else ""
    if len(words) == 2 and words[0].lower() in modifiers and words[1].isalpha() and len(words[1]) > 4:
        return words[1]
    return ""


def canonical_label(name: str, kind: str) -> str:
    """Return the label every document gives a discovered entity, whichever spelling it met: the first
    letter in upper case and, for an organisation, no company form; the spelling met is another label.

    >>> canonical_label("Helse Lysfjord HF", "organization"), canonical_label("e-timebok", "initiative")
    ('Helse Lysfjord', 'E-timebok')
    """
    head, _, last = name.rpartition(" ")
    if kind == "organization" and head and last.lower() in ORG_FORMS:
        name = head
    return name[:1].upper() + name[1:]
