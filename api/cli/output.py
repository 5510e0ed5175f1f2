"""What the commands write: columns of data to stdout; errors and progress to stderr."""

import sys
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress

err = Console(stderr=True)


def error(message: str) -> None:
    """Write ``message`` to stderr as an error, on one line however narrow the terminal."""
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)


def write_columns(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Write ``rows`` to stdout under ``header``, each column as wide as its widest cell: nothing is cut,
    whatever the terminal's width, and a line break in a cell becomes a space.

    >>> write_columns(["document", "goals"], [["veikart.txt", "22"]])
    document     goals
    veikart.txt  22
    """
    table = [[" ".join(str(cell).splitlines()) for cell in row] for row in (header, *rows)]
    widths = [max(len(row[column]) for row in table) for column in range(len(header))]
    for row in table:
        sys.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n")


def progress(*, quiet: bool) -> Progress:
    """Return progress bars on stderr, shown only when it is a terminal and ``quiet`` is false."""
    return Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=err, transient=True,
                    disable=quiet or not err.is_terminal)
