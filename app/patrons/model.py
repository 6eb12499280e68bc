"""The ``Patron`` value, the categories and statuses a patron can have, and row mapping."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import Text

CATEGORIES = ("student", "teacher", "staff", "community")
STATUSES = ("active", "blocked", "left", "graduated")
GONE_STATUSES = ("left", "graduated")

# A status in a librarian's words: a pupil "đang học", a teacher "đang công tác".
_BLOCKED = Text("khoá thẻ", "blocked")
_STUDENT_WORDS = {"active": Text("đang học", "active"), "blocked": _BLOCKED,
                  "left": Text("đã chuyển đi", "left"),
                  "graduated": Text("đã ra trường", "graduated")}
_STAFF_WORDS = {"active": Text("đang công tác", "active"), "blocked": _BLOCKED,
                "left": Text("đã chuyển công tác", "left"),
                "graduated": Text("đã nghỉ", "no longer here")}
_COMMUNITY_WORDS = {"active": Text("đang hoạt động", "active"), "blocked": _BLOCKED,
                    "left": Text("đã thôi", "left"), "graduated": Text("đã thôi", "left")}
STATUS_WORDS = {"student": _STUDENT_WORDS, "teacher": _STAFF_WORDS, "staff": _STAFF_WORDS,
                "community": _COMMUNITY_WORDS}


def status_words(status: str, category: str) -> str:
    """A patron's status as a librarian says it for that kind of reader, in the current
    language: a pupil is "đang học", a teacher or staff member "đang công tác".

    >>> status_words("active", "student"), status_words("active", "teacher")
    ('đang học', 'đang công tác')
    >>> status_words("left", "staff"), status_words("odd", "student")
    ('đã chuyển công tác', 'odd')
    """
    words = STATUS_WORDS.get(category, _STUDENT_WORDS).get(status)
    return words() if words is not None else status

COLUMNS = ("id", "uuid", "category", "student_code", "full_name", "birth_date", "gender",
           "class_name", "grade", "school_year", "card", "status", "phone", "email", "photo",
           "left_on", "address", "note", "created_at", "updated_at", "expires_on")
SELECT = "SELECT " + ", ".join(COLUMNS) + " FROM patrons"

# Fields sent to the outbox (photo stays in the school: see DESIGN.md "Privacy").
SYNCED = ("category", "student_code", "full_name", "birth_date", "gender", "class_name", "grade",
          "school_year", "card", "status", "phone", "email", "address", "note", "left_on",
          "expires_on")


@dataclass(frozen=True, slots=True)
class Patron:
    """One reader: a student, teacher, staff member or community reader.

    ``birth_date``, ``left_on`` and ``expires_on`` are ISO dates (``YYYY-MM-DD``); a birth
    date known only as a year or a month is kept in ISO's shorter form (``YYYY``,
    ``YYYY-MM``), as the class list gave it; ``grade`` is
    parsed from ``class_name`` ("6A" → 6); ``photo`` is the raw image bytes or ``None``.
    ``expires_on`` is the last day the card is valid for borrowing (``None``: no expiry).
    """

    id: int
    uuid: str
    category: str
    student_code: str | None
    full_name: str
    birth_date: str | None
    gender: str | None
    class_name: str | None
    grade: int | None
    school_year: str | None
    card: str
    status: str
    phone: str | None
    email: str | None
    photo: bytes | None
    left_on: str | None
    address: str | None = None
    note: str | None = None
    created_at: str = ""
    updated_at: str = ""
    expires_on: str | None = None

    @property
    def is_active(self) -> bool:
        """True when the patron may borrow (status ``active``)."""
        return self.status == "active"

    def card_expired(self, today: date) -> bool:
        """True when the card has an expiry date and *today* is past it."""
        return self.expires_on is not None and self.expires_on < today.isoformat()


def patron_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Patron:
    """Build a :class:`Patron` from a row selected with :data:`SELECT`."""
    values = dict(zip(COLUMNS, tuple(row), strict=True))
    photo = values["photo"]
    values["photo"] = bytes(photo) if photo is not None else None
    return Patron(**values)


def outbox_payload(conn: sqlite3.Connection, patron_id: int) -> tuple[str, dict[str, Any]]:
    """The patron's uuid and its outbox payload (synced fields, uuid, updated_at, deleted)."""
    row = conn.execute(
        "SELECT uuid, updated_at, deleted, " + ", ".join(SYNCED) + " FROM patrons WHERE id = ?",
        (patron_id,),
    ).fetchone()
    uuid, updated_at, deleted, *rest = row
    payload: dict[str, Any] = dict(zip(SYNCED, rest, strict=True))
    payload.update(uuid=uuid, updated_at=updated_at, deleted=bool(deleted))
    return uuid, payload
