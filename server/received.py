"""The received log: every change a library pushed, as it was received.

A push that stores changes logs its request body once, as the library sent it
(``received_batches``, one row per batch: migration 0005). The row stands for the body's
changes numbered after its ``after_seq`` (the part of a resent batch at or below it was
logged by an earlier row) up to ``to_seq``. :func:`changes` reads them back one by one, for
the reuse check (:mod:`server.reuse`: the digests) and for anyone auditing what arrived.

One row per change, as before, cost a third of PostgreSQL's work on a batch (a heap row,
two index entries and a foreign-key check per change); one row per batch costs one of each.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from server.models import received_batches

#: The fields of a change in a push body (server.schemas.ChangeIn).
FIELDS = ("seq", "entity", "uuid", "op", "payload", "at", "digest")


@dataclass(frozen=True)
class Received:
    """One logged change, as the library sent it."""

    seq: int
    entity: str
    uuid: str
    op: str
    payload: dict[str, Any]
    at: str | None
    digest: str | None
    received_at: str


def body_of(changes: Iterable[dict[str, Any]]) -> str:
    """A push body holding *changes* (their :data:`FIELDS`), for a caller without the
    request's own text."""
    return json.dumps({"changes": [{k: c.get(k) for k in FIELDS} for c in changes]},
                      ensure_ascii=False)


def store(conn: Connection, library_id: int, after: int, to_seq: int, now: str,
          body: str) -> None:
    """Log the changes of *body* numbered in ``(after, to_seq]`` as received at *now*."""
    conn.execute(insert(received_batches).values(library_id=library_id, after_seq=after,
                                                 to_seq=to_seq, received_at=now, body=body))


def changes(conn: Connection, library_id: int, low: int | None = None,
            high: int | None = None) -> list[Received]:
    """The logged changes of a library numbered from *low* to *high* (both included; all
    when not given), by sequence number. A number logged twice (only when a test turns
    idempotency off) comes twice, in the order received."""
    query = select(received_batches.c.after_seq, received_batches.c.to_seq,
                   received_batches.c.received_at, received_batches.c.body).where(
        received_batches.c.library_id == library_id)
    if low is not None:
        query = query.where(received_batches.c.to_seq >= low)
    if high is not None:
        query = query.where(received_batches.c.after_seq < high)
    found: list[Received] = []
    for after, to_seq, received_at, body in conn.execute(query.order_by(received_batches.c.id)):
        for c in json.loads(body).get("changes") or ():
            seq = c["seq"]
            if (after < seq <= to_seq and (low is None or seq >= low)
                    and (high is None or seq <= high)):
                found.append(Received(seq, c["entity"], c["uuid"], c["op"], c["payload"],
                                      c.get("at"), c.get("digest"), received_at))
    found.sort(key=lambda r: r.seq)
    return found
