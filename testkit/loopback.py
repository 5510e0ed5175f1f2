"""Loopback ports a test holds itself: an app served in this process, and a port that refuses connections.

Both bind port 0 here and keep the socket, so no other process can take the port between choosing it and
using it.
"""

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI


def _bound_socket() -> socket.socket:
    """Return a TCP socket bound to a loopback port the system chose, not listening yet."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread; yield its base URL once it is started, stop it on leaving."""
    sock = _bound_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    if not server.started:
        raise RuntimeError("the test server did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def refused_port() -> Iterator[int]:
    """Yield a loopback port that refuses every connection: bound here, listened on by nobody."""
    with _bound_socket() as sock:
        yield sock.getsockname()[1]
