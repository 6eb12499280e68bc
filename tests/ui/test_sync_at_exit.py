"""Closing the window (or letting go of the library before a restore) while the background
sync waits for a district server that accepted the connection and never answers: the sync
stops at once and its connection to the library is closed (it stayed open until the network
timed out, a minute: on Windows a restore then failed with 'file in use'). A sync busy with
the library itself is waited for, the window saying so."""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

import pytest

from app.sync import state
from app.sync.client import SyncClient
from app.sync.service import SyncService
from tests.support.silent_server import SilentServer

pytestmark = pytest.mark.usefixtures("token_files")


@pytest.fixture
def clients(monkeypatch: pytest.MonkeyPatch) -> list[SyncClient]:
    """Every sync client made (the runner's own connection to the library among them)."""
    made: list[SyncClient] = []
    original = SyncService.client

    def recorded(self: SyncService, **options: Any) -> SyncClient:
        made.append(original(self, **options))
        return made[-1]

    monkeypatch.setattr(SyncService, "client", recorded)
    return made


def _enrolled_with(lib: Any, url: str) -> None:
    """Enrolled as if with a district at *url* (its token kept, its address noted)."""
    lib.sync.token_store().save("token-of-TH-IM-LANG")
    state.put(lib.db, server_url=url, library_code="TH-IM-LANG", library_name="TH Im Lặng")
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)  # a change to push


def _closed(client: SyncClient) -> bool:
    try:
        client.db.conn.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def test_letting_go_while_the_server_keeps_silent_closes_the_sync_connection_at_once(lib, clients, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    with SilentServer() as server:
        _enrolled_with(lib, server.url)
        window = MainWindow(lib, sounds=DeskSounds(enabled=False))
        qtbot.addWidget(window)
        assert server.received.wait(10)  # the push sent, no answer ever coming
        began = time.monotonic()
        window.release_library()  # Tools → Backups → Restore
        assert time.monotonic() - began < 1.0  # was: 2 s, then given up
        assert not window.sync.running
        assert clients and all(_closed(c) for c in clients)  # was: open for a minute more
        window.close()


def test_a_sync_busy_with_the_library_is_waited_for_and_the_window_says_so(lib, clients, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The sync's first write waits for a lock another program holds (up to the 5 s busy
    timeout); released after 3 s: closing waits for it, 'Đang dừng đồng bộ…' shown."""
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    with SilentServer() as server:
        window = MainWindow(lib, sounds=DeskSounds(enabled=False))
        qtbot.addWidget(window)
        said: list[str] = []
        window.statusBar().messageChanged.connect(said.append)
        _enrolled_with(lib, server.url)
        other = sqlite3.connect(lib.path, check_same_thread=False, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program writing
        window.sync.start()  # enrolled just now (Settings → District sync)
        qtbot.waitUntil(lambda: bool(clients), timeout=5000)
        threading.Timer(3.0, other.rollback).start()
        window.release_library()
        assert "Đang dừng đồng bộ…" in said
        assert not window.sync.running
        assert all(_closed(c) for c in clients)  # was: left open, the thread still running
        assert not server.received.is_set()  # stopped before it reached the server
        other.close()
        window.close()
