"""Values this PC keeps for itself in the ``desk_state`` table: never synced, never exported.

The desk's mode and current reader, the MARC files imported before, the index work a large
import left to its end. Each value is stored as JSON under a text key; writes join the
caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3


def get(conn: sqlite3.Connection, key: str) -> object:
    """The value kept under *key*, or None when there is none."""
    row = conn.execute("SELECT value FROM desk_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def put(conn: sqlite3.Connection, key: str, value: object, *, keep_existing: bool = False) -> None:
    """Keep *value* under *key*, replacing what was there unless *keep_existing*."""
    verb = "INSERT OR IGNORE" if keep_existing else "INSERT OR REPLACE"
    conn.execute(f"{verb} INTO desk_state(key, value) VALUES (?, ?)",
                 (key, json.dumps(value, ensure_ascii=False)))


def with_prefix(conn: sqlite3.Connection, prefix: str) -> list[tuple[str, object]]:
    """Every ``(key, value)`` whose key starts with *prefix*, in key order."""
    rows = conn.execute("SELECT key, value FROM desk_state WHERE substr(key, 1, ?) = ? "
                        "ORDER BY key", (len(prefix), prefix)).fetchall()
    return [(str(key), json.loads(value)) for key, value in rows]


def remove(conn: sqlite3.Connection, *keys: str, prefix: str | None = None) -> None:
    """Forget the values under *keys*, and under every key starting with *prefix*."""
    conn.executemany("DELETE FROM desk_state WHERE key = ?", [(key,) for key in keys])
    if prefix is not None:
        conn.execute("DELETE FROM desk_state WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
