"""Changing an item's status from circulation, with the catalog's outbox payload."""

from __future__ import annotations

import sqlite3

from app.catalog.store import item_payload
from app.circulation.refs import ItemRef
from app.db.outbox import record_change


def set_status(conn: sqlite3.Connection, item: ItemRef, status: str, now: str) -> ItemRef:
    """Give *item* a new status inside the caller's transaction; returns the changed copy."""
    conn.execute("UPDATE items SET status = ?, updated_at = ? WHERE id = ?", (status, now, item.id))
    changed = item.with_status(status)
    record_change(conn, "item", changed.item.uuid, "update",
                  item_payload(changed.item, changed.record_uuid, now))
    return changed
