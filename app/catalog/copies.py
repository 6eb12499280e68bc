"""Correcting a copy after it was entered: its details (type, call number, shelf, price,
acquisition date and source, note), or taking it out when it was entered by mistake.

A copy that was ever lent, or is out, kept for a hold, lost or damaged, has a history that
the registers and the district count: it is never taken out, only marked (lost, damaged,
withdrawn). Its accession number stays used either way: the individual register numbers
copies continuously and a number is never given twice.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

from app.catalog import store
from app.catalog.marc.holdings import MAX_PRICE
from app.catalog.models import ITEM_TYPES, Item
from app.db.outbox import record_change
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.text import nfc

#: The details :func:`update_item` may change.
EDITABLE = ("item_type", "call_number", "location", "price", "acquired_on", "source", "note")

BAD_PRICE = Text("Giá “{value}” không hợp lệ: từ 0 đến 1.000.000.000 đồng.",
                 "The price “{value}” is not valid: from 0 to 1,000,000,000 đồng.")
BAD_DAY = Text("Ngày nhập “{value}” không hợp lệ.", "The acquisition date “{value}” is not valid.")
FUTURE_DAY = Text("Ngày nhập {value} còn ở tương lai.", "The acquisition date {value} is in the future.")
BAD_TYPE = Text("Loại tài liệu «{kind}» không hợp lệ.", "Unknown item type “{kind}”.")
NOT_EDITABLE = Text("Không sửa được trường {name} của bản sách.", "A copy's {name} cannot be edited.")
NO_ITEM = Text("Không có bản sách {what}.", "There is no copy {what}.")
STATUS_WORDS = {"available": Text("trên giá", "on the shelf"),
                "on_loan": Text("đang cho mượn", "on loan"),
                "on_hold_shelf": Text("giữ cho bạn đọc đặt trước", "kept for a hold"),
                "lost": Text("bị mất", "lost"), "damaged": Text("bị hỏng", "damaged"),
                "withdrawn": Text("đã thanh lý", "withdrawn")}
NOT_WITHDRAWABLE = Text(
    "Bản {barcode} đang {status}: nhận trả (hoặc huỷ lượt giữ) trước khi thanh lý.",
    "Copy {barcode} is {status}: check it in (or release the hold) before withdrawing it.")
ALREADY_WITHDRAWN = Text("Bản {barcode} đã thanh lý rồi.", "Copy {barcode} is already withdrawn.")
WITHDRAWN_NOTE = Text("Thanh lý ngày {day}", "Withdrawn on {day}")
HAS_HISTORY = Text(
    "Bản {barcode} đã từng được mượn hoặc không còn trên giá ({status}): không xoá được, hãy "
    "đánh dấu mất, hỏng hoặc thanh lý.",
    "Copy {barcode} has been lent or is not on the shelf ({status}): it cannot be removed; "
    "mark it lost, damaged or withdrawn instead.")


def status_words(status: str) -> str:
    """A copy's status in words, in the current language ("trên giá" for ``available``)."""
    words = STATUS_WORDS.get(status)
    return words() if words else status


def check_price(value: object) -> float | None:
    """*value* when it is a plausible price in đồng given as a number (or None);
    :class:`ValidationError` otherwise (text such as "45.000" too: read it with
    :func:`~app.catalog.marc.holdings.parse_price` first).

    >>> check_price(45000), check_price(None)
    (45000.0, None)
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value) or not 0 <= value <= MAX_PRICE:
        raise ValidationError("catalog.bad_price", BAD_PRICE, value=value)
    return float(value)


def check_acquired_on(value: str | None, today: date) -> str | None:
    """An ISO acquisition date that is a real day, not after *today* (or None)."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError("catalog.bad_day", BAD_DAY, value=value) from None
    if day > today:
        raise ValidationError("catalog.future_day", FUTURE_DAY, value=day.strftime("%d/%m/%Y"))
    return day.isoformat()


def _text(value: Any) -> str | None:
    text = nfc(str(value)).strip() if value is not None else ""
    return text or None


