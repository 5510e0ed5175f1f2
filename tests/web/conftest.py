"""A headless Chromium shared by the browser tests of a module, a real server over the sample corpus, a page
that fails its test on a script error, a portal on another origin, and where screenshots go."""

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from api.config import Settings
from api.main import create_app
from testkit.browser import CHROMIUM_ARGS
from testkit.loopback import serving


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


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """A page on another origin that embeds the widget; returns (origin, folder to write pages into)."""
    folder = tmp_path_factory.mktemp("portal")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # a free port, bound at once
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", folder
    httpd.shutdown()


@pytest.fixture(scope="module")
def base(corpus_store, extractor, portal):
    app = create_app(Settings(store="unused", cors_origins=[portal[0]]), store=corpus_store, extractor=extractor)
    with serving(app) as url:
        yield url


@pytest.fixture
def page_at(browser):
    """Open a page in a window ``width`` pixels wide (a phone is 390, a laptop 1366); a script error on any
    page opened fails the test."""
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def open_page(width: int, height: int = 900) -> Page:
        contexts.append(browser.new_context(viewport={"width": width, "height": height}))
        opened = contexts[-1].new_page()
        opened.on("pageerror", lambda error: errors.append(str(error)))
        return opened

    yield open_page
    for context in contexts:
        context.close()
    assert errors == []


@pytest.fixture
def page(page_at) -> Page:
    return page_at(1280)
