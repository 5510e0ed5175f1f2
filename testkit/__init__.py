"""Helpers the tests, the benchmarks and the scorer's runner share: servers on ports they choose themselves,
synthetic corpora and graphs, small PDFs, a Prometheus scrape read as samples, the sample corpus.

The package imports the project (``api``, ``graph``, ``ingest``, ``ontology``) and never ``tests``, ``bench``
or ``eval``, so none of those three needs another; it is not part of the wheel. pytest finds it through
``pythonpath``, the scripts of ``bench/`` and ``eval/`` by putting the checkout first on ``sys.path``.
"""

from pathlib import Path

__all__ = ["ROOT"]

ROOT = Path(__file__).resolve().parent.parent  # the checkout
