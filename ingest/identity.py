"""Give the entities of an annotated Doc their IRIs: the one place where an entity's identity is decided.

The pipeline's components know an entity only by its key within the document (see :mod:`ingest.resolver`).
After the pipeline, a lexicon entity keeps the IRI the lexicon gives it and a discovered one gets the IRI
minted from its kind and canonical label, so one thing named in two documents is one node of the graph.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from spacy.tokens import Doc

from ingest.model import Entity, Mention, Referent
from ingest.pipeline import ENTITY_SPANS
from ontology import mint


@dataclass(frozen=True)
class Identified:
    """What a Doc names, identified: the entities it mentions, sorted by IRI, and every mention in document
    order, each with the IRI of its entity."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]


class Identity:
    """Decide the IRI of each entity a Doc mentions: the lexicon's own for a lexicon entity, minted for one the
    text taught."""

    def __init__(self, lexicon: Iterable[Entity]):
        self._lexicon = {(entity.kind, entity.label): entity.iri for entity in lexicon}

    def iri(self, referent: Referent) -> str:
        """Return the IRI of ``referent``."""
        if referent.discovered:
            return mint(referent.kind, referent.label)
        return self._lexicon[(referent.kind, referent.label)]

    def identify(self, doc: Doc) -> Identified:
        """Return the entities and mentions of ``doc``, annotated by the pipeline, with their IRIs."""
        spans = doc.spans[ENTITY_SPANS]
        referents: dict[str, Referent] = doc._.vk_entities
        iris = {key: self.iri(referents[key]) for key in dict.fromkeys(span.id_ for span in spans)}
        entities = sorted((Entity(iri=iri, **asdict(referents[key])) for key, iri in iris.items()),
                          key=lambda entity: entity.iri)
        mentions = (Mention(iris[span.id_], span.label_, span.start_char, span.end_char) for span in spans)
        return Identified(tuple(entities), tuple(mentions))
