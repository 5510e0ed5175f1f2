"""Turn an annotated Doc into :class:`~ingest.model.Facts`: a pure function of its annotations."""

from spacy.tokens import Doc

from ingest.dependencies import CueBook, extract_dependencies
from ingest.model import Document, Facts, RoleFact
from ingest.phases import PhaseBook, extract_phases
from ingest.structure import Outline, sentence_evidence


def doc_to_facts(doc: Doc, document: Document, cues: CueBook, phase_cues: PhaseBook) -> Facts:
    """Return every fact ``doc`` states, each with the sentence it came from."""
    outline = Outline(doc)
    dependencies, phases = [], []
    for view in outline.sentences():
        dependencies += extract_dependencies(view, cues)
        phases += extract_phases(view, phase_cues)
    mentioned = {span.id_ for span in doc.spans["entities"]}
    entities = tuple(e for iri, e in sorted(doc._.vk_entities.items()) if iri in mentioned)
    return Facts(
        document=document,
        entities=entities,
        dependencies=tuple(dependencies),
        phases=tuple(phases),
        goals=tuple(outline.goals),
        goal_links=tuple(outline.goal_links()),
        roles=tuple(RoleFact(actor=actor, initiative=initiative, kind="lead", evidence=sentence_evidence(sent))
                    for actor, initiative, sent in doc._.vk_roles),
    )

