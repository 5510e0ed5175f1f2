from ingest.reflow import reflow


def test_reflow_joins_lines_broken_inside_a_sentence():
    assert reflow("Tiltaket skal bidra til \n\nbedre samhandling.") == "Tiltaket skal bidra til bedre samhandling."


def test_reflow_removes_hyphenation_but_keeps_compound_hyphens():
    assert reflow("Det gir bedre informa-\nsjon.") == "Det gir bedre informasjon."
    assert reflow("Dette gjelder helse-\nog omsorgstjenesten.") == "Dette gjelder helse- og omsorgstjenesten."
    assert reflow("Direktoratet for e-\nhelse leder.") == "Direktoratet for e-helse leder."


def test_reflow_drops_page_furniture():
    raw = ("Første setning.\nVeikart for nasjonal e-helsestrategi 2022-2028  38\nKapittel 2\n"
           "https://www.example.org/side\nAndre setning.")
    assert reflow(raw) == "Første setning.\nAndre setning."


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
