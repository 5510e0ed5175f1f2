"""Request logs, request ids and metrics: in process, and from the real ``veikart serve`` with one and two workers."""

import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from testkit.processes import VEIKART, serve, stop
from testkit.scrape import request_count, samples


@pytest.fixture
def app_client(tmp_path):
    with TestClient(create_app(Settings(store=str(tmp_path / "store")))) as client:
        yield client


def test_label_values_are_bounded_whatever_the_client_sends(app_client):
    app_client.request("BREW", "/healthz")
    app_client.get("/api/initiatives/no-such-thing")
    app_client.get("/no/such/page")
    app_client.get("/static/app.js")
    scrape = samples(app_client.get("/metrics").text)
    assert request_count(scrape, "/healthz", method="other", status="405") == 1
    assert request_count(scrape, "/api/initiatives/{initiative_id}", status="404") == 1
    assert request_count(scrape, "unmatched", status="404") == 1
    assert request_count(scrape, "/static/{path}") == 1
    assert not any("BREW" in labels or "/no/such/page" in str(labels) for _, labels in scrape)


def test_a_single_process_server_reports_its_process_metrics(app_client):
    names = {name for name, _ in samples(app_client.get("/metrics").text)}
    assert {"process_resident_memory_bytes", "process_cpu_seconds_total", "python_info"} <= names


def test_a_sane_request_id_is_returned_and_any_other_replaced(app_client):
    assert app_client.get("/healthz", headers={"X-Request-ID": "trace-42.a:b"}).headers["x-request-id"] == \
        "trace-42.a:b"
    for insane in ("has space", "x" * 129, "semi;colon", "ütf"):
        given = app_client.get("/healthz", headers={"X-Request-ID": insane.encode("utf-8")}).headers["x-request-id"]
        assert given != insane and len(given) == 32
    assert len(app_client.get("/healthz").headers["x-request-id"]) == 32


def test_serve_logs_one_json_line_per_request_to_stderr(tmp_path):
    log_file = tmp_path / "stderr.log"
    with log_file.open("wb") as stderr:
        process, url = serve(str(tmp_path / "store"), command=(VEIKART,), cwd=tmp_path, stderr=stderr)
        try:
            with httpx.Client(base_url=url, timeout=30) as http:
                ok = http.get("/healthz", headers={"X-Request-ID": "first-request"})
                missing = http.get("/api/initiatives/nope", headers={"X-Request-ID": "second-request"})
                generated = http.get("/api/phases", headers={"X-Request-ID": "not sane"}).headers["x-request-id"]
        finally:
            stop(process)  # the server has written every line once it has stopped
    lines = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines()]
    requests = {line["request_id"]: line for line in lines if line["logger"] == "veikart.requests"}
    assert ok.headers["x-request-id"] == "first-request" and missing.status_code == 404
    first, second, third = requests["first-request"], requests["second-request"], requests[generated]
    assert (first["method"], first["path"], first["route"], first["status"]) == ("GET", "/healthz", "/healthz", 200)
    assert (second["path"], second["route"], second["status"]) == \
        ("/api/initiatives/nope", "/api/initiatives/{initiative_id}", 404)
    assert third["path"] == "/api/phases" and third["level"] == "INFO" and "timestamp" in third
    assert all(isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0 for line in requests.values())
    request_lines = [line for line in lines if line["logger"] == "veikart.requests"]
    assert len(request_lines) == len(requests)  # one line per request: ids are not repeated
    assert not [line for line in lines if line["logger"] == "uvicorn.access"]
    assert any(line["logger"] == "uvicorn.error" and "Uvicorn running" in line["message"] for line in lines)


def test_metrics_of_two_workers_add_up_in_one_scrape(oxigraph, tmp_path):
    process, url = serve(oxigraph("workers").url, workers=2, command=(VEIKART,), cwd=tmp_path)
    try:
        before = samples(httpx.get(url + "/metrics", timeout=30).text)
        answered_by: list[int] = []
        while len(set(answered_by)) < 2 or len(answered_by) < 20:
            assert len(answered_by) < 500, "every request went to the same worker"
            health = httpx.get(url + "/healthz", headers={"connection": "close"}, timeout=30)  # a new connection
            answered_by.append(health.json()["process"])
        after = samples(httpx.get(url + "/metrics", timeout=30).text)
    finally:
        stop(process)
    assert request_count(after, "/healthz") - request_count(before, "/healthz") == len(answered_by)
    assert after[("veikart_workers", frozenset())] == 2
    for pid in set(answered_by):
        assert after[("process_resident_memory_bytes", frozenset({"pid": str(pid)}.items()))] > 0
