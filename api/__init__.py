"""The HTTP API, the SPARQL endpoint and the command line, wiring ingest to the graph."""

from api.config import Settings
from api.main import create_app

__all__ = ["Settings", "create_app"]
