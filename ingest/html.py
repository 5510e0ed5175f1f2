"""Turn HTML into text blocks: the main content only, without navigation, scripts or styles."""

import re
from html.parser import HTMLParser

SKIPPED = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form",
                     "svg", "button", "select", "iframe", "head"})
MAIN = frozenset({"main", "article"})
BLOCKS = frozenset({"p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "table",
                    "blockquote", "pre", "dd", "dt", "figcaption", "caption", "ul", "ol", "hr", "title"})
CELLS = frozenset({"td", "th"})
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col", "embed"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.everything: list[str] = []
        self.main: list[str] = []
        self.skip_depth = 0
        self.main_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in VOID:
            if tag in BLOCKS:
                self._emit("\n")
            return
        if self.skip_depth or tag in SKIPPED or dict(attrs).get("role") == "navigation":
            self.skip_depth += 1
            return
        if tag in MAIN:
            self.main_depth += 1
        self._emit("\n" if tag in BLOCKS else "\t" if tag in CELLS else "")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        self._emit("\n" if tag in BLOCKS else "")
        if tag in MAIN and self.main_depth:
            self.main_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._emit(data)

    def _emit(self, text: str) -> None:
        self.everything.append(text)
        if self.main_depth:
            self.main.append(text)


def html_to_text(markup: str) -> str:
    """Return the readable text of ``markup``, one block a line; inside <main>/<article> when present.

    >>> html_to_text("<nav>Meny</nav><main><h1>Tittel</h1><p>Første &amp; andre.</p></main>")
    'Tittel\\nFørste & andre.'
    """
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    chunks = collector.main if "".join(collector.main).strip() else collector.everything
    return "\n".join(line for line in (_tidy(raw) for raw in "".join(chunks).split("\n")) if line)


def _tidy(line: str) -> str:
    r"""Fold the white space of a line, keeping a tab between table cells (the extractors read table rows so).

    >>> _tidy("\t Saksnr \t\tAgenda  Strategirådet\t")
    'Saksnr\tAgenda Strategirådet'
    """
    cells = [re.sub(r"[ \u00a0\r]+", " ", cell).strip() for cell in line.split("\t")]
    return "\t".join(cell for cell in cells if cell)
