"""The HTML shells of the web client's pages: each loads its script, which reads the public REST and SPARQL
APIs and fills the page."""

from html import escape

from fastapi.responses import HTMLResponse

SHELL = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/static/app.css">{head}</head>
<body><a class="skip" href="#main">Hopp til innhold</a><main id="main" tabindex="-1">{body}</main>
<script type="module" src="/static/{script}"></script></body></html>"""
APP_HEAD = ('<script src="/vendor/cytoscape/cytoscape.min.js"></script>'
            '<script src="/vendor/dagre/dagre.min.js"></script>'
            '<script src="/vendor/cytoscape-dagre/cytoscape-dagre.js"></script>')
SPARQL_HEAD = ('<link rel="stylesheet" href="/vendor/yasgui/yasgui.min.css">'
               '<script src="/vendor/yasgui/yasgui.min.js"></script>')


def page(title: str, *, script: str = "app.js", head: str = APP_HEAD, body: str = "<p>…</p>") -> HTMLResponse:
    """Return the HTML shell of a page."""
    return HTMLResponse(SHELL.format(title=escape(title), script=script, head=head, body=body))


def sparql_page() -> HTMLResponse:
    """Return the SPARQL editor page, for a browser that asks /sparql for HTML without a query."""
    return page("SPARQL – Veikart", script="sparql.js", head=SPARQL_HEAD,
                body='<h1>SPARQL</h1><div id="yasgui"></div>')
