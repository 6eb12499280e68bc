"""Snapshots of the patron, item, loan and hold an operation concerns, and their lookups.

These are what a desk result carries and what the CLI prints as JSON. They are read with
one indexed query each, inside the operation's transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.catalog.models import Item
from app.catalog.store import ITEM_SELECT
from app.circulation.codes import accession_spellings

PATRON_COLUMNS = ("id, uuid, full_name, category, class_name, grade, card, status, student_code, "
                  "expires_on")
_ITEM_COLUMNS = ", ".join(f"i.{c.strip()}" for c in ITEM_SELECT.split(","))
ITEM_QUERY = (f"SELECT {_ITEM_COLUMNS}, r.uuid, r.title FROM items i "
              "JOIN records r ON r.id = i.record_id WHERE ")
LOAN_COLUMNS = ("id, uuid, item_id, patron_id, loaned_at, due_on, returned_at, renewals, "
                "class_loan_id, outcome, created_at, updated_at")


@dataclass(frozen=True)
class PatronRef:
    """The borrower, as the desk shows them."""

    id: int
    uuid: str
    full_name: str
    category: str
    class_name: str | None
    grade: int | None
    card: str
    status: str
    student_code: str | None
    expires_on: str | None = None  # the card's last valid day (ISO), None: no expiry

    def card_expired(self, today: date) -> bool:
        """True when the card has an expiry and *today* is past it."""
        return self.expires_on is not None and self.expires_on < today.isoformat()

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``name``, ``class`` as the patrons CLI prints them)."""
        return {"id": self.id, "name": self.full_name, "category": self.category,
                "class": self.class_name, "card": self.card, "status": self.status,
                "student_code": self.student_code, "expires_on": self.expires_on}


@dataclass(frozen=True)
class ItemRef:
    """One copy with its record's title (``item`` is the catalog's own value)."""

    item: Item
    record_uuid: str
    title: str

    @property
    def id(self) -> int:
        """The item id."""
        return self.item.id

    @property
    def barcode(self) -> str:
        """The accession number (số ĐKCB)."""
        return self.item.barcode

    @property
    def status(self) -> str:
        """The item status ('available', 'on_loan', 'on_hold_shelf', …)."""
        return self.item.status

    @property
    def item_type(self) -> str:
        """The item type the loan rules look at."""
        return self.item.item_type

    @property
    def record_id(self) -> int:
        """The bibliographic record of this copy."""
        return self.item.record_id

    def with_status(self, status: str) -> ItemRef:
        """The same copy with another status."""
        return replace(self, item=replace(self.item, status=status))

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.item.id, "barcode": self.item.barcode, "title": self.title,
                "record_id": self.item.record_id, "item_type": self.item.item_type,
                "status": self.item.status, "call_number": self.item.call_number}


@dataclass(frozen=True)
class LoanRef:
    """One loan; ``due`` is an ISO date, times are stored UTC stamps."""

    id: int
    uuid: str
    item_id: int
    patron_id: int | None
    loaned_at: str
    due: str
    returned_at: str | None
    renewals: int
    class_loan_id: int | None
    outcome: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "item_id": self.item_id, "patron_id": self.patron_id,
                "loaned_at": self.loaned_at, "due": self.due, "returned_at": self.returned_at,
                "renewals": self.renewals, "class_loan_id": self.class_loan_id,
                "outcome": self.outcome}


@dataclass(frozen=True)
class HoldRef:
    """A hold (reservation) of a record by a patron; ``position`` counts from 1."""

    id: int
    uuid: str
    record_id: int
    patron: PatronRef
    status: str
    item_id: int | None
    ready_until: str | None
    position: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "record_id": self.record_id, "patron": self.patron.to_dict(),
                "status": self.status, "item_id": self.item_id, "ready_until": self.ready_until,
                "position": self.position}


def patron_by_card(conn: sqlite3.Connection, code: str) -> PatronRef | None:
    """The patron whose card is *code* (case-insensitive), or None."""
    row = conn.execute(f"SELECT {PATRON_COLUMNS} FROM patrons WHERE card = ? AND deleted = 0",
                       (code,)).fetchone()
    return PatronRef(*row) if row else None


def patron_by_id(conn: sqlite3.Connection, patron_id: int) -> PatronRef | None:
    """The patron with id *patron_id*, or None."""
    row = conn.execute(f"SELECT {PATRON_COLUMNS} FROM patrons WHERE id = ? AND deleted = 0",
                       (patron_id,)).fetchone()
    return PatronRef(*row) if row else None


def _item(row: Any) -> ItemRef | None:
    if row is None:
        return None
    return ItemRef(Item(*row[:13]), row[13], row[14])


def item_by_barcode(conn: sqlite3.Connection, code: str) -> ItemRef | None:
    """The copy whose accession number is *code* (case-insensitive), or None.

    A number typed without its separator or zeros ("TK00002", "tk.2") is the copy it can
    only be; when two copies could be meant (TK.00002 and TK-2) none is guessed.
    """
    found = _item(conn.execute(ITEM_QUERY + "i.barcode = ? AND i.deleted = 0",
                               (code,)).fetchone())
    spellings = accession_spellings(code) if found is None else []
    if spellings:
        marks = ",".join("?" * len(spellings))
        rows = conn.execute(ITEM_QUERY + f"i.barcode IN ({marks}) AND i.deleted = 0",
                            spellings).fetchall()
        if len(rows) == 1:
            return _item(rows[0])
    return found


def item_by_id(conn: sqlite3.Connection, item_id: int) -> ItemRef | None:
    """The copy with id *item_id*, or None."""
    return _item(conn.execute(ITEM_QUERY + "i.id = ? AND i.deleted = 0", (item_id,)).fetchone())


def items_of_records(conn: sqlite3.Connection, record_ids: list[int]) -> list[ItemRef]:
    """Every copy of the given records, in accession order."""
    marks = ",".join("?" * len(record_ids))
    rows = conn.execute(ITEM_QUERY + f"i.record_id IN ({marks}) AND i.deleted = 0 "
                        "ORDER BY i.barcode", record_ids).fetchall()
    return [ref for ref in map(_item, rows) if ref is not None]


def loan_from_row(row: Any) -> LoanRef:
    """A :class:`LoanRef` from ``SELECT {LOAN_COLUMNS}`` (the two stamps are dropped)."""
    return LoanRef(*row[:10])


def open_loan_of_item(conn: sqlite3.Connection, item_id: int) -> LoanRef | None:
    """The loan the copy is out on, or None."""
    row = conn.execute(f"SELECT {LOAN_COLUMNS} FROM loans WHERE item_id = ? AND returned_at IS NULL",
                       (item_id,)).fetchone()
    return loan_from_row(row) if row else None
