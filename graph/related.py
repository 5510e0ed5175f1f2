"""Related initiatives: scored by shared prerequisites and dependents, lead actors, subgoals,
co-mentions and similar names, each reason said in words."""

from collections import defaultdict
from collections.abc import Callable

from graph.index import label_order
from graph.readmodel import ReadModel
from graph.records import Related
from ontology import LEADING_ROLES, local_id
from ontology.text import stems

WEIGHTS = {"dependency": 3.0, "shared prerequisite": 2.0, "shared dependent": 2.0, "shared lead actor": 1.5,
           "same subgoal": 1.5, "co-mention": 0.5, "similar name": 1.0}
MAX_CO_MENTIONS = 4
MIN_COMMON = 5
_COMMON = {"pasient", "nasjonal", "digital", "felles", "helse"}


Add = Callable[[str, str, float], None]  # another initiative, a reason it is related, and the reason's weight


def related(readmodel: ReadModel, initiative: str) -> list[Related]:
    """Return every initiative related to ``initiative``, best first (then by label and id), with a score
    and reasons."""
    reasons: dict[str, list[tuple[str, float]]] = defaultdict(list)
    labels, graph = readmodel.labels, readmodel.dependency_graph()

    def add(other: str, reason: str, weight: float) -> None:
        if other != initiative and other in labels:
            reasons[other].append((reason, weight))

    for reach in graph.prerequisites(initiative):
        add(reach.initiative, f"{labels[initiative]} depends on it", WEIGHTS["dependency"])
        for sibling in graph.dependents(reach.initiative):
            add(sibling.initiative, f"shared prerequisite: {labels.get(reach.initiative)}",
                WEIGHTS["shared prerequisite"])
    for reach in graph.dependents(initiative):
        add(reach.initiative, f"depends on {labels[initiative]}", WEIGHTS["dependency"])
        for sibling in graph.prerequisites(reach.initiative):
            add(sibling.initiative, f"shared dependent: {labels.get(reach.initiative)}",
                WEIGHTS["shared dependent"])
    _by_group(readmodel, initiative, add)
    for other, count in readmodel.co_mentions(initiative).items():
        add(other, f"named together in {count} sentence{'s' if count > 1 else ''}",
            WEIGHTS["co-mention"] * min(count, MAX_CO_MENTIONS))
    _by_name(readmodel, initiative, add)
    ranked = sorted(reasons.items(), key=lambda item: (-sum(w for _, w in item[1]),
                                                       *label_order(labels[item[0]], local_id(item[0]))))
    return [Related(readmodel.entity(other), round(sum(w for _, w in found), 2),
                    tuple(dict.fromkeys(reason for reason, _ in found))) for other, found in ranked]


def _by_group(readmodel: ReadModel, initiative: str, add: Add) -> None:
    """Add the initiatives that share a lead actor or a subgoal with ``initiative``; only the rows of its
    own actors and subgoals are read."""
    for actor in {r.actor.iri for r in readmodel.roles(initiative=initiative) if r.role in LEADING_ROLES}:
        for role in readmodel.roles(actor=actor):
            if role.role in LEADING_ROLES:
                add(role.initiative.iri, f"shared lead actor: {readmodel.labels.get(actor, actor)}",
                    WEIGHTS["shared lead actor"])
    for notation in sorted(n for n in readmodel.goal_notations(initiative) if "." in n):
        for other in readmodel.serving(notation):
            add(other, f"same subgoal: {notation}", WEIGHTS["same subgoal"])


def _by_name(readmodel: ReadModel, initiative: str, add: Add) -> None:
    """Add the initiatives whose names share a rare word with the name of ``initiative``."""
    labels = readmodel.labels
    rare = max(MIN_COMMON, len(labels) // 20)  # a word in one name of twenty says little
    own = {w for w in set(stems(labels[initiative])) - _COMMON if len(readmodel.named_with({w})) <= rare}
    for other in readmodel.named_with(own):
        if readmodel.kinds.get(other) != "initiative":
            continue
        theirs = set(stems(labels[other])) - _COMMON
        if own and theirs and own & theirs:
            add(other, "similar name", WEIGHTS["similar name"] * len(own & theirs) / len(own | theirs))
