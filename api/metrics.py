"""Request, query-timeout and ingest metrics with prometheus_client, added up across the workers of a server.

Under ``veikart serve --workers N`` each worker writes its values to files in one folder (prometheus_client's
multiprocess mode, switched on by ``PROMETHEUS_MULTIPROC_DIR``), and a scrape of any worker reads them all.
Label values are bounded: the method from a fixed set, the route as its template, never the raw path.
"""

import os
import re
from collections.abc import Iterable
from contextlib import suppress
from functools import partial
from pathlib import Path

from prometheus_client import (
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
)
from prometheus_client.exposition import choose_encoder
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_WORKER_FILE = re.compile(r"gauge_livesum_(\d+)\.db")


class Metrics:
    """The metrics of one server process; ``folder`` is the multiprocess folder when there are several workers.

    >>> m = Metrics(); m.observe_request("BREW", "/healthz", 200, 0.003); m.query_timeouts.inc()
    >>> body, _ = m.render(None)
    >>> 'veikart_requests_total{method="other",route="/healthz",status="200"} 1.0' in body.decode()
    True
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.registry = CollectorRegistry()
        self.requests = Counter("veikart_requests", "HTTP requests by method, route template and status",
                                ["method", "route", "status"], registry=self.registry)
        self.latency = Histogram("veikart_request_seconds", "Time to answer a request, by method and route template",
                                 ["method", "route"], buckets=BUCKETS, registry=self.registry)
        self.query_timeouts = Counter("veikart_query_timeouts", "SPARQL queries stopped at the time limit",
                                      registry=self.registry)
        self.documents_ingested = Counter("veikart_documents_ingested", "Documents ingested or replaced by upload",
                                          registry=self.registry)
        self.in_progress = Gauge("veikart_requests_in_progress", "Requests admitted and not yet answered",
                                 multiprocess_mode="livesum", registry=self.registry)
        self.turned_away = Counter("veikart_requests_turned_away", "Requests answered 503 at once: the worker was full",
                                   registry=self.registry)
        workers = Gauge("veikart_workers", "Worker processes serving requests", multiprocess_mode="livesum",
                        registry=self.registry)
        workers.set(1)
        if folder is None:
            for collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
                self.registry.register(collector)

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count and time one request; an unknown method is counted as "other"."""
        method = method if method in METHODS else "other"
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def render(self, accept: str | None) -> tuple[bytes, str]:
        """Return every metric, of every worker, in the format ``accept`` asks for (Prometheus text or
        OpenMetrics), and its media type."""
        registry = self.registry
        if self.folder is not None:
            registry = CollectorRegistry()
            MultiProcessCollector(registry, path=str(self.folder))
            registry.register(WorkerProcesses(self.folder))
        encoder, media_type = choose_encoder(accept or "")
        return encoder(registry), media_type


class WorkerProcesses:
    """Report the CPU, memory and open files of every live worker, labelled by ``pid``: prometheus_client's
    multiprocess mode has no process metrics of its own. The workers are known by their ``veikart_workers``
    files; those of workers that have ended are removed, so the gauge counts the live ones."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def collect(self) -> Iterable[Metric]:
        merged: dict[str, Metric] = {}
        for pid in self._live_workers():
            for family in ProcessCollector(pid=partial(int, pid), registry=None).collect():
                metric = merged.setdefault(family.name, Metric(family.name, family.documentation, family.type))
                for sample in family.samples:
                    metric.add_sample(sample.name, {**sample.labels, "pid": str(pid)}, sample.value)
        return merged.values()

    def _live_workers(self) -> list[int]:
        pids = sorted(int(m.group(1)) for f in os.listdir(self.folder) if (m := _WORKER_FILE.fullmatch(f)))
        live = [pid for pid in pids if Path(f"/proc/{pid}").exists()]
        for pid in set(pids) - set(live):
            with suppress(FileNotFoundError):  # another worker's scrape may have removed it first
                mark_process_dead(pid, str(self.folder))
        return live
