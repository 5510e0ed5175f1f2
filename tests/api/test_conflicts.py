"""Schedule conflicts and critical paths through the HTTP API, over short invented plans ingested through the
real pipeline, on the embedded and the remote store."""

import json

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from graph.errors import InvalidRules
from testkit.plans import PLANS, REVISED, ingest_plans
from testkit.sample import TOKEN


@pytest.fixture
def plans(store, extractor):
    """A client over a store holding the invented plans; ``plans.store`` to add documents."""
    ingest_plans(store, extractor)
    app = create_app(Settings(token=TOKEN, store="unused"), store=store, extractor=extractor)
    with TestClient(app) as client:
        client.store = store
        yield client


def summary(item: dict) -> tuple:
    return (item["severity"], item["dependent"]["initiative"]["id"], item["prerequisite"]["initiative"]["id"],
            item["gapMonths"])


def test_conflicts_are_found_possible_unknown_or_absent_as_the_dates_say(plans):
    body = plans.get("/api/conflicts").json()
    assert [summary(item) for item in body["items"]] == [
        ("conflict", "pasientens-timebok", "pasientens-reiseplan", 12),
        ("possible", "pasientens-pleieplan", "pasientens-malekurve", 12),
        ("unknown", "pasientens-journalkopi", "pasientens-vaksinekort", None),
        ("unknown", "pasientens-kostholdsplan", "pasientens-legemiddelprofil", None),
    ]  # henvisning.txt: the dates agree, no conflict
    assert body["total"] == 4


def test_a_conflict_names_both_statements_with_dates_and_evidence(plans):
    [conflict] = plans.get("/api/conflicts", params={"severity": "conflict"}).json()["items"]
    dependent, prerequisite = conflict["dependent"], conflict["prerequisite"]
    assert (dependent["phase"]["notation"], dependent["first"], dependent["last"]) == \
        ("innforing", "2025-01", "2025-12")
    assert dependent["statement"]["evidence"][0]["text"] == "Pasientens timebok skal innføres i 2025."
    assert (prerequisite["statement"]["date"], prerequisite["statement"]["status"]) == ("2026", "planned")
    assert prerequisite["statement"]["evidence"][0]["text"] == "Pasientens reiseplan skal innføres i 2026."
    [dependency] = conflict["dependencies"]
    assert dependency["kind"] == "requires"
    assert dependency["evidence"][0]["text"] == "Pasientens timebok forutsetter Pasientens reiseplan."


def test_a_tentative_statement_gives_a_possible_conflict(plans):
    [possible] = plans.get("/api/conflicts", params={"severity": "possible"}).json()["items"]
    assert possible["prerequisite"]["statement"]["status"] == "tentative"
    assert possible["prerequisite"]["statement"]["evidence"][0]["text"] == \
        "Pasientens målekurve vil trolig bli tatt i bruk i 2026."


def test_an_undated_prerequisite_is_unknown_with_no_statement(plans):
    items = plans.get("/api/conflicts", params={"initiative": "pasientens-vaksinekort"}).json()["items"]
    assert [summary(item) for item in items] == [("unknown", "pasientens-journalkopi", "pasientens-vaksinekort", None)]
    assert items[0]["prerequisite"]["statement"] is None and items[0]["prerequisite"]["first"] is None


def test_the_initiative_filter_takes_either_end_and_pages(plans):
    by_dependent = plans.get("/api/conflicts", params={"initiative": "pasientens-timebok"}).json()
    assert by_dependent == plans.get("/api/conflicts", params={"initiative": "pasientens-reiseplan"}).json()
    assert by_dependent["total"] == 1
    assert plans.get("/api/conflicts", params={"initiative": "pasientens-henvisning"}).json() == \
        {"items": [], "total": 0}
    second = plans.get("/api/conflicts", params={"limit": 1, "offset": 1}).json()
    assert (second["total"], [summary(i)[0] for i in second["items"]]) == (4, ["possible"])


def test_bad_filters_are_refused_with_problems(plans):
    unknown = plans.get("/api/conflicts", params={"initiative": "pasientens-ingenting"})
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == "no initiative with id 'pasientens-ingenting'"
    wrong = plans.get("/api/conflicts", params={"severity": "alarming"})
    assert wrong.status_code == 422 and wrong.headers["content-type"] == "application/problem+json"
    assert "severity" in wrong.json()["detail"]


def test_a_later_document_supersedes_the_date_and_the_conflict_goes(plans, extractor):
    ingest_plans(plans.store, extractor, dict([REVISED]))
    items = plans.get("/api/conflicts", params={"initiative": "pasientens-reiseplan"}).json()["items"]
    assert items == []


def test_the_critical_path_runs_over_three_links_and_names_the_undated_one(plans):
    path = plans.get("/api/initiatives/pasientens-behandlingsplan/critical-path").json()
    links = [(link["dependent"]["initiative"]["id"], link["prerequisite"]["initiative"]["id"],
              link["prerequisite"]["first"], link["slackMonths"], link["dependency"]["kind"]) for link in path["links"]]
    assert links == [
        ("pasientens-behandlingsplan", "pasientens-kostholdsplan", "2027-01", 12, "requires"),
        ("pasientens-kostholdsplan", "pasientens-legemiddelprofil", None, None, "buildsOn"),
        ("pasientens-legemiddelprofil", "pasientens-innsjekk", "2026-01", None, "requires"),
    ]
    assert [ref["id"] for ref in path["undated"]] == ["pasientens-legemiddelprofil"]
    assert path["initiative"]["statement"]["evidence"][0]["text"] == "Pasientens behandlingsplan skal innføres i 2028."
    assert path["earliest"]["initiative"]["id"] == "pasientens-kostholdsplan"


def test_the_critical_path_takes_a_phase_and_refuses_an_unknown_one(plans):
    path = plans.get("/api/initiatives/pasientens-behandlingsplan/critical-path", params={"phase": "i_drift"})
    assert path.status_code == 200
    assert path.json()["initiative"]["phase"]["notation"] == "i_drift"
    assert path.json()["initiative"]["statement"] is None  # no statement says when it is in use
    wrong = plans.get("/api/initiatives/pasientens-behandlingsplan/critical-path", params={"phase": "ferdig"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"].startswith("no phase of the value chain is called 'ferdig'")
    assert plans.get("/api/initiatives/pasientens-ingenting/critical-path").status_code == 404


def test_the_server_takes_its_schedule_rules_from_the_settings(store, extractor, tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"default": {"dependent": "innforing", "prerequisite": "innforing"},
                                 "unordered": ["requires"]}), encoding="utf-8")
    ingest_plans(store, extractor, {"timebok.txt": PLANS["timebok.txt"]})
    for settings, total in ((Settings(store="unused"), 1), (Settings(store="unused", schedule_rules=rules), 0)):
        with TestClient(create_app(settings, store=store, extractor=extractor)) as client:
            assert client.get("/api/conflicts").json()["total"] == total
    rules.write_text('{"default": {}}', encoding="utf-8")
    with pytest.raises(InvalidRules, match="names no phase for each end"):
        create_app(Settings(store="unused", schedule_rules=rules), store=store, extractor=extractor)
