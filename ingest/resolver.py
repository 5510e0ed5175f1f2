"""Resolve names to entities within one document: lexicon first, then what the text teaches."""

from dataclasses import replace

from ingest.lexicon import ORG_FORMS, is_abbreviation, name_key
from ingest.model import Entity
from ontology import mint


class Resolver:
    """Map surface names to entity IRIs; add discovered entities and learned abbreviations."""

    def __init__(self, known: list[Entity]):
        self.entities: dict[str, Entity] = {}
        self.known_iris: set[str] = set()
        self._by_key: dict[str, str] = {}
        self._by_short: dict[str, str] = {}
        for entity in known:
            self._register(entity)
            self.known_iris.add(entity.iri)

    def _register(self, entity: Entity) -> None:
        self.entities[entity.iri] = entity
        for name in (entity.label, *entity.alt_labels):
            self._index_name(name, entity.iri)

    def _index_name(self, name: str, iri: str) -> None:
        if is_abbreviation(name):
            self._by_short.setdefault(name, iri)
        else:
            self._by_key.setdefault(name_key(name), iri)

    def resolve(self, name: str) -> str | None:
        """Return the IRI ``name`` refers to, or None when no entity has that name."""
        head, _, last = name.rpartition(" ")
        for short in (name, head if last.lower() in ORG_FORMS else ""):
            if short in self._by_short:
                return self._by_short[short]
        return self._by_key.get(name_key(name))

    def discover(self, name: str, kind: str, confidence: float) -> str:
        """Return the IRI of ``name``, creating a discovered entity of ``kind`` if it is new."""
        iri = self.resolve(name)
        if iri is not None:
            return iri
        entity = Entity(iri=mint(kind, name), kind=kind, label=name, discovered=True, confidence=confidence)
        if entity.iri in self.entities:  # same slug, different spelling: one thing
            self.add_alias(entity.iri, name)
            return entity.iri
        self._register(entity)
        return entity.iri

    def add_alias(self, iri: str, name: str) -> None:
        """Record ``name`` as another label of the entity ``iri``."""
        entity = self.entities[iri]
        if name != entity.label and name not in entity.alt_labels:
            self.entities[iri] = replace(entity, alt_labels=(*entity.alt_labels, name))
        self._index_name(name, iri)

    def learned(self) -> list[Entity]:
        """Return the entities that are new or got new labels in this document."""
        return list(self.entities.values())
