"""Related initiatives: scored by shared prerequisites and dependents, lead actors, subgoals,
co-mentions and similar names, each reason said in words."""

from collections import defaultdict

from graph.analysis import DependencyGraph
from graph.catalog import Catalog, label_order
from graph.terms import IRI
from ontology import LEADING_ROLES, local_id
from ontology.text import stems

WEIGHTS = {"dependency": 3.0, "shared prerequisite": 2.0, "shared dependent": 2.0, "shared lead actor": 1.5,
           "same subgoal": 1.5, "co-mention": 0.5, "similar name": 1.0}
MAX_CO_MENTIONS = 4
MIN_COMMON = 5
_COMMON = {"pasient", "nasjonal", "digital", "felles", "helse"}


def related(catalog: Catalog, initiative: str, graph: DependencyGraph) -> list[dict]:
    """Return every initiative related to ``initiative``, best first (then by label and id), with a score
    and reasons."""
    reasons: dict[str, list[tuple[str, float]]] = defaultdict(list)

    def add(other: str, reason: str, weight: float) -> None:
        if other != initiative and other in catalog.labels:
            reasons[other].append((reason, weight))

    for reach in graph.prerequisites(initiative):
        add(reach.initiative, f"{catalog.labels[initiative]} depends on it", WEIGHTS["dependency"])
        for sibling in graph.dependents(reach.initiative):
            add(sibling.initiative, f"shared prerequisite: {catalog.labels.get(reach.initiative)}",
                WEIGHTS["shared prerequisite"])
    for reach in graph.dependents(initiative):
        add(reach.initiative, f"depends on {catalog.labels[initiative]}", WEIGHTS["dependency"])
        for sibling in graph.prerequisites(reach.initiative):
            add(sibling.initiative, f"shared dependent: {catalog.labels.get(reach.initiative)}",
                WEIGHTS["shared dependent"])
    _by_group(catalog, initiative, add)
    for row in catalog.store.select("co_mentions", initiative=IRI(initiative)):
        count = int(str(row["count"]))
        add(str(row["other"]), f"named together in {count} sentence{'s' if count > 1 else ''}",
            WEIGHTS["co-mention"] * min(count, MAX_CO_MENTIONS))
    rare = max(MIN_COMMON, len(catalog.labels) // 20)  # a word in one name of twenty says little
    own = {w for w in set(stems(catalog.labels[initiative])) - _COMMON if len(catalog.named_with({w})) <= rare}
    for other in catalog.named_with(own):
        if catalog.kinds.get(other) != "initiative":
            continue
        theirs = set(stems(catalog.labels[other])) - _COMMON
        if own and theirs and own & theirs:
            add(other, "similar name", WEIGHTS["similar name"] * len(own & theirs) / len(own | theirs))
    ranked = sorted(reasons.items(), key=lambda item: (-sum(w for _, w in item[1]),
                                                       *label_order(catalog.labels[item[0]], local_id(item[0]))))
    return [{"initiative": catalog.ref(other), "score": round(sum(w for _, w in found), 2),
             "reasons": list(dict.fromkeys(reason for reason, _ in found))} for other, found in ranked]


def _by_group(catalog: Catalog, initiative: str, add) -> None:
    """Add the initiatives that share a lead actor or a subgoal with ``initiative``; only the rows of its
    own actors and subgoals are read."""
    for actor in {str(r["actor"]) for r in catalog.roles(initiative=initiative) if r["role"] in LEADING_ROLES}:
        for row in catalog.roles(actor=actor):
            if row["role"] in LEADING_ROLES:
                add(str(row["initiative"]), f"shared lead actor: {catalog.labels.get(actor, actor)}",
                    WEIGHTS["shared lead actor"])
    for notation in sorted({str(r["notation"]) for r in catalog.goal_links(initiative) if "." in str(r["notation"])}):
        for row in catalog.goal_links(notation=notation):
            add(str(row["initiative"]), f"same subgoal: {notation}", WEIGHTS["same subgoal"])
