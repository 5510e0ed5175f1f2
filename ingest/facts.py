"""Turn an annotated Doc, its entities identified, into :class:`~ingest.model.Facts`: a pure function of both."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Doc

from ingest.dependencies import CueBook, extract_dependencies, load_cues
from ingest.docs import sentences as doc_sentences
from ingest.figures import extract_observations
from ingest.identity import Identified
from ingest.meetings import extract_meetings
from ingest.model import Document, Facts, StatusNote
from ingest.phases import PhaseBook, PhaseReader, load_phase_cues
from ingest.roles import RoleCue, extract_roles, load_role_cues
from ingest.structure import BULLET, Outline, document_date

_PROGRESS_EVERY = 500  # sentences


@dataclass(frozen=True)
class Rules:
    """The cue phrases of every extractor, read once from ``ingest/patterns``."""

    dependencies: CueBook
    phases: PhaseBook
    roles: tuple[RoleCue, ...]

    @classmethod
    def load(cls) -> "Rules":
        """Read every cue file."""
        dependencies = load_cues()
        return cls(dependencies, load_phase_cues(anaphors=dependencies.anaphors), load_role_cues())


def doc_to_facts(doc: Doc, identified: Identified, document: Document, rules: Rules,
                 progress: Callable[[int, int], None] | None = None) -> Facts:
    """Return every fact ``doc`` states, each with the sentence it came from, its entities as ``identified``
    them; tell ``progress`` (sentences done, sentences in all) as the sentences are read."""
    outline = Outline(doc, identified.mentions, locatives=rules.phases.locatives)
    dependencies, phases, roles, notes = [], [], [], []
    phase_reader = PhaseReader(rules.phases)
    together: Counter[tuple[str, str]] = Counter()
    total = len(doc_sentences(doc)) if progress else 0
    for done, view in enumerate(outline.sentences(), 1):
        if progress and (done % _PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
        named = sorted({m.iri for m in view.initiatives()})
        together.update(combinations(named, 2))
        dependencies += extract_dependencies(view, rules.dependencies)
        phases += phase_reader.read(view)
        roles += extract_roles(view, rules.roles, rules.dependencies.anaphors, rules.phases.locatives)
        if view.bullet and view.heading_subjects:
            evidence = view.evidence()
            notes.append(StatusNote(view.heading_subjects[0], BULLET.sub("", evidence.text), evidence))
    issued = document_date(document.text)
    return Facts(
        document=document,
        entities=identified.entities,
        dependencies=tuple(dependencies),
        phases=tuple(phases),
        goals=tuple(outline.goals),
        goal_links=tuple(outline.goal_links()),
        roles=tuple(roles),
        status_notes=tuple(notes),
        meetings=tuple(extract_meetings(document.text, identified.mentions)),
        observations=tuple(extract_observations(document.text, identified.mentions, issued)),
        issued=issued,
        co_mentions=tuple((a, b, n) for (a, b), n in sorted(together.items())),
    )
