"""Admission control on a real server: a full worker turns a request away at once with 503 and Retry-After,
answers its health check and metrics meanwhile, and admits again when a place is free."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from api.config import Settings
from api.main import create_app
from testkit.loopback import serving
from testkit.scrape import samples

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # runs to the time limit


def gauge(url: str, name: str) -> float:
    return samples(httpx.get(url + "/metrics").text).get((name, frozenset()), 0.0)


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        time.sleep(0.02)


@contextmanager
def one_place_taken(store, extractor, wait: float, query_timeout: float) -> Iterator[str]:
    """Serve ``store`` with one place per worker, taken by a query that runs to its time limit; yield the URL."""
    app = create_app(Settings(store="unused", max_requests=1, admission_wait=wait, query_timeout=query_timeout),
                     store=store, extractor=extractor)
    with serving(app) as url:
        slow = threading.Thread(target=httpx.get, args=(url + "/sparql",),
                                kwargs={"params": {"query": RUNAWAY}, "timeout": 60})
        slow.start()
        try:
            wait_for(lambda: gauge(url, "veikart_requests_in_progress") == 1)
            yield url
        finally:
            slow.join(timeout=60)


def test_a_full_worker_turns_a_request_away_with_503_and_retry_after(corpus_store, extractor):
    with one_place_taken(corpus_store, extractor, wait=0.1, query_timeout=3) as url:
        turned_away = httpx.get(url + "/api/initiatives")
        assert turned_away.status_code == 503
        assert turned_away.headers["retry-after"] == "1"
        assert turned_away.headers["content-type"] == "application/problem+json"
        assert "try again" in turned_away.json()["detail"]
        assert httpx.get(url + "/healthz").status_code == 200
        wait_for(lambda: gauge(url, "veikart_requests_in_progress") == 0)  # the query ended at its limit
        assert httpx.get(url + "/api/initiatives").status_code == 200
        assert gauge(url, "veikart_requests_turned_away_total") == 1


def test_a_request_that_finds_a_place_within_the_wait_is_answered(corpus_store, extractor):
    with one_place_taken(corpus_store, extractor, wait=30, query_timeout=1) as url:
        assert httpx.get(url + "/api/initiatives", timeout=60).status_code == 200
        assert gauge(url, "veikart_requests_turned_away_total") == 0
