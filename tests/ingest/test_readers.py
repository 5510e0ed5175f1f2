import pytest

from ingest import EmptyDocument, UnreadableDocument, UnsupportedFormat, read, read_bytes
from testkit.pdfmaker import make_pdf


def test_read_decodes_utf16_and_windows_1252():
    assert "prøvesvar" in read_bytes("a.txt", "Pasientens prøvesvar.".encode("utf-16")).text
    assert "prøvesvar" in read_bytes("b.txt", "Pasientens prøvesvar.".encode("cp1252")).text


def test_markdown_markup_is_stripped():
    doc = read_bytes("m.md", b"# Sak 3\n\n**Strategiradet** ser [lenken](https://x.no) <i>her</i>.\n")
    assert doc.text == "Sak 3\nStrategiradet ser lenken her."


def test_binary_data_is_refused():
    with pytest.raises(UnreadableDocument):
        read_bytes("bilde.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_unsupported_format_is_refused():
    with pytest.raises(UnsupportedFormat):
        read_bytes("arkiv.zip", b"PK")


def test_empty_document_is_refused():
    with pytest.raises(EmptyDocument):
        read_bytes("tom.txt", b"  \n\n ")


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableDocument):
        read(tmp_path / "finnes-ikke.txt")


def test_html_keeps_the_main_text_and_drops_navigation():
    markup = ("<html><head><title>Veikart</title><style>p{}</style></head><body><nav><a>Hjem</a></nav>"
              "<main><h1>Pasientens prøvesvar</h1><p>Utprøving startet i juni 2025.</p>"
              "<div><div><p>Dypt nestet.</p></div></div></main><footer>Kontakt oss</footer></body></html>")
    doc = read_bytes("side.html", markup.encode("utf-8"))
    assert doc.text == "Pasientens prøvesvar\nUtprøving startet i juni 2025.\nDypt nestet."


def test_pdf_text_is_extracted_and_reflowed():
    data = make_pdf([["Innføringen av Pasientens prøvesvar i alle helseregionene forutsetter at helse-",
                      "personell har tilgang til Kjernejournal.", "Rapport om samhandling  1"],
                     ["Neste side.", "Rapport om samhandling  2"], ["Siste side.", "Rapport om samhandling  3"]])
    doc = read_bytes("rapport.pdf", data)
    assert doc.text == ("Innføringen av Pasientens prøvesvar i alle helseregionene forutsetter at helsepersonell "
                        "har tilgang til Kjernejournal.\nNeste side.\nSiste side.")
    assert doc.media_type == "application/pdf"


def test_a_running_footer_is_dropped_and_numbers_of_text_and_tables_kept():
    footer = "Veikart for nasjonal e-helsestrategi 2022-2028  {}"
    data = make_pdf([["Kostnader per år", "Totalt per desember 2025 140", "SFM 2026 45", footer.format(7)],
                     ["Det var 12 kommuner med.", footer.format(8)], ["Slutt.", footer.format(9)]])
    lines = read_bytes("tall.pdf", data).text.split("\n")
    assert "Totalt per desember 2025 140" in lines and "SFM 2026 45" in lines
    assert "Det var 12 kommuner med." in lines
    assert not [line for line in lines if "Veikart for nasjonal" in line]


def test_truncated_pdf_is_refused():
    with pytest.raises(UnreadableDocument):
        read_bytes("halv.pdf", make_pdf([["Tekst."]])[:60])


def test_a_file_whose_content_is_not_its_extension_is_refused():
    with pytest.raises(UnreadableDocument, match="a PDF, not text"):
        read_bytes("rapport.txt", make_pdf([["Tekst."]]))
    with pytest.raises(UnreadableDocument, match="not a PDF"):
        read_bytes("notat.pdf", b"Bare tekst.")


def test_encrypted_pdf_is_refused():
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(make_pdf([["Hemmelig."]]))).pages[0])
    writer.encrypt("hemmelig-passord")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UnreadableDocument, match="encrypted"):
        read_bytes("laast.pdf", out.getvalue())
