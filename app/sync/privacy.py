"""What may leave the school: the outbox as the district is allowed to see it.

By default (setting ``sync_personal_data`` = ``"none"``) no patron is sent, loans travel
without the patron (only the patron's category and grade, and a reader key that changes
every month so the district can count active readers without knowing who they are), item
notes stay home, and reading-room visits are counts. With ``"share"`` patrons go too
(never photos) and loans keep their patron uuid.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
from collections.abc import Mapping
from typing import Any

from app.circulation.clock import local_day
from app.sync.protocol import PERSONAL_PATRON_FIELDS

SETTING = "sync_personal_data"
POLICIES = ("none", "share")
SECRET_SETTING = "sync_reader_secret"

LOAN_FIELDS = ("uuid", "item_uuid", "loaned_at", "due_on", "returned_at", "renewals",
               "patron_category", "patron_grade", "item_type", "outcome", "updated_at", "deleted")
ITEM_PRIVATE = ("note",)
#: Entities that stay at the school: the server's protocol does not know them yet
#: (stocktakes and write-off records feed the school's own registers).
KEPT_LOCAL = ("stocktake", "stocktake_item", "stocktake_result", "writeoff", "writeoff_item")


def new_secret() -> str:
    """A random secret for reader keys (kept in the library database, never sent)."""
    return secrets.token_hex(16)


def reader_key(secret: str, patron_uuid: str, loaned_at: str) -> str:
    """A key equal for one patron within one month (the library's month in Vietnam, as the
    district counts it) and unrelated across months/libraries.

    >>> reader_key("s", "p1", "2025-10-03T01:00Z") == reader_key("s", "p1", "2025-10-30")
    True
    >>> reader_key("s", "p1", "2025-10-03") == reader_key("s", "p1", "2025-11-03")
    False
    >>> reader_key("s", "p1", "2025-10-31T18:00:00Z") == reader_key("s", "p1", "2025-11-02")
    True
    """
    month = local_day(loaned_at)[:7] if len(loaned_at) > 10 else loaned_at[:7]
    message = f"{patron_uuid}|{month}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:24]


def outgoing(entity: str, payload: Mapping[str, Any], policy: str, secret: str
             ) -> tuple[str, dict[str, Any]] | None:
    """The ``(entity, payload)`` to send for one outbox change, or None to keep it home.

    >>> outgoing("patron", {"full_name": "Nguyễn Văn An"}, "none", "s") is None
    True
    >>> entity, sent = outgoing("loan", {"uuid": "l", "patron_uuid": "p", "loaned_at": "2025-10-01",
    ...                                  "patron_category": "student"}, "none", "s")
    >>> "patron_uuid" in sent, sent["patron_category"]
    (False, 'student')
    """
    share = policy == "share"
    if entity in KEPT_LOCAL:
        return None
    if entity in ("record",):
        return entity, dict(payload)
    if entity == "item":
        return entity, {k: v for k, v in payload.items() if k not in ITEM_PRIVATE}
    if entity == "loan":
        sent = {k: payload.get(k) for k in LOAN_FIELDS if k in payload}
        patron = payload.get("patron_uuid")
        if patron and payload.get("loaned_at"):
            sent["reader_key"] = reader_key(secret, str(patron), str(payload["loaned_at"]))
        if share and patron:
            sent["patron_uuid"] = patron
        return entity, sent
    if entity == "patron":
        if not share:
            return None
        return entity, {k: payload[k] for k in PERSONAL_PATRON_FIELDS if k in payload}
    if entity in ("usage", "visit"):
        if entity == "usage" and payload.get("kind") != "visit":
            return None
        return "visit", {k: payload.get(k) for k in ("uuid", "day", "count", "patron_category",
                                                     "updated_at", "deleted")}
    return None  # holds, class loans and anything new stay home until decided


def transform(rows: list[tuple[int, str, str, str, str, str]], policy: str, secret: str,
              conn: sqlite3.Connection | None = None) -> list[dict[str, Any]]:
    """Outbox rows ``(seq, entity, uuid, op, payload_json, at)`` as protocol changes; rows
    standing for the current state are read through *conn* (see :mod:`app.sync.batch`)."""
    from app.db.outbox import CURRENT_STATE
    from app.sync.batch import current_states

    states = current_states(conn, rows)
    out = []
    for seq, entity, uuid, op, stored, at in rows:
        payload_json = states[entity, uuid] if stored == CURRENT_STATE else stored
        sent = outgoing(entity, json.loads(payload_json), policy, secret)
        if sent is not None:
            out.append({"seq": seq, "entity": sent[0], "uuid": uuid, "op": op,
                        "payload": sent[1], "at": at})
    return out
