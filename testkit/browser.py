"""Driving the web client's pages in headless Chromium (Playwright)."""

from playwright.sync_api import Page

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def ready(page: Page) -> None:
    """Wait until the page's script has rendered what it loads."""
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=20_000)
