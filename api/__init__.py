"""The HTTP API, the SPARQL endpoint and the command line, wiring ingest to the graph.

The app is built by ``api.main.create_app``; this package imports neither it nor the pipeline, so a
command that needs neither (``veikart query``) starts without FastAPI or spaCy.
"""

from api.config import Settings

__all__ = ["Settings"]
