"""The domain lexicon as entities, and the name keys that resolve a surface form to one entity."""

from rdflib import Graph

from ingest.model import Entity
from ontology import ENTITY_CLASSES, RDF, SKOS, load_lexicon
from ontology.text import stems

ORG_FORMS = frozenset({"rhf", "hf", "sf", "as", "asa", "ag", "iks", "kf", "ba"})


def name_key(name: str) -> str:
    """Return the key two names of one entity share: stemmed words, org form dropped.

    >>> name_key("Helse Vest RHF") == name_key("helse vest")
    True
    """
    words = stems(name)
    if len(words) > 1 and words[-1] in ORG_FORMS:
        words = words[:-1]
    return " ".join(words)


def lexicon_entities(graph: Graph | None = None) -> list[Entity]:
    """Return the initiatives and organisations of the lexicon, sorted by IRI."""
    graph = load_lexicon() if graph is None else graph
    entities = []
    for kind, rdf_type in ENTITY_CLASSES.items():
        for subject in graph.subjects(RDF.type, rdf_type):
            label = str(graph.value(subject, SKOS.prefLabel))
            alts = tuple(sorted(str(a) for a in graph.objects(subject, SKOS.altLabel)))
            entities.append(Entity(iri=str(subject), kind=kind, label=label, alt_labels=alts))
    return sorted(entities, key=lambda e: e.iri)


def is_abbreviation(name: str) -> bool:
    """Return True for a short form written in capitals, such as "PLL" or "P-EPJ".

    >>> is_abbreviation("SFM"), is_abbreviation("Helsenorge")
    (True, False)
    """
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(name) <= 10 and " " not in name and sum(c.isupper() for c in letters) >= 2 \
        and sum(c.isupper() for c in letters) * 2 > len(letters)
