"""A real district server on loopback (uvicorn in a thread, SQLite) for the tests of the
sync client and of the window's sync page."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn


class District:
    """The running server: its URL, DB engine and admin helpers."""

    def __init__(self, workdir: Path) -> None:
        from server.api import create_app
        from server.db import make_engine, upgrade
        from server.settings import load_settings

        self.settings = load_settings(str(workdir / "district.sqlite3"))
        upgrade(self.settings)
        self.engine = make_engine(self.settings)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(create_app(self.settings, self.engine),
                                                    host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:  # readiness of the fixture, not of a test step
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add_library(self, code: str) -> str:
        """Register a library; its one-time enrollment code."""
        from server import registry
        from server.db import write

        with write(self.engine) as conn:
            _, enrollment, _ = registry.add_library(conn, code=code, name=f"Trường {code}",
                                                    type="school")
        return enrollment

    def wait_applied(self, timeout: float = 30.0) -> None:
        """Wait until the server's applier has applied every batch stored so far (the
        union catalog and statistics are then up to date)."""
        from server import applier

        assert applier.wait_applied(self.engine, timeout=timeout), "applier did not catch up"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()
