"""Holds: a first-come queue of patrons per record.

A hold is ``waiting`` until a copy of its record is checked in (or found); the copy is
then kept on the hold shelf for the first waiting patron (item ``on_hold_shelf``, hold
``ready`` with ``ready_until``); their checkout makes it ``fulfilled``. ``cancelled`` and
``expired`` end a hold; an expired hold passes its copy to the next in the queue.
A hold can be placed while copies are on the shelf (it waits for the next return).
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from datetime import date, timedelta
from typing import Any

from app.circulation import itemstate
from app.circulation.context import CircContext
from app.circulation.messages import Phrase
from app.circulation.refs import (
    PATRON_COLUMNS,
    HoldRef,
    PatronRef,
    item_by_id,
)
from app.circulation.results import DeskResult, refuse
from app.db.outbox import record_change, row_payload
from app.i18n import Text

ON_SHELF = Text(" Đang có {count} bản trên giá ({barcodes}): có thể cho mượn ngay.",
                " {count} copy(ies) on the shelf ({barcodes}): it can be lent now.")

_P = ", ".join(f"p.{c.strip()}" for c in PATRON_COLUMNS.split(","))
_SELECT = (f"SELECT h.id, h.uuid, h.record_id, h.status, h.item_id, h.ready_until, {_P} "
           "FROM holds h JOIN patrons p ON p.id = h.patron_id WHERE h.deleted = 0 AND ")
OPEN = ("waiting", "ready")


def _hold(row: Any, position: int | None = None) -> HoldRef:
    return HoldRef(row[0], row[1], row[2], PatronRef(*row[6:]), row[3], row[4], row[5], position)


def _payload(conn: sqlite3.Connection, hold_id: int) -> tuple[str, dict[str, Any]]:
    return row_payload(conn, _HOLD_PAYLOAD, _HOLD_KEYS, hold_id)


_HOLD_PAYLOAD = (
    "SELECT h.uuid, h.updated_at, h.deleted, r.uuid, p.uuid, h.status, i.uuid, h.ready_until, "
    "h.created_at FROM holds h JOIN records r ON r.id = h.record_id "
    "JOIN patrons p ON p.id = h.patron_id LEFT JOIN items i ON i.id = h.item_id "
    "WHERE h.id = ?")
_HOLD_KEYS = ("uuid", "updated_at", "deleted", "record_uuid", "patron_uuid", "status",
              "item_uuid", "ready_until", "created_at")


def _changed(conn: sqlite3.Connection, hold_id: int, op: str) -> None:
    uuid, payload = _payload(conn, hold_id)
    record_change(conn, "hold", uuid, op, payload)


def ready_hold_of_item(conn: sqlite3.Connection, item_id: int) -> HoldRef | None:
    """The ready hold a copy on the hold shelf is kept for."""
    row = conn.execute(_SELECT + "h.item_id = ? AND h.status = 'ready' ORDER BY h.id LIMIT 1",
                       (item_id,)).fetchone()
    return _hold(row) if row else None


def next_waiting(conn: sqlite3.Connection, record_id: int, *,
                 exclude_patron: int | None = None) -> HoldRef | None:
    """The first waiting hold on *record_id* by an active patron (optionally not *exclude_patron*)."""
    row = conn.execute(
        _SELECT + "h.record_id = ? AND h.status = 'waiting' AND p.status = 'active' "
        "AND p.id IS NOT ? ORDER BY h.id LIMIT 1", (record_id, exclude_patron)).fetchone()
    return _hold(row, 1) if row else None


def set_hold_status(ctx: CircContext, conn: sqlite3.Connection, hold: HoldRef, status: str,
                    now: str) -> HoldRef:
    """Change a hold's status (and write its outbox row)."""
    conn.execute("UPDATE holds SET status = ?, updated_at = ? WHERE id = ?", (status, now, hold.id))
    _changed(conn, hold.id, "update")
    return HoldRef(hold.id, hold.uuid, hold.record_id, hold.patron, status, hold.item_id,
                   hold.ready_until, hold.position)


