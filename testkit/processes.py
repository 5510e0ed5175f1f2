"""Child processes: a script whose figures come back as JSON, a ``veikart serve``, the port a process listens on,
their peak memory."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import httpx

from testkit import ROOT

VEIKART = str(Path(sys.executable).with_name("veikart"))  # the console script pip installed beside this Python


def listening_port(process: subprocess.Popen[bytes], *, deadline: float = 60.0) -> int:
    """Return the TCP port ``process`` listens on, once it does, read from /proc: a server told to bind
    port 0 takes a free port as it binds, so no other process can take the port in between."""
    end = time.monotonic() + deadline
    while time.monotonic() < end and process.poll() is None:
        sockets = set()
        for fd in Path(f"/proc/{process.pid}/fd").iterdir():
            try:
                sockets.add(os.readlink(fd).removeprefix("socket:[").removesuffix("]"))
            except OSError:  # closed since it was listed
                continue
        for line in Path(f"/proc/{process.pid}/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in sockets:  # a listening socket of this process
                return int(fields[1].rsplit(":", 1)[1], 16)
        time.sleep(0.05)
    raise RuntimeError(f"{process.args!r} did not start listening")


def peak_rss_mb(pid: int | str = "self") -> float:
    """Return the peak resident memory of a process in MB (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def run_json(script: str | Path, *args: str) -> Any:
    """Run the Python script ``script`` with ``args`` and ``--json FILE`` in a new process (so its peak memory
    is its own); return what it wrote to FILE."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(script), *args, "--json", out.name], check=True)
        return json.loads(Path(out.name).read_text(encoding="utf-8"))


def serve(store: str, *, workers: int = 1, env: dict[str, str] | None = None,
          command: tuple[str, ...] = (sys.executable, "-m", "api.cli"), cwd: Path = ROOT,
          stderr: int | IO[bytes] = subprocess.DEVNULL) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``veikart serve`` over ``store`` on a port it chooses itself (``command`` is how to call
    ``veikart``, ``stderr`` where its log goes); return the process and its base URL once every worker is
    ready."""
    process = subprocess.Popen([*command, "serve", "--store", store, "--port", "0", "--workers", str(workers)],
                               cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=stderr)
    url = f"http://127.0.0.1:{listening_port(process, deadline=900)}"
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


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process``: terminated, killed if it has not ended 30 seconds later."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
