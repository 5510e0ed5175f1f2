"""Processes of a benchmark: a step in a child process, a ``veikart serve``, and their peak memory."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """Return a loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mb(pid: int | str = "self") -> float:
    """Return the peak resident memory of a process in MB (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def run_json(script: str | Path, *args: str):
    """Run the Python script ``script`` with ``args`` and ``--json FILE`` in a new process (so its peak memory
    is its own); return what it wrote to FILE."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(script), *args, "--json", out.name], check=True)
        return json.loads(Path(out.name).read_text(encoding="utf-8"))


def serve(store: str, *, workers: int = 1, env: dict[str, str] | None = None,
          command: tuple[str, ...] = (sys.executable, "-m", "api.cli"), cwd: Path = ROOT,
          stderr=subprocess.DEVNULL) -> tuple[subprocess.Popen, str]:
    """Start ``veikart serve`` over ``store`` (``command`` is how to call ``veikart``, ``stderr`` where its log
    goes); return the process and its base URL once every worker is ready."""
    port = free_port()
    process = subprocess.Popen([*command, "serve", "--store", store, "--port", str(port), "--workers", str(workers)],
                               cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=stderr)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 900  # a server over 10^6 initiatives builds its index before it answers
    ready: set[int] = set()
    while time.monotonic() < deadline:
        try:  # every worker must have built its index: count the processes that answer
            health = httpx.get(url + "/healthz", headers={"connection": "close"}, timeout=600)
            if health.status_code == 200:
                ready.add(health.json()["process"])
            if len(ready) == workers:
                return process, url
            time.sleep(0.05)
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"veikart serve over {store} did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
