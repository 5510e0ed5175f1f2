"""The packages import each other one way only: no import cycle, no arrow back between layers, no module that
imports a router but the app that mounts them, and queries run only in the store and the read model. Tests,
benchmarks and the scorer's runner share their helpers through ``testkit`` alone: none of them imports another
(nor a conftest, nor a test module), ``testkit`` imports none of them, and no wheel carries them.

The imports are read from the source (every ``import`` statement, in functions too), not from a run.
"""

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit import ROOT

PACKAGES = ("ontology", "ingest", "graph", "api")
# What each package may import of ours: ontology <- ingest, ontology <- graph <- api, and api wires ingest in.
MAY_IMPORT = {"ontology": {"ontology"}, "ingest": {"ontology", "ingest"}, "graph": {"ontology", "graph"},
              "api": {"ontology", "ingest", "graph", "api"}}
QUERYING = {"graph.store", "graph.embedded", "graph.remote", "graph.index", "graph.readmodel"}
TREES = ["tests", "bench", "eval", "testkit"]
SOURCES = sorted(path for tree in TREES for path in (ROOT / tree).rglob("*.py"))


def modules() -> dict[str, Path]:
    """Return every module of the packages by its dotted name."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = modules()


def statements(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Yield each import statement of ``path`` as the module it names (a relative one with its leading dots)
    and the names it imports from it (empty for ``import a``)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or ""), [alias.name for alias in node.names]


def imported(path: Path) -> Iterator[str]:
    """Yield the modules of ours that the source of ``path`` imports: ``from a import b`` is the module
    ``a.b`` when there is one, else ``a``."""
    for module, names in statements(path):
        found = [f"{module}.{name}" if f"{module}.{name}" in MODULES else module for name in names] or [module]
        yield from (name for name in found if name in MODULES)


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


def crosses_a_tree(module: str) -> bool:
    """Whether ``module`` is relative, in one of the trees other than ``testkit``, a conftest or a test module."""
    parts = module.split(".")
    return (module.startswith(".") or parts[0] in {"tests", "bench", "eval"}
            or any(part == "conftest" or part.startswith("test_") for part in parts))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_tests_benchmarks_and_eval_import_only_testkit_and_the_project(path):
    assert [module for module, _ in statements(path) if crosses_a_tree(module)] == []


def test_the_wheel_carries_none_of_the_trees():
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    assert {package.split(".")[0] for package in packages}.isdisjoint(TREES)
