"""Tables as the extractors read them: rows of cells, each cell with its offsets into the document text.

Every reader writes a table row as one line with its cells separated by tabs (Markdown pipe tables,
HTML tables, tab-separated text), so one representation serves the agenda, figure and status readers
whatever the file's format, and every cell can be evidence by its offsets.
"""

from dataclasses import dataclass

from ingest.structure import Line


@dataclass(frozen=True)
class Cell(Line):
    """One cell of a row: a stretch of the line, its text as written (untrimmed)."""

    @property
    def value(self) -> str:
        """Return the cell's text without surrounding white space."""
        return self.text.strip()


@dataclass(frozen=True)
class Row:
    """A line of the document read as a row of cells."""

    line: Line
    cells: tuple[Cell, ...]

    def value(self, index: int | None) -> str:
        """Return the trimmed text of cell ``index``, or "" when the row has no such cell.

        >>> row_of(Line(10, "1/26\\tGodkjenning \\t09:00")).value(1)
        'Godkjenning'
        """
        return self.cells[index].value if index is not None and index < len(self.cells) else ""

    def values(self) -> list[str]:
        """Return the trimmed text of every cell."""
        return [cell.value for cell in self.cells]


def row_of(line: Line) -> Row:
    """Return ``line`` as a row, its cells separated by tabs; a line without tabs is a row of one cell.

    >>> [(c.text, c.start) for c in row_of(Line(100, "Sum\\t1 059")).cells]
    [('Sum', 100), ('1 059', 104)]
    """
    cells, start = [], line.start
    for text in line.text.split("\t"):
        cells.append(Cell(start, text))
        start += len(text) + 1
    return Row(line, tuple(cells))
