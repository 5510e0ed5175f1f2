"""The initiative page in a real Chromium: the dependency graph in layers with legible labels, each edge's
kind and confidence, the related initiatives' reasons in the page's language, the history by date."""

from playwright.sync_api import expect

from testkit.browser import ready

LAPTOP = 1366


def test_graph_labels_are_at_least_11_pixels_at_a_laptop_width(page_at, base, screenshots):
    page = page_at(LAPTOP)
    page.goto(base + "/initiatives/pasientens-legemiddelliste")
    ready(page)
    sizes = page.evaluate("cy.elements().map(e => cy.zoom() * parseFloat(e.style('font-size')))")
    assert len(sizes) == 13 and min(sizes) >= 11
    assert min(page.evaluate("cy.nodes().map(n => parseFloat(n.renderedStyle('font-size')))")) >= 11
    inside = page.evaluate("""() => { const width = cy.width(), height = cy.height();
        return cy.nodes().every(n => { const box = n.renderedBoundingBox();
            return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height; }); }""")
    assert inside  # every node on screen at that zoom: nothing to pan to
    page.locator("#graph").screenshot(path=str(screenshots / "initiative-graph.png"))


def test_graph_puts_prerequisites_left_and_dependents_right(page, base):
    page.goto(base + "/initiatives/e-multidose")
    ready(page)
    x = page.evaluate("Object.fromEntries(cy.nodes().map(n => [n.id(), n.position('x')]))")
    assert x["sentral-forskrivningsmodul"] < x["e-multidose"] < x["pasientens-legemiddelliste"]


def test_graph_edges_show_their_kind_and_confidence_with_a_legend(page, base):
    page.goto(base + "/initiatives/pasientens-legemiddelliste")
    ready(page)
    label = page.evaluate("""cy.edges().filter(e => e.source().id() === 'e-multidose')[0].style('source-label')""")
    assert label == "forutsetter · 0,9"
    styles = page.evaluate("Object.fromEntries(cy.edges().map(e => [e.data('kind'), e.style('line-style')]))")
    assert styles == {"requires": "solid", "buildsOn": "dashed", "integratesWith": "solid"}
    expect(page.locator("#graph-legend li")).to_have_text(["forutsetter", "bygger på", "følger", "integreres med",
                                                           "koordineres med", "Tykkere linje: sikrere avhengighet"])
    row = page.locator("#edge-list tbody tr", has_text="E-multidose")
    expect(row.locator("td")).to_have_text(["E-multidose", "Pasientens legemiddelliste", "forutsetter", "0,9",
                                            "Vis kildebelegg E-multidose → Pasientens legemiddelliste"])


def test_graph_speaks_english_when_asked(page, base):
    page.goto(base + "/initiatives/pasientens-legemiddelliste?lang=en")
    ready(page)
    label = page.evaluate("""cy.edges().filter(e => e.source().id() === 'e-multidose')[0].style('source-label')""")
    assert label == "requires · 0.9"


def test_related_reasons_are_in_the_language_of_the_page(page, base):
    page.goto(base + "/initiatives/pasientens-legemiddelliste")
    ready(page)
    first = page.locator("#related li").first
    expect(first).to_contain_text("E-multidose")
    expect(first).to_contain_text("Pasientens legemiddelliste avhenger av dette; felles forutsetning: Sentral "
                                  "forskrivningsmodul; samme delmål: 2.B; nevnt sammen i 3 setninger")
    expect(page.locator("#related")).not_to_contain_text("depends on")
    page.goto(base + "/initiatives/pasientens-legemiddelliste?lang=en")
    ready(page)
    expect(page.locator("#related li").first).to_contain_text("Pasientens legemiddelliste depends on it; shared "
                                                              "prerequisite: Sentral forskrivningsmodul")


def test_history_groups_by_date_and_says_each_sentence_once(page, base):
    page.goto(base + "/initiatives/pasientens-kritiske-informasjon")
    ready(page)
    dates = page.locator("#timeline > li > h3").all_inner_texts()
    assert len(dates) == len(set(dates)) and dates[-1] == "Uten dato"
    february = page.locator("#timeline > li", has=page.locator("h3", has_text="2024-02"))
    sentence = february.locator("li", has_text="I februar 2024 tok Helse Vest i bruk")
    expect(sentence).to_have_count(1)
    assert sorted(sentence.locator(".badge").all_inner_texts()) == ["Innføring", "Utvikling og begrenset utprøving"]


def test_showing_indirect_dependencies_redraws_the_graph_in_place_of_the_old(page, base):
    page.goto(base + "/initiatives/e-multidose")
    ready(page)
    page.evaluate("window.first = cy")
    page.check("#transitive")
    redrawn = page.evaluate("""async () => {  // wait for the redraw, for ten seconds at most
        for (let i = 0; i < 500 && window.cy === window.first; i++) await new Promise(r => setTimeout(r, 20));
        return [window.cy !== window.first, window.first.destroyed(), cy.nodes().length, cy.container().id]; }""")
    assert redrawn == [True, True, 3, "graph"]
