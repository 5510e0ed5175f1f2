"""A remote store: any SPARQL 1.1 store over HTTP, through the standard protocols only.

Reads go to the query endpoint (SPARQL 1.1 Protocol), writes to the update endpoint, exports read
whole named graphs from the Graph Store HTTP Protocol endpoint. The union of the named graphs is asked
for explicitly (every named graph as ``default-graph-uri``), so the store's own union-default-graph
setting does not matter. Bound parameters travel as an inline ``VALUES`` block opening the query's
WHERE group, where parsing the query finds it (``graph.bindings``). Reads are retried when the
connection fails or the store answers 502/503/504; writes are not, since they are not idempotent.
"""

import time
from typing import Any, NamedTuple
from urllib.parse import urlencode, urlsplit

import httpx
import pyoxigraph as ox

from graph.bindings import bind
from graph.errors import (
    InvalidData,
    QuerySyntaxError,
    ResultTooLarge,
    UnknownFormat,
    UpstreamError,
    UpstreamTimeout,
    too_large,
)
from graph.io import parse_rows, parse_triples
from graph.rows import Row, iri
from graph.store import DEFAULT_LIMITS, Limits, Store
from graph.terms import to_term
from graph.update_dataset import UpdateDataset
from ontology import STATE_GRAPH

RETRIES = 2
RETRY_STATUS = {502, 503, 504}
JSON_RESULTS = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


class Reply(NamedTuple):
    """The store's answer, read whole (or up to the size limit)."""

    status: int
    media_type: str
    body: bytes

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace").strip()[:500] or f"status {self.status}"


