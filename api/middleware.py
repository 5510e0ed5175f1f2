"""ASGI middleware: a body-size limit on uploads, security headers on HTML, request ids, metrics and logs."""

import hashlib
import logging
import re
import time
import uuid
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.metrics import Metrics
from api.problems import PROBLEM_JSON, problem_body
from graph import GraphError

log = logging.getLogger("veikart.requests")
_REQUEST_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
     b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
]


class ConditionalGet:
    """Give GET responses read from the store an ETag that changes with every write to the store, and answer
    a matching If-None-Match with 304 without running the route.

    The REST API's tag is the store's revision. SPARQL query results (``GET /sparql?query=``) and entity
    descriptions (``/id/...``) come in the type the Accept header chooses, so their tag also names the
    query string and the Accept header.
    """

    def __init__(self, app: ASGIApp, store_of):
        self.app, self.store_of = app, store_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        variant = _variant(scope) if scope["type"] == "http" and scope["method"] == "GET" else None
        if variant is None:
            await self.app(scope, receive, send)
            return
        try:
            revision = await run_in_threadpool(self.store_of().revision)
        except GraphError:  # no tag when the store cannot answer: the route reports why, with its status
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["revision"] = revision  # the route's read model is of this revision too
        tag = f'W/"{revision}{variant}"'.encode()
        if tag in [t.strip() for t in dict(scope["headers"]).get(b"if-none-match", b"").split(b",")]:
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", tag)]})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_tag(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                message["headers"] = [*message.get("headers", []), (b"etag", tag), (b"cache-control", b"no-cache")]
            await send(message)

        await self.app(scope, receive, send_with_tag)


def _variant(scope: Scope) -> str | None:
    """Return what tells this GET's representations apart besides the store's revision: nothing for the
    REST API, a digest of the query string and Accept header for SPARQL results and entity
    descriptions; None for a response that gets no tag."""
    path = scope["path"]
    if path.startswith("/api/"):
        return ""
    if path.startswith("/id/") or (path == "/sparql" and "query" in parse_qs(scope["query_string"].decode("latin-1"))):
        accept = dict(scope["headers"]).get(b"accept", b"")
        return "-" + hashlib.sha256(scope["query_string"] + b"\n" + accept).hexdigest()[:20]
    return None


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
    """Add security headers to HTML responses, give every request an id (the client's ``X-Request-ID`` when it
    is sane, else a new one) returned in the response, count and time requests per route, and log each as one
    line with its method, path, route, status, duration and id."""

    def __init__(self, app: ASGIApp, metrics: Metrics):
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status, root = time.perf_counter(), 500, scope.get("root_path", "")
        request_id = request_id_of(dict(scope["headers"]).get(b"x-request-id", b""))
        recorded = False

        def record() -> None:
            nonlocal recorded
            if recorded:
                return
            recorded, route, seconds = True, route_template(scope, root), time.perf_counter() - started
            self.metrics.observe_request(scope["method"], route, status, seconds)
            log.info("%s %s %s", scope["method"], scope["path"], status, extra={
                "method": scope["method"], "path": scope["path"], "route": route, "status": status,
                "duration_ms": round(seconds * 1000, 1), "request_id": request_id})

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    headers += SECURITY_HEADERS
                message["headers"] = headers
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                record()  # counted before the client has the whole answer
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            record()  # a request that ended without an answer


def route_template(scope: Scope, root_path: str) -> str:
    """Return the template of the route that answered (``/api/initiatives/{initiative_id}``), the mount's
    (``/static/{path}``), or "unmatched": a bounded set of labels whatever paths clients send."""
    route = scope.get("route")
    if route is not None:
        return route.path
    mount = scope.get("root_path", "")[len(root_path):]  # a mount adds its prefix to the root path
    return f"{mount}/{{path}}" if mount else "unmatched"


def request_id_of(sent: bytes) -> str:
    """Return the request id a client sent when it is a sane one (1 to 128 letters, digits and ``-_.:``),
    else a new random one.

    >>> request_id_of(b"abc-123"), len(request_id_of(b"bad id\\n"))
    ('abc-123', 32)
    """
    text = sent.decode("latin-1")
    return text if _REQUEST_ID.fullmatch(text) else uuid.uuid4().hex
