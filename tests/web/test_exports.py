"""The exports in a real headless Chromium: the roadmap page's download links each save their file, and
Mermaid (from npm, installed by the Makefile into web/node_modules) parses and draws the gantt export."""

import csv
import io
import json
import zipfile
from xml.etree import ElementTree as ET

import networkx as nx
import openpyxl
import pytest

from api.config import Settings
from api.ingestion import ingest_document
from api.main import create_app
from graph.exports.mermaid import gantt
from graph.readmodel import ReadModel
from ingest import read_bytes
from testkit import ROOT
from testkit.browser import ready
from testkit.loopback import serving

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




def sheets(data: bytes) -> list[str]:
    return openpyxl.load_workbook(io.BytesIO(data), read_only=True).sheetnames


def csv_headers(data: bytes) -> dict[str, list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: next(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
                for name in archive.namelist()}


# Each link's id, the file it saves, and what that file must hold when read by the tool that reads its format.
DOWNLOADS = {
    "archimate": ("veikart-archimate.xml", lambda data: ET.fromstring(data).tag.endswith("}model")),
    "xlsx": ("veikart.xlsx", lambda data: sheets(data) == ["Tiltak", "Avhengigheter", "Faseutsagn", "Organisasjoner",
                                                           "Roller"]),
    "csv": ("veikart-tabeller.zip", lambda data: csv_headers(data)["tiltak.csv"][:2] == ["id", "Tiltak"]),
    "mermaid": ("veikart-tidslinje.mmd", lambda data: data.decode("utf-8").splitlines()[1] == "gantt"),
    "graphml": ("veikart-avhengigheter.graphml",
                lambda data: nx.read_graphml(io.BytesIO(data), force_multigraph=True).number_of_edges() > 0),
    "jsonld": ("veikart.jsonld", lambda data: json.loads(data)["@graph"][0]["type"] == "Initiative"),
}


@pytest.fixture(scope="module")
def base(corpus_store, extractor):
    with serving(create_app(Settings(store="unused"), store=corpus_store, extractor=extractor)) as url:
        yield url


@pytest.fixture
def roadmap(browser, base):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/roadmap")
    ready(page)
    yield page
    context.close()


@pytest.mark.parametrize("export", list(DOWNLOADS))
def test_each_download_link_of_the_roadmap_saves_its_file(roadmap, export, tmp_path):
    filename, holds_what_it_should = DOWNLOADS[export]
    link = roadmap.get_by_role("navigation", name="Last ned for andre verktøy").locator(f"#download-{export}")
    assert link.inner_text()  # a link with words a screen reader reads out
    with roadmap.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == filename
    saved = tmp_path / filename
    download.value.save_as(saved)
    assert holds_what_it_should(saved.read_bytes())


def test_the_download_links_are_reached_by_keyboard(roadmap):
    links = roadmap.locator(".downloads a")
    assert links.count() == len(DOWNLOADS)
    links.first.focus()
    with roadmap.expect_download() as download:
        roadmap.keyboard.press("Enter")
    assert download.value.suggested_filename == DOWNLOADS["archimate"][0]


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
