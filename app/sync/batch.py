"""One push batch built from outbox rows: what leaves the school, as the request body.

The privacy filter (:mod:`app.sync.privacy`) decides what is sent of each row; rows it keeps
at the school are listed as ``withheld`` with their digest only. Records travel as the
outbox stored them, so their JSON is copied into the body instead of being parsed and
written again (the largest rows, and most of the client's work in a push); so are copies
whose JSON has no field the school keeps (most of them: only a note stays home).

An outbox row whose payload is ``CURRENT_STATE`` (the MARC import writes its records and
copies that way) is sent as its record's or copy's state now, read from the database at
this point; its digest stays the one of the stored row, so a resend after a later edit is
still recognised as the same change.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from app.catalog.store import current_payloads
from app.db.outbox import CURRENT_STATE
from app.sync import privacy
from app.sync.protocol import change_digest

#: ``(seq, entity, uuid, op, payload_json, at)`` as selected from ``changes``.
OutboxRow = tuple[int, str, str, str, str, str]


@dataclass(frozen=True)
class Batch:
    """The outbox range ``(from_seq, to_seq]`` ready to send."""

    from_seq: int
    to_seq: int
    changes: list[str]
    withheld: list[dict[str, Any]]

    def body(self, library_uuid: str) -> bytes:
        """The push request body (JSON, UTF-8)."""
        head = json.dumps({"library_uuid": library_uuid, "from_seq": self.from_seq,
                           "to_seq": self.to_seq, "withheld": self.withheld})
        return (head[:-1] + ', "changes": [' + ", ".join(self.changes) + "]}").encode("utf-8")


#: ``json.dumps(value, ensure_ascii=False)`` without building an encoder on every call (with
#: a keyword argument, ``json.dumps`` makes a new ``JSONEncoder`` each time: half of the
#: batch builder's time went there, five calls per change).
_text = json.JSONEncoder(ensure_ascii=False).encode
_quote = json.encoder.encode_basestring  # a str as JSON, like _text


def _string(value: str | None) -> str:
    return "null" if value is None else str(_quote(value))


def _nothing_private(item_json: str) -> bool:
    """True when a copy's stored JSON certainly has none of the fields kept at the school
    (:data:`app.sync.privacy.ITEM_PRIVATE`), so it can be sent as it is. Without a backslash
    the text has no escapes, so such a key would appear literally, quoted."""
    return "\\" not in item_json and not any(key in item_json for key in _PRIVATE_KEYS)


_PRIVATE_KEYS = tuple(f'"{name}"' for name in privacy.ITEM_PRIVATE)


def current_states(conn: sqlite3.Connection | None, rows: list[OutboxRow]
                   ) -> dict[tuple[str, str], str]:
    """The present payload of every row of *rows* stored as ``CURRENT_STATE``, by
    ``(entity, uuid)``; a few queries for the whole batch."""
    wanted: dict[str, list[str]] = {}
    for _seq, entity, uuid, _op, payload_json, _at in rows:
        if payload_json == CURRENT_STATE:
            wanted.setdefault(entity, []).append(uuid)
    if not wanted:
        return {}
    if conn is None:
        raise RuntimeError("outbox rows standing for the current state need the database "
                           "connection to be sent (build(..., conn=...))")
    return {(entity, uuid): text for entity, uuids in wanted.items()
            for uuid, text in current_payloads(conn, entity, uuids).items()}


def build(from_seq: int, rows: list[OutboxRow], policy: str, secret: str,
          conn: sqlite3.Connection | None = None) -> Batch:
    """The batch of *rows* (ordered by seq, all after *from_seq*) under the sharing *policy*.

    *conn* (the library database) is needed when some rows stand for the current state.
    """
    changes: list[str] = []
    withheld: list[dict[str, Any]] = []
    states = current_states(conn, rows)
    for seq, entity, uuid, op, stored, at in rows:
        digest = change_digest(entity, uuid, op, at, stored)
        payload_json = states[entity, uuid] if stored == CURRENT_STATE else stored
        if entity == "record" or (entity == "item" and _nothing_private(payload_json)):
            name, sent = entity, payload_json  # sent whole (privacy.outgoing): not parsed
        else:
            outgoing = privacy.outgoing(entity, json.loads(payload_json), policy, secret)
            if outgoing is None:
                withheld.append({"seq": seq, "digest": digest})
                continue
            name, sent = outgoing[0], _text(outgoing[1])
        changes.append(f'{{"seq": {int(seq)}, "entity": {_string(name)}, '
                       f'"uuid": {_string(uuid)}, "op": {_string(op)}, "payload": {sent}, '
                       f'"at": {_string(at)}, "digest": "{digest}"}}')
    return Batch(from_seq, int(rows[-1][0]) if rows else from_seq, changes, withheld)
