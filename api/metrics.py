"""Counters and latency histograms in the Prometheus text format, kept in this process."""

import threading
from collections import defaultdict

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """Request counts and latencies per route, query timeouts, ingested documents.

    >>> m = Metrics(); m.observe_request("GET", "/healthz", 200, 0.003); m.count("veikart_query_timeouts_total")
    >>> 'veikart_requests_total{method="GET",route="/healthz",status="200"} 1' in m.render()
    True
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self._latency: dict[tuple[str, str], list[float]] = {}
        self._counters: dict[str, int] = defaultdict(int)

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self._requests[(method, route, status)] += 1
            buckets = self._latency.setdefault((method, route), [0.0] * (len(BUCKETS) + 2))
            for index, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    buckets[index] += 1
            buckets[-2] += 1  # count
            buckets[-1] += seconds  # sum

    def count(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._counters[name] += amount

    def render(self) -> str:
        """Return every metric in the Prometheus text exposition format."""
        with self._lock:
            lines = ["# TYPE veikart_requests_total counter"]
            lines += [f'veikart_requests_total{{method="{m}",route="{r}",status="{s}"}} {n}'
                      for (m, r, s), n in sorted(self._requests.items())]
            lines.append("# TYPE veikart_request_seconds histogram")
            for (m, r), values in sorted(self._latency.items()):
                labels = f'method="{m}",route="{r}"'
                lines += [f'veikart_request_seconds_bucket{{{labels},le="{b}"}} {int(values[i])}'
                          for i, b in enumerate(BUCKETS)]
                lines += [f'veikart_request_seconds_bucket{{{labels},le="+Inf"}} {int(values[-2])}',
                          f"veikart_request_seconds_count{{{labels}}} {int(values[-2])}",
                          f"veikart_request_seconds_sum{{{labels}}} {values[-1]:.6f}"]
            for name, value in sorted(self._counters.items()):
                lines += [f"# TYPE {name} counter", f"{name} {value}"]
        return "\n".join(lines) + "\n"