def make_ready(ctx: CircContext, conn: sqlite3.Connection, hold: HoldRef, item_id: int, now: str,
               today: date) -> HoldRef:
    """Keep copy *item_id* for *hold* until the pickup deadline (an open day)."""
    until = ctx.calendar.open_days(today).next_open(today + timedelta(days=ctx.hold_pickup_days()))
    conn.execute("UPDATE holds SET status = 'ready', item_id = ?, ready_until = ?, updated_at = ? "
                 "WHERE id = ?", (item_id, until.isoformat(), now, hold.id))
    _changed(conn, hold.id, "update")
    return HoldRef(hold.id, hold.uuid, hold.record_id, hold.patron, "ready", item_id,
                   until.isoformat(), hold.position)


def release_item(conn: sqlite3.Connection, item_id: int, now: str) -> None:
    """The copy kept for a ready hold is gone (lost/damaged): the hold waits again."""
    hold = ready_hold_of_item(conn, item_id)
    if hold is not None:
        conn.execute("UPDATE holds SET status = 'waiting', item_id = NULL, ready_until = NULL, "
                     "updated_at = ? WHERE id = ?", (now, hold.id))
        _changed(conn, hold.id, "update")


def place(ctx: CircContext, conn: sqlite3.Connection, patron: PatronRef, record_id: int,
          title: str) -> DeskResult:
    """Put *patron* in the queue for *record_id*; refused (``hold_no_copies``) when the
    library has no copy of it that is not written off: no copy would ever come back."""
    from app.circulation.loans import check_patron

    check_patron(patron, ctx.now()[2])
    types = [r[0] for r in conn.execute(
        "SELECT DISTINCT item_type FROM items WHERE record_id = ? AND deleted = 0 "
        "AND status != 'withdrawn'", (record_id,))]
    if not types:  # no copy (none ever, or all written off): the reader would wait forever
        raise refuse("hold_no_copies", patron=patron, title=title)
    if not any(ctx.rules.rule_for(patron.category, t).holds_allowed for t in types):
        raise refuse("hold_not_allowed", patron=patron, title=title)
    if conn.execute("SELECT 1 FROM holds WHERE patron_id = ? AND record_id = ? AND deleted = 0 "
                    "AND status IN ('waiting', 'ready')", (patron.id, record_id)).fetchone():
        raise refuse("hold_duplicate", patron=patron, name=patron.full_name, title=title)
    if conn.execute("SELECT 1 FROM loans l JOIN items i ON i.id = l.item_id WHERE l.patron_id = ? "
                    "AND l.returned_at IS NULL AND i.record_id = ?",
                    (patron.id, record_id)).fetchone():
        raise refuse("hold_has_copy", patron=patron, name=patron.full_name, title=title)
    _, now, _today = ctx.now()
    hold_uuid = str(uuidlib.uuid4())
    cur = conn.execute(
        "INSERT INTO holds(uuid, library_id, created_at, updated_at, record_id, patron_id, status) "
        "VALUES (?, ?, ?, ?, ?, ?, 'waiting')", (hold_uuid, ctx.library_id, now, now, record_id,
                                                 patron.id))
    hold_id = int(cur.lastrowid or 0)
    _changed(conn, hold_id, "insert")
    position = _position(conn, record_id, hold_id)
    hold = HoldRef(hold_id, hold_uuid, record_id, patron, "waiting", None, None, position)
    return DeskResult(True, "hold_placed", {"title": title, "name": patron.full_name,
                                             "position": position,
                                             "on_shelf": _on_shelf(conn, record_id)},
                      patron, hold=hold)


def _on_shelf(conn: sqlite3.Connection, record_id: int) -> Phrase | str:
    """The copies on the shelf when the reader need not wait at all, said after "hold placed"
    (the hold stays: the librarian may be taking it for a reader who is not at the desk)."""
    barcodes = [r[0] for r in conn.execute(
        "SELECT barcode FROM items WHERE record_id = ? AND deleted = 0 AND status = 'available' "
        "ORDER BY barcode", (record_id,))]
    if not barcodes:
        return ""
    shown = ", ".join(barcodes[:3]) + (", …" if len(barcodes) > 3 else "")
    return Phrase(ON_SHELF, {"count": len(barcodes), "barcodes": shown})


