"""Write-off records (biên bản xuất kho / thanh lý): a numbered, dated record with a reason
and its copies, which are marked ``withdrawn``.

A copy out on loan or kept for a hold cannot be written off (it must come back first); a
copy already written off cannot be again. A record is made whole or not at all: when any
copy is refused the error names each one with its reason. Withdrawing one copy from the
catalog (:func:`app.catalog.copies.withdraw_item`) makes a one-copy record too, or adds the
copy to the record of the same number.

The functions run inside the caller's transaction and write the outbox row of every change.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from app.catalog.models import Item
from app.catalog.store import new_uuid
from app.circulation.clock import display_date
from app.circulation.codes import isbn_of, normalise
from app.circulation.refs import patron_by_card
from app.collection._items import LINE_SELECT, copy_line, load_item, set_item
from app.collection.messages import (
    BAD_REASON,
    FUTURE_DAY,
    NO_COPIES,
    NO_NUMBER,
    NUMBER_TAKEN,
    REFUSALS,
    REFUSED,
)
from app.collection.models import REASONS, CopyLine
from app.db.outbox import record_change
from app.errors import UserError, ValidationError
from app.text import nfc


class WriteoffRefusal(ValidationError):
    """A copy that cannot go on a write-off record; ``reason`` is its machine code
    (:data:`app.collection.messages.REFUSALS`) and ``copy`` the copy, when known."""

    def __init__(self, reason: str, copy: CopyLine | None = None, **params: Any) -> None:
        if copy is not None:
            params = {"barcode": copy.barcode, **params}
        super().__init__(f"writeoff.{reason}", REFUSALS[reason], **params)
        self.reason = reason
        self.copy = copy


def _record_number(conn: sqlite3.Connection, item_id: int) -> str:
    row = conn.execute("SELECT w.number FROM writeoff_items x JOIN writeoffs w "
                       "ON w.id = x.writeoff_id WHERE x.item_id = ? AND x.deleted = 0",
                       (item_id,)).fetchone()
    return str(row[0]) if row and row[0] else "–"


def refusal(conn: sqlite3.Connection, copy: CopyLine) -> WriteoffRefusal | None:
    """Why *copy* cannot be written off now, or None when it can."""
    if copy.status in ("on_loan", "on_hold_shelf"):
        return WriteoffRefusal(copy.status, copy)
    if copy.status == "withdrawn":
        return WriteoffRefusal("withdrawn", copy, number=_record_number(conn, copy.item_id))
    return None


def find_copy(conn: sqlite3.Connection, code: str) -> CopyLine:
    """The copy scanned or typed as *code* (accession number, or an ISBN with one copy not
    written off), checked: a :class:`WriteoffRefusal` says why it cannot be written off."""
    code = normalise(code)
    rows = conn.execute(f"SELECT {LINE_SELECT} FROM items i JOIN records r ON r.id = i.record_id "
                        f"WHERE i.barcode = ? AND i.deleted = 0", (code,)).fetchall()
    isbn = isbn_of(code) if not rows else None
    if isbn is not None:
        rows = conn.execute(
            f"SELECT {LINE_SELECT} FROM record_isbns x JOIN items i ON i.record_id = x.record_id "
            f"JOIN records r ON r.id = i.record_id WHERE x.isbn = ? AND i.deleted = 0 "
            f"AND i.status <> 'withdrawn'", (isbn,)).fetchall()
    if isbn is not None and len(rows) > 1:  # one ISBN, several copies: which one?
        raise WriteoffRefusal("isbn_many", isbn=isbn, count=len(rows))
    if not rows:
        card = patron_by_card(conn, code)  # a reader's card scanned instead of a book
        if card is not None:
            raise WriteoffRefusal("patron_card", code=code, name=card.full_name)
    if len(rows) != 1:
        raise WriteoffRefusal("unknown", code=code)
    copy = copy_line(rows[0])
    problem = refusal(conn, copy)
    if problem is not None:
        raise problem
    return copy


def copies_of(conn: sqlite3.Connection, item_ids: list[int]) -> list[CopyLine]:
    """The copies *item_ids*, in that order (unknown ids left out)."""
    found = {}
    for item_id in item_ids:
        row = conn.execute(f"SELECT {LINE_SELECT} FROM items i JOIN records r "
                           f"ON r.id = i.record_id WHERE i.id = ? AND i.deleted = 0",
                           (item_id,)).fetchone()
        if row is not None:
            found[item_id] = copy_line(row)
    return [found[i] for i in item_ids if i in found]


def _check_header(conn: sqlite3.Connection, number: str, day: date, reason: str,
                  today: date) -> str:
    number = nfc(number).strip()
    if not number:
        raise ValidationError("writeoff.no_number", NO_NUMBER)
    if reason not in REASONS:
        raise ValidationError("writeoff.bad_reason", BAD_REASON, reason=reason)
    if day > today:
        raise ValidationError("writeoff.future_day", FUTURE_DAY, day=display_date(day))
    taken = conn.execute("SELECT day FROM writeoffs WHERE number = ? AND deleted = 0",
                         (number,)).fetchone()
    if taken:
        raise ValidationError("writeoff.number_taken", NUMBER_TAKEN, number=number,
                              day=display_date(taken[0]))
    return number


def _insert_record(conn: sqlite3.Connection, library_id: str, number: str, day: date,
                   reason: str, approved_by: str | None, note: str | None, now: str) -> int:
    uuid = new_uuid()
    approved = nfc(approved_by).strip() or None if approved_by else None
    remark = nfc(note).strip() or None if note else None
    cur = conn.execute(
        "INSERT INTO writeoffs(uuid, library_id, created_at, updated_at, number, day, reason, "
        "approved_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uuid, library_id, now, now, number, day.isoformat(), reason, approved, remark))
    record_change(conn, "writeoff", uuid, "insert", {
        "uuid": uuid, "number": number, "day": day.isoformat(), "reason": reason,
        "approved_by": approved, "note": remark, "updated_at": now, "deleted": False})
    return int(cur.lastrowid or 0)


def _add_copy(conn: sqlite3.Connection, library_id: str, writeoff_id: int, item: Item,
              day: date, number: str, now: str) -> Item:
    from app.catalog.copies import WITHDRAWN_NOTE

    uuid = new_uuid()
    conn.execute("INSERT INTO writeoff_items(uuid, library_id, created_at, updated_at, "
                 "writeoff_id, item_id, collection, item_type, price) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (uuid, library_id, now, now, writeoff_id, item.id, item.collection,
                  item.item_type, item.price))
    record_uuid = conn.execute("SELECT uuid FROM writeoffs WHERE id = ?",
                               (writeoff_id,)).fetchone()[0]
    record_change(conn, "writeoff_item", uuid, "insert", {
        "uuid": uuid, "writeoff_uuid": record_uuid, "item_uuid": item.uuid,
        "collection": item.collection, "item_type": item.item_type, "price": item.price,
        "updated_at": now, "deleted": False})
    line = WITHDRAWN_NOTE(day=display_date(day))
    line = f"{line}: {number}" if number else line
    withdrawn = set_item(conn, item, now, status="withdrawn",
                         note=f"{item.note}\n{line}" if item.note else line)
    return withdrawn


def create(conn: sqlite3.Connection, library_id: str, *, number: str, day: date, reason: str,
           item_ids: list[int], approved_by: str | None, note: str | None, today: date,
           now: str) -> str:
    """Make the write-off record *number* of *day* for the copies *item_ids* and mark them
    withdrawn; returns the record's uuid. Nothing is written when any copy is refused (the
    :class:`ValidationError` names each refused copy and why)."""
    number = _check_header(conn, number, day, reason, today)
    if not item_ids:
        raise ValidationError("writeoff.no_copies", NO_COPIES)
    copies = copies_of(conn, item_ids)
    problems: list[UserError] = []
    seen: set[int] = set()
    for copy in copies:
        if copy.item_id in seen:
            problems.append(WriteoffRefusal("listed_twice", copy))
        seen.add(copy.item_id)
        problem = refusal(conn, copy)
        if problem is not None:
            problems.append(problem)
    if len(copies) < len(item_ids):
        missing = [str(i) for i in item_ids if i not in {c.item_id for c in copies}]
        problems.append(WriteoffRefusal("unknown", code=", ".join(missing)))
    if problems:
        raise ValidationError("writeoff.refused", REFUSED,
                              reasons="; ".join(p.message for p in problems))
    writeoff_id = _insert_record(conn, library_id, number, day, reason, approved_by, note, now)
    for copy in copies:
        _add_copy(conn, library_id, writeoff_id, load_item(conn, copy.item_id), day, number, now)
    return str(conn.execute("SELECT uuid FROM writeoffs WHERE id = ?",
                            (writeoff_id,)).fetchone()[0])


def withdraw_one(conn: sqlite3.Connection, library_id: str, item: Item, reference: str,
                 today: date, now: str, reason: str = "other") -> Item:
    """Write off the one copy *item* (already checked by the caller) on the record numbered
    *reference*: the existing record of that number when there is one (copies withdrawn one
    by one under one record), else a new one-copy record dated *today* for *reason* (one of
    :data:`app.collection.models.REASONS`). Returns the copy as stored."""
    if reason not in REASONS:
        raise ValidationError("writeoff.bad_reason", BAD_REASON, reason=reason)
    number = nfc(reference).strip()
    row = conn.execute("SELECT id, day FROM writeoffs WHERE number = ? AND number <> '' "
                       "AND deleted = 0", (number,)).fetchone()
    if row is not None:
        writeoff_id, day = int(row[0]), date.fromisoformat(row[1])
    else:
        writeoff_id, day = _insert_record(conn, library_id, number, today, reason, None, None,
                                          now), today
    del day  # the copy's note keeps the day it was actually withdrawn
    return _add_copy(conn, library_id, writeoff_id, item, today, number, now)


def lost_at_stocktake(conn: sqlite3.Connection, stocktake_id: int) -> list[CopyLine]:
    """The copies a closed stocktake did not find (marked lost or left), not written off
    since: what a write-off record of lost books lists."""
    rows = conn.execute(
        f"SELECT {LINE_SELECT} FROM stocktake_items t JOIN items i ON i.id = t.item_id "
        f"JOIN records r ON r.id = i.record_id WHERE t.stocktake_id = ? AND t.deleted = 0 "
        f"AND t.outcome IN ('lost', 'left') AND i.deleted = 0 AND i.status <> 'withdrawn' "
        f"ORDER BY i.barcode", (stocktake_id,)).fetchall()
    return [copy_line(row) for row in rows]


def library_id_of(conn: sqlite3.Connection) -> str:
    """The library's own id, as the settings keep it."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'library_id'").fetchone()
    return str(json.loads(row[0]))
