import pytest

from ingest import EmptyDocument, UnreadableDocument, UnsupportedFormat, read, read_bytes


def test_read_decodes_utf16_and_windows_1252():
    assert "prøvesvar" in read_bytes("a.txt", "Pasientens prøvesvar.".encode("utf-16")).text
    assert "prøvesvar" in read_bytes("b.txt", "Pasientens prøvesvar.".encode("cp1252")).text


def test_markdown_markup_is_stripped():
    doc = read_bytes("m.md", b"# Sak 3\n\n**Strategiradet** ser [lenken](https://x.no) <i>her</i>.\n")
    assert doc.text == "Sak 3\nStrategiradet ser lenken her ."


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
