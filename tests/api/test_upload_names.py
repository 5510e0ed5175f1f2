"""File names with control characters are refused, by upload and by the CLI, and nothing stored changes."""

import csv
import io

import pytest

from api.cli import main
from testkit.sample import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "Pasientens timebok forutsetter Kjernejournal."
NAMES = ["nul\x00name.txt", "line\nbreak.txt", "del\x7f.txt", "c1\x85.txt", "tab\t.txt", "override\u202egnp.txt",
         "separator\u2028.txt"]


def raw_multipart(name: str) -> tuple[bytes, str]:
    """Return a form whose file name carries its control characters as they are (no client escaping)."""
    boundary = "veikart-boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="'.encode()
            + name.encode("utf-8") + f'"\r\nContent-Type: text/plain\r\n\r\n{TEXT}\r\n--{boundary}--\r\n'.encode())
    return body, f"multipart/form-data; boundary={boundary}"


def state(client) -> tuple[list, str]:
    return client.get("/api/documents").json()["items"], client.get("/healthz").json()["revision"]


@pytest.mark.parametrize("name", NAMES)
def test_an_upload_named_with_a_control_character_is_refused_and_the_store_unchanged(write_client, name):
    assert write_client.post("/api/documents", json={"name": "kept.txt", "text": TEXT}, headers=AUTH).status_code == 201
    before = state(write_client)
    body, media = raw_multipart(name)
    attempts = [
        write_client.post("/api/documents", json={"name": name, "text": TEXT}, headers=AUTH),
        write_client.post("/api/documents", files={"file": (name, TEXT.encode(), "text/plain")}, headers=AUTH),
        write_client.post("/api/documents", content=body, headers={**AUTH, "Content-Type": media}),
    ]
    for response in attempts:
        assert response.status_code == 400, response.text
        assert "the file name has a control character" in response.json()["detail"]
    assert state(write_client) == before


def test_a_name_with_an_ordinary_percent_sign_is_kept(write_client):
    response = write_client.post("/api/documents", json={"name": "vekst 5% 2025.txt", "text": TEXT}, headers=AUTH)
    assert response.status_code == 201 and response.json()["name"] == "vekst 5% 2025.txt"


def test_the_cli_refuses_a_file_named_with_a_control_character_and_ingests_nothing(tmp_path, capsys):
    store = str(tmp_path / "store")
    (tmp_path / "first.txt").write_text(TEXT, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "first.txt"), "--store", store]) == 0
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "good.txt").write_text("Kjernejournal bygger på HelseID.", encoding="utf-8")
    (folder / "bad\x7fname.txt").write_text(TEXT, encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(folder), "--store", store]) == 1
    assert "the file name has a control character" in capsys.readouterr().err
    query = "PREFIX vk: <https://w3id.org/veikart/ontology#> SELECT ?d WHERE { ?d a vk:Document }"
    assert main(["query", query, "--store", store, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert [row[0].rsplit("/", 1)[-1] for row in rows[1:]] == ["first"]
