"""The CSV and XLSX exports: one table per kind of record, the same tables in both, readable by csv and openpyxl."""

import csv
import io
import zipfile

import openpyxl
import pytest

TABLES = ["tiltak", "avhengigheter", "faseutsagn", "organisasjoner", "roller"]


@pytest.fixture(scope="module")
def csv_tables(client) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(client.get("/api/export", params={"format": "csv"}).content)) as archive:
        return {name.removesuffix(".csv"): list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
                for name in archive.namelist()}


@pytest.fixture(scope="module")
def workbook(client) -> openpyxl.Workbook:
    response = client.get("/api/export", params={"format": "xlsx"})
    return openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)


def test_the_zip_holds_one_csv_file_per_table(csv_tables):
    assert list(csv_tables) == TABLES


def test_the_workbook_has_one_sheet_per_table_in_norwegian(workbook):
    assert workbook.sheetnames == [name.capitalize() for name in TABLES]
    assert workbook.properties.language == "nb-NO"


def test_the_sheets_hold_what_the_csv_files_hold(csv_tables, workbook):
    for name in TABLES:
        sheet = [["" if v is None else str(v) for v in row] for row in workbook[name.capitalize()].values]
        assert sheet == csv_tables[name], name


def test_every_initiative_has_a_row_with_its_current_phase_leads_and_goals(client, csv_tables):
    header, *rows = csv_tables["tiltak"]
    assert header[:4] == ["id", "Tiltak", "Forkortelser", "Nåværende fase"]
    listed = client.get("/api/initiatives", params={"limit": 100000}).json()["items"]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_id.keys() == {i["id"] for i in listed}
    for initiative in listed:
        row = by_id[initiative["id"]]
        assert row["Tiltak"] == initiative["label"]
        assert row["Nåværende fase"] == (initiative["phase"]["label"] if initiative["phase"] else "")
        assert row["Ledes av"] == "; ".join(lead["label"] for lead in initiative["leads"])


def test_each_dependency_row_names_its_kind_confidence_sentence_and_document(client, csv_tables):
    header, *rows = csv_tables["avhengigheter"]
    assert header == ["Avhengig id", "Avhengig tiltak", "Forutsetning id", "Forutsetning", "Type", "Sikkerhet",
                      "Kildesetning", "Dokument"]
    listed = client.get("/api/dependencies", params={"limit": 100000}).json()["items"]
    expected = sorted((e["dependent"]["id"], e["prerequisite"]["id"], e["kind"], str(e["confidence"]), ev["text"],
                       ev["document"]) for e in listed for ev in e["evidence"])
    assert expected
    assert sorted((r[0], r[2], r[4], r[5], r[6], r[7]) for r in rows) == expected


def test_phase_statements_name_their_status_in_norwegian(csv_tables):
    header, *rows = csv_tables["faseutsagn"]
    statuses = {row[header.index("Status")] for row in rows}
    assert statuses and statuses <= {"planlagt", "tentativ", "faktisk"}


def test_roles_join_organisations_and_initiatives_that_have_rows(csv_tables):
    _, *roles = csv_tables["roller"]
    organisations = {row[0] for row in csv_tables["organisasjoner"][1:]}
    initiatives = {row[0] for row in csv_tables["tiltak"][1:]}
    assert roles
    assert {row[0] for row in roles} <= organisations and {row[2] for row in roles} <= initiatives
