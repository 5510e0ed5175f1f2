"""The package as a user installs it: a wheel built from a copy of the checkout (where npm has run), installed
in a fresh virtual environment, serves from any folder a web client whose libraries come from the wheel.

The wheel is installed without its dependencies, which the new environment reaches through a ``.pth`` file
naming this environment's site-packages (nothing is downloaded); Veikart itself, its web client included,
comes only from the wheel, as a check of ``api.__file__`` confirms.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit import ROOT
from testkit.browser import ready
from testkit.processes import serve, stop
from testkit.sample import CORPUS

NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "data", "node_modules", "vendor", "build", "*.egg-info",
                                    "__pycache__", ".*_cache")
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def run(*command, cwd: Path) -> str:
    return subprocess.run([str(c) for c in command], cwd=cwd, env=ENV, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the checkout that has npm's node_modules but no copied libraries."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    (source / "web" / "node_modules").symlink_to(ROOT / "web" / "node_modules")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
        "--wheel-dir", work / "dist", source, cwd=work)
    (built,) = (work / "dist").glob("veikart-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed."""
    folder = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", folder, cwd=folder)
    python = folder / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel,
        cwd=folder)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=folder).strip())
    here = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "veikart-test-dependencies.pth").write_text("\n".join(sorted(here)) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def installed_server(venv, tmp_path_factory):
    """``veikart ingest`` and ``veikart serve`` of the new environment, run from a folder outside the checkout."""
    folder = tmp_path_factory.mktemp("anywhere")
    veikart = venv / "bin" / "veikart"
    run(veikart, "ingest", *CORPUS, "--store", folder / "store", cwd=folder)
    process, url = serve(str(folder / "store"), command=(str(veikart),), cwd=folder, env={"PYTHONPATH": ""})
    yield url
    stop(process)


def test_the_wheel_carries_the_browser_libraries_and_their_licences(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"api/web/vendor/cytoscape/cytoscape.min.js", "api/web/vendor/cytoscape/LICENSES.txt",
            "api/web/vendor/yasgui/yasgui.min.js", "api/web/vendor/yasgui/yasgui.min.css",
            "api/web/vendor/yasgui/LICENSES.txt", "api/web/static/favicon.ico"} <= names
    licences = zipfile.ZipFile(wheel).read("api/web/vendor/yasgui/LICENSES.txt").decode()
    assert "@zazuko/yasgui 4.6.2: MIT" in licences and "codemirror" in licences


def test_the_installed_package_is_the_wheel_not_the_checkout(venv):
    location = run(venv / "bin" / "python", "-c", "import api; print(api.__file__)", cwd=venv)
    assert Path(location.strip()).is_relative_to(venv)


def test_the_installed_server_shows_the_graph_and_related_initiatives(browser, installed_server):
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.goto(installed_server + "/initiatives/pasientens-legemiddelliste")
    ready(page)
    nodes = page.evaluate("window.cy.nodes().map(n => n.id())")
    assert {"sentral-forskrivningsmodul", "kjernejournal"} <= set(nodes)
    expect(page.locator("#related li").first).to_be_visible()
    page.goto(installed_server + "/sparql")
    ready(page)
    expect(page.locator(".yasqe").first).to_be_visible()
    context.close()
    assert problems == []
