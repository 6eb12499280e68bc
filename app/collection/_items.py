"""Reading copies for the collection lists, and changing a copy's status with its outbox row."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from app.catalog import store
from app.catalog.models import Item
from app.collection.models import CopyLine
from app.db.outbox import record_change

#: Columns read by :func:`copy_line` (``i`` = items, ``r`` = records).
LINE_SELECT = ("i.id, i.barcode, r.title, i.call_number, i.collection, i.location, i.status, "
               "i.price")


def copy_line(row: sqlite3.Row | tuple[object, ...], due_on: str | None = None) -> CopyLine:
    """A :class:`CopyLine` from the :data:`LINE_SELECT` columns."""
    item_id, barcode, title, call, collection, location, status, price = row
    return CopyLine(int(str(item_id)), str(barcode), str(title or ""),
                    None if call is None else str(call),
                    None if collection is None else str(collection),
                    None if location is None else str(location), str(status),
                    None if price is None else float(str(price)), due_on)


def load_item(conn: sqlite3.Connection, item_id: int) -> Item:
    """The copy *item_id* as the catalog stores it."""
    row = conn.execute(f"SELECT {store.ITEM_SELECT} FROM items WHERE id = ?", (item_id,)).fetchone()
    return store.item_from_row(row)


def set_item(conn: sqlite3.Connection, item: Item, now: str, *, status: str,
             note: str | None = None) -> Item:
    """Give *item* a new status (and *note* when given) inside the caller's transaction,
    with the copy's outbox change; returns the copy as stored."""
    changed = replace(item, status=status, note=item.note if note is None else note)
    conn.execute("UPDATE items SET status = ?, note = ?, updated_at = ? WHERE id = ?",
                 (changed.status, changed.note, now, item.id))
    record_uuid = conn.execute("SELECT uuid FROM records WHERE id = ?",
                               (item.record_id,)).fetchone()[0]
    record_change(conn, "item", item.uuid, "update",
                  store.item_payload(changed, str(record_uuid), now))
    return changed
