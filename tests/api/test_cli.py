import csv
import io
import json
import re

import pytest
from rdflib import Graph

from api.cli import main
from testkit.sample import CORPUS


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
    from api.cli.ingest import document_files
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


@pytest.fixture
def note_store(tmp_path, capsys) -> str:
    store = str(tmp_path / "store")
    note = tmp_path / "notat.txt"
    note.write_text("Pasientens timebok forutsetter Kjernejournal.\n", encoding="utf-8")
    assert main(["ingest", str(note), "--store", store]) == 0
    capsys.readouterr()
    return store


CONSTRUCT = ("PREFIX vk: <https://w3id.org/veikart/ontology#> "
             "CONSTRUCT { ?a vk:dependsOn ?b } WHERE { ?a vk:dependsOn ?b }")


@pytest.mark.parametrize(("mode", "syntax"), [
    ("table", "turtle"), ("json", "json-ld"), ("xml", "xml"), ("csv", "nt"), ("tsv", "nt"),
    ("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_construct_prints_rdf_in_every_mode(note_store, capsys, mode, syntax):
    assert main(["query", CONSTRUCT, "--format", mode, "--store", note_store]) == 0
    graph = Graph().parse(data=capsys.readouterr().out, format=syntax)
    assert [(str(s), str(o)) for s, _, o in graph] == [("https://w3id.org/veikart/id/initiative/pasientens-timebok",
                                                        "https://w3id.org/veikart/id/initiative/kjernejournal")]


def test_select_in_table_mode_gives_columns_and_ask_gives_a_word(note_store, capsys):
    query = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX vk: <https://w3id.org/veikart/ontology#> "
             "SELECT ?label ?kind WHERE { ?d vk:dependent [ skos:prefLabel ?label ] ; "
             "vk:dependencyKind [ skos:notation ?kind ] }")
    assert main(["query", query, "--store", note_store]) == 0
    assert capsys.readouterr().out.splitlines() == ["label               kind", "Pasientens timebok  requires"]
    assert main(["query", "ASK { ?s ?p ?o }", "--store", note_store]) == 0
    assert capsys.readouterr().out == "true\n"


def test_an_rdf_format_for_a_select_is_a_usage_error(note_store, capsys):
    assert main(["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "turtle", "--store", note_store]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "use table, json, xml, csv or tsv" in err


def test_json_results_of_a_select(note_store, capsys):
    assert main(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json",
                 "--store", note_store]) == 0
    assert int(json.loads(capsys.readouterr().out)["results"]["bindings"][0]["n"]["value"]) > 0


def test_load_takes_the_format_of_a_file_without_a_known_suffix(note_store, tmp_path, capsys):
    assert main(["export", "--store", note_store, "--format", "nquads"]) == 0
    exported = capsys.readouterr().out
    backup = tmp_path / "backup.txt"
    backup.write_text(exported, encoding="utf-8")
    target = str(tmp_path / "target")
    assert main(["load", str(backup), "--store", target]) == 2
    assert main(["load", str(backup), "--format", "nquads", "--store", target]) == 0
    assert "loaded" in capsys.readouterr().err
    assert main(["export", "--store", target, "--format", "nquads"]) == 0
    assert without_blank_ids(capsys.readouterr().out) == without_blank_ids(exported)


def test_load_refuses_triples_outside_a_named_graph_and_writes_nothing(note_store, tmp_path, capsys):
    before = main(["export", "--store", note_store, "--format", "nquads"]), capsys.readouterr().out
    mixed = tmp_path / "mixed.nq"
    mixed.write_text("<urn:a> <urn:b> <urn:c> <urn:g> .\n<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert main(["load", str(mixed), "--store", note_store]) == 1
    assert "outside a named graph" in capsys.readouterr().err
    assert (main(["export", "--store", note_store, "--format", "nquads"]), capsys.readouterr().out) == before


def test_a_timeout_must_be_some_seconds(note_store, capsys):
    for bad in ("0", "-1", "soon"):
        with pytest.raises(SystemExit) as exit_:
            main(["query", "ASK {}", "--timeout", bad, "--store", note_store])
        assert exit_.value.code == 2
    assert "is not a number of seconds above 0" in capsys.readouterr().err
