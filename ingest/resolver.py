"""Resolve names to entities within one document: lexicon first, then what the text teaches."""

from dataclasses import replace

from ingest.lexicon import ORG_FORMS, is_abbreviation, name_key
from ingest.model import Entity
from ontology import mint
from ontology.text import stem


class Resolver:
    """Map surface names to entity IRIs; add discovered entities and learned abbreviations."""

    def __init__(self, known: list[Entity], name_modifiers: frozenset[str] = frozenset()):
        self.entities: dict[str, Entity] = {}
        self.known_iris: set[str] = set()
        self._by_key: dict[str, str] = {}
        self._by_exact: dict[str, str] = {}  # case-folded names: "Hol kommune" before the stem key of "Hole kommune"
        self._by_short: dict[str, str] = {}
        self._by_head: dict[str, set[str]] = {}
        self._by_last_word: dict[str, set[str]] = {}  # last words of multi-word initiative names: "Arena"
        for entity in known:
            self._register(entity)
            self.known_iris.add(entity.iri)
            if entity.kind == "initiative":
                for name in (entity.label, *entity.alt_labels):
                    head = head_word(name, name_modifiers)
                    if head:
                        self._by_head.setdefault(stem(head), set()).add(entity.iri)

    def _register(self, entity: Entity) -> None:
        self.entities[entity.iri] = entity
        for name in (entity.label, *entity.alt_labels):
            self._index_name(name, entity.iri)

    def _index_name(self, name: str, iri: str) -> None:
        if is_abbreviation(name):
            self._by_short.setdefault(name, iri)
        else:
            self._by_exact.setdefault(name.casefold(), iri)
            self._by_key.setdefault(name_key(name), iri)
        if " " in name and self.entities[iri].kind == "initiative":
            self._by_last_word.setdefault(name.rsplit(" ", 1)[1], set()).add(iri)

    def resolve(self, name: str) -> str | None:
        """Return the IRI ``name`` refers to, or None when no entity has that name."""
        head, _, last = name.rpartition(" ")
        for short in (name, head if last.lower() in ORG_FORMS else ""):
            if short in self._by_short:
                return self._by_short[short]
        return self._by_exact.get(name.casefold()) or self._by_key.get(name_key(name))

    def resolve_head(self, word: str) -> str | None:
        """Return the one known initiative whose name has ``word`` as its head ("multidose" in "E-multidose")."""
        iris = self._by_head.get(stem(word), set())
        return next(iter(iris)) if len(iris) == 1 else None

    def discover(self, name: str, kind: str, confidence: float) -> str:
        """Return the IRI of ``name``, creating a discovered entity of ``kind`` if it is new; a single word that
        ends exactly one known multi-word initiative's name ("Arena" after "DIPS Arena") is that initiative."""
        iri = self.resolve(name) or (self._short_form(name) if kind == "initiative" else None)
        if iri is not None:
            return iri
        label = canonical_label(name, kind)
        entity = Entity(iri=mint(kind, label), kind=kind, label=label, discovered=True, confidence=confidence)
        if entity.iri in self.entities:  # same slug, different spelling: one thing
            self.add_alias(entity.iri, name)
            return entity.iri
        self._register(entity)
        if name != label:
            self.add_alias(entity.iri, name)
        return entity.iri

    def _short_form(self, word: str) -> str | None:
        owners = self._by_last_word.get(word, set())
        return next(iter(owners)) if len(owners) == 1 else None

    def add_alias(self, iri: str, name: str) -> None:
        """Record ``name`` as another label of the entity ``iri``."""
        entity = self.entities[iri]
        if name != entity.label and name not in entity.alt_labels:
            self.entities[iri] = replace(entity, alt_labels=(*entity.alt_labels, name))
        self._index_name(name, iri)

    def learned(self) -> list[Entity]:
        """Return the entities that are new or got new labels in this document."""
        return list(self.entities.values())


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