class RemoteStore(Store):
    """The store behind the SPARQL query endpoint ``endpoint``; the update and graph-store endpoints
    default to the Oxigraph server's layout (``/query``, ``/update``, ``/store`` side by side)."""

    def __init__(self, endpoint: str, limits: Limits = DEFAULT_LIMITS, *, update_endpoint: str | None = None,
                 graph_store_endpoint: str | None = None, auth: str | None = None):
        base = endpoint.rsplit("/", 1)[0]
        self.location = self.endpoint = endpoint
        self.update_endpoint = update_endpoint or base + "/update"
        self.graph_store_endpoint = graph_store_endpoint or base + "/store"
        self.limits = limits
        self._client = httpx.Client(auth=_auth(auth), headers=_bearer(auth),
                                    timeout=httpx.Timeout(limits.query_timeout, connect=5.0))
        self._graphs: tuple[str, list[str]] = ("", [])  # the named graphs, as of a revision

    # --------------------------------------------------------------------- protocol

    def _update(self, text: str, dataset: UpdateDataset | None = None) -> None:
        reply = self._send("POST", self.update_endpoint, retry=False, content=text.encode("utf-8"),
                           params=dataset.params() if dataset else [],
                           headers={"content-type": "application/sparql-update"})
        if reply.status == 400:
            raise QuerySyntaxError(f"the store refused the update: {reply.message}")
        _check(reply, self.update_endpoint)

    def _select(self, text: str, bindings: dict[str, object], union: bool = True) -> list[Row]:
        body = self._query(_bound(text, bindings), JSON_RESULTS, self._union() if union else None).body
        try:
            return parse_rows(body)
        except InvalidData as exc:
            raise UpstreamError("the store answered a SELECT query with a boolean") from exc

    def _construct(self, text: str, bindings: dict[str, object], union: bool = True) -> list[ox.Triple]:
        body = self._query(_bound(text, bindings), N_TRIPLES, self._union() if union else None).body
        return parse_triples(body)

    def graphs(self) -> list[str]:
        return sorted(graph for r in self.select("graphs") if (graph := iri(r, "graph")) != STATE_GRAPH)

    def answer(self, query: str, accept: str | None, default_graph: list[str] | None = None,
               named_graphs: list[str] | None = None, limits: Limits | None = None) -> tuple[bytes, str]:
        """Pass the query on with the client's Accept header; stop reading at the result-size limit."""
        limits = limits or self.limits
        dataset = (default_graph or [], named_graphs or []) if default_graph or named_graphs else self._union()
        reply = self._query(query, accept or "*/*", dataset, limit=limits.max_result_bytes,
                            timeout=limits.query_timeout)
        return reply.body, reply.media_type

    def _quads(self) -> list[ox.Quad]:
        """Read each named graph whole from the Graph Store Protocol endpoint."""
        quads = []
        for graph in self.graphs():
            reply = self._send("GET", self.graph_store_endpoint, params={"graph": graph},
                               headers={"accept": "application/n-triples"})
            if reply.status == 404:  # removed since the list was read
                continue
            _check(reply, self.graph_store_endpoint)
            name = ox.NamedNode(graph)
            quads += [ox.Quad(t.subject, t.predicate, t.object, name) for t in parse_triples(reply.body)]
        return quads

    def close(self) -> None:
        self._client.close()

    # ----------------------------------------------------------------------- helpers

    def _union(self) -> tuple[list[str], list[str]]:
        """Return the dataset of every named graph, as default graph (merged) and as named graphs; the list
        of graphs is asked again whenever the store's revision moved."""
        revision = self.revision()
        if revision != self._graphs[0] or not revision:
            self._graphs = (revision, [*self.graphs(), STATE_GRAPH])
        graphs = self._graphs[1]
        return graphs, graphs

    def _query(self, query: str, accept: str, dataset: tuple[list[str], list[str]] | None,
               limit: int | None = None, timeout: float | None = None) -> Reply:
        form = [("query", query)]
        if dataset is not None:
            form += [("default-graph-uri", g) for g in dataset[0]] + [("named-graph-uri", g) for g in dataset[1]]
        timeout = timeout or self.limits.query_timeout  # for each read (httpx), and for the whole answer
        reply = self._send("POST", self.endpoint, content=urlencode(form).encode("ascii"), limit=limit,
                           within=timeout, timeout=timeout,
                           headers={"accept": accept, "content-type": "application/x-www-form-urlencoded"})
        if reply.status == 400:
            raise QuerySyntaxError(f"the store refused the query: {reply.message}")
        if reply.status == 406:
            raise UnknownFormat(f"the store cannot write the media type asked for ({accept})")
        _check(reply, self.endpoint)
        return reply

    def _send(self, method: str, url: str, *, retry: bool = True, limit: int | None = None,
              within: float | None = None, **options: Any) -> Reply:
        """Send a request; raise UpstreamError/UpstreamTimeout with the store's own message on failure, and
        UpstreamTimeout when the answer is not read whole ``within`` seconds of an attempt."""
        host = urlsplit(url).netloc
        for attempt in range(RETRIES + 1 if retry else 1):
            last = attempt == (RETRIES if retry else 0)
            deadline = None if within is None else time.monotonic() + within
            try:
                with self._client.stream(method, url, **options) as response:
                    reply = Reply(response.status_code, response.headers.get("content-type", ""),
                                  _read(response, limit, deadline))
            except httpx.TimeoutException as exc:
                raise UpstreamTimeout(f"the store at {host} did not answer in time") from exc
            except httpx.TransportError as exc:
                if last:
                    raise UpstreamError(f"cannot reach the store at {host}: {exc}") from exc
                time.sleep(0.1 * (attempt + 1))
                continue
            if reply.status in RETRY_STATUS and not last:
                time.sleep(0.1 * (attempt + 1))
                continue
            if reply.status >= 500 or reply.status in (401, 403):
                raise UpstreamError(f"the store at {host} answered {reply.status}: {reply.message}")
            return reply
        raise AssertionError("unreachable")


def _bound(text: str, bindings: dict[str, object]) -> str:
    return bind(text, {name: to_term(value) for name, value in bindings.items()})


def _check(reply: Reply, url: str) -> None:
    if not 200 <= reply.status < 300:
        raise UpstreamError(f"the store at {url} answered {reply.status}: {reply.message}")


def _read(response: httpx.Response, limit: int | None, deadline: float | None) -> bytes:
    """Read the body up to ``limit`` bytes and until ``deadline``: httpx's timeout bounds each read only, so a
    store streaming a runaway query's results a few at a time would otherwise be waited for to the end."""
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if limit is not None and size > limit:
            raise ResultTooLarge(too_large(limit))
        if deadline is not None and time.monotonic() > deadline:
            raise httpx.ReadTimeout("the answer took longer than the query's time limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _auth(auth: str | None) -> httpx.BasicAuth | None:
    """``user:password`` is basic auth; anything else is a bearer token."""
    if auth and ":" in auth:
        user, _, password = auth.partition(":")
        return httpx.BasicAuth(user, password)
    return None


def _bearer(auth: str | None) -> dict[str, str]:
    return {"authorization": f"Bearer {auth}"} if auth and ":" not in auth else {}
