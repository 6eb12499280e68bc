"""The reading-room tally (phiếu thống kê lượt đọc): visits and in-library reading."""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from dataclasses import dataclass

from app.circulation.context import CircContext
from app.circulation.messages import STILL_LENT, STILL_LOST, Phrase
from app.circulation.refs import ItemRef, PatronRef, open_loan_of_item, patron_by_id
from app.circulation.results import DeskResult, refuse
from app.circulation.rules import CATEGORY_NAMES
from app.db.outbox import record_change
from app.errors import ValidationError
from app.i18n import Text

#: The tally's group for visits by readers without a card.
WALK_IN = "walk_in"
MAX_WALK_INS = 500
BAD_WALK_INS = Text("Số lượt khách không hợp lệ: {count} (từ 1 đến {most}).",
                    "Invalid number of visitors: {count} (1 to {most}).")
#: What the tally's visit groups are called: the patron categories, and readers without a card.
VISIT_GROUP_NAMES = {**CATEGORY_NAMES, WALK_IN: Text("Khách không có thẻ", "Visitor without a card")}


@dataclass(frozen=True)
class UsageCount:
    """How many visits / in-library readings on one day for one patron category or item type."""

    day: str
    kind: str
    group: str | None
    count: int


def _record(ctx: CircContext, conn: sqlite3.Connection, kind: str, patron: PatronRef | None,
            item: ItemRef | None, count: int, category: str | None = None) -> None:
    _, now, today = ctx.now()
    uuid = str(uuidlib.uuid4())
    values = {"kind": kind, "day": today.isoformat(), "count": count,
              "patron_category": patron.category if patron else category,
              "patron_class": patron.class_name if patron else None,
              "item_type": item.item_type if item else None}
    conn.execute(
        "INSERT INTO usage_events(uuid, library_id, created_at, updated_at, kind, day, count, "
        "patron_id, item_id, patron_category, patron_class, item_type) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uuid, ctx.library_id, now, now, kind, values["day"], count,
         patron.id if patron else None, item.id if item else None, values["patron_category"],
         values["patron_class"], values["item_type"]))
    record_change(conn, "usage", uuid, "insert",
                  {"uuid": uuid, "updated_at": now, "deleted": False,
                   "item_uuid": item.item.uuid if item else None, **values})


def record_visit(ctx: CircContext, conn: sqlite3.Connection, patron: PatronRef) -> DeskResult:
    """Count one visit by *patron*."""
    _record(ctx, conn, "visit", patron, None, 1)
    return DeskResult(True, "visit", {"name": patron.full_name}, patron)


def count_visit(ctx: CircContext, conn: sqlite3.Connection, patron: PatronRef) -> bool:
    """Count *patron*'s visit today unless it is counted already (the desk calls this when
    a card is scanned: one visit per reader per day, however often the card is scanned).
    True when a visit was counted now."""
    today = ctx.now()[2].isoformat()
    if conn.execute("SELECT 1 FROM usage_events WHERE day = ? AND kind = 'visit' "
                    "AND patron_id = ? AND deleted = 0", (today, patron.id)).fetchone():
        return False
    _record(ctx, conn, "visit", patron, None, 1)
    return True


def record_walk_ins(ctx: CircContext, conn: sqlite3.Connection, count: int = 1) -> DeskResult:
    """Count *count* visits by readers without a card (a commune library's walk-in readers, a
    class brought to the reading room): they go into the tally under ``walk_in``."""
    if not 1 <= count <= MAX_WALK_INS:
        raise ValidationError("usage.bad_count", BAD_WALK_INS, count=count, most=MAX_WALK_INS)
    _record(ctx, conn, "visit", None, None, count, category=WALK_IN)
    today = ctx.now()[2].isoformat()
    (total,) = conn.execute("SELECT coalesce(sum(count), 0) FROM usage_events WHERE day = ? "
                            "AND kind = 'visit' AND patron_category = ? AND deleted = 0",
                            (today, WALK_IN)).fetchone()
    return DeskResult(True, "walk_in", {"count": count, "today": int(total)})


def record_in_library(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef,
                      patron: PatronRef | None = None) -> DeskResult:
    """Count one in-library reading of *item* (optionally by *patron*).

    A copy still recorded as lent or lost is counted too (it is in the reading room), and
    the result says so and offers to check it in: it most likely came back without being
    checked in, and the desk must not do that unasked. A written-off copy is refused: it is
    no longer the library's, and its reading would count in the statistics.
    """
    if item.status == "withdrawn":
        raise refuse("withdrawn_not_read", patron=patron, item=item, title=item.title,
                     barcode=item.barcode)
    _record(ctx, conn, "in_library", patron, item, 1)
    note: Phrase | str = ""
    if item.status == "on_loan":
        loan = open_loan_of_item(conn, item.id)
        borrower = patron_by_id(conn, loan.patron_id) if loan and loan.patron_id else None
        note = Phrase(STILL_LENT, {"name": borrower.full_name if borrower else "?"})
    elif item.status == "lost":
        note = Phrase(STILL_LOST, {})
    return DeskResult(True, "in_library_use",
                      {"title": item.title, "barcode": item.barcode, "note": note}, patron, item,
                      offers=("checkin",) if note else ())


def tally(conn: sqlite3.Connection, start: str, end: str) -> list[UsageCount]:
    """Counts per day and kind between ISO dates *start* and *end* (inclusive), grouped by
    patron category for visits and item type for in-library reading."""
    rows = conn.execute(
        "SELECT day, kind, CASE kind WHEN 'visit' THEN patron_category ELSE item_type END, "
        "sum(count) FROM usage_events WHERE deleted = 0 AND day BETWEEN ? AND ? "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", (start, end)).fetchall()
    return [UsageCount(*r) for r in rows]
