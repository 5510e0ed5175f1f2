"""Read a Prometheus scrape as samples, for tests of /metrics."""

from prometheus_client.parser import text_string_to_metric_families

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]  # value by name and labels


def samples(text: str) -> Samples:
    """Return every sample of a scrape by name and labels."""
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def request_count(scrape: Samples, route: str, method: str = "GET", status: str = "200") -> float:
    """Return the requests counted for a route, method and status (0 when none)."""
    key = frozenset({"method": method, "route": route, "status": status}.items())
    return scrape.get(("veikart_requests_total", key), 0.0)
