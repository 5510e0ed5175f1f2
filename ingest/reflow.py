"""Reflow text extracted from PDF: join broken lines, undo hyphenation, drop page furniture.

A block is one paragraph, heading, bullet or caption; blocks are joined with a single newline,
so character offsets into the result are stable evidence positions.
"""

import re

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:side\s+)?\d{1,3}(?:\s+av\s+\d{1,3})?$|^\d{1,3}\s", re.I)
_COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|\t)(?=\S)")  # a wider gap than between words: the next column
_FURNITURE_PAGES = 3  # a line (modulo its page number) on this many pages is a running header or footer
_TITLE_LENGTH = 25  # a recurring line without page numbers this long is a running title, not a sub-heading
_BLOCK_START = re.compile(r"^(?:[•▪●◦\-–*]\s|\d{1,2}[.)]?\s[A-ZÆØÅ]|Figur \d|Tabell \d|(?:Del)?[Mm]ål \d)")
_TERMINAL = (".", "!", "?", ":", ";")
GLUE_WORDS = frozenset(
    "av at de den det en et for fra i med og om på som til eller men samt er ble blir har vil skal kan "
    "the of and to in".split()
)
_MIN_SHORT_LINE = 40
_SHORT_SHARE = 0.7  # a line well short of the page's usual width, without closing punctuation, ends its block


def reflow(raw: str, *, columns: bool = False) -> str:
    """Return ``raw`` as blocks separated by single newlines, with page furniture removed; with ``columns``
    (text laid out as on a PDF page), words in columns apart are the cells of a table row.

    >>> reflow("Innføring av e-multidose forventes å \\n\\nfølge innføring av SFM.\\n")
    'Innføring av e-multidose forventes å følge innføring av SFM.'
    """
    lines = list(_content_lines(raw, columns))
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


def _content_lines(raw: str, columns: bool):
    fold = _cells if columns else _folded
    pages = [[fold(line) for line in page.split("\n")]
             for page in raw.replace("\r\n", "\n").replace("\r", "\n").split("\f")]
    furniture = running_lines(pages)
    numbers = page_numbers(pages)
    for number, page in enumerate(pages):
        for index, line in enumerate(page):
            if line and not _URL_LINE.match(line) and (number, index) not in numbers \
                    and _without_page_number(line) not in furniture:
                yield line


def _folded(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _cells(line: str) -> str:
    r"""Return a line with its white space folded; a line whose words stand in columns apart (a table row laid
    out as on a PDF page) gets a tab between its cells, the form every reader gives table rows.

    >>> _cells("  Pasientens timebok        1 059         12,5 ")
    'Pasientens timebok\t1 059\t12,5'
    """
    cells = [_folded(cell) for cell in _COLUMN_GAP.split(line.strip())]
    return "\t".join(cell for cell in cells if cell)


def running_lines(pages: list[list[str]]) -> set[str]:
    """Return the running headers and footers of ``pages``: lines that, without their page number, stand on
    several pages (or, with no page breaks known, recur as often), and that carried a page number or, on
    pages, are as long as a document's title, so a sub-heading that recurs ("Status") is kept. A line's other numbers
    stay part of it: a table row or a sentence with numbers is never taken for one.

    >>> pages = [["Rapport om samhandling 12", "Tekst."], ["Rapport om samhandling 13"], ["Rapport om samhandling 14"]]
    >>> sorted(running_lines(pages))
    ['Rapport om samhandling']
    >>> running_lines([["Totalt per desember 2025 140", "Status"], ["SFM 2026 45", "Status"], ["Status"]])
    set()
    """
    on_pages: dict[str, set[int]] = {}
    seen: dict[str, int] = {}
    numbered: dict[str, int] = {}
    for number, page in enumerate(pages):
        for line in page:
            key = _without_page_number(line)
            if key:
                on_pages.setdefault(key, set()).add(number)
                seen[key] = seen.get(key, 0) + 1
                numbered[key] = numbered.get(key, 0) + (key != line)
    paged = len(pages) > 1
    return {key for key in seen
            if (len(on_pages[key]) if paged else seen[key]) >= _FURNITURE_PAGES
            and (numbered[key] * 2 >= seen[key] or (paged and len(key) >= _TITLE_LENGTH))}


def page_numbers(pages: list[list[str]]) -> set[tuple[int, int]]:
    """Return (page, line) of the lines that are only a page number: the first or last line of a page when
    page breaks are known, else numbers that count up a page or two at a time through the text.

    >>> sorted(page_numbers([["Tekst.", "7"], ["Mer tekst.", "8"]]))
    [(0, 1), (1, 1)]
    >>> page_numbers([["Sum", "140", "Kostnad", "45"]])
    set()
    """
    bare = [(p, i, int(line)) for p, page in enumerate(pages) for i, line in enumerate(page) if line.isdigit()
            and len(line) <= 3]
    if len(pages) > 1:
        edges = {(p, i) for p, page in enumerate(pages) for i in _edge_lines(page)}
        return {(p, i) for p, i, _ in bare if (p, i) in edges}
    steps = {k for k in range(len(bare) - 1) if 1 <= bare[k + 1][2] - bare[k][2] <= 2}
    return {(bare[k][0], bare[k][1]) for k in range(len(bare)) if k in steps or k - 1 in steps}


def _edge_lines(page: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(page) if line]
    return filled[:1] + filled[-1:]


def _without_page_number(line: str) -> str:
    """Return ``line`` without a page number at its start or end ("Rapport om samhandling  12" -> "Rapport om
    samhandling")."""
    return _PAGE_NUMBER.sub(" ", line).strip()


def _short_line_length(lines: list[str]) -> int:
    """Return the length under which a line counts as short: a share of the usual full line."""
    if not lines:
        return _MIN_SHORT_LINE
    usual = sorted(len(line) for line in lines)[int(len(lines) * 0.75)]
    return max(_MIN_SHORT_LINE, int(usual * _SHORT_SHARE))


def _starts_new_block(previous: str, line: str, short: int) -> bool:
    if previous.endswith(_TERMINAL) or _BLOCK_START.match(line) or "\t" in previous or "\t" in line:
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
