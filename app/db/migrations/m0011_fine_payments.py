"""Fines paid in parts: ``fine_payments`` keeps every sum received for a fine (how much, when,
by whom), so a pupil who owes 25.000 đ can bring 10.000 đ today and the rest later.

A fine stays ``outstanding`` until its payments reach its amount, then it is ``paid``. Every
fine already marked paid (in full, the only way before) gets one payment of its whole amount
at the moment and by the person it was settled, so what was received and when reads the same
as before. Those payments write no outbox rows: the fine's own rows already said it was paid.

The table and the back-filled payments are made only when missing, so a file put back to an
older schema number (as some tests do) migrates again without paying anything twice.
"""

import sqlite3
import uuid

SQL = """
CREATE TABLE IF NOT EXISTS fine_payments (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    library_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    fine_id      INTEGER NOT NULL REFERENCES fines(id),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    paid_at      TEXT NOT NULL,
    received_by  TEXT
);
CREATE INDEX IF NOT EXISTS fine_payments_fine ON fine_payments(fine_id);
CREATE INDEX IF NOT EXISTS fine_payments_paid_at ON fine_payments(paid_at);
"""


def after(conn: sqlite3.Connection) -> None:
    """Give every fine paid in full before this version one payment of its whole amount."""
    rows = conn.execute(
        "SELECT id, library_id, amount, coalesce(settled_at, updated_at), settled_by FROM fines "
        "WHERE status = 'paid' AND NOT EXISTS (SELECT 1 FROM fine_payments p "
        "WHERE p.fine_id = fines.id)").fetchall()
    conn.executemany(
        "INSERT INTO fine_payments(uuid, library_id, created_at, updated_at, fine_id, amount, "
        "paid_at, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(str(uuid.uuid4()), library_id, at, at, fine_id, amount, at, by)
         for fine_id, library_id, amount, at, by in rows])
