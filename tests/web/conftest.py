"""A headless Chromium shared by the browser tests of a module."""

import pytest
from playwright.sync_api import sync_playwright

from testkit.browser import CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
