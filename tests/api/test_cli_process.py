"""The ``veikart`` console script as a user runs it: a process of its own, its output piped or on a terminal."""

import json
import os
import pty
import signal
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import to_isomorphic

from ontology import STATE_GRAPH
from testkit import ROOT
from testkit.oxigraph import OxigraphServer
from testkit.processes import VEIKART
from testkit.sample import CORPUS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def veikart(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([VEIKART, *args], input=stdin, capture_output=True, env={**os.environ, **(env or {})},
                          timeout=300)  # a bound on a hung command, which is killed


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> str:
    store = str(tmp_path_factory.mktemp("cli") / "store")
    assert veikart("ingest", str(ROOT / "corpus"), "--store", store, "--quiet").returncode == 0
    return store


def imported_modules(*args: str) -> set[str]:
    """Run the console script under ``-X importtime``; return the names of the modules it imported."""
    run = subprocess.run([sys.executable, "-X", "importtime", VEIKART, *args], capture_output=True, check=True)
    return {line.rsplit("|", 1)[1].strip() for line in run.stderr.decode().splitlines()
            if line.startswith("import time:")}


def test_query_export_and_load_import_neither_spacy_nor_fastapi(corpus_store, tmp_path):
    exported = tmp_path / "export.nq"
    exported.write_bytes(veikart("export", "--format", "nquads", "--store", corpus_store).stdout)
    for args in (["query", COUNT, "--store", corpus_store], ["export", "--store", corpus_store],
                 ["load", str(exported), "--store", str(tmp_path / "copy")]):
        modules = imported_modules(*args)
        assert "pyoxigraph" in modules  # the store's engine: the listing is complete
        assert not {m for m in modules if m.split(".")[0] in ("spacy", "fastapi", "starlette", "uvicorn", "ingest")}


def test_query_answers_in_its_own_process(corpus_store):
    run = veikart("query", COUNT, "--store", corpus_store, "--format", "csv")
    assert run.returncode == 0 and int(run.stdout.decode().split()[1]) > 1000
    assert not Path(corpus_store + ".views").exists()  # query workers would read views published beside the store


def test_query_reads_the_query_from_stdin(corpus_store):
    run = veikart("query", "-", "--store", corpus_store, "--format", "json", stdin=COUNT.encode())
    assert run.returncode == 0
    assert int(json.loads(run.stdout)["results"]["bindings"][0]["n"]["value"]) > 1000


def quad_sets(nquads: bytes) -> dict[str, object]:
    """Return each named graph of an N-Quads export in a canonical form, blank nodes matched by structure."""
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return {str(graph.identifier): to_isomorphic(graph) for graph in dataset.graphs() if len(graph)}


def written(store: str) -> dict[str, object]:
    """Return the named graphs of ``store`` but its state graph, whose revisions differ on every write."""
    graphs = quad_sets(veikart("export", "--format", "nquads", "--store", store).stdout)
    return {name: graph for name, graph in graphs.items() if name != STATE_GRAPH}


def test_an_ingest_in_two_jobs_writes_what_a_serial_ingest_writes(corpus_store, tmp_path):
    store = str(tmp_path / "store")
    run = veikart("ingest", str(ROOT / "corpus"), "--store", store, "--jobs", "2", "--format", "json")
    assert run.returncode == 0, run.stderr
    assert [(d["name"], d["changed"]) for d in json.loads(run.stdout)["documents"]] == [
        (path.name, True) for path in CORPUS]
    assert written(store) == written(corpus_store)
    again = veikart("ingest", str(ROOT / "corpus"), "--store", store, "--jobs", "2", "--format", "json")
    assert [d["changed"] for d in json.loads(again.stdout)["documents"]] == [False] * len(CORPUS)


def test_two_ingests_at_once_into_one_remote_store_write_every_document_whole(corpus_store, tmp_path):
    server = OxigraphServer(tmp_path / "oxigraph")
    try:
        runs = [subprocess.Popen([VEIKART, "ingest", str(path), "--store", server.url, "--quiet"],
                                 stderr=subprocess.PIPE) for path in CORPUS]
        assert [run.wait(timeout=300) for run in runs] == [0] * len(CORPUS)
        assert written(server.url) == written(corpus_store)
    finally:
        server.stop()



def test_an_export_piped_into_load_copies_the_store(corpus_store, tmp_path):
    copy = str(tmp_path / "copy")
    export = subprocess.Popen([VEIKART, "export", "--format", "nquads", "--store", corpus_store],
                              stdout=subprocess.PIPE)
    load = subprocess.run([VEIKART, "load", "-", "--store", copy], stdin=export.stdout, capture_output=True)
    export.stdout.close()
    assert export.wait() == 0 and load.returncode == 0, load.stderr
    assert b"loaded" in load.stderr and load.stdout == b""
    source = quad_sets(veikart("export", "--format", "nquads", "--store", corpus_store).stdout)
    assert len(source) == 4
    assert quad_sets(veikart("export", "--format", "nquads", "--store", copy).stdout) == source


def test_load_reads_trig_from_stdin_when_told_so(corpus_store, tmp_path):
    trig = veikart("export", "--format", "trig", "--store", corpus_store).stdout
    copy = str(tmp_path / "copy")
    assert veikart("load", "-", "--format", "trig", "--quiet", "--store", copy, stdin=trig).stderr == b""
    assert veikart("load", "-", "--store", str(tmp_path / "other"), stdin=trig).returncode == 1  # read as N-Quads
    assert quad_sets(veikart("export", "--format", "nquads", "--store", copy).stdout) == \
        quad_sets(veikart("export", "--format", "nquads", "--store", corpus_store).stdout)


def test_version_is_the_installed_packages():
    run = veikart("--version")
    assert run.returncode == 0 and run.stdout.decode() == f"veikart {metadata.version('veikart')}\n"


def test_ingest_summary_piped_is_whole_in_columns_and_in_json(tmp_path):
    run = veikart("ingest", str(ROOT / "corpus"), "--store", str(tmp_path / "a"), env={"COLUMNS": "40"})
    assert run.returncode == 0 and run.stderr == b""  # no progress when stderr is not a terminal
    header, *rows = [line.split() for line in run.stdout.decode().splitlines()]
    assert header == ["document", "changed", "entities", "discovered", "dependencies", "phases", "goals"]
    assert [row[:2] for row in rows] == [["strategiradet-2026-03-26.md", "yes"],
                                         ["veikart-nasjonal-e-helsestrategi.txt", "yes"]]
    as_json = veikart("ingest", str(ROOT / "corpus"), "--store", str(tmp_path / "b"), "--format", "json")
    documents = json.loads(as_json.stdout)["documents"]
    assert [d["document"] for d in documents] == ["strategiradet-2026-03-26", "veikart-nasjonal-e-helsestrategi"]
    assert [[d["name"], "yes" if d["changed"] else "unchanged", *(str(d[k]) for k in header[2:])]
            for d in documents] == rows
    assert all(int(n) > 0 for n in rows[1][2:])


def test_ingest_quiet_writes_nothing(tmp_path):
    note = tmp_path / "notat.txt"
    note.write_text("Pasientens timebok forutsetter Kjernejournal.\n", encoding="utf-8")
    run = veikart("ingest", str(note), "--store", str(tmp_path / "store"), "--quiet")
    assert (run.returncode, run.stdout, run.stderr) == (0, b"", b"")


def on_terminal(*args: str) -> tuple[int, bytes]:
    """Run the console script with stderr on a pseudo-terminal; return its exit status and what the terminal got."""
    main, terminal = pty.openpty()
    process = subprocess.Popen([VEIKART, *args], stdout=subprocess.DEVNULL, stderr=terminal,
                               env={**os.environ, "TERM": "xterm"})
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    return process.wait(), seen


def test_ingest_shows_reading_and_analysing_on_a_terminal_unless_quiet(tmp_path):
    status, seen = on_terminal("ingest", str(ROOT / "corpus"), "--store", str(tmp_path / "a"))
    assert status == 0 and b"Reading" in seen and b"Analysing" in seen and b"2/2" in seen
    status, seen = on_terminal("ingest", str(ROOT / "corpus"), "--store", str(tmp_path / "b"), "--quiet")
    assert (status, seen) == (0, b"")


@pytest.mark.parametrize("command", ["ingest", "serve", "query", "deps", "export", "load"])
def test_every_command_documents_its_exit_statuses(command):
    run = veikart(command, "--help")
    assert run.returncode == 0
    help_text = run.stdout.decode()
    assert "exit status:" in help_text
    assert all(f"\n  {code} " in help_text for code in (0, 1, 2, 130))


def test_exit_statuses_are_the_documented_ones(corpus_store, tmp_path):
    assert veikart("query", "--format", "yaml", COUNT, "--store", corpus_store).returncode == 2
    assert veikart("query", "SELEKT", "--store", corpus_store).returncode == 1
    assert veikart("query", "SELECT * WHERE { ?s ?p ?o }", "--format", "turtle",
                   "--store", corpus_store).returncode == 2
    assert veikart("deps", "ukjent", "--store", corpus_store).returncode == 1
    assert veikart("load", str(ROOT / "README.md"), "--store", str(tmp_path / "s")).returncode == 2
    unreadable = veikart("ingest", str(ROOT / "corpus"), str(tmp_path / "borte.txt"), "--store", str(tmp_path / "t"))
    assert unreadable.returncode == 1 and b"1 of 3 documents could not be read" in unreadable.stderr
    assert not (tmp_path / "t").exists()


def test_a_query_past_its_timeout_is_stopped(corpus_store):
    run = veikart("query", RUNAWAY, "--store", corpus_store, "--timeout", "0.5")
    assert run.returncode == 1
    assert b"ran longer than 0.5 s" in run.stderr and run.stdout == b""


def cpu_seconds(pid: int) -> float:
    """Return the processor time process ``pid`` has used so far (0 once it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime


def test_ctrl_c_stops_a_running_query(corpus_store):
    process = subprocess.Popen([VEIKART, "query", RUNAWAY, "--store", corpus_store, "--timeout", "600"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while cpu_seconds(process.pid) < 2 and time.monotonic() < deadline:  # starting takes a fraction of that
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) in (-signal.SIGINT, 130)
    finally:
        process.kill()
        process.wait()
