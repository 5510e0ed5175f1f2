"""The NLP worker processes: the analysis runs in them, at a lower priority than the process they work for."""

import os

from api.nlp_pool import WORKER_NICENESS, NlpPool
from ingest import read_bytes


def test_a_worker_analyses_below_the_priority_of_its_parent() -> None:
    pool = NlpPool(1)
    try:
        facts = pool.extract(read_bytes("a.txt", "Pasientens legemiddelliste bygger på e-resept.".encode()))
        worker_niceness = pool._executor().submit(os.nice, 0).result()
    finally:
        pool.close()
    assert {d.kind for d in facts.dependencies} == {"buildsOn"}
    assert worker_niceness == min(os.nice(0) + WORKER_NICENESS, 19)
