"""The rules of a schedule: which phase each end of a dependency must reach, by the dependency's kind.

They are data (``graph/schedule_rules.json`` by default, or a file of the same shape): by default a dependent
reaches innføring only after its prerequisite has; a kind may change either phase (``integratesWith`` needs
its prerequisite in utprøving only), and an unordered kind (``coordinatedWith``) sets no order in time.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InvalidRules
from ontology import DEPENDENCY_KINDS

RULES_FILE = Path(__file__).parent / "schedule_rules.json"
Needs = tuple[str, str]  # the phase notations the dependent and the prerequisite must reach


@dataclass(frozen=True)
class ScheduleRules:
    """The phases (notations) each kind of dependency orders: the dependent's, then the prerequisite's.

    >>> rules = load_rules()
    >>> rules.needs("requires"), rules.needs("integratesWith"), rules.needs("coordinatedWith")
    (('innforing', 'innforing'), ('innforing', 'utvikling_begrenset_utproving'), None)
    """

    default: Needs
    kinds: dict[str, Needs]
    unordered: frozenset[str]

    def needs(self, kind: str) -> Needs | None:
        """Return the phases an edge of ``kind`` orders, or None when the kind sets no order in time."""
        return None if kind in self.unordered else self.kinds.get(kind, self.default)


def load_rules(path: Path | None = None) -> ScheduleRules:
    """Read the schedule rules of ``path`` (by default the ones Veikart ships); raise InvalidRules, saying what
    is wrong, for a file that cannot be read or has not their shape."""
    path = path or RULES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        default = _needs(data["default"], None, "default")
        kinds = {kind: _needs(needs, default, kind) for kind, needs in data.get("kinds", {}).items()}
        unordered = frozenset(data.get("unordered", []))
    except OSError as exc:
        raise InvalidRules(f"{path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InvalidRules(f"{path}: not JSON: {exc}") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise InvalidRules(f"{path}: not schedule rules ({exc!r}); see {RULES_FILE.name} for their shape") from exc
    unknown = sorted((kinds.keys() | unordered) - set(DEPENDENCY_KINDS))
    if unknown:
        raise InvalidRules(f"{path}: no dependency kind is called {', '.join(unknown)}; "
                           f"the kinds are {', '.join(DEPENDENCY_KINDS)}")
    return ScheduleRules(default, kinds, unordered)


def _needs(entry: dict[str, str], default: Needs | None, name: str) -> Needs:
    """Return the (dependent, prerequisite) phases of a rule; what it leaves out is the default's."""
    dependent = entry.get("dependent") or (default[0] if default else None)
    prerequisite = entry.get("prerequisite") or (default[1] if default else None)
    if not isinstance(dependent, str) or not isinstance(prerequisite, str):
        raise TypeError(f"the rule {name!r} names no phase for each end")
    return dependent, prerequisite
