"""The remote backend against real servers: Oxigraph behind a gatekeeper that asks for credentials,
fails, stalls or trickles; errors arrive as UpstreamError/UpstreamTimeout with the store's message, and
only reads are retried. A runaway query Veikart gives up on is stopped by the store's own time limit."""

import base64
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from rdflib import Literal, URIRef

from graph import Limits, open_store
from graph.errors import QuerySyntaxError, UpstreamError, UpstreamTimeout
from graph.remote import RemoteStore
from ontology import SKOS
from testkit.loopback import refused_port
from testkit.oxigraph import OxigraphServer

G = "https://w3id.org/veikart/graph/document/a"
ITEM = URIRef("https://w3id.org/veikart/id/initiative/x")


class Gatekeeper(ThreadingHTTPServer):
    """Pass requests on to an Oxigraph server, after checking basic auth; or answer ``fail`` (status, body)
    instead; or never answer; or ``trickle`` a byte at a time. Counts the requests it saw per path."""

    def __init__(self, upstream: str, *, user: str = "veikart", password: str = "hemmelig"):
        self.upstream, self.fail, self.stall, self.trickle = upstream, None, threading.Event(), threading.Event()
        self.expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.seen: dict[str, int] = {}
        super().__init__(("127.0.0.1", 0), _Handler)  # a free port, bound at once
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/query"


class _Handler(BaseHTTPRequestHandler):
    server: Gatekeeper

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self._pass_on()

    def do_POST(self) -> None:
        self._pass_on()

    def _pass_on(self) -> None:
        path = self.path.split("?")[0]
        self.server.seen[path] = self.server.seen.get(path, 0) + 1
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.server.stall.is_set():
            threading.Event().wait(3)  # longer than the client waits
            return
        if self.server.trickle.is_set():
            return self._trickle()
        if self.headers.get("authorization") != self.server.expected:
            return self._answer(401, b"wrong credentials", "text/plain")
        if self.server.fail:
            return self._answer(*self.server.fail, "text/plain")
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        upstream = httpx.request(self.command, self.server.upstream + self.path, content=body, headers=headers)
        self._answer(upstream.status_code, upstream.content, upstream.headers.get("content-type", ""))

    def _trickle(self) -> None:
        """Answer 200, then a space every tenth of a second for three seconds: each read is quick, the whole
        answer slow."""
        self.send_response(200)
        self.send_header("content-type", "application/sparql-results+json")
        self.end_headers()
        try:
            for _ in range(30):
                self.wfile.write(b" ")
                self.wfile.flush()
                threading.Event().wait(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def _answer(self, status: int, body: bytes, media: str) -> None:
        self.send_response(status)
        self.send_header("content-type", media)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def gate(oxigraph):
    server = oxigraph("scratch")
    server.clear()
    gate = Gatekeeper(server.base)
    yield gate
    gate.shutdown()


def test_basic_auth_reaches_the_store_and_wrong_credentials_are_a_clear_error(gate):
    store = open_store(gate.url, auth="veikart:hemmelig")
    store.replace_graph(G, [(ITEM, SKOS.prefLabel, Literal("A", lang="nb"), URIRef(G))])
    assert store.graphs() == [G]
    with pytest.raises(UpstreamError, match="401: wrong credentials"):
        RemoteStore(gate.url, auth="veikart:feil").graphs()


def test_a_failing_store_is_retried_for_reads_only_and_its_message_kept(gate):
    store = open_store(gate.url, auth="veikart:hemmelig")
    gate.fail, gate.seen = (503, b"disk full"), {}
    with pytest.raises(UpstreamError, match="503: disk full"):
        store.graphs()
    assert gate.seen == {"/query": 3}  # a read: tried three times
    gate.seen = {}
    with pytest.raises(UpstreamError, match="503: disk full"):
        store.replace_graph(G, [])
    assert gate.seen == {"/update": 1}  # a write: never repeated


def test_a_stalled_store_is_a_timeout_and_an_absent_one_a_connection_error(gate):
    store = open_store(gate.url, Limits(query_timeout=0.5), auth="veikart:hemmelig")
    gate.stall.set()
    with pytest.raises(UpstreamTimeout):
        store.revision()
    with pytest.raises(UpstreamError, match="cannot reach"), refused_port() as port:
        RemoteStore(f"http://127.0.0.1:{port}/query").revision()


def test_an_answer_trickling_past_the_time_limit_is_a_timeout(gate):
    store = open_store(gate.url, Limits(query_timeout=0.5), auth="veikart:hemmelig")
    gate.trickle.set()
    with pytest.raises(UpstreamTimeout):
        store.answer("SELECT * WHERE { ?s ?p ?o }", None, default_graph=[G])


# Every four triples of 200 (about 200 ** 4 solutions), counted: minutes of work for the store, which sends
# nothing until it is done. Oxigraph checks its time limit between rows of the first pattern, each a
# second or so of work here: a fifth pattern would make that ten minutes.
RUNAWAY = "SELECT (COUNT(*) AS ?count) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def cpu_seconds(pid: int) -> float:
    """Return the CPU time, user and system, that process ``pid`` has used (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def became_idle(pid: int, *, window: float = 1.0, deadline: float = 60.0) -> bool:
    """Measure the CPU that process ``pid`` uses over successive windows; return True as soon as one window
    shows it idle (under 5 % of a core), False if none has by the deadline."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        before = cpu_seconds(pid)
        time.sleep(window)  # the measuring window, not a wait for an event
        if cpu_seconds(pid) - before < 0.05 * window:
            return True
    return False


def test_a_runaway_query_veikart_gives_up_on_is_stopped_by_the_store(tmp_path):
    server = OxigraphServer(tmp_path / "oxigraph", timeout_s=2)  # as the README sets it: above Veikart's limit
    try:
        store = open_store(server.url, Limits(query_timeout=1.0))
        store.replace_graph(G, [(URIRef(f"urn:item:{n}"), SKOS.notation, Literal(n), URIRef(G)) for n in range(200)])
        with pytest.raises(UpstreamTimeout):
            store.answer(RUNAWAY, None)
        assert became_idle(server.process.pid)  # the store stopped the query instead of computing on
        assert store.graphs() == [G]  # and it answers as before
    finally:
        server.stop()


def test_the_store_refusing_a_query_is_a_syntax_error_with_its_message(oxigraph):
    store = open_store(oxigraph("scratch").url)
    with pytest.raises(QuerySyntaxError, match="refused"):
        store.answer("SELEKT nothing", None)


def test_healthz_says_503_with_the_reason_when_the_store_fails(gate, extractor):
    from fastapi.testclient import TestClient

    from api.config import Settings
    from api.main import create_app

    store = open_store(gate.url, auth="veikart:hemmelig")
    with TestClient(create_app(Settings(store="unused"), store=store, extractor=extractor)) as client:
        assert client.get("/healthz").json()["status"] == "ok"
        gate.fail = (500, b"disk full")
        answer = client.get("/healthz")
        assert answer.status_code == 503 and "disk full" in answer.json()["detail"]
        assert client.get("/api/initiatives").status_code == 502  # a read through the failing store
