"""ASGI middleware: a body-size limit on uploads, security headers on HTML, request metrics and logs."""

import json
import logging
import time

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.metrics import Metrics
from api.problems import PROBLEM_JSON, problem_body
from graph import GraphError

log = logging.getLogger("veikart.requests")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
     b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
]


class ConditionalGet:
    """Give GET responses of the REST API an ETag that changes with every write to the store, and answer
    a matching If-None-Match with 304 without running the route."""

    def __init__(self, app: ASGIApp, store_of):
        self.app, self.store_of = app, store_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        try:
            revision = await run_in_threadpool(self.store_of().revision)
        except GraphError:  # no tag when the store cannot answer: the route reports why, with its status
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["revision"] = revision  # the route's catalog is of this revision too
        tag = f'W/"{revision}"'.encode()
        if tag in [t.strip() for t in dict(scope["headers"]).get(b"if-none-match", b"").split(b",")]:
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", tag)]})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_tag(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                message["headers"] = [*message.get("headers", []), (b"etag", tag), (b"cache-control", b"no-cache")]
            await send(message)

        await self.app(scope, receive, send_with_tag)


class UploadTooLarge(Exception):
    """The request body is larger than the configured limit."""


class BodyLimit:
    """Stop reading a request body once it passes ``max_bytes``: 413 before the whole upload is read."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _reject(send, self.max_bytes)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise UploadTooLarge(f"the request body is larger than {self.max_bytes} bytes")
            return message

        try:
            await self.app(scope, limited, send)
        except UploadTooLarge:
            await _reject(send, self.max_bytes)


async def _reject(send: Send, max_bytes: int) -> None:
    body = problem_body(413, f"the request body is larger than {max_bytes} bytes")
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Observe:
    """Add security headers to HTML responses, count and time requests per route, log each as JSON."""

    def __init__(self, app: ASGIApp, metrics: Metrics):
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = message.get("headers", [])
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    message["headers"] = [*headers, *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            seconds = time.perf_counter() - started
            self.metrics.observe_request(scope["method"], path, status, seconds)
            log.info(json.dumps({"method": scope["method"], "path": scope["path"], "route": path, "status": status,
                                 "ms": round(seconds * 1000, 1)}))
