"""Restore drill: 100 backups taken while another process keeps writing.

Every backup must restore, pass ``PRAGMA integrity_check`` and hold every record the writer
had reported as committed before that backup started.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.backup import restore_database
from app.library import Library
from tests.conftest import REPO_ROOT

BACKUPS = 100


def _reader(stream: object, out: queue.Queue[int]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        out.put(int(line))


@pytest.mark.slow
def test_hundred_backups_during_writes_all_restore_complete(tmp_path: Path) -> None:
    db = tmp_path / "school" / "thuvien.sqlite3"
    Library.open(db).close()
    writer = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("drill_writer.py")), str(db)],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    ids: queue.Queue[int] = queue.Queue()
    threading.Thread(target=_reader, args=(writer.stdout, ids), daemon=True).start()
    committed: list[int] = []
    usb = tmp_path / "usb"
    desk = tmp_path / "restored" / "thuvien.sqlite3"
    checked, backup_seconds = 0, 0.0
    source = Library.open(db)
    try:
        for _ in range(BACKUPS):
            try:  # at least one new commit since the previous backup: the writer is running
                committed.append(ids.get(timeout=60))
            except queue.Empty:
                pytest.fail(f"the writer stopped: {writer.stderr.read() if writer.stderr else ''}")
            while True:
                try:
                    committed.append(ids.get_nowait())
                except queue.Empty:
                    break
            before = set(committed)  # everything reported committed before the backup starts
            started = time.perf_counter()
            entry = source.backups.take(usb).entry
            backup_seconds += time.perf_counter() - started

            restore_database(desk, entry.path)
            conn = sqlite3.connect(f"{desk.as_uri()}?mode=ro", uri=True)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                present = {r[0] for r in conn.execute("SELECT id FROM records")}
                outbox = conn.execute("SELECT count(*) FROM changes WHERE entity = 'record'"
                                      ).fetchone()[0]
            finally:
                conn.close()
            missing = before - present
            assert not missing, f"backup {entry.path.name} lacks committed records {sorted(missing)[:5]}"
            assert outbox >= len(before)  # each record's outbox row came with it
            checked += 1
    finally:
        source.close()
        writer.terminate()
        writer.wait(timeout=30)
    assert checked == BACKUPS
    assert len(committed) >= BACKUPS
    print(f"\nrestore drill: {BACKUPS} backups, {len(committed)} commits seen, "
          f"mean backup {backup_seconds / BACKUPS * 1000:.0f} ms")
