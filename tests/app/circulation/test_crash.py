"""Crash drill: a child doing checkouts/checkins is SIGKILLed at random moments.

Every operation the child reported done (it reports only after the call returned, i.e.
after COMMIT) must be in the database after reopening, with its outbox row, and the file
must pass ``PRAGMA integrity_check``. 200+ runs: most are killed after a random number K of
reported operations (waiting on the child's output, not on sleeps), some at a random time
right after start-up, while the library is opening.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.library import Library

RUNS = 210
REPO = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("crash_child.py")


def make_library(path: Path) -> None:
    with Library.open(path) as lib:
        for n in range(6):
            lib.patrons.add(f"Học sinh {n}", class_name="6A")
        for n in range(4):
            record = lib.catalog.add_record(f"Sách {n}")
            for _ in range(3):
                lib.catalog.add_item(record)


def verify(path: Path, reported: list[tuple[str, str]]) -> None:
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for op, uuid in reported:
            row = conn.execute("SELECT returned_at FROM loans WHERE uuid = ?", (uuid,)).fetchone()
            assert row is not None, f"reported {op} of loan {uuid} is missing"
            if op == "in":
                assert row[0] is not None, f"reported checkin of {uuid} not in the database"
            payloads = [json.loads(p) for (p,) in conn.execute(
                "SELECT payload FROM changes WHERE entity = 'loan' AND uuid = ?", (uuid,))]
            expected = "returned_at" if op == "in" else "loaned_at"
            assert any(p.get(expected) for p in payloads), f"no outbox row for {op} {uuid}"
        # the item statuses agree with the open loans
        bad = conn.execute(
            "SELECT count(*) FROM items i WHERE (i.status = 'on_loan') != EXISTS "
            "(SELECT 1 FROM loans l WHERE l.item_id = i.id AND l.returned_at IS NULL)").fetchone()
        assert bad[0] == 0
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_never_loses_a_reported_operation(tmp_path: Path) -> None:
    rng = random.Random(20250908)
    path = tmp_path / "crash.sqlite3"
    make_library(path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    total_reported = 0
    for run in range(RUNS):
        child = subprocess.Popen([sys.executable, str(CHILD), str(path), str(run)],
                                 stdout=subprocess.PIPE, text=True, env=env, cwd=str(REPO))
        assert child.stdout is not None
        reported: list[tuple[str, str]] = []
        if run % 10 == 9:
            # a kill at a random moment, possibly while the library is still opening
            timer = threading.Timer(rng.uniform(0.05, 0.4), child.send_signal, (signal.SIGKILL,))
            timer.start()
            for line in child.stdout:
                parts = line.split()
                if len(parts) == 2:
                    reported.append((parts[0], parts[1]))
            timer.cancel()
        else:
            wanted = rng.randint(1, 12)
            for line in child.stdout:
                parts = line.split()
                if len(parts) == 2:
                    reported.append((parts[0], parts[1]))
                    if len(reported) >= wanted:
                        break
            child.send_signal(signal.SIGKILL)
            # whatever it printed before dying was also completed
            for line in child.stdout:
                parts = line.split()
                if len(parts) == 2:
                    reported.append((parts[0], parts[1]))
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL, f"run {run}: child exited {child.returncode}"
        verify(path, reported)
        total_reported += len(reported)
    assert total_reported > RUNS * 5
