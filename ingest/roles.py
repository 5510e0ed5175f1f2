"""Find the roles organisations have in initiatives: who leads, is responsible, takes part or pays."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.cues import antecedents, cue_hits, mentioned, points_back
from ingest.model import RoleFact
from ingest.structure import SentenceView

CUES_FILE = Path(__file__).parent / "patterns" / "role_cues.json"


@dataclass(frozen=True)
class RoleCue:
    """A cue phrase of a role of ``kind``; the organisation stands on the ``actor`` side."""

    id: str
    kind: str
    actor: str  # "left" or "right"
    actors: str  # "nearest" or "all"
    regex: re.Pattern


def load_role_cues(path: Path = CUES_FILE) -> tuple[RoleCue, ...]:
    """Read the role cues from their data file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(RoleCue(c["id"], c["kind"], c["actor"], c["actors"], re.compile(c["regex"], re.I))
                 for c in data["cues"])


def extract_roles(view: SentenceView, cues: tuple[RoleCue, ...], anaphors: frozenset[str],
                  locatives: frozenset[str]) -> list[RoleFact]:
    """Return a role for each organisation and initiative a role cue of the sentence joins."""
    if not any(m.kind == "organization" for m in view.mentions):
        return []  # the organisation is always named in the sentence
    facts = []
    for hit in cue_hits(view, cues):
        cue: RoleCue = hit.cue  # type: ignore[assignment]
        left, right = (hit.left_from, hit.start), (hit.end, hit.right_to)
        actor_side, initiative_side = (left, right) if cue.actor == "left" else (right, left)
        actors = mentioned(view, "organization", *actor_side)
        if cue.actors == "nearest":
            actors = actors[-1:] if cue.actor == "left" else actors[:1]
        initiatives = mentioned(view, "initiative", *initiative_side, locatives)
        if cue.actor == "right":  # "X (ledes av Y)": the initiative just before the cue
            initiatives = initiatives[-1:]
        if not initiatives and points_back(view.text[slice(*initiative_side)], anaphors):
            initiatives = antecedents(view)[:1]
        facts += [RoleFact(actor=a, initiative=i, kind=cue.kind, evidence=view.evidence())
                  for a in actors for i in initiatives]
    return facts