def load(conn: sqlite3.Connection, item_id: int) -> Item:
    """The copy *item_id* (not removed); :class:`NotFoundError` otherwise."""
    row = conn.execute(f"SELECT {store.ITEM_SELECT} FROM items WHERE id = ? AND deleted = 0",
                       (item_id,)).fetchone()
    if row is None:
        raise NotFoundError("catalog.no_item", NO_ITEM, what=item_id)
    return store.item_from_row(row)


def update_item(conn: sqlite3.Connection, item_id: int, changes: dict[str, Any], now: str,
                today: date) -> Item:
    """Write *changes* (names from :data:`EDITABLE`) to copy *item_id* inside the caller's
    transaction, with its search row and its outbox change; returns the copy as stored."""
    item = load(conn, item_id)
    for name in changes:
        if name not in EDITABLE:
            raise ValidationError("catalog.not_editable", NOT_EDITABLE, name=name)
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "price":
            values[name] = check_price(value)
        elif name == "acquired_on":
            values[name] = check_acquired_on(_text(value), today)
        elif name == "item_type":
            if value not in ITEM_TYPES:
                raise ValidationError("catalog.bad_item_type", BAD_TYPE, kind=value)
            values[name] = value
        else:
            values[name] = _text(value)
    if not values:
        return item
    columns = ", ".join(f"{name} = ?" for name in values)
    conn.execute(f"UPDATE items SET {columns}, updated_at = ? WHERE id = ?",
                 (*values.values(), now, item_id))
    item = replace(item, **values)
    store.reindex_record(conn, item.record_id)
    record_change(conn, "item", item.uuid, "update",
                  store.item_payload(item, _record_uuid(conn, item.record_id), now))
    return item


def remove_item(conn: sqlite3.Connection, item_id: int, now: str) -> Item:
    """Take out copy *item_id*, entered by mistake, inside the caller's transaction: only a
    copy on the shelf that was never lent (see the module's text)."""
    item = load(conn, item_id)
    lent = conn.execute("SELECT 1 FROM loans WHERE item_id = ? LIMIT 1", (item_id,)).fetchone()
    if lent or item.status != "available":
        raise ValidationError("catalog.item_has_history", HAS_HISTORY, barcode=item.barcode,
                              status=status_words(item.status))
    conn.execute("UPDATE items SET deleted = 1, updated_at = ? WHERE id = ?", (now, item_id))
    store.reindex_record(conn, item.record_id)
    record_change(conn, "item", item.uuid, "delete",
                  store.item_payload(item, _record_uuid(conn, item.record_id), now,
                                     deleted=True))
    return item


def _record_uuid(conn: sqlite3.Connection, record_id: int) -> str:
    return str(conn.execute("SELECT uuid FROM records WHERE id = ?", (record_id,)).fetchone()[0])


def withdraw_item(conn: sqlite3.Connection, item_id: int, reference: str, now: str,
                  today: date, reason: str = "other") -> Item:
    """Write off copy *item_id* (thanh lý: worn out, outdated) inside the caller's
    transaction: it stays in the catalog, marked ``withdrawn``, with the day and *reference*
    (the write-off record's number, e.g. "BB số 12/2026") added to its note, and no longer
    counts in the collection. A copy out on loan or kept for a hold must come back first.
    *reason* ("worn", "outdated", "lost" or "other") goes on a new write-off record."""
    item = load(conn, item_id)
    if item.status == "withdrawn":
        raise ValidationError("catalog.already_withdrawn", ALREADY_WITHDRAWN,
                              barcode=item.barcode)
    if item.status in ("on_loan", "on_hold_shelf"):
        raise ValidationError("catalog.not_withdrawable", NOT_WITHDRAWABLE,
                              barcode=item.barcode, status=status_words(item.status))
    from app.collection.writeoffs import library_id_of, withdraw_one

    # The copy goes on a write-off record (the register's part II lists records).
    return withdraw_one(conn, library_id_of(conn), item, reference, today, now, reason)
