"""The packages import each other one way only: no import cycle, no arrow back between layers, no module that
imports a router but the app that mounts them, and queries run only in the store and the read model.

The imports are read from the source (every ``import`` statement, in functions too), not from a run.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ontology", "ingest", "graph", "api")
# What each package may import of ours: ontology <- ingest, ontology <- graph <- api, and api wires ingest in.
MAY_IMPORT = {"ontology": {"ontology"}, "ingest": {"ontology", "ingest"}, "graph": {"ontology", "graph"},
              "api": {"ontology", "ingest", "graph", "api"}}
QUERYING = {"graph.store", "graph.embedded", "graph.remote", "graph.index", "graph.readmodel"}


def modules() -> dict[str, Path]:
    """Return every module of the packages by its dotted name."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = modules()


def imported(path: Path) -> Iterator[str]:
    """Yield the modules of ours that the source of ``path`` imports: ``from a import b`` is the module
    ``a.b`` when there is one, else ``a``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                     for alias in node.names]
        else:
            continue
        yield from (name for name in names if name in MODULES)


IMPORTS = {name: set(imported(path)) - {name} for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the groups of modules that import each other, directly or through others (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while (member := stack.pop()) != node:
                group.append(member)
            if group:
                found.append(sorted([node, *group]))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_modules_are_found():
    assert {"graph.store", "graph.factory", "api.main", "api.routes.initiatives"} <= MODULES.keys()


def test_no_module_imports_itself_back_through_others():
    assert cycles(IMPORTS) == []


def test_a_cycle_is_found_when_there_is_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_the_layers_below_it(package):
    arrows_back = {(name, target) for name, targets in IMPORTS.items() if name.split(".")[0] == package
                   for target in targets if target.split(".")[0] not in MAY_IMPORT[package]}
    assert arrows_back == set()


def test_only_the_app_imports_a_router():
    importers = {name for name, targets in IMPORTS.items()
                 if any(t.startswith("api.routes.") for t in targets) and not name.startswith("api.routes.")}
    assert importers == {"api.main"}
    between_routers = {(name, t) for name, targets in IMPORTS.items() if name.startswith("api.routes.")
                       for t in targets if t.startswith("api.routes.")}
    assert between_routers == set()


def test_queries_run_only_in_the_store_and_the_read_model():
    callers = {name for name, path in MODULES.items() if name.split(".")[0] in ("graph", "api")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "select"}
    assert callers <= QUERYING
