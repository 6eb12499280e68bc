"""A district server that accepts the connection and never answers (or answers a byte a
minute): the sync gives up in bounded time, and stopping it (the window closing, the library
let go of before a restore) is at once — its thread closes its connection to the library
instead of keeping the file open until the network times out (Windows: 'file in use')."""

from __future__ import annotations

import queue
import sqlite3
import time
from typing import Any

import pytest

from app.sync import client as sync_client
from app.sync import state
from app.sync.client import SyncClient
from app.sync.messages import SyncError
from app.sync.runner import RunOutcome, SyncRunner
from tests.support.silent_server import SilentServer


def sync_refused(enrolled: Any, server: SilentServer) -> tuple[SyncError, float]:
    """Sync *enrolled* with *server* (1 s to connect, 1 s to read): the refusal it ends in,
    and the moment (``time.monotonic``) it began."""
    state.put(enrolled.db, server_url=server.url)
    client = enrolled.sync.client(timeout=(1.0, 1.0))
    began = time.monotonic()
    try:
        with pytest.raises(SyncError) as refused:
            client.sync_now()
    finally:
        client.close()
    return refused.value, began


def test_stopping_the_runner_while_the_server_keeps_silent_lets_go_of_the_file(enrolled: Any) -> None:
    enrolled.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)  # to push
    outcomes: queue.Queue[RunOutcome] = queue.Queue()
    made: list[SyncClient] = []

    def client() -> SyncClient:
        made.append(enrolled.sync.client())
        return made[-1]

    with SilentServer() as server:
        state.put(enrolled.db, server_url=server.url)
        runner = SyncRunner(client, interval=3600, on_outcome=outcomes.put)
        runner.start()
        assert server.received.wait(10)  # the push is sent, no answer coming
        began = time.monotonic()
        runner.stop(2.0)
        assert time.monotonic() - began < 1.0  # was: 2 s given up, the thread still waiting
        assert not runner.running
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            made[0].db.conn.execute("SELECT 1")  # was: open on the library until then
    assert outcomes.empty()  # stopped: no failure reported nor recorded
    assert enrolled.sync.status().last_error is None


def test_an_answer_trickling_in_for_ever_still_times_out(enrolled: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each byte resets requests' read timeout: a server sending one byte every 0.2 s was
    waited on for as long as it kept sending (here 12 s; a byte a minute: for ever)."""
    monkeypatch.setattr(sync_client, "REQUEST_LIMIT_S", 1.5, raising=False)
    enrolled.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)
    with SilentServer(trickle=0.2) as server:
        refused, began = sync_refused(enrolled, server)
    assert refused.code == "sync.timeout"
    assert time.monotonic() - began < 4.0
    assert "không trả lời kịp" in str(enrolled.sync.status().last_error)


def test_a_server_that_never_answers_times_out_at_the_read_timeout(enrolled: Any) -> None:
    enrolled.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)
    with SilentServer() as server:
        refused, began = sync_refused(enrolled, server)
    assert refused.code == "sync.timeout"
    assert time.monotonic() - began < 3.0
