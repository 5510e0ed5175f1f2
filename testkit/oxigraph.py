"""A real Oxigraph server (the ``oxigraph`` command from PyPI) on a free loopback port, for the remote backend."""

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph.store import DEFAULT_LIMITS
from testkit.processes import listening_port

# The store's own time limit on a query, as the README sets it: a little above Veikart's, so that Veikart
# answers first and the store then stops the query itself instead of running it to the end.
TIMEOUT_S = int(DEFAULT_LIMITS.query_timeout) + 5


def oxigraph_command() -> str:
    """Return the path of the ``oxigraph`` command installed beside this Python."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph command is not installed: run make install-dev")
    return found


class OxigraphServer:
    """``oxigraph serve`` over a folder, stopping queries after ``timeout_s``; ``url`` is its SPARQL query
    endpoint."""

    def __init__(self, folder: Path, *options: str, timeout_s: int = TIMEOUT_S):
        self.process = subprocess.Popen([oxigraph_command(), "serve", "--location", str(folder),
                                         "--bind", "127.0.0.1:0", "--timeout-s", str(timeout_s), *options],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = listening_port(self.process)
        self.base = f"http://127.0.0.1:{port}"
        self.url = self.base + "/query"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url, params={"query": "ASK {}"}).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not start on port {port}")

    def clear(self) -> None:
        """Empty the store: every graph dropped."""
        httpx.post(self.base + "/update", content=b"DROP ALL",
                   headers={"content-type": "application/sparql-update"}).raise_for_status()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
