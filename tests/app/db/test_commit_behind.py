"""Batches committed behind the caller: in order, all or nothing per batch, errors not lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.db.batches import CommitBehind
from app.db.connection import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "b.sqlite3")
    database.conn.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, parent INTEGER "
                          "REFERENCES t(n))")
    return database


def _rows(path: Path) -> list[int]:
    """What another connection (another program) sees."""
    other = sqlite3.connect(path)
    try:
        return [n for (n,) in other.execute("SELECT n FROM t ORDER BY n")]
    finally:
        other.close()


def test_every_batch_lands_in_order(db: Database) -> None:
    with CommitBehind(db) as batches:
        for start in (1, 4, 7):
            batches.write(lambda conn, s=start: conn.executemany(
                "INSERT INTO t(n) VALUES (?)", [(s,), (s + 1,), (s + 2,)]))
    assert _rows(db.path) == list(range(1, 10))
    assert not db.conn.in_transaction and not db.in_transaction


def test_a_batch_that_fails_leaves_nothing_of_itself(db: Database) -> None:
    def half(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO t(n) VALUES (10)")
        raise ValueError("bad record")

    with pytest.raises(ValueError), CommitBehind(db) as batches:
        batches.write(lambda conn: conn.execute("INSERT INTO t(n) VALUES (1)"))
        batches.write(half)
    assert _rows(db.path) == [1]
    assert not db.conn.in_transaction


def test_a_failed_commit_reaches_the_caller(db: Database) -> None:
    def orphan(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA defer_foreign_keys = ON")  # checked only at COMMIT
        conn.execute("INSERT INTO t(n, parent) VALUES (5, 99)")

    batches = CommitBehind(db)
    batches.write(orphan)
    with pytest.raises(sqlite3.IntegrityError):
        batches.wait()
    assert _rows(db.path) == [] and not db.conn.in_transaction
    batches.write(lambda conn: conn.execute("INSERT INTO t(n) VALUES (2)"))
    batches.wait()
    assert _rows(db.path) == [2]
