"""The ``changes`` outbox: every synced mutation writes one row in its own transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from app.db.connection import utc_now

OUTBOX_INSERT = "INSERT INTO changes(entity, uuid, op, payload, at) VALUES (?, ?, ?, ?, ?)"


def record_change(conn: sqlite3.Connection, entity: str, uuid: str, op: str,
                  payload: Mapping[str, Any]) -> int:
    """Append one change to the outbox; must run inside the mutation's transaction.

    Returns the change's sequence number.
    """
    if not conn.in_transaction:
        raise RuntimeError("record_change must run inside the mutation's transaction")
    cur = conn.execute(OUTBOX_INSERT, (entity, uuid, op, json.dumps(payload, ensure_ascii=False,
                                                                    default=str), utc_now()))
    return int(cur.lastrowid or 0)


def record_changes(conn: sqlite3.Connection,
                   rows: Iterable[tuple[str, str, str, Mapping[str, Any]]]) -> None:
    """Append many ``(entity, uuid, op, payload)`` changes at once (bulk import)."""
    if not conn.in_transaction:
        raise RuntimeError("record_changes must run inside the mutation's transaction")
    now = utc_now()
    conn.executemany(OUTBOX_INSERT, ((e, u, o, json.dumps(p, ensure_ascii=False, default=str), now)
                                     for e, u, o, p in rows))


def record_encoded_changes(conn: sqlite3.Connection,
                           rows: Iterable[tuple[str, str, str, str]]) -> None:
    """Like :func:`record_changes` with each payload already JSON text (bulk import builds
    it directly, see ``app.catalog.store.record_payload_json``)."""
    if not conn.in_transaction:
        raise RuntimeError("record_encoded_changes must run inside the mutation's transaction")
    now = utc_now()
    conn.executemany(OUTBOX_INSERT, [(e, u, o, p, now) for e, u, o, p in rows])

