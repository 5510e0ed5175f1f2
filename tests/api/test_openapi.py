"""The OpenAPI document describes the security scheme, the request bodies, the errors and the enums."""

import pytest

from api.config import Settings
from api.main import create_app
from graph.exports import FORMATS
from ontology import DEPENDENCY_KINDS

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


@pytest.fixture(scope="module")
def document() -> dict:
    return create_app(Settings(store="unused")).openapi()


def operation(document: dict, method: str, path: str) -> dict:
    return document["paths"][path][method]


def test_writes_declare_the_bearer_scheme_and_queries_need_none(document):
    assert document["components"]["securitySchemes"]["bearerToken"] == {
        "type": "http", "scheme": "bearer", "description": "the server's VEIKART_TOKEN: writes need it, reads do not"}
    for method, path in [("post", "/api/documents"), ("delete", "/api/documents/{document_id}")]:
        assert operation(document, method, path)["security"] == [{"bearerToken": []}]
    assert operation(document, "post", "/sparql")["security"] == [{}, {"bearerToken": []}]
    assert "security" not in operation(document, "get", "/api/initiatives")


def test_the_upload_body_is_a_file_in_a_form_or_a_json_document(document):
    body = operation(document, "post", "/api/documents")["requestBody"]
    form = body["content"]["multipart/form-data"]["schema"]
    assert form["required"] == ["file"] and form["properties"]["file"]["format"] == "binary"
    assert body["content"]["application/json"]["schema"]["required"] == ["name", "text"]


def test_the_sparql_post_body_is_a_query_an_update_or_a_form(document):
    content = operation(document, "post", "/sparql")["requestBody"]["content"]
    assert set(content) == {"application/sparql-query", "application/sparql-update",
                            "application/x-www-form-urlencoded"}
    assert {"query", "update", "default-graph-uri", "named-graph-uri"} <= set(
        content["application/x-www-form-urlencoded"]["schema"]["properties"])


def test_every_error_response_is_a_problem_and_the_problem_schema_is_there(document):
    errors = [(path, status, response) for path, operations in document["paths"].items()
              for op in operations.values() for status, response in op["responses"].items() if int(status) >= 400]
    assert len(errors) > 50
    for path, status, response in errors:
        assert response["content"] == PROBLEM, (path, status)
    schemas = document["components"]["schemas"]
    assert set(schemas["Problem"]["required"]) == {"type", "title", "status", "detail"}
    assert "HTTPValidationError" not in schemas


@pytest.mark.parametrize("method,path,statuses", [
    ("get", "/api/initiatives", {"422", "503"}), ("get", "/api/initiatives/{initiative_id}", {"404", "422"}),
    ("get", "/sparql", {"400", "406", "413", "503"}), ("post", "/sparql", {"400", "401", "406", "415"}),
    ("get", "/api/export", {"406", "422"}), ("post", "/api/documents", {"401", "403", "413", "415", "422"}),
])
def test_each_route_lists_the_errors_it_can_answer(document, method, path, statuses):
    assert statuses <= set(operation(document, method, path)["responses"])


def test_format_and_kind_are_enums(document):
    schemas = document["components"]["schemas"]
    assert schemas["ExportFormat"]["enum"] == list(FORMATS)
    assert schemas["DependencyKind"]["enum"] == list(DEPENDENCY_KINDS)


def test_every_list_takes_limit_and_offset(document):
    lists = {path: op for path, operations in document["paths"].items() if (op := operations.get("get"))
             and op["responses"]["200"]["content"].get("application/json", {}).get("schema", {})
             .get("$ref", "").endswith("Page")}
    assert len(lists) >= 12
    for path, op in lists.items():
        assert {"limit", "offset"} <= {p["name"] for p in op["parameters"]}, path
