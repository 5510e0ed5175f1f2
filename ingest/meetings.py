"""Read meeting papers: the meeting, its agenda table, decision proposals and membership changes."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.model import AgendaItem, Meeting, Membership, Mention, Person
from ingest.structure import BULLET, Line, first_full_date, lines_of
from ingest.tables import row_of

CUES_FILE = Path(__file__).parent / "patterns" / "meeting_cues.json"


@dataclass(frozen=True)
class MeetingCues:
    """The cues of meeting papers: the title line, agenda columns, item numbers and headings, proposals and
    membership changes."""

    meeting: re.Pattern
    columns: dict[str, re.Pattern]
    item_number: re.Pattern
    item_heading: re.Pattern
    proposal: re.Pattern
    members: re.Pattern
    replaces: re.Pattern


def load_meeting_cues(path: Path = CUES_FILE) -> MeetingCues:
    """Read the meeting cues from their data file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return MeetingCues(
        meeting=re.compile(data["meeting"], re.I),
        columns={name: re.compile(regex, re.I) for name, regex in data["columns"].items()},
        item_number=re.compile(data["item_number"]), item_heading=re.compile(data["item_heading"]),
        proposal=re.compile(data["proposal"], re.I), members=re.compile(data["members"], re.I),
        replaces=re.compile(data["replaces"], re.I))


_CUES = load_meeting_cues()
_MAX_PROPOSAL_LINES = 6


def extract_meetings(text: str, mentions: tuple[Mention, ...]) -> list[Meeting]:
    """Return the meeting ``text`` records, if it is meeting papers or minutes; its entity ``mentions`` name
    the presenters' and members' organisations."""
    lines = lines_of(text)
    organizations = [(m.start, m.end, m.iri) for m in mentions if m.kind == "organization"]
    header = next((i for i, line in enumerate(lines[:15]) if _CUES.meeting.match(line.text.strip())), None)
    agenda = list(_agenda(lines, organizations))
    if header is None and not agenda:
        return []
    head = lines[header] if header is not None else lines[0]
    start = header or 0  # the meeting's own date stands just below its title
    date, found_at = first_full_date([line.text for line in lines[start:start + 5]])
    date_line = None if found_at is None else start + found_at
    place = ""
    if date_line is not None and date_line + 1 < len(lines) and "," in lines[date_line + 1].text \
            and not _CUES.columns["number"].match(row_of(lines[date_line + 1]).value(0)):
        place = lines[date_line + 1].text.strip()
    body = _orgs_in(organizations, head.start, head.end)
    agenda = _with_proposals(agenda, lines)
    return [Meeting(title=head.text.strip(), date=date, evidence=head.evidence(), place=place,
                    body=body[0] if body else "", agenda=tuple(agenda),
                    memberships=tuple(_memberships(lines, organizations)))]


def _orgs_in(organizations, start: int, end: int) -> list[str]:
    return [iri for s, e, iri in organizations if start <= s and e <= end]


def _agenda(lines: list[Line], organizations) -> Iterator[AgendaItem]:
    columns: dict[str, int] = {}
    for row in map(row_of, lines):
        if len(row.cells) < 3:
            columns = {} if columns else columns
            continue
        if not columns:
            found = {name: i for i, value in enumerate(row.values()) for name, pattern in _CUES.columns.items()
                     if pattern.match(value)}
            if "number" in found and "title" in found:
                columns = dict(sorted(found.items(), key=lambda kv: kv[1]))
            continue
        number = row.value(columns.get("number"))
        if not _CUES.item_number.match(number):
            continue
        presenter_at = columns.get("presenter")
        presenters: tuple[Person, ...] = ()
        if presenter_at is not None and presenter_at < len(row.cells):
            cell = row.cells[presenter_at]
            presenters = _people(cell.text, cell.start, organizations)
        yield AgendaItem(number=number, title=row.value(columns.get("title")), evidence=row.line.evidence(),
                         presenters=presenters, start_time=row.value(columns.get("time")),
                         kind=row.value(columns.get("kind")))


def _people(cell: str, cell_start: int, organizations) -> tuple[Person, ...]:
    """Split "Ola Nordmann, Helsedirektoratet Kari Nordmann, KS" into people with their organisations."""
    people, cursor = [], cell_start
    for start, end, iri in sorted(o for o in organizations if cell_start <= o[0] and o[1] <= cell_start + len(cell)):
        people += [Person(name, iri) for name in _names(cell[cursor - cell_start:start - cell_start])]
        cursor = end
    people += [Person(name) for name in _names(cell[cursor - cell_start:])]
    return tuple(people)


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if re.match(r"^[A-ZÆØÅ][\w.-]*(?: [A-ZÆØÅ][\w.-]*)+$", n.strip())]


def _with_proposals(agenda: list[AgendaItem], lines: list[Line]) -> list[AgendaItem]:
    """Attach each "Forslag til vedtak" to the agenda item whose "Sak N" heading it stands under."""
    proposals: dict[str, list[str]] = {}
    current = ""
    for index, line in enumerate(lines):
        text = line.text.strip()
        heading = _CUES.item_heading.match(text)
        if heading:
            current = heading.group(1)
        elif current and _CUES.proposal.match(text):
            proposals.setdefault(current, []).extend(_proposal_text(lines[index + 1:]))
    return [replace(item, proposals=tuple(proposals.get(item.number.split("/")[0], ()))) for item in agenda]


def _proposal_text(following: list[Line]) -> list[str]:
    out = []
    for line in following[:_MAX_PROPOSAL_LINES]:
        text = BULLET.sub("", line.text).strip()
        if _CUES.item_heading.match(text) or not text.endswith((".", "!")):
            break
        out.append(text)
    return out


def _memberships(lines: list[Line], organizations) -> Iterator[Membership]:
    in_list = False
    for line in lines:
        if _CUES.members.search(line.text):
            in_list = True
            continue
        if not in_list:
            continue
        if not BULLET.match(line.text):
            if line.text.strip().endswith(":"):
                continue
            in_list = False
            continue
        text = BULLET.sub("", line.text)
        replaced = _CUES.replaces.search(text)
        own = text[:replaced.start()] if replaced else text
        orgs = _orgs_in(organizations, line.start, line.start + len(line.text) - len(text) + len(own))
        name = own.split(",")[0].strip()
        yield Membership(member=Person(name, orgs[0] if orgs else ""), evidence=line.evidence(),
                         replaces=replaced.group(1).strip() if replaced else "")
