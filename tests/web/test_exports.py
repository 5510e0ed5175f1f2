"""The exports in a real headless Chromium: Mermaid (from npm, installed by the Makefile into web/node_modules)
parses and draws the gantt export."""

import pytest

from api.ingestion import ingest_document
from graph.exports.mermaid import gantt
from graph.readmodel import ReadModel
from ingest import read_bytes
from testkit import ROOT

MERMAID = ROOT / "web" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
# Parse, then draw: drawing resolves every date and every "after"; return each task bar's name, class and extent.
DRAW = """async (text) => {
    await mermaid.parse(text);
    mermaid.initialize({ startOnLoad: false });
    const { svg } = await mermaid.render("gantt", text);
    const drawn = new DOMParser().parseFromString(svg, "image/svg+xml");
    return [...drawn.querySelectorAll("rect.task")].map((bar) => {
        const label = drawn.getElementById(bar.id + "-text");
        return { name: label.textContent.trim(), classes: bar.getAttribute("class"),
                 x: +bar.getAttribute("x"), width: +bar.getAttribute("width") };
    });
}"""
INVENTED = ("Plan\n\nSentral forskrivningsmodul (SFM) skal innføres i 2025.\n\n"
            "Pasientens legemiddelliste (PLL) forutsetter SFM.\n")


@pytest.fixture
def mermaid(browser):
    """A page with Mermaid loaded: ``mermaid(text)`` parses and draws a chart and returns its task bars."""
    page = browser.new_page()
    page.goto("about:blank")
    page.add_script_tag(path=str(MERMAID))
    yield lambda text: page.evaluate(DRAW, text)
    page.close()


def test_mermaid_draws_a_bar_for_every_task_of_the_roadmap(client, mermaid):
    text = client.get("/api/export", params={"format": "mermaid"}).text
    lines = [line for line in text.splitlines() if line.startswith("    ") and " :" in line]
    bars = mermaid(text)
    assert lines and len(bars) == len(lines)
    assert {bar["name"] for bar in bars} == {line.split(" :")[0].strip() for line in lines}
    assert all("active" in bar["classes"] for bar in bars if bar["name"].endswith("(tentativ)"))


def test_mermaid_refuses_a_chart_that_breaks_its_grammar(mermaid):
    with pytest.raises(Exception, match="Parse error"):
        mermaid("gantt\n    dateFormat YYYY-MM-DD\n    Task :a, 2025-01-01, #1\n")  # "#" begins a comment


def test_mermaid_draws_an_undated_initiative_after_its_prerequisite(store, extractor, mermaid):
    ingest_document(store, extractor, read_bytes("plan.txt", INVENTED.encode()))
    bars = {bar["name"]: bar for bar in mermaid(gantt(ReadModel.of(store)).decode("utf-8"))}
    prerequisite = bars["Sentral forskrivningsmodul – Innføring"]
    placed = bars["Pasientens legemiddelliste (udatert, etter forutsetningene)"]
    assert placed["x"] >= prerequisite["x"] + prerequisite["width"]
