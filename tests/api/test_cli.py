import csv
import io
import re

from api.cli import main
from tests.conftest import CORPUS


def test_ingest_query_and_export(tmp_path, capsys):
    store = str(tmp_path / "store")
    note = tmp_path / "notat.md"
    note.write_text("Pasientens timebok forutsetter Kjernejournal.\n", encoding="utf-8")
    assert main(["ingest", str(note), "--store", store]) == 0
    assert "notat.md" in capsys.readouterr().out
    query = ("PREFIX vk: <https://w3id.org/veikart/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             "SELECT ?label WHERE { ?d a vk:Dependency ; vk:dependent [ skos:prefLabel ?label ] }")
    assert main(["query", query, "--store", store, "--format", "csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == [["label"], ["Pasientens timebok"]]
    assert main(["export", "--store", store, "--format", "nquads"]) == 0
    assert "Pasientens timebok" in capsys.readouterr().out


def test_reingest_reports_unchanged(tmp_path, capsys):
    store = str(tmp_path / "store")
    assert main(["ingest", str(CORPUS[0]), "--store", store]) == 0
    capsys.readouterr()
    assert main(["ingest", str(CORPUS[0]), "--store", store]) == 0
    assert "unchanged" in capsys.readouterr().out


def test_bad_input_exits_non_zero_and_leaves_store_empty(tmp_path, capsys):
    store = tmp_path / "store"
    bad = tmp_path / "arkiv.zip"
    bad.write_bytes(b"PK\x03\x04")
    assert main(["ingest", str(bad), "--store", str(store)]) == 1
    assert "unsupported format" in capsys.readouterr().err
    assert not store.exists()
    assert main(["query", "SELEKT", "--store", str(tmp_path / "other")]) == 1


def test_folder_ingest_skips_the_folder_readme(tmp_path):
    (tmp_path / "README.md").write_text("Om mappen.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tekst.\n", encoding="utf-8")
    assert [p.name for p in CORPUS] == ["strategiradet-2026-03-26.md", "veikart-nasjonal-e-helsestrategi.txt"]
    from api.cli import document_files
    assert [p.name for p in document_files([tmp_path])] == ["a.txt"]


def test_deps_prints_the_tree_with_evidence(tmp_path, capsys):
    store = str(tmp_path / "store")
    note = tmp_path / "notat.txt"
    note.write_text("Pasientens timebok forutsetter Kjernejournal. Kjernejournal bygger på HelseID.\n",
                    encoding="utf-8")
    assert main(["ingest", str(note), "--store", store]) == 0
    capsys.readouterr()
    assert main(["deps", "pasientens timebok", "--transitive", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "Kjernejournal (requires" in out and "HelseID (buildsOn" in out
    assert "«Pasientens timebok forutsetter Kjernejournal.»" in out
    assert main(["deps", "HelseID", "--reverse", "--store", store]) == 0
    assert "Kjernejournal" in capsys.readouterr().out
    assert main(["deps", "ukjent", "--store", store]) == 1


def without_blank_ids(nquads: str) -> list[str]:
    return sorted(re.sub(r"_:\w+", "_:", line) for line in nquads.splitlines())


def test_a_trig_export_loads_into_another_store_whole(tmp_path, capsys):
    source, target, backup = str(tmp_path / "a"), str(tmp_path / "b"), tmp_path / "backup.trig"
    note = tmp_path / "notat.md"
    note.write_text("Pasientens timebok forutsetter Kjernejournal.\n", encoding="utf-8")
    assert main(["ingest", str(note), "--store", source]) == 0
    capsys.readouterr()
    assert main(["export", "--store", source, "--format", "nquads"]) == 0
    exported = capsys.readouterr().out
    assert main(["export", "--store", source, "--format", "trig"]) == 0
    backup.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["load", str(backup), "--store", target]) == 0
    capsys.readouterr()
    assert main(["export", "--store", target, "--format", "nquads"]) == 0
    assert without_blank_ids(capsys.readouterr().out) == without_blank_ids(exported)
    assert main(["deps", "Pasientens timebok", "--store", target]) == 0
    assert "Kjernejournal" in capsys.readouterr().out


def test_load_refuses_a_file_without_named_graphs(tmp_path, capsys):
    plain = tmp_path / "plain.ttl"
    plain.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert main(["load", str(plain), "--store", str(tmp_path / "s")]) == 2
    assert ".trig or .nq" in capsys.readouterr().err


def test_force_analyses_an_unchanged_document_again(tmp_path, capsys):
    store = str(tmp_path / "store")
    assert main(["ingest", str(CORPUS[0]), "--store", store]) == 0
    capsys.readouterr()
    assert main(["ingest", str(CORPUS[0]), "--store", store, "--force"]) == 0
    assert "unchanged" not in capsys.readouterr().out


def test_several_workers_need_a_remote_store(tmp_path, capsys):
    assert main(["serve", "--store", str(tmp_path / "s"), "--workers", "2"]) == 2
    assert "remote store" in capsys.readouterr().err
