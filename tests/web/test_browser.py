"""The web client in a real headless Chromium against a real server over the sample corpus."""

from playwright.sync_api import expect

from testkit.browser import ready


def test_search_pll_and_open_it(page, base, screenshots):
    page.goto(base + "/")
    ready(page)
    expect(page.locator("#count")).to_contain_text("tiltak")
    page.screenshot(path=str(screenshots / "explorer.png"))
    page.fill("#search", "PLL")
    expect(page.locator("#results li")).to_have_count(1)
    page.press("#search", "Enter")
    page.wait_for_url("**/initiatives/pasientens-legemiddelliste")
    ready(page)
    expect(page.locator("h1")).to_contain_text("Pasientens legemiddelliste")


def test_initiative_graph_evidence_and_related(page, base, screenshots):
    page.goto(base + "/initiatives/pasientens-legemiddelliste")
    ready(page)
    nodes = page.evaluate("window.cy.nodes().map(n => n.id())")
    assert {"sentral-forskrivningsmodul", "kjernejournal"} <= set(nodes)
    x, y = page.evaluate("""() => {
        const edge = cy.edges().filter(e => e.source().id() === 'sentral-forskrivningsmodul'
                                         && e.target().id() === 'pasientens-legemiddelliste')[0];
        const start = edge.renderedSourceEndpoint(), box = cy.container().getBoundingClientRect();
        return [box.left + start.x + 20, box.top + start.y];  // on the edge's own stretch, before it joins others
    }""")
    page.mouse.click(x, y)
    expect(page.locator("#evidence blockquote").first).to_contain_text("integreres med SFM")
    expect(page.locator("#evidence mark").first).to_be_visible()
    assert page.locator("#related li").count() >= 5
    page.screenshot(path=str(screenshots / "initiative.png"), full_page=True)
    page.locator("#evidence a").first.click()
    ready(page)
    expect(page.locator("#doctext mark").first).to_be_visible()


def test_edges_are_reachable_by_keyboard(page, base):
    page.goto(base + "/initiatives/pasientens-legemiddelliste")
    ready(page)
    button = page.locator("#edge-list button", has_text="Kjernejournal")
    button.first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#evidence blockquote").first).to_be_visible()


def test_sparql_page_runs_a_query_and_shows_rows(page, base, screenshots):
    page.goto(base + "/sparql")
    ready(page)
    page.locator(".yasqe_queryButton").first.click()
    expect(page.locator(".yasr table tbody tr").first).to_be_visible(timeout=20_000)
    page.screenshot(path=str(screenshots / "sparql.png"))


def test_roadmap_draws_phase_bars_and_dependency_arrows(page, base, screenshots):
    page.goto(base + "/roadmap")
    ready(page)
    assert page.locator("svg.roadmap rect.bar").count() > 10
    assert page.locator("svg.roadmap path.arrow").count() > 3
    page.screenshot(path=str(screenshots / "roadmap.png"), full_page=True)
    with page.expect_download() as download:
        page.click("#export-svg")
    assert download.value.suggested_filename == "veikart.svg"


def test_explorer_fits_a_phone(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "/")
    ready(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    context.close()


def portal_page(portal, base: str, name: str, widget: str, *, lang: str = "") -> str:
    """Write a page of the other origin that holds ``widget`` inside an element of ``lang``; return its URL."""
    origin, folder = portal
    (folder / name).write_text(
        f'<!doctype html><html><body><h1>Intranett</h1><section lang="{lang}">{widget}</section>'
        f'<script type="module" src="{base}/static/widget.js"></script></body></html>', encoding="utf-8")
    return f"{origin}/{name}"


def test_widget_on_a_page_from_another_origin(page, base, portal):
    page.goto(portal_page(portal, base, "portal.html",
                          '<veikart-related initiative="pasientens-legemiddelliste" limit="6"></veikart-related>'))
    expect(page.locator("veikart-related li")).to_have_count(6, timeout=20_000)
    expect(page.locator("veikart-related a").first).to_have_attribute("href", f"{base}/initiatives/e-multidose")
    expect(page.locator("veikart-related li").first).to_contain_text("Pasientens legemiddelliste avhenger av dette")


def test_widget_words_its_reasons_in_the_language_of_its_element(page, base, portal):
    page.goto(portal_page(portal, base, "english.html",
                          '<veikart-related initiative="pasientens-legemiddelliste" limit="1"></veikart-related>',
                          lang="en-GB"))
    expect(page.locator("veikart-related li")).to_contain_text("Pasientens legemiddelliste depends on it",
                                                               timeout=20_000)
