"""RFC 9457 problem details: the one shape of every error response, whatever raised it.

A body has ``type``, ``title`` (the status phrase), ``status`` and ``detail`` (a sentence a person can
read). Two kinds of problem carry an extension member, and so a ``type`` of their own: an invalid
request lists its faults per field in ``errors``, an unacceptable ``Accept`` lists the media types
offered in ``offered``. Every other problem is ``about:blank``: its status says all there is.
"""

from collections.abc import Mapping
from http import HTTPStatus

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from api.models import FieldError
from ontology import BASE

PROBLEM_JSON = "application/problem+json"
INVALID_REQUEST = f"{BASE}problems/invalid-request"
NOT_ACCEPTABLE = f"{BASE}problems/not-acceptable"


def problem_body(status: int, detail: str, *, type: str = "about:blank", **extensions: object) -> bytes:
    """Return the problem+json body of an error with ``status`` and ``detail``.

    >>> problem_body(404, "no initiative with id 'x'")
    b'{"type":"about:blank","title":"Not Found","status":404,"detail":"no initiative with id \\'x\\'"}'
    """
    return orjson.dumps({"type": type, "title": HTTPStatus(status).phrase, "status": status, "detail": detail,
                         **extensions})


def problem(status: int, detail: str, *, headers: Mapping[str, str] | None = None, type: str = "about:blank",
            **extensions: object) -> Response:
    """Return the problem+json response of an error with ``status`` and ``detail``."""
    return Response(problem_body(status, detail, type=type, **extensions), status_code=status, headers=headers,
                    media_type=PROBLEM_JSON)


def describe(errors: list[FieldError]) -> str:
    """Say what is wrong with a request, field by field.

    >>> describe([FieldError(loc=["query", "limit"], msg="Input should be greater than or equal to 1",
    ...                      type="greater_than_equal")])
    'the request is invalid: limit (query): Input should be greater than or equal to 1'
    """
    return "the request is invalid: " + "; ".join(f"{_where(e.loc)}: {e.msg}" for e in errors)


def _detail(request: Request, exc: HTTPException) -> str:
    """Return the detail of an HTTP error; the router's own 404 and 405 say only their status phrase, so
    say which path or method they refused."""
    if exc.detail != HTTPStatus(exc.status_code).phrase:
        return str(exc.detail)
    if exc.status_code == 404:
        return f"nothing is at {request.url.path}"
    if exc.status_code == 405:
        return f"{request.method} is not allowed on {request.url.path}; use {(exc.headers or {}).get('Allow', '')}"
    return str(exc.detail)


def _where(loc: list[str | int]) -> str:
    """Name a field by its path, then the part of the request it is in: ``limit (query)``."""
    part, *path = loc or ["request"]
    return f"{'.'.join(map(str, path))} ({part})" if path else str(part)


def install(app: FastAPI) -> None:
    """Answer HTTP errors (404, 405, errors raised by routes), invalid requests and failures as problems."""

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return problem(exc.status_code, _detail(request, exc), headers=exc.headers)

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [FieldError(loc=list(e.get("loc", ())), msg=str(e.get("msg", "")), type=str(e.get("type", "")))
                  for e in exc.errors()]
        return problem(422, describe(errors), type=INVALID_REQUEST, errors=[e.model_dump() for e in errors])

    async def failure(request: Request, exc: Exception) -> Response:
        return problem(500, "the server failed to answer; its log says why")

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(Exception, failure)  # Starlette still raises it, so the server logs it
