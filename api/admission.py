"""Admission control: a worker answers at most so many requests at once; one more waits a while for a place
and is then turned away with 503 and ``Retry-After``, rather than joining a queue without end and being
answered seconds late. A saturated server says so at once, and a client (or a load balancer) can try
another worker or come back, while the requests it did admit keep their usual latency."""

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

from api.metrics import Metrics
from api.problems import PROBLEM_JSON, problem_body

UNLIMITED_PATHS = frozenset({"/healthz", "/metrics"})  # a health check or a scrape must see a saturated server
RETRY_AFTER_S = 1


class Admission:
    """Admit at most ``limit`` HTTP requests at once; another waits up to ``wait`` seconds for a place."""

    def __init__(self, app: ASGIApp, *, limit: int, wait: float, metrics: Metrics):
        self.app, self.limit, self.wait, self.metrics = app, limit, wait, metrics
        self._places: asyncio.Semaphore | None = None  # made on the server's event loop, at the first request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        if self._places is None:
            self._places = asyncio.Semaphore(self.limit)
        try:
            await asyncio.wait_for(self._places.acquire(), self.wait)
        except TimeoutError:
            self.metrics.turned_away.inc()
            await _busy(send, self.limit)
            return
        self.metrics.in_progress.inc()
        try:
            await self.app(scope, receive, send)
        finally:
            self.metrics.in_progress.dec()
            self._places.release()


async def _busy(send: Send, limit: int) -> None:
    body = problem_body(503, f"the server is answering {limit} requests already; try again in a moment")
    await send({"type": "http.response.start", "status": 503, "headers": [
        (b"content-type", PROBLEM_JSON.encode()), (b"retry-after", str(RETRY_AFTER_S).encode()),
        (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
