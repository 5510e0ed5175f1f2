"""The Mermaid gantt export: sections per goal, a task per dated phase, tentative phases marked, and an undated
initiative placed after its prerequisites. Mermaid itself parses and draws it in tests/web/test_exports.py."""

import re

import pytest

from api.ingestion import ingest_document
from graph.exports.mermaid import gantt
from graph.readmodel import ReadModel
from ingest import read_bytes

INVENTED = """Plan for legemidler

Sentral forskrivningsmodul (SFM) skal innføres i 2025.

Pasientens legemiddelliste (PLL) forutsetter SFM.
"""
TASK = re.compile(r"^    (?P<name>[^:]+) :(?P<data>.+)$")


def tasks(text: str) -> dict[str, list[str]]:
    """Return each task's name and the comma-separated parts of its data."""
    return {m["name"].strip(): [p.strip() for p in m["data"].split(",")]
            for m in map(TASK.match, text.splitlines()) if m}


@pytest.fixture
def invented(store, extractor) -> str:
    ingest_document(store, extractor, read_bytes("plan.txt", INVENTED.encode()))
    return gantt(ReadModel.of(store)).decode("utf-8")


def test_the_gantt_begins_with_its_title_and_the_form_of_its_dates(client):
    response = client.get("/api/export", params={"format": "mermaid"})
    assert response.text.splitlines()[1:5] == ["gantt", "    title Veikart – tidslinje", "    dateFormat YYYY-MM-DD",
                                               "    axisFormat %Y"]


def test_an_initiative_is_in_the_section_of_its_first_subgoal(client):
    pll = client.get("/api/initiatives", params={"q": "PLL"}).json()["items"][0]
    first_subgoal = next(g for g in pll["goals"] if "." in g)
    text = client.get("/api/export", params={"format": "mermaid"}).text
    sections = []
    for line in text.splitlines():
        if line.startswith("    section "):
            section = line.removeprefix("    section ")
        elif line.startswith(f"    {pll['label']} – "):
            sections.append(section)
    assert sections and all(s.startswith(f"Mål {first_subgoal} – ") for s in sections)


def test_a_tentative_phase_is_marked_and_drawn_as_active(client):
    marked = {name: data for name, data in tasks(client.get("/api/export?format=mermaid").text).items()
              if name.endswith("(tentativ)")}
    assert marked and all(data[0] == "active" for data in marked.values())


def test_a_dated_phase_lasts_until_the_next_phase_of_its_initiative(client):
    found = tasks(client.get("/api/export?format=mermaid").text)
    first = found["Pasientens legemiddelliste – Utvikling og begrenset utprøving (tentativ)"]
    assert first[2:] == ["2024-03-01", "2025-02-01"]


def test_an_undated_initiative_is_placed_after_its_prerequisite(invented):
    found = tasks(invented)
    assert found["Sentral forskrivningsmodul – Innføring"][-3:] == ["t_sentral_forskrivningsmodul_0", "2025-01-01",
                                                                     "365d"]
    assert found["Pasientens legemiddelliste (udatert, etter forutsetningene)"] == \
        ["active", "t_pasientens_legemiddelliste", "after t_sentral_forskrivningsmodul_0", "365d"]