def queue(conn: sqlite3.Connection, record_id: int) -> list[HoldRef]:
    """The open holds on *record_id*: the ready ones, then the waiting ones in queue order."""
    rows = conn.execute(_SELECT + "h.record_id = ? AND h.status IN ('waiting', 'ready') "
                        "ORDER BY h.status = 'waiting', h.id", (record_id,)).fetchall()
    return [_hold(r, n) for n, r in enumerate(rows, 1)]


def of_patron(conn: sqlite3.Connection, patron_id: int) -> list[HoldRef]:
    """The patron's open holds; a waiting one with its place in the queue."""
    rows = conn.execute(_SELECT + "h.patron_id = ? AND h.status IN ('waiting', 'ready') "
                        "ORDER BY h.id", (patron_id,)).fetchall()
    return [_hold(r, _position(conn, r[2], r[0]) if r[3] == "waiting" else None) for r in rows]


def _position(conn: sqlite3.Connection, record_id: int, hold_id: int) -> int:
    """Where waiting hold *hold_id* stands in *record_id*'s queue (1 = next)."""
    return int(conn.execute(
        "SELECT count(*) FROM holds WHERE record_id = ? AND status = 'waiting' AND deleted = 0 "
        "AND id <= ?", (record_id, hold_id)).fetchone()[0])


def ready_list(conn: sqlite3.Connection) -> list[HoldRef]:
    """Every copy waiting on the hold shelf, earliest deadline first."""
    rows = conn.execute(_SELECT + "h.status = 'ready' ORDER BY h.ready_until, h.id").fetchall()
    return [_hold(r) for r in rows]


def cancel(ctx: CircContext, conn: sqlite3.Connection, hold_id: int) -> DeskResult:
    """Cancel a hold; a copy kept for it passes to the next in the queue or the shelf."""
    row = conn.execute(_SELECT + "h.id = ?", (hold_id,)).fetchone()
    if row is None or row[3] not in OPEN:
        raise refuse("hold_not_found")
    hold = _hold(row)
    _, now, today = ctx.now()
    hold = set_hold_status(ctx, conn, hold, "cancelled", now)
    if hold.item_id is not None:
        _pass_on(ctx, conn, hold.item_id, now, today)
    title = conn.execute("SELECT title FROM records WHERE id = ?", (hold.record_id,)).fetchone()[0]
    return DeskResult(True, "hold_cancelled", {"title": title, "name": hold.patron.full_name},
                      hold.patron, hold=hold)


def _pass_on(ctx: CircContext, conn: sqlite3.Connection, item_id: int, now: str,
             today: date) -> None:
    item = item_by_id(conn, item_id)
    if item is None or item.status != "on_hold_shelf":
        return
    nxt = next_waiting(conn, item.record_id)
    if nxt is not None:
        make_ready(ctx, conn, nxt, item_id, now, today)
    else:
        itemstate.set_status(conn, item, "available", now)


_PAST_PICKUP = "h.status = 'ready' AND h.ready_until < ?"


def any_expired(conn: sqlite3.Connection, today: date) -> bool:
    """Whether a ready hold's pickup deadline has passed (what :func:`expire` would act on)."""
    return conn.execute(f"SELECT 1 FROM holds h WHERE {_PAST_PICKUP} LIMIT 1",
                        (today.isoformat(),)).fetchone() is not None


def expire(ctx: CircContext, conn: sqlite3.Connection) -> list[HoldRef]:
    """Expire ready holds whose pickup deadline has passed; their copies move on."""
    _, now, today = ctx.now()
    rows = conn.execute(_SELECT + _PAST_PICKUP,
                        (today.isoformat(),)).fetchall()
    expired = []
    for row in rows:
        hold = set_hold_status(ctx, conn, _hold(row), "expired", now)
        if hold.item_id is not None:
            _pass_on(ctx, conn, hold.item_id, now, today)
        expired.append(hold)
    return expired
