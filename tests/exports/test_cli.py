"""``veikart export`` writes each export for architects' tools to stdout, the same as ``GET /api/export``."""

import io
import zipfile

import openpyxl
import pytest
from fastapi.testclient import TestClient

from api.cli import main
from api.config import Settings
from api.main import create_app
from graph import open_store

NOTE = "Pasientens legemiddelliste (PLL) forutsetter Sentral forskrivningsmodul (SFM).\n\nSFM skal innføres i 2025.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("export-cli")
    note = folder / "notat.md"
    note.write_text(NOTE, encoding="utf-8")
    assert main(["ingest", str(note), "--store", str(folder / "store"), "--quiet"]) == 0
    return str(folder / "store")


def served(store: str, fmt: str) -> bytes:
    """Return the body of ``GET /api/export?format=`` from an app over ``store`` (opened once it is free)."""
    with open_store(store) as opened, TestClient(create_app(Settings(store=store), store=opened)) as client:
        return client.get("/api/export", params={"format": fmt}).content


@pytest.mark.parametrize("fmt", ["archimate", "mermaid", "graphml", "jsonld", "csv"])
def test_the_command_line_writes_what_the_api_serves(store, capsysbinary, fmt):
    assert main(["export", "--store", store, "--format", fmt]) == 0
    written = capsysbinary.readouterr().out
    assert written and written == served(store, fmt)


def test_the_command_line_writes_a_workbook(store, capsysbinary):
    assert main(["export", "--store", store, "--format", "xlsx"]) == 0
    workbook = openpyxl.load_workbook(io.BytesIO(capsysbinary.readouterr().out), read_only=True)
    assert "Avhengigheter" in workbook.sheetnames


def test_the_csv_zip_is_the_same_bytes_for_the_same_graph(store, capsysbinary):
    assert main(["export", "--store", store, "--format", "csv"]) == 0
    first = capsysbinary.readouterr().out
    assert main(["export", "--store", store, "--format", "csv"]) == 0
    assert capsysbinary.readouterr().out == first
    assert zipfile.ZipFile(io.BytesIO(first)).namelist()[0] == "tiltak.csv"


def test_an_unknown_format_is_a_usage_error(store, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["export", "--store", store, "--format", "visio"])
    assert exit.value.code == 2
    assert "invalid choice: 'visio'" in capsys.readouterr().err
