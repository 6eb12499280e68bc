"""The sync module's small persistent state, read and written on its own connection.

``sync_state`` holds the server URL, library code, CA file, pull cursor, last sync time and
last error; the acknowledged outbox position is ``settings.sync_acked_seq`` (what
``Library.pending_changes`` reads). Every write is one short transaction.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.db.connection import Database

ACKED_KEY = "sync_acked_seq"


def get(conn: sqlite3.Connection, key: str, default: Any = None) -> Any:
    """The value of *key* in ``sync_state``, or *default*."""
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def put(db: Database, **values: Any) -> None:
    """Store several keys at once (one transaction); a value of None removes the key."""
    with db.transaction() as conn:
        for key, value in values.items():
            if value is None:
                conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) "
                             "DO UPDATE SET value = excluded.value",
                             (key, json.dumps(value, ensure_ascii=False)))


def acked_seq(conn: sqlite3.Connection) -> int:
    """The highest outbox sequence the server has acknowledged."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (ACKED_KEY,)).fetchone()
    return 0 if row is None else int(json.loads(row[0]))


def set_acked_seq(db: Database, seq: int) -> None:
    """Remember the server's acknowledgement (never moves backwards by accident: callers
    pass the server's answer, which may be lower only when the server lost data)."""
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                     "DO UPDATE SET value = excluded.value", (ACKED_KEY, json.dumps(seq)))


def setting(conn: sqlite3.Connection, key: str, default: Any = None) -> Any:
    """A library setting (the ``settings`` table) read on this connection."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def put_setting(db: Database, key: str, value: Any) -> None:
    """Store a library setting on this connection."""
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                     "DO UPDATE SET value = excluded.value",
                     (key, json.dumps(value, ensure_ascii=False)))
