"""``veikart check`` over the invented plans: the conflicts with their evidence as text or JSON, and the exit
status a pipeline stops on."""

import json

import pytest

from api.cli import main
from testkit.plans import PLANS, REVISED, write_plans


@pytest.fixture(scope="module")
def plans_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("check")
    store = str(folder / "store")
    assert main(["ingest", str(write_plans(folder / "plans")), "--store", store, "--quiet"]) == 0
    return store


def test_check_lists_each_conflict_with_its_evidence_and_exits_1(plans_store, capsys):
    assert main(["check", "--store", plans_store]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    first = lines.index("conflict: Pasientens timebok innføring 2025 (planned) — but Pasientens reiseplan "
                        "innføring 2026 (planned), 12 months apart")
    assert lines[first + 1].startswith("    requires: «Pasientens timebok forutsetter Pasientens reiseplan.» timebok ")
    assert lines[first + 2].startswith("    Pasientens timebok: «Pasientens timebok skal innføres i 2025.» timebok ")
    assert "unknown: Pasientens journalkopi innføring 2025 (planned) — but Pasientens vaksinekort has no dated " \
           "innføring" in lines
    assert "4 found: 1 conflict, 1 possible, 2 unknown" in err


def test_check_writes_the_json_of_the_api(plans_store, capsys):
    assert main(["check", "--store", plans_store, "--format", "json", "--severity", "possible"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["total"] == 1
    assert body["items"][0]["prerequisite"]["statement"]["status"] == "tentative"


def test_fail_on_sets_how_certain_a_finding_must_be_to_exit_1(plans_store, capsys):
    assert main(["check", "--store", plans_store, "--initiative", "pasientens journalkopi"]) == 0
    assert main(["check", "--store", plans_store, "--initiative", "pasientens journalkopi", "--fail-on",
                 "unknown"]) == 1
    assert main(["check", "--store", plans_store, "--severity", "possible", "--fail-on", "possible"]) == 1
    assert "Pasientens journalkopi" in capsys.readouterr().out


def test_check_exits_0_when_the_dates_agree(tmp_path, capsys):
    store = str(tmp_path / "store")
    folder = write_plans(tmp_path / "plans", {"henvisning.txt": PLANS["henvisning.txt"]})
    assert main(["ingest", str(folder), "--store", store, "--quiet"]) == 0
    assert main(["check", "--store", store, "--fail-on", "unknown"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no schedule conflicts found" in err


def test_a_revised_document_clears_the_conflict(tmp_path, capsys):
    store = str(tmp_path / "store")
    folder = write_plans(tmp_path / "plans", {"timebok.txt": PLANS["timebok.txt"]})
    assert main(["ingest", str(folder), "--store", store, "--quiet"]) == 0
    assert main(["check", "--store", store]) == 1
    assert main(["ingest", str(write_plans(tmp_path / "revised", dict([REVISED]))), "--store", store, "--quiet"]) == 0
    assert main(["check", "--store", store]) == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--initiative", "ingenting"], "no initiative is called 'ingenting'"),
    (["--rules", "/nonexistent/rules.json"], "/nonexistent/rules.json: No such file or directory"),
])
def test_usage_errors_exit_2_with_a_message(plans_store, capsys, args, message):
    assert main(["check", "--store", plans_store, *args]) == 2
    assert message in capsys.readouterr().err


def test_an_unknown_severity_is_a_usage_error(plans_store, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["check", "--store", plans_store, "--severity", "alarming"])
    assert exit.value.code == 2
    assert "invalid choice: 'alarming'" in capsys.readouterr().err
