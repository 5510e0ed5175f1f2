"""Extract the text of a PDF, page by page, with pypdf; reflow happens afterwards."""

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ingest.errors import UnreadableDocument

logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_to_raw_text(name: str, data: bytes) -> str:
    """Return the text of every page of the PDF ``data``, one page after another, separated by form feeds
    (reflow tells running headers and footers by the pages they stand on), laid out as on the page, so
    that the columns of a table stay apart."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(f"{name}: the PDF is encrypted")
        return "\f".join(page.extract_text(extraction_mode="layout") or "" for page in reader.pages)
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableDocument(f"{name}: not a readable PDF ({exc})") from exc
