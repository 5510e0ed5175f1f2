"""Run the server: JSON logs on stderr, and with several workers one metrics folder that they all write to."""

import os
import tempfile
from typing import Any

import uvicorn

from api.config import Settings
from api.logs import LOG_CONFIG
from api.main import create_app

METRICS_FOLDER = "PROMETHEUS_MULTIPROC_DIR"  # where prometheus_client's multiprocess mode keeps its values


def serve(settings: Settings, *, host: str, port: int, workers: int) -> None:
    """Serve the app over ``settings.store`` until stopped; several workers build their apps from the
    environment, and their metrics go to a fresh folder that is removed when the server stops."""
    options: dict[str, Any] = {"host": host, "port": port, "log_config": LOG_CONFIG, "access_log": False}
    if workers == 1:
        uvicorn.run(create_app(settings), **options)
        return
    with tempfile.TemporaryDirectory(prefix="veikart-metrics-") as folder:
        os.environ[METRICS_FOLDER] = folder  # before any worker starts: prometheus_client reads it on import
        os.environ["VEIKART_STORE"] = settings.store
        uvicorn.run("api.main:create_app", factory=True, workers=workers, **options)
