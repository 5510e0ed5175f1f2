"""The web client's pages: one HTML shell each; the scripts read the public REST and SPARQL APIs."""

from html import escape
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

router = APIRouter(tags=["web client"], include_in_schema=False)
ICON = Path(__file__).resolve().parent.parent / "web" / "static" / "favicon.ico"

SHELL = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/static/app.css">{head}</head>
<body><a class="sr-only" href="#main">Hopp til innhold</a><main id="main" tabindex="-1">{body}</main>
<script type="module" src="/static/{script}"></script></body></html>"""
APP_HEAD = '<script src="/vendor/cytoscape/cytoscape.min.js"></script>'
SPARQL_HEAD = ('<link rel="stylesheet" href="/vendor/yasgui/yasgui.min.css">'
               '<script src="/vendor/yasgui/yasgui.min.js"></script>')


def page(title: str, *, script: str = "app.js", head: str = APP_HEAD, body: str = "<p>…</p>") -> HTMLResponse:
    """Return the HTML shell of a page."""
    return HTMLResponse(SHELL.format(title=escape(title), script=script, head=head, body=body))


@router.get("/favicon.ico", response_class=FileResponse)
def favicon() -> FileResponse:
    """Return the site's icon, which a browser asks for on its first visit."""
    return FileResponse(ICON, media_type="image/vnd.microsoft.icon", headers={"cache-control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse)
def explorer_page() -> HTMLResponse:
    return page("Veikart")


@router.get("/initiatives/{initiative_id}", response_class=HTMLResponse)
def initiative_page(initiative_id: str) -> HTMLResponse:
    return page("Tiltak – Veikart")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: str) -> HTMLResponse:
    return page("Aktør – Veikart")


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: str) -> HTMLResponse:
    return page("Dokument – Veikart")


@router.get("/roadmap", response_class=HTMLResponse)
def roadmap_page() -> HTMLResponse:
    return page("Veikart – tidslinje")


def sparql_page() -> HTMLResponse:
    """Return the SPARQL editor page, for a browser that asks /sparql for HTML without a query."""
    return page("SPARQL – Veikart", script="sparql.js", head=SPARQL_HEAD,
                body='<p><a href="/">Veikart</a></p><h1>SPARQL</h1><div id="yasgui"></div>')
