"""The OpenAPI document: each error response a problem (RFC 9457), the errors every route can answer.

Routes list the errors of their own (404 for an unknown id, 406 where they negotiate); this module
gives every error response the problem+json schema, replacing FastAPI's own validation error shape,
and adds the errors of the store that any route reading it can meet.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.models import Problem
from api.problems import PROBLEM_JSON
from graph.io import formats_for

Responses = dict[int | str, dict[str, Any]]  # status -> the OpenAPI response object
STORE_ERRORS: Responses = {
    502: {"description": "the remote store refused or could not be reached"},
    503: {"description": "the store cannot answer, or the query ran past the time limit"},
    504: {"description": "the remote store did not answer in time"},
}
WRITE_ERRORS: Responses = {
    401: {"description": "no valid bearer token"},
    403: {"description": "writes are disabled: the server has no VEIKART_TOKEN"},
}
NOT_ACCEPTABLE: Responses = {406: {"description": "none of the media types the Accept header names is offered"}}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
RESULT_TYPES = [*formats_for("SELECT"), *formats_for("CONSTRUCT")]
SPARQL_ERRORS: Responses = {400: {"description": "the query or update does not parse"},
                 403: {"description": "SERVICE to a host not allowed, or writes disabled"},
                 413: {"description": "the result is larger than the limit"}, **NOT_ACCEPTABLE}
FASTAPI_ERROR_SCHEMAS = ("HTTPValidationError", "ValidationError")


def not_found(what: str) -> Responses:
    """Return the 404 response of a route that looks up a ``what`` by id."""
    return {404: {"description": f"no {what} with that id"}}


def text_in(media_types: list[str], description: str) -> Responses:
    """Return the 200 response of a route that answers in one of ``media_types``: JSON (SPARQL results,
    JSON-LD) or other text."""
    return {200: {"description": description, "content": {
        m: {"schema": {"type": ["object", "array"]} if m.endswith(("/json", "+json")) else {"type": "string"}}
        for m in media_types}}}


SPARQL_GET_RESPONSES: Responses = {
    **text_in([*RESULT_TYPES, "text/html"], "the results, in the format the Accept header prefers (SELECT and ASK: "
              "SPARQL results; CONSTRUCT and DESCRIBE: RDF); without a query, the service description, or the "
              "query editor for a browser"),
    **SPARQL_ERRORS}
SPARQL_POST_RESPONSES: Responses = {
    **text_in(RESULT_TYPES, "the results, in the format the Accept header prefers"), **SPARQL_ERRORS,
    204: {"description": "the update ran"}, 401: WRITE_ERRORS[401],
    415: {"description": "not a form, a query or an update"}}
SPARQL_POST_REQUEST = {
    "requestBody": {"required": True, "content": {
        "application/sparql-query": {"schema": {"type": "string", "description": "a SPARQL 1.1 query"}},
        "application/sparql-update": {"schema": {"type": "string", "description": "a SPARQL 1.1 update"}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}, "update": {"type": "string"},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}}}},
    "security": [{}, {"bearerToken": []}],  # a query needs no token, an update does
}


def install(app: FastAPI) -> None:
    """Serve the OpenAPI document with problem responses; it is built once, on first request."""

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            app.openapi_schema = with_problems(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def with_problems(schema: dict) -> dict:
    """Return ``schema`` with every error response (status 400 and above) described as a problem."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in FASTAPI_ERROR_SCHEMAS:
        components.pop(name, None)
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(problem.pop("$defs", {}))
    components["Problem"] = problem
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if status[0] in "45":
                    response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
    return schema
