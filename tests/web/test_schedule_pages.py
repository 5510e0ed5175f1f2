"""Schedule conflicts and the critical path in the web client, in a real headless Chromium against a real server
over the invented plans of ``testkit.plans``, on the embedded and the remote store."""

import pytest
from playwright.sync_api import expect

from api.config import Settings
from api.main import create_app
from graph import open_store
from graph.embedded import EmbeddedStore
from testkit.browser import ready
from testkit.loopback import serving
from testkit.plans import ingest_plans


@pytest.fixture(scope="module")
def base(backend, oxigraph, tmp_path_factory, extractor):
    """A server over the plans, in an embedded store or a remote one."""
    store = EmbeddedStore(tmp_path_factory.mktemp("plans-store")) if backend == "embedded" \
        else open_store(oxigraph("plans").url)
    ingest_plans(store, extractor)
    with serving(create_app(Settings(store="unused"), store=store, extractor=extractor)) as url:
        yield url
    store.close()


def test_the_roadmap_marks_the_conflict_and_lists_it_with_evidence(page, base, screenshots):
    page.goto(base + "/roadmap")
    ready(page)
    mark = page.locator('svg.roadmap text.conflict-mark[data-initiative="pasientens-timebok"]')
    expect(mark).to_have_text("!konflikt: Pasientens timebok avhenger av Pasientens reiseplan")
    expect(page.locator('svg.roadmap text.conflict-mark[data-initiative="pasientens-pleieplan"]')).to_contain_text("?")
    expect(page.locator('svg.roadmap text.conflict-mark[data-initiative="pasientens-journalkopi"]')).to_have_count(0)
    conflict = page.locator('#conflicts li.severity-conflict[data-dependent="pasientens-timebok"]')
    expect(conflict).to_contain_text("Pasientens timebok (innføring 2025) avhenger av Pasientens reiseplan "
                                     "(innføring 2026) – 12 mnd. mellom")
    expect(page.locator("#conflicts li.severity-unknown")).to_have_count(2)
    conflict.locator("summary").click()
    expect(conflict.locator("details li").first).to_contain_text("Pasientens timebok forutsetter Pasientens reiseplan.")
    page.locator("main").screenshot(path=str(screenshots / "conflicts.png"))
    page.fill("#roadmap-filter", "timebok")  # a redrawn figure is marked again
    expect(mark).to_have_count(1)


def test_the_initiative_page_shows_its_conflicts_and_critical_path(page, base):
    page.goto(base + "/initiatives/pasientens-behandlingsplan")
    ready(page)
    panel = page.locator("#schedule")
    expect(panel.locator("h3")).to_have_text("Kritisk vei: Innføring")
    expect(panel).to_contain_text("Egen plan: innføring 2028")
    steps = panel.locator("ol.critical-path li")
    expect(steps).to_have_text(["Pasientens kostholdsplan – innføring 2027 (slakk 12 mnd.)",
                                "Pasientens legemiddelprofil – uten dato",
                                "Pasientens innsjekk – innføring 2026"])
    expect(panel.locator("ol.critical-path li.undated")).to_have_count(1)
    expect(panel).to_contain_text("Tidligst mulig: innføring 2027 (Pasientens kostholdsplan)")
    expect(panel.locator("ul.conflicts li.severity-unknown")).to_have_count(0)  # its own plan is in order
    page.goto(base + "/initiatives/pasientens-timebok")
    ready(page)
    expect(page.locator("#schedule ul.conflicts li.severity-conflict")).to_contain_text("Pasientens reiseplan")
