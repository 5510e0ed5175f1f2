"""The web client against WCAG 2.1 A and AA: axe-core in a real Chromium on every page at a laptop's and a
phone's width, before and after unfolding what the page folds away; the same header on every page; the
roadmap and the dependency graph with text alternatives a keyboard and a screen reader can use."""

import pytest
from playwright.sync_api import Page, expect

from testkit.browser import accessibility_violations, ready

WIDTHS = {"laptop": 1366, "phone": 390}


def show_evidence(page: Page) -> None:
    page.locator("#edge-list button").first.click()
    expect(page.locator("#evidence blockquote").first).to_be_visible()


def open_the_table(page: Page) -> None:
    page.click("#roadmap-table summary")
    expect(page.locator("#roadmap-table table")).to_be_visible()


def run_the_query(page: Page) -> None:
    page.locator(".yasqe_queryButton").first.click()
    expect(page.locator(".yasr table tbody tr").first).to_be_visible(timeout=20_000)


PAGES = {  # each page, and what unfolds the rest of it
    "/": None,
    "/initiatives/pasientens-legemiddelliste": show_evidence,
    "/roadmap": open_the_table,
    "/actors/helse-nord-rhf": None,
    "/documents/strategiradet-2026-03-26": None,
    "/sparql": run_the_query,
}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_21_aa_violation(page_at, base, path, width):
    page = page_at(width)
    page.goto(base + path)
    ready(page)
    assert accessibility_violations(page) == []
    unfold = PAGES[path]
    if unfold is not None:
        unfold(page)
        assert accessibility_violations(page) == []


def test_every_page_has_the_same_header_with_its_own_place_marked(page, base):
    for path in PAGES:
        page.goto(base + path)
        ready(page)
        menu = page.get_by_role("navigation", name="Hovedmeny").get_by_role("link")
        expect(menu).to_have_text(["Utforsk", "Veikart", "SPARQL"])
        current = page.locator("header nav a[aria-current=page]")
        expect(current).to_have_count(1 if path in ("/", "/roadmap", "/sparql") else 0)
        if path in ("/", "/roadmap", "/sparql"):
            expect(current).to_have_attribute("href", path)
        expect(page.locator("header #language")).to_have_text("English")


def test_header_and_menu_follow_the_language_chosen(page, base):
    page.goto(base + "/sparql?lang=en")
    ready(page)
    expect(page.get_by_role("navigation", name="Main menu").get_by_role("link")).to_have_text(
        ["Explore", "Roadmap", "SPARQL"])
    assert page.evaluate("document.documentElement.lang") == "en"
    page.click("header #language")
    ready(page)
    expect(page.locator("header #language")).to_have_text("English")


def test_roadmap_table_holds_every_bar_and_dependency_of_the_figure(page, base):
    page.goto(base + "/roadmap")
    ready(page)
    open_the_table(page)
    bars = page.locator("svg.roadmap rect.bar")
    initiatives = set(page.eval_on_selector_all("svg.roadmap rect.bar", "bars => bars.map(b => b.dataset.initiative)"))
    expect(page.locator("#roadmap-table tbody tr")).to_have_count(len(initiatives))
    expect(page.locator("#roadmap-table tbody td:nth-child(2) li")).to_have_count(bars.count())
    pll = page.locator("#roadmap-table tbody tr", has=page.get_by_role("rowheader", name="Pasientens legemiddelliste"))
    expect(pll.locator("td").nth(1)).to_contain_text("Sentral forskrivningsmodul")
    page.fill("#roadmap-filter", "legemiddelliste")
    expect(page.locator("#roadmap-table tbody tr")).to_have_count(1)
    expect(page.locator("#roadmap-table")).to_have_attribute("open", "")


def test_roadmap_figure_scrolls_by_keyboard_on_a_phone(page_at, base):
    page = page_at(WIDTHS["phone"])
    page.goto(base + "/roadmap")
    ready(page)
    page.focus("#roadmap")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#roadmap")).to_be_focused()
    expect(page.locator("#roadmap")).not_to_have_js_property("scrollLeft", 0)


def test_dependency_table_names_each_edge_for_a_screen_reader(page, base):
    page.goto(base + "/initiatives/pasientens-legemiddelliste")
    ready(page)
    table = page.get_by_role("table", name="Avhengighetene som tabell")
    expect(table.get_by_role("row")).to_have_count(1 + page.evaluate("cy.edges().length"))
    button = table.get_by_role("button", name="Vis kildebelegg E-multidose → Pasientens legemiddelliste")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#evidence")).to_be_focused()
    expect(page.locator("#evidence")).to_contain_text("E-multidose → Pasientens legemiddelliste (forutsetter")
    summary = ("Avhengighetsgraf for Pasientens legemiddelliste: 6 forutsetninger til venstre, 0 avhengige til høyre. "
               "Tabellen under viser de samme avhengighetene.")
    expect(page.get_by_role("img", name=summary)).to_be_visible()
