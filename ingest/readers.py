"""Read a file into a :class:`Document`: decode its bytes, then turn its markup into reflowed text."""

import codecs
import json
import re
import unicodedata
from pathlib import Path

from ingest.errors import EmptyDocument, UnreadableDocument, UnsupportedFormat, UnusableName
from ingest.html import html_to_text
from ingest.markdown import markdown_to_text
from ingest.model import Document
from ingest.pdf import pdf_to_raw_text
from ingest.reflow import reflow
from ontology import slugify

MEDIA_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown", ".html": "text/html",
               ".htm": "text/html", ".pdf": "application/pdf"}
BINARY_SIGNATURES = {b"%PDF-": "a PDF", b"PK\x03\x04": "a zip archive", b"\x89PNG": "a PNG image",
                     b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"MZ": "an executable",
                     b"\x7fELF": "an executable", b"\x1f\x8b": "gzip data", b"%!PS": "PostScript"}

# Bidirectional embeddings, overrides and isolates: they make a name display as another
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ENCODED_CONTROL = re.compile(r"%(?:[01][0-9a-f]|7f)", re.I)  # a form's file name with a control escaped
_FURNITURE_FILE = Path(__file__).parent / "patterns" / "page_furniture.json"
_FURNITURE = json.loads(_FURNITURE_FILE.read_text(encoding="utf-8"))
_SOURCE_LINE = re.compile(_FURNITURE["source"], re.I)
_FURNITURE_LINE = re.compile("|".join(f"(?:{line})" for line in _FURNITURE["lines"]))


def read(path: str | Path) -> Document:
    """Read the file at ``path``; raise an :class:`~ingest.errors.IngestError` subclass if it cannot be."""
    path = Path(path)
    if path.suffix.lower() not in MEDIA_TYPES:
        raise UnsupportedFormat(f"{path.name}: unsupported format {path.suffix or '(none)'!r}; "
                                f"Veikart reads {', '.join(sorted(MEDIA_TYPES))}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"{path}: {exc.strerror or exc}") from exc
    return read_bytes(path.name, data)


def read_bytes(name: str, data: bytes) -> Document:
    """Read a document called ``name`` from its raw bytes."""
    check_name(name)
    suffix = Path(name).suffix.lower()
    media_type = MEDIA_TYPES.get(suffix)
    if media_type is None:
        raise UnsupportedFormat(f"{name}: unsupported format {suffix or '(none)'!r}; "
                                f"Veikart reads {', '.join(sorted(MEDIA_TYPES))}")
    url = ""
    if media_type == "application/pdf":
        if not data.startswith(b"%PDF-"):
            raise UnreadableDocument(f"{name}: not a PDF file")
        raw = pdf_to_raw_text(name, data)
    else:
        url, raw = split_source(decode(name, data))
    if media_type == "text/html":
        text = drop_page_furniture(html_to_text(raw))
    else:  # before reflow, which would join a frame line to the heading after it
        text = (markdown_to_text(drop_page_furniture(raw)) if media_type == "text/markdown"
                else reflow(drop_page_furniture(raw), columns=media_type == "application/pdf"))
    if not text.strip():
        raise EmptyDocument(f"{name}: the document holds no text")
    stem = Path(name).stem
    return Document(name=name, slug=slugify(stem) or "document", title=_title(text, stem),
                    text=text, media_type=media_type, url=url)


def split_source(text: str) -> tuple[str, str]:
    r"""Return the address a leading "source: URL" line names, and the text without that line.

    >>> split_source("# source: https://example.org/a\nTittel")
    ('https://example.org/a', 'Tittel')
    """
    first, _, rest = text.lstrip("\n").partition("\n")
    match = _SOURCE_LINE.match(first)
    return (match.group("url"), rest.lstrip("\n")) if match else ("", text)


def drop_page_furniture(text: str) -> str:
    r"""Drop the lines of a web page's frame ("Hopp til hovedinnhold"), keeping one newline between blocks.

    >>> drop_page_furniture("Hopp til hovedinnhold\nPasientens prøvesvar\nlogo Helse Nord")
    'Pasientens prøvesvar'
    """
    lines = [line for line in text.split("\n") if not _FURNITURE_LINE.fullmatch(line.strip())]
    return "\n".join(lines).strip("\n")


def decode(name: str, data: bytes) -> str:
    """Decode text in UTF-8 or UTF-16 (by byte-order mark), else Windows-1252; refuse binary data."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise UnreadableDocument(f"{name}: {kind}, not text")
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def check_name(name: str) -> None:
    r"""Refuse a file name with a control character (C0, DEL, C1, a line or paragraph separator, a
    bidirectional override), written or percent-encoded: it would corrupt logs, listings and exports.

    >>> check_name("Veikart 2025.pdf")
    >>> check_name("nul\x00name.txt")
    Traceback (most recent call last):
    ingest.errors.UnusableName: 'nul\x00name.txt': the file name has a control character; rename the file
    """
    if _ENCODED_CONTROL.search(name) or any(
            c in _BIDI_CONTROLS or unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in name):
        raise UnusableName(f"{name!r}: the file name has a control character; rename the file")


def _title(text: str, fallback: str) -> str:
    first = text.split("\n", 1)[0].strip()
    return first[:200] if 3 <= len(first) <= 200 else fallback
