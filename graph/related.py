"""Related initiatives: scored by shared prerequisites and dependents, lead actors, subgoals,
co-mentions and similar names, each reason a kind with the entity it names."""

from collections import defaultdict
from collections.abc import Callable

from graph.index import label_order
from graph.readmodel import ReadModel
from graph.records import Reason, Related
from ontology import LEADING_ROLES, local_id
from ontology.text import stems

WEIGHTS = {"prerequisite": 3.0, "dependent": 3.0, "sharedPrerequisite": 2.0, "sharedDependent": 2.0,
           "sharedLeadActor": 1.5, "sameSubgoal": 1.5, "coMention": 0.5, "similarName": 1.0}
MAX_CO_MENTIONS = 4
MIN_COMMON = 5
_COMMON = {"pasient", "nasjonal", "digital", "felles", "helse"}


Add = Callable[[str, Reason, float], None]  # another initiative, a reason it is related, and the reason's weight


def related(readmodel: ReadModel, initiative: str) -> list[Related]:
    """Return every initiative related to ``initiative``, best first (then by label and id), with a score
    and reasons."""
    reasons: dict[str, list[tuple[Reason, float]]] = defaultdict(list)
    labels, graph = readmodel.labels, readmodel.dependency_graph()

    def add(other: str, reason: Reason, weight: float) -> None:
        if other != initiative and other in labels:
            reasons[other].append((reason, weight))

    for reach in graph.prerequisites(initiative):
        add(reach.initiative, Reason("prerequisite", labels[initiative]), WEIGHTS["prerequisite"])
        for sibling in graph.dependents(reach.initiative):
            add(sibling.initiative, Reason("sharedPrerequisite", labels.get(reach.initiative)),
                WEIGHTS["sharedPrerequisite"])
    for reach in graph.dependents(initiative):
        add(reach.initiative, Reason("dependent", labels[initiative]), WEIGHTS["dependent"])
        for sibling in graph.prerequisites(reach.initiative):
            add(sibling.initiative, Reason("sharedDependent", labels.get(reach.initiative)),
                WEIGHTS["sharedDependent"])
    _by_group(readmodel, initiative, add)
    for other, count in readmodel.co_mentions(initiative).items():
        add(other, Reason("coMention", count=count), WEIGHTS["coMention"] * min(count, MAX_CO_MENTIONS))
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
                add(role.initiative.iri, Reason("sharedLeadActor", readmodel.labels.get(actor, actor)),
                    WEIGHTS["sharedLeadActor"])
    for notation in sorted(n for n in readmodel.goal_notations(initiative) if "." in n):
        for other in readmodel.serving(notation):
            add(other, Reason("sameSubgoal", notation), WEIGHTS["sameSubgoal"])


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
            add(other, Reason("similarName"), WEIGHTS["similarName"] * len(own & theirs) / len(own | theirs))
