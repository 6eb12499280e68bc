"""Renumbering unsent outbox changes after the server saw their numbers used for others.

It happens when the library database was restored from a backup older than its last sync:
the server had acknowledged numbers up to ``server_acked``; the restored outbox ends lower,
so the changes made since the restore got numbers the server already knows, for other
changes (see :mod:`server.reuse`). Sent as they are, they would be taken as "seen before"
and dropped. Moved past ``server_acked`` in the same order, they are new to the server.

The outbox stays gap-free above the acknowledged position (what
:func:`app.sync.status.pending_changes` relies on).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db.connection import Database, utc_now
from app.sync import state


@dataclass(frozen=True)
class Renumbered:
    """What :func:`renumber_from` did."""

    first: int
    shift: int
    count: int


def renumber_from(db: Database, first: int, server_acked: int, local_acked: int) -> Renumbered:
    """Give the changes numbered *first* and up the numbers after *server_acked* (in order)
    and take *server_acked* as acknowledged; one transaction.

    *local_acked* is the acknowledged position the refused batch started from: if it has
    moved since (another sync of this database renumbered first), nothing is done.
    """
    shift = server_acked + 1 - first
    if shift <= 0:
        raise ValueError(f"number {first} is not below the acknowledged {server_acked}")
    with db.transaction() as conn:
        if state.acked_seq(conn) != local_acked:
            return Renumbered(first, 0, 0)
        count = int(conn.execute("SELECT count(*) FROM changes WHERE seq >= ?",
                                 (first,)).fetchone()[0])
        if count:
            # Through negative numbers: moving up in place would collide with later rows.
            conn.execute("UPDATE changes SET seq = -seq WHERE seq >= ?", (first,))
            conn.execute("UPDATE changes SET seq = ? - seq WHERE seq < 0", (shift,))
            top = int(conn.execute("SELECT max(seq) FROM changes").fetchone()[0])
            # AUTOINCREMENT continues after the highest number ever handed out.
            conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'changes'",
                         (top,))
        state.set_acked_seq(db, server_acked)
        state.put(db, last_renumber={"at": utc_now(), "first": first, "shift": shift,
                                     "count": count})
    return Renumbered(first, shift, count)
