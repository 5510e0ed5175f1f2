"""Tables as tables in every format: an agenda and a figures table written as a Markdown pipe table and as
an HTML table give what the tab-separated form gives; wrapped Markdown stays one block, links keep only
their text."""

import pytest

from ingest import read_bytes
from ontology import VK
from testkit.pdfmaker import make_pdf

HEAD = "Møte i Fagrådet\n\n14. oktober 2026\n\nMøterom Fjorden, Oslo\n\n"
TAB_AGENDA = ("Saksnr\tAgenda Fagrådet 14. oktober 2026\tPresenter saken\tTid\tSakstype\n"
              "1/26\tGodkjenning av innkalling\tLise Berg, Helsedirektoratet\t09:00\tGodkjenning\n"
              "2/26\tStatus for Pasientens timebok\tJon Dahl, Norsk helsenett SF\t09:15\tOrientering\n")
PIPE_AGENDA = ("| Saksnr | Agenda Fagrådet 14. oktober 2026 | Presenter saken | Tid | Sakstype |\n"
               "|---|---|---|---|---|\n"
               "| 1/26 | Godkjenning av innkalling | Lise Berg, Helsedirektoratet | 09:00 | Godkjenning |\n"
               "| 2/26 | Status for Pasientens timebok | Jon Dahl, Norsk helsenett SF | 09:15 | Orientering |\n")
HTML_PAGE = ("<html><body><main><h1>Møte i Fagrådet</h1><p>14. oktober 2026</p><p>Møterom Fjorden, Oslo</p>"
             "<table><tr><th>Saksnr</th><th>Agenda Fagrådet 14. oktober 2026</th><th>Presenter saken</th>"
             "<th>Tid</th><th>Sakstype</th></tr>"
             "<tr><td>1/26</td><td>Godkjenning av innkalling</td><td>Lise Berg, Helsedirektoratet</td>"
             "<td>09:00</td><td>Godkjenning</td></tr>"
             "<tr><td>2/26</td><td>Status for Pasientens timebok</td><td>Jon Dahl, Norsk helsenett SF</td>"
             "<td>09:15</td><td>Orientering</td></tr></table>"
             "<table><tr><th>Kostnader</th><th>2026</th><th>2027</th></tr>"
             "<tr><td>Pasientens timebok</td><td>1 059</td><td>12,5</td></tr></table></main></body></html>")


@pytest.fixture(scope="module")
def agenda(extractor):
    def run(name: str, text: str) -> list[tuple]:
        facts = extractor.extract(read_bytes(name, text.encode("utf-8")))
        return [(i.number, i.title, i.start_time, i.kind, tuple(p.name for p in i.presenters))
                for m in facts.meetings for i in m.agenda]
    return run


def test_a_pipe_table_agenda_is_read_as_the_tab_separated_one(agenda):
    expected = agenda("tab.md", HEAD + TAB_AGENDA)
    assert len(expected) == 2
    assert agenda("pipe.md", HEAD + PIPE_AGENDA) == expected


def test_an_html_table_agenda_is_read_as_the_tab_separated_one(agenda):
    assert agenda("side.html", HTML_PAGE) == agenda("tab.md", HEAD + TAB_AGENDA)


def test_an_html_figures_table_gives_observations(extractor):
    facts = extractor.extract(read_bytes("side.html", HTML_PAGE.replace("Kostnader", "Kostnader (millioner kroner)")
                                        .encode("utf-8")))
    assert {(o.row, o.period, o.amount) for o in facts.observations} >= {
        ("Pasientens timebok", "2026", 1059.0), ("Pasientens timebok", "2027", 12.5)}


def test_wrapped_markdown_is_one_block_and_links_keep_their_text(extractor):
    text = ("- Nasjonalt strategiråd for digitalisering i helse- og omsorgssektoren\n  (**Strategirådet**)\n"
            "- Les mer på [regjeringen.no](https://www.regjeringen.no) om\n  Pasientens timebok, som bygger på\n"
            "  Kjernejournal.\n")
    document = read_bytes("m.md", text.encode("utf-8"))
    assert document.text.split("\n") == [
        "- Nasjonalt strategiråd for digitalisering i helse- og omsorgssektoren (Strategirådet)",
        "- Les mer på regjeringen.no om Pasientens timebok, som bygger på Kjernejournal."]
    facts = extractor.extract(document)
    assert len(facts.dependencies) == 1 and "](" not in facts.dependencies[0].evidence.text


def test_a_pdf_table_in_columns_gives_observations_and_its_text_keeps_the_sentences(extractor):
    data = make_pdf([["Pasientens timebok skal innføres i 2027.", "Kostnader (millioner kroner)\t2026\t2027",
                      "Pasientens timebok\t1 059\t12,5", "Sum\t1 059\t12,5"]])
    document = read_bytes("tall.pdf", data)
    assert "Pasientens timebok\t1 059\t12,5" in document.text.split("\n")
    facts = extractor.extract(document)
    assert {(o.row, o.period, o.amount, o.unit) for o in facts.observations} >= {
        ("Pasientens timebok", "2026", 1059.0, str(VK.millionNOK)),
        ("Pasientens timebok", "2027", 12.5, str(VK.millionNOK))}
    assert {p.phase for p in facts.phases} == {"innforing"}
