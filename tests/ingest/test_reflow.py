from ingest.reflow import reflow


def test_reflow_joins_lines_broken_inside_a_sentence():
    assert reflow("Tiltaket skal bidra til \n\nbedre samhandling.") == "Tiltaket skal bidra til bedre samhandling."


def test_reflow_removes_hyphenation_but_keeps_compound_hyphens():
    assert reflow("Det gir bedre informa-\nsjon.") == "Det gir bedre informasjon."
    assert reflow("Dette gjelder helse-\nog omsorgstjenesten.") == "Dette gjelder helse- og omsorgstjenesten."
    assert reflow("Direktoratet for e-\nhelse leder.") == "Direktoratet for e-helse leder."


def test_reflow_drops_what_recurs_on_every_page_and_bare_url_lines():
    footer = "Veikart for nasjonal e-helsestrategi 2022-2028  {}"
    pages = [f"Kapittel 2\nSetning {n} på siden.\n{footer.format(n)}" for n in (37, 38, 39)]
    raw = "\f".join(pages) + "\nhttps://www.example.org/side\nSiste setning."
    assert reflow(raw) == "Setning 37 på siden.\nSetning 38 på siden.\nSetning 39 på siden.\nSiste setning."


def test_reflow_without_page_breaks_drops_numbered_lines_that_recur_and_page_numbers_that_count_up():
    raw = "\n".join(["Første setning.", "Rapport 2025  3", "Andre setning.", "4", "Tredje.", "5",
                      "Rapport 2025  6", "Fjerde.", "Rapport 2025  9", "Status", "Status", "Status"])
    assert reflow(raw).split("\n") == ["Første setning.", "Andre setning.", "Tredje.", "Fjerde.",
                                       "Status", "Status", "Status"]


def test_reflow_keeps_headings_bullets_and_captions_as_blocks():
    raw = "Bakgrunn\nTeksten starter her.\n• Et punkt\nFigur 3 Oversikt over tiltak"
    assert reflow(raw).split("\n") == ["Bakgrunn", "Teksten starter her.", "• Et punkt", "Figur 3 Oversikt over tiltak"]


def test_a_heading_shorter_than_the_page_width_ends_its_block_even_when_long():
    body = "Dette er en vanlig linje i et avsnitt i en rapport som går nesten helt ut til kanten av siden, slik at den"
    raw = "\n".join([body, body, body, "fortsetter her.", body, body, body, "slutter her.",
                     "Deling av behandlings- og egenbehandlingsplaner / Pasientens planer",
                     "Å tilrettelegge for deling er prioritert."])
    assert reflow(raw).split("\n")[-2:] == ["Deling av behandlings- og egenbehandlingsplaner / Pasientens planer",
                                            "Å tilrettelegge for deling er prioritert."]
