"""Reflow text extracted from PDF: join broken lines, undo hyphenation, drop page furniture.

A block is one paragraph, heading, bullet or caption; blocks are joined with a single newline,
so character offsets into the result are stable evidence positions.
"""

import re

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_PAGE_FOOTER = re.compile(r"^(?:\S.{3,100}?\s{2,}\d{1,3}|\d{1,3}|Kapittel \d+|Side \d+(?: av \d+)?)$")
_BLOCK_START = re.compile(r"^(?:[•▪●◦\-–*]\s|\d{1,2}[.)]?\s[A-ZÆØÅ]|Figur \d|Tabell \d|(?:Del)?[Mm]ål \d)")
_TERMINAL = (".", "!", "?", ":", ";")
GLUE_WORDS = frozenset(
    "av at de den det en et for fra i med og om på som til eller men samt er ble blir har vil skal kan "
    "the of and to in".split()
)
_MIN_SHORT_LINE = 40
_SHORT_SHARE = 0.7  # a line well short of the page's usual width, without closing punctuation, ends its block


def reflow(raw: str) -> str:
    """Return ``raw`` as blocks separated by single newlines, with page furniture removed.

    >>> reflow("Innføring av e-multidose forventes å \\n\\nfølge innføring av SFM.\\nKapittel 2\\n")
    'Innføring av e-multidose forventes å følge innføring av SFM.'
    """
    lines = list(_content_lines(raw))
    short = _short_line_length(lines)
    blocks: list[str] = []
    previous = ""
    for line in lines:
        if blocks and not _starts_new_block(previous, line, short):
            blocks[-1] = _join(blocks[-1], line)
        else:
            blocks.append(line)
        previous = line
    return "\n".join(blocks)


def _content_lines(raw: str):
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if line and not _URL_LINE.match(line) and not _PAGE_FOOTER.match(_collapse_footer(line)):
            yield line


def _collapse_footer(line: str) -> str:
    """Undo the whitespace folding for the footer test: a page number stands after a wide gap."""
    return re.sub(r" (\d{1,3})$", r"  \1", line) if re.search(r"\d{4}\s+\d{1,3}$", line) else line


def _short_line_length(lines: list[str]) -> int:
    """Return the length under which a line counts as short: a share of the usual full line."""
    if not lines:
        return _MIN_SHORT_LINE
    usual = sorted(len(line) for line in lines)[int(len(lines) * 0.75)]
    return max(_MIN_SHORT_LINE, int(usual * _SHORT_SHARE))


def _starts_new_block(previous: str, line: str, short: int) -> bool:
    if previous.endswith(_TERMINAL) or _BLOCK_START.match(line):
        return True
    first = line[0]
    if first.islower() or previous.endswith((",", "-", "(", "/", "&")):
        return False
    last_word = previous.rsplit(" ", 1)[-1].lower()
    if last_word in GLUE_WORDS:
        return False
    return len(previous) <= short


def _join(block: str, line: str) -> str:
    hyphenated = re.search(r"(\w+)-$", block)
    if hyphenated and line[0].islower():
        word = hyphenated.group(1)
        if line.split(" ", 1)[0] in ("og", "eller", "til"):
            return f"{block} {line}"
        if len(word) == 1 or word[-1].isupper() or word[-1].isdigit():
            return block + line
        return block[:-1] + line
    return f"{block} {line}"
