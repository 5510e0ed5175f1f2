"""Read numbers from tables and slides as observations: cost per solution per year, counts of users."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.model import Mention, Observation
from ingest.structure import Line, is_heading, lines_of
from ingest.tables import Row, row_of
from ontology import VK

CUES_FILE = Path(__file__).parent / "patterns" / "figure_cues.json"
COUNT = str(VK.number)


@dataclass(frozen=True)
class FigureCues:
    """The cues of figures: a header that is a year, a cell that is a number, the arrow of a change, and the
    units a caption names."""

    year: re.Pattern
    number: re.Pattern
    arrow: re.Pattern
    units: tuple[tuple[re.Pattern, str], ...]  # (what a caption says, the IRI of the concept of vk:Units)


def load_figure_cues(path: Path = CUES_FILE) -> FigureCues:
    """Read the figure cues from their data file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    units = tuple((re.compile(u["regex"], re.I if u["ignore_case"] else 0), str(VK[u["unit"]])) for u in data["units"])
    return FigureCues(re.compile(data["year"]), re.compile(data["number"]), re.compile(data["arrow"]), units)


_CUES = load_figure_cues()


def parse_number(text: str) -> float | None:
    """Return the number a Norwegian-formatted cell holds ("1 059", "408,3", "→ 18,0"), or None.

    >>> parse_number("1 059"), parse_number("→ 18,0"), parse_number("2026 -> 2027")
    (1059.0, 18.0, None)
    """
    text = _CUES.arrow.sub("", text.strip())
    if not _CUES.number.match(text):
        return None
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", ".").replace("−", "-"))


def unit_of(caption: str) -> str:
    """Return the IRI of the unit a caption names ("millioner kroner": vk:millionNOK), or "".

    >>> unit_of("Kostnader (MNOK)").rsplit("#", 1)[-1], unit_of("Tiltak")
    ('millionNOK', '')
    """
    return next((unit for pattern, unit in _CUES.units if pattern.search(caption)), "")


def extract_observations(text: str, mentions: tuple[Mention, ...], issued: str) -> list[Observation]:
    """Return every number found in a year-by-row table or as a headline count on a slide of ``text``, whose
    entity ``mentions`` name the subjects of rows."""
    subjects = [(m.start, m.end, m.iri) for m in mentions]
    lines = lines_of(text)
    return list(_tables(lines, subjects)) + list(_headline_counts(lines, subjects, issued))


def _subject(subjects, start: int, end: int) -> str:
    return next((iri for s, e, iri in subjects if start <= s and e <= end), "")


def _tables(lines: list[Line], subjects) -> Iterator[Observation]:
    caption, unit = "", ""
    years: dict[int, str] = {}
    previous: Row | None = None
    for row in map(row_of, lines):
        if len(row.cells) < 3:
            caption, years, previous = "", {}, row
            continue
        found = {i: value for i, value in enumerate(row.values()) if _CUES.year.match(value)}
        if len(found) >= 2:
            header = previous.values() if previous is not None and len(previous.cells) > 1 else []
            header += [value for i, value in enumerate(row.values()) if i not in found]  # "Kostnader (MNOK)\t2026"
            caption = " – ".join(value for value in header if value)
            years, unit = found, unit_of(caption)
        elif years and row.value(0) and parse_number(row.cells[0].text) is None:
            label, first = row.value(0), row.cells[0]
            for index, year in years.items():
                amount = parse_number(row.cells[index].text) if index < len(row.cells) else None
                if amount is not None:
                    yield Observation(dataset=caption or label, row=label, period=year, amount=amount, unit=unit,
                                      evidence=row.line.evidence(),
                                      subject=_subject(subjects, first.start, first.start + len(first.text)))
        previous = row


def _headline_counts(lines: list[Line], subjects, issued: str) -> Iterator[Observation]:
    """Find "140 018" over "PASIENTER MED PLL", and rows "201<TAB>FASTLEGEKONTORER", under a slide heading.
    A count is for the document's date: without one it has no period, and no observation is made."""
    if not issued:
        return
    heading = ""
    for index, line in enumerate(lines):
        cells = row_of(line).values()
        if len(cells) == 1 and is_heading(line.text) and parse_number(line.text) is None:
            heading = line.text.strip()
        number = parse_number(cells[0])
        if number is None:
            continue
        if len(cells) == 2 and cells[1] and parse_number(cells[1]) is None:
            label_line = Line(line.start + line.text.index(cells[1]), cells[1])
        elif len(cells) == 1 and index + 1 < len(lines) and parse_number(lines[index + 1].text) is None \
                and lines[index + 1].text.strip().isupper():
            label_line = lines[index + 1]
        else:
            continue
        label = label_line.text.strip()
        yield Observation(dataset=heading or label, row=label, period=issued, amount=number, unit=COUNT,
                          evidence=line.evidence() if len(cells) == 2 else
                          Line(line.start, line.text + "\n" + label_line.text).evidence(),
                          subject=_subject(subjects, label_line.start, label_line.end))
