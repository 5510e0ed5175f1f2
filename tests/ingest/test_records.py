"""Meetings, status notes and figures, on meeting papers written for the tests."""

import pytest

from ingest import read_bytes
from ontology import VK, local_id

PAPERS = """Møte i Fagrådet
14. oktober 2026
Møterom Fjorden, Oslo

Endringer i representanter i Fagrådet
- Kari Nordmann, Bodø kommune, erstatter Ola Hansen
- Per Olsen, Helse Fonna HF

Saksnr\tAgenda Fagrådet 14. oktober 2026\tPresenter saken\tTid\tSakstype
1/26\tGodkjenning av innkalling\tLise Berg, Helsedirektoratet\t09:00\tGodkjenning
2/26\tStatus for Pasientens timebok\tJon Dahl, Norsk helsenett SF Eva Lie, KS\t09:15\tOrientering
Pause\t\t\t10:00\t

Sak 1/26: Godkjenning av innkalling

Forslag til vedtak

Fagrådet godkjenner innkalling og dagsorden.

Pasientens timebok
- Lav framdrift
- Første pilot gjennomført i Bodø kommune

Kostnader\tØkning per år (millioner kroner)
\t2026\t2027
Pasientens timebok\t1 059\t12,5
Sum\t1 059\t12,5

42 310
BRUKERE AV PASIENTENS TIMEBOK
"""


@pytest.fixture(scope="module")
def facts(extractor):
    return extractor.extract(read_bytes("fagradet.md", PAPERS.encode("utf-8")))


def test_the_document_date_comes_from_its_opening_lines(facts):
    assert facts.issued == "2026-10-14"


def test_meeting_date_place_and_body(facts):
    (meeting,) = facts.meetings
    assert (meeting.title, meeting.date, meeting.place, local_id(meeting.body)) == (
        "Møte i Fagrådet", "2026-10-14", "Møterom Fjorden, Oslo", "fagradet")


def test_agenda_items_with_presenters_times_kinds_and_proposals(facts):
    first, second = facts.meetings[0].agenda
    assert (first.number, first.title, first.start_time, first.kind) == (
        "1/26", "Godkjenning av innkalling", "09:00", "Godkjenning")
    assert first.proposals == ("Fagrådet godkjenner innkalling og dagsorden.",)
    assert [(p.name, local_id(p.organization)) for p in second.presenters] == [
        ("Jon Dahl", "norsk-helsenett-sf"), ("Eva Lie", "ks")]


def test_membership_changes(facts):
    changes = [(m.member.name, local_id(m.member.organization), m.replaces) for m in facts.meetings[0].memberships]
    assert changes == [("Kari Nordmann", "bodo-kommune", "Ola Hansen"), ("Per Olsen", "helse-fonna-hf", "")]


def test_bullets_under_an_initiative_heading_are_its_status_notes(facts):
    notes = [(local_id(n.initiative), n.text) for n in facts.status_notes]
    assert notes == [("pasientens-timebok", "Lav framdrift"),
                     ("pasientens-timebok", "Første pilot gjennomført i Bodø kommune")]


def test_table_cells_become_observations_with_period_and_unit(facts):
    table = {(o.row, o.period, o.amount, local_id(o.subject) if o.subject else "")
             for o in facts.observations if o.unit == str(VK.millionNOK)}
    assert table == {("Pasientens timebok", "2026", 1059.0, "pasientens-timebok"),
                     ("Pasientens timebok", "2027", 12.5, "pasientens-timebok"),
                     ("Sum", "2026", 1059.0, ""), ("Sum", "2027", 12.5, "")}


def test_a_headline_count_is_an_observation_dated_by_the_document(facts):
    (count,) = [o for o in facts.observations if o.unit == str(VK.number)]
    assert (count.amount, count.row, count.period, local_id(count.subject)) == (
        42310.0, "BRUKERE AV PASIENTENS TIMEBOK", "2026-10-14", "pasientens-timebok")
