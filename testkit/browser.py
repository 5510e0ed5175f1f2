"""Driving the web client's pages in headless Chromium (Playwright), and checking them with axe-core."""

from playwright.sync_api import Page

from testkit import ROOT

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"  # npm's copy: a test tool, not shipped
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def ready(page: Page) -> None:
    """Wait until the page's script has rendered what it loads."""
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=20_000)


def accessibility_violations(page: Page, tags: list[str] = WCAG_21_AA) -> list[dict]:
    """Run axe-core on the page as it stands and return its violations of the rules tagged ``tags``, each
    with the rule's id, its help text and the selectors of the failing elements."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, not a <script>: the pages' CSP forbids inline ones
    found = page.evaluate("tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })", tags)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in found["violations"]]
