"""A headless Chromium shared by the browser tests of a module, a page in it that fails the test on a script
error, and the folder the screenshots go to."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from testkit.browser import CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots(request, tmp_path_factory) -> Path:
    """Where the screenshots go: the folder given with ``--screenshots`` (``make screenshots`` gives the
    README's), else a temporary one."""
    folder = request.config.getoption("screenshots")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []
