"""Tests, benchmarks and the scorer's runner share their helpers through ``testkit`` alone: none of them imports
another (nor a conftest, nor a test module), ``testkit`` imports none of them, and no wheel carries them."""

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit import ROOT

TREES = ["tests", "bench", "eval", "testkit"]
SOURCES = sorted(path for tree in TREES for path in (ROOT / tree).rglob("*.py"))


def imported(path: Path) -> Iterator[str]:
    """Yield the module each import statement of ``path`` names, a relative one with its leading dots."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


def crosses_a_tree(module: str) -> bool:
    """Whether ``module`` is relative, in one of the trees other than ``testkit``, a conftest or a test module."""
    parts = module.split(".")
    return (module.startswith(".") or parts[0] in {"tests", "bench", "eval"}
            or any(part == "conftest" or part.startswith("test_") for part in parts))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_tests_benchmarks_and_eval_import_only_testkit_and_the_project(path):
    assert [module for module in imported(path) if crosses_a_tree(module)] == []


def test_the_wheel_carries_none_of_the_trees():
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    assert {package.split(".")[0] for package in packages}.isdisjoint(TREES)
