"""Noticing sequence numbers a library reuses (it was restored from an old backup).

Each pushed change carries a digest of its outbox row (:func:`app.sync.protocol.change_digest`);
changes the privacy filter kept at the school come as ``withheld`` ``(seq, digest)`` pairs.
The server keeps them. When a batch re-sends sequence numbers it has acknowledged, every
digest must match the one kept: a different digest, or a number the server acknowledged as
empty, means the library numbered a new change with an old number, and the push is refused
with :class:`SeqReused` instead of being taken as "seen before" (which would drop the change).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from server import received
from server.models import withheld_changes


class SeqReused(Exception):
    """A resent sequence number carries another change than the one acknowledged.

    The client must renumber its changes from ``seq`` on to follow ``acked_seq``.
    """

    def __init__(self, acked_seq: int, seq: int) -> None:
        super().__init__(f"sequence number {seq} was already used for another change "
                         f"(acknowledged up to {acked_seq})")
        self.acked_seq = acked_seq
        self.seq = seq


def verify(conn: Connection, library_id: int, acked: int, floor: int,
           resent: Iterable[tuple[int, str | None]]) -> None:
    """Raise :class:`SeqReused` at the first resent ``(seq, digest)`` that differs from what
    was acknowledged. Numbers up to *floor* were acknowledged without digests and pass,
    as do resends without a digest (an older client)."""
    wanted = {seq: digest for seq, digest in resent if digest is not None}
    if not wanted:
        return
    low, high = min(wanted), max(wanted)
    kept: dict[int, str | None] = {c.seq: c.digest for c in received.changes(
        conn, library_id, low, high)}
    for seq, digest in conn.execute(
            select(withheld_changes.c.seq, withheld_changes.c.digest).where(
                withheld_changes.c.library_id == library_id, withheld_changes.c.seq >= low,
                withheld_changes.c.seq <= high)):
        kept[int(seq)] = digest
    for seq in sorted(wanted):
        if seq in kept:
            if kept[seq] is not None and kept[seq] != wanted[seq]:
                raise SeqReused(acked, seq)
        elif seq > floor:
            raise SeqReused(acked, seq)
