"""Every error is an RFC 9457 problem: application/problem+json with type, title, status and a string detail."""

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from api.problems import INVALID_REQUEST, NOT_ACCEPTABLE
from testkit.sample import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def assert_problem(response, status: int) -> dict:
    """Check the response is a problem with ``status``; return its body."""
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and isinstance(problem["detail"], str) and problem["detail"]
    assert problem["title"] and problem["type"]
    return problem


@pytest.mark.parametrize("method,path,params,headers,status,detail", [
    ("GET", "/api/nothing-here", {}, {}, 404, "nothing is at /api/nothing-here"),
    ("GET", "/api/initiatives/finnes-ikke", {}, {}, 404, "no initiative with id 'finnes-ikke'"),
    ("GET", "/static/finnes-ikke.js", {}, {}, 404, "nothing is at /static/finnes-ikke.js"),
    ("DELETE", "/api/phases", {}, {}, 405, "DELETE is not allowed on /api/phases; use GET"),
    ("GET", "/sparql", {"query": "SELECT WHERE {"}, {}, 400, None),
    ("GET", "/sparql", {"query": "ASK {}"}, {"Accept": "image/png"}, 406, None),
    ("POST", "/sparql", {}, {"Content-Type": "application/sparql-update"}, 401, "a valid bearer token is required"),
])
def test_http_errors_are_problems(client, method, path, params, headers, status, detail):
    problem = assert_problem(client.request(method, path, params=params, headers=headers), status)
    assert detail is None or problem["detail"] == detail


def test_an_error_of_no_particular_kind_is_about_blank_with_the_status_phrase(client):
    problem = assert_problem(client.get("/api/initiatives/finnes-ikke"), 404)
    assert problem == {"type": "about:blank", "title": "Not Found", "status": 404,
                       "detail": "no initiative with id 'finnes-ikke'"}


def test_a_method_not_allowed_keeps_its_allow_header(client):
    response = client.delete("/api/phases")
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET"


def test_a_validation_error_has_a_readable_detail_and_the_faults_per_field(client):
    response = client.get("/api/initiatives", params={"limit": 0, "offset": -1})
    problem = assert_problem(response, 422)
    assert problem["type"] == INVALID_REQUEST
    assert problem["detail"] == ("the request is invalid: limit (query): Input should be greater than or equal to 1; "
                                 "offset (query): Input should be greater than or equal to 0")
    assert [(e["loc"], e["type"]) for e in problem["errors"]] == [
        (["query", "limit"], "greater_than_equal"), (["query", "offset"], "greater_than_equal")]


def test_a_missing_parameter_is_named(client):
    problem = assert_problem(client.get("/api/search"), 422)
    assert problem["detail"] == "the request is invalid: q (query): Field required"


def test_an_unacceptable_accept_names_what_is_offered(client):
    problem = assert_problem(client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"}), 406)
    assert problem["type"] == NOT_ACCEPTABLE and "application/sparql-results+json" in problem["offered"]


def test_a_write_without_the_token_is_a_problem_with_the_challenge(write_client):
    response = write_client.post("/api/documents", json={"name": "a.txt", "text": "Tekst."})
    assert assert_problem(response, 401)["detail"] == "a valid bearer token is required"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("body,detail", [
    (b"{not json", "the request is invalid: body: Invalid JSON: key must be a string at line 1 column 2"),
    (b'{"name": "a.txt"}', "the request is invalid: text (body): Field required"),
    (b'{"name": "", "text": "Tekst."}', "the request is invalid: name (body): String should have at least 1 character"),
])
def test_a_malformed_json_upload_is_a_validation_problem_and_stores_nothing(write_client, body, detail):
    response = write_client.post("/api/documents", content=body,
                                 headers={**AUTH, "Content-Type": "application/json"})
    assert assert_problem(response, 422)["detail"] == detail
    assert write_client.get("/api/documents").json()["total"] == 0


def test_an_upload_over_the_limit_is_a_problem(store, extractor):
    app = create_app(Settings(store="unused", token=TOKEN, max_upload_bytes=100), store=store, extractor=extractor)
    with TestClient(app) as client:
        response = client.post("/api/documents", json={"name": "a.txt", "text": "x" * 500}, headers=AUTH)
        assert assert_problem(response, 413)["detail"] == "the request body is larger than 100 bytes"


def test_an_unsupported_upload_type_is_a_problem(write_client):
    response = write_client.post("/api/documents", content=b"x", headers={**AUTH, "Content-Type": "text/plain"})
    assert assert_problem(response, 415)["detail"].startswith("send multipart/form-data")


def test_a_failure_of_the_server_is_a_problem_that_tells_no_internals(store, extractor):
    app = create_app(Settings(store="unused"), store=store, extractor=extractor)

    def fail() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/failing", fail)
    with TestClient(app, raise_server_exceptions=False) as client:
        problem = assert_problem(client.get("/failing"), 500)
        assert problem["detail"] == "the server failed to answer; its log says why"
