"""A stocktake process killed with SIGKILL in the middle of scanning loses no scan it had
reported done; reopening the file carries on with the same stocktake."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.library import Library
from tests.app.collection.conftest import stock

REPO = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("crash_child.py")


def test_sigkill_mid_stocktake_keeps_every_reported_scan(tmp_path: Path,
                                                         shared_data: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    shelves = stock(path, shared_data)
    shelves.lib.collection.start_stocktake()
    shelves.lib.close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    reported: list[str] = []
    for stop_after in (7, 40, 75):
        child = subprocess.Popen([sys.executable, str(CHILD), str(path)], stdout=subprocess.PIPE,
                                 text=True, env=env, cwd=str(REPO))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        for done, line in enumerate(child.stdout, start=1):
            reported.append(line.strip())
            if done == stop_after:
                child.send_signal(signal.SIGKILL)
                break
        child.wait()
        assert child.returncode == -signal.SIGKILL
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Library.open(path) as lib:
        stocktake = lib.collection.current_stocktake()
        assert stocktake is not None  # still the one opened before the crashes
        kept = {b for (b,) in lib.db.conn.execute(
            "SELECT i.barcode FROM stocktake_items t JOIN items i ON i.id = t.item_id")}
        assert set(reported) <= kept
        assert lib.collection.progress().found == len(kept)
        outbox = lib.db.conn.execute(
            "SELECT count(*) FROM changes WHERE entity = 'stocktake_item'").fetchone()[0]
        assert outbox == len(kept)  # every scan kept with its outbox row
