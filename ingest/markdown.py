"""Turn Markdown into text blocks with a Markdown parser (markdown-it-py, CommonMark with pipe tables).

A paragraph or list item wrapped over several lines is one block; links keep their text, not their
address; headings are blocks of their own; a table is one line per row, its cells separated by tabs,
the form the agenda and figure extractors read. A paragraph holding tabs stays as its source lines,
empty first cells included: slide text converted to Markdown writes its tables that way.
"""

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ingest.html import html_to_text
from ingest.reflow import GLUE_WORDS

_PARSER = MarkdownIt("commonmark").enable("table")
_BLOCK_CLOSERS = {"paragraph_close", "heading_close", "tr_close", "code_block", "fence", "html_block", "hr"}


def markdown_to_text(raw: str) -> str:
    """Return the text of the Markdown ``raw``, one block a line.

    >>> markdown_to_text("# Sak 3\\n\\n- Nasjonalt strategiråd\\n  (**Strategirådet**) se [lenken](https://x.no)")
    'Sak 3\\n- Nasjonalt strategiråd (Strategirådet) se lenken'
    >>> markdown_to_text("| Saksnr | Agenda |\\n|---|---|\\n| 1/26 | Godkjenning |")
    'Saksnr\\tAgenda\\n1/26\\tGodkjenning'
    """
    source = raw.replace("\r\n", "\n").split("\n")
    blocks: list[str] = []
    current: list[str] = []
    prefix = ""
    tab_rows: list[str] = []  # the source lines of a paragraph that is a tab-separated table
    for token in _PARSER.parse("\n".join(source)):
        if token.type == "list_item_open":
            prefix = f"{token.info}{token.markup} " if token.info else "- "
        elif token.type == "paragraph_open" and token.map:
            rows = source[token.map[0]:token.map[1]]
            tab_rows = rows if any("\t" in row for row in rows) else []
        elif token.type == "inline" and tab_rows:
            current.append("\n".join(_inline(_PARSER.parseInline(row)[0].children or []) for row in tab_rows))
            tab_rows = []
        elif token.type == "inline":
            current.append(prefix + _inline(token.children or []))
            prefix = ""
        elif token.type in ("th_open", "td_open") and current:
            current.append("\t")
        elif token.type in ("code_block", "fence", "html_block"):
            current.append(_strip_tags(token.content))
        if token.type in _BLOCK_CLOSERS:
            blocks.append("".join(current))
            current = []
    lines = (line.strip(" ") if "\t" in line else line.strip() for block in blocks
             for line in block.split("\n"))
    return "\n".join(line for line in lines if line.strip())


def _inline(children: list[Token]) -> str:
    """Return the text of an inline run: link and emphasis markup dropped, a soft line break a space where
    it wraps a sentence, a new block where it does not."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n\x00")
        elif child.type == "hardbreak":
            parts.append("\n")
    lines = "".join(parts).split("\n")
    text = lines[0]
    for line in lines[1:]:
        soft, line = line.startswith("\x00"), line.lstrip("\x00")
        text += " " + line if soft and _wraps(text.rsplit("\n", 1)[-1], line) else "\n" + line
    return text


def _wraps(previous: str, line: str) -> bool:
    """Return True when ``line`` continues ``previous`` (a wrapped sentence), False when it starts a block
    of its own (a line per block, as in slide text: "Møte i Fagrådet" / "14. oktober 2026")."""
    if "\t" in previous or "\t" in line or not line:
        return False
    last_word = previous.rsplit(" ", 1)[-1].lower()
    return (line[0].islower() or line[0] in "([«\"" or previous.endswith((",", "-", "(", "/", "&"))
            or last_word in GLUE_WORDS)


def _strip_tags(markup: str) -> str:
    """Return the text of HTML inside Markdown, read as an HTML page's is."""
    return html_to_text(markup) if "<" in markup else markup
