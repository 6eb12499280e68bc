"""Reading copies for the collection lists, and changing a copy's status with its outbox row."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from app.catalog import store
from app.catalog.models import Item
from app.collection.models import CopyLine
from app.db.connection import in_chunks
from app.db.outbox import record_change, record_changes

#: Columns read by :func:`copy_line` (``i`` = items, ``r`` = records). A copy given no call
#: number of its own is shelved by its record's classification number, as its spine label is.
LINE_SELECT = ("i.id, i.barcode, r.title, COALESCE(i.call_number, r.classification), i.collection, "
               "i.location, i.status, "
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


_PREFIXED = ", ".join(f"i.{name.strip()}" for name in store.ITEM_SELECT.split(","))


def set_status_of_many(conn: sqlite3.Connection, item_ids: list[int], status: str,
                       now: str) -> dict[int, str]:
    """Give the copies *item_ids* the status *status* inside the caller's transaction, with
    their outbox changes, in a few statements (closing a stocktake with thousands of missing
    copies); returns each copy's uuid by id."""
    uuids: dict[int, str] = {}
    for chunk in in_chunks(item_ids):
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(f"SELECT {_PREFIXED}, r.uuid FROM items i JOIN records r "
                            f"ON r.id = i.record_id WHERE i.id IN ({marks})", chunk).fetchall()
        conn.execute(f"UPDATE items SET status = ?, updated_at = ? WHERE id IN ({marks})",
                     (status, now, *chunk))
        changes = []
        for row in rows:
            item = replace(store.item_from_row(row[:-1]), status=status)
            uuids[item.id] = item.uuid
            changes.append(("item", item.uuid, "update",
                            store.item_payload(item, str(row[-1]), now)))
        record_changes(conn, changes)
    return uuids
