"""A district server that accepts the connection and never answers (or answers one byte at
a time, for ever): real TCP on loopback, to test that the sync never waits on it for good.

    >>> with SilentServer() as server:                       # doctest: +SKIP
    ...     state.put(lib.db, server_url=server.url)
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType


class SilentServer:
    """Listens on 127.0.0.1 (a free port); reads what it is sent and answers nothing, or with
    *trickle* one byte of a header every *trickle* seconds (then nothing)."""

    def __init__(self, trickle: float | None = None) -> None:
        self.trickle = trickle
        self.received = threading.Event()  # a request's first bytes arrived
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, name="silent-server", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                continue
            self._open.append(conn)
            threading.Thread(target=self._hold, args=(conn,), daemon=True).start()

    def _hold(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        while not self._stop.is_set():
            try:
                if conn.recv(65536):
                    self.received.set()
                    break
            except TimeoutError:
                continue
            except OSError:
                return
        if self.trickle is None:
            return  # keeps the connection open, says nothing
        data = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 30
        for byte in data:
            if self._stop.wait(self.trickle):
                return
            try:
                conn.sendall(bytes([byte]))
            except OSError:
                return

    def close(self) -> None:
        """Stop listening and drop every connection."""
        self._stop.set()
        self._listener.close()
        for conn in self._open:
            conn.close()

    def __enter__(self) -> SilentServer:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
