"""The ``changes`` outbox: every synced mutation writes one row in its own transaction.

A row's payload is the change's JSON, or :data:`CURRENT_STATE` (empty): "the state this
entity is in when the change is sent". The bulk MARC import writes its records and copies
that way instead of a second copy of each row (half the database's size, and much of the
import's work); the sync batch builder (:mod:`app.sync.batch`) reads the current row at push
time. Sync is state-based (the server keeps the last state it receives; re-sending is safe),
so sending a newer state for an older change is correct.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

from app.db.connection import utc_now

OUTBOX_INSERT = "INSERT INTO changes(entity, uuid, op, payload, at) VALUES (?, ?, ?, ?, ?)"
#: The payload of a change that stands for its entity's current state (``record``, ``item``).
CURRENT_STATE = ""


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


def row_payload(conn: sqlite3.Connection, sql: str, keys: Sequence[str], row_id: int
                ) -> tuple[str, dict[str, Any]]:
    """The uuid and outbox payload of the one row *sql* reads for *row_id*: its columns under
    *keys* (the first is the uuid), ``deleted`` as a boolean."""
    row = conn.execute(sql, (row_id,)).fetchone()
    payload = dict(zip(keys, row, strict=True))
    payload["deleted"] = bool(payload["deleted"])
    return str(row[0]), payload


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
    """Like :func:`record_changes` with each payload already JSON text, or
    :data:`CURRENT_STATE` (the bulk import)."""
    if not conn.in_transaction:
        raise RuntimeError("record_encoded_changes must run inside the mutation's transaction")
    now = utc_now()
    conn.executemany(OUTBOX_INSERT, [(e, u, o, p, now) for e, u, o, p in rows])


# Rows per statement for record_inserted: one INSERT with many VALUES rows costs a third of
# executemany's per-row statement (each statement also updates the AUTOINCREMENT counter).
_ROWS_PER_INSERT = 400  # 802 parameters: under the 999 of older SQLite builds
_VALUES = {_ROWS_PER_INSERT: ", ".join(f"(?{i}, ?{i + 1}, 'insert', ?1, ?2)"
                                       for i in range(3, 3 + 2 * _ROWS_PER_INSERT, 2))}


def record_inserted(conn: sqlite3.Connection, rows: Sequence[tuple[str, str]]) -> None:
    """Append an ``insert`` change standing for the current state (:data:`CURRENT_STATE`) of
    each ``(entity, uuid)`` in *rows*, in that order (the bulk import)."""
    if not conn.in_transaction:
        raise RuntimeError("record_inserted must run inside the mutation's transaction")
    now = utc_now()
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        part = rows[start:start + _ROWS_PER_INSERT]
        values = _VALUES.get(len(part)) or ", ".join(
            f"(?{i}, ?{i + 1}, 'insert', ?1, ?2)" for i in range(3, 3 + 2 * len(part), 2))
        conn.execute(f"INSERT INTO changes(entity, uuid, op, payload, at) VALUES {values}",
                     [CURRENT_STATE, now, *chain.from_iterable(part)])
