"""Which library a backup belongs to: the permanent ``library_id`` stored inside it.

Backup file names carry the library code, which two schools may share (or both leave empty),
so a backup is matched to its library by the id in its ``settings`` table. A library too
damaged to read its own id is named by a small note beside it (``.<file>.library-id``),
written at every backup and restore, so its backups can still be told from other libraries'
in a shared folder (a USB stick that holds several schools' backups).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from app.backup.verify import open_read_only


def library_id_of(path: Path) -> str | None:
    """The ``library_id`` stored in the database file at *path*, or None when it cannot be
    read (not a database, damaged where the settings are, not a ThuVien library).

    No integrity check: this reads one row, to tell which library a file belongs to.
    """
    return owner_of(path)[0]


def owner_of(path: Path) -> tuple[str | None, str]:
    """The ``library_id`` and ``library_name`` stored in the database file at *path*: the id
    is None when it cannot be read (as :func:`library_id_of`), the name empty when unset."""
    try:
        conn = open_read_only(path)
    except (sqlite3.Error, OSError, ValueError):
        return None, ""
    try:
        rows = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key IN ('library_id', 'library_name')"))
    except (sqlite3.Error, UnicodeDecodeError):
        return None, ""
    finally:
        conn.close()
    library_id = _plain(rows.get("library_id"))
    return library_id or None, _plain(rows.get("library_name")) if library_id else ""


def _plain(stored: object) -> str:
    """A settings value as text (stored as JSON; an older plain value is taken as is)."""
    if stored is None:
        return ""
    try:
        value = json.loads(str(stored))
    except (TypeError, ValueError):
        value = stored
    return "" if value is None else str(value)


def note_path(db_path: Path) -> Path:
    """The note beside the library at *db_path* that remembers its id."""
    return db_path.with_name(f".{db_path.name}.library-id")


def remember_identity(db_path: Path, library_id: str) -> None:
    """Note *library_id* beside the library at *db_path* (quietly skipped when the folder
    cannot be written: the id inside the library stays the first source)."""
    if not library_id:
        return
    with contextlib.suppress(OSError):
        note = note_path(db_path)
        if not note.is_file() or note.read_text(encoding="utf-8").strip() != library_id:
            note.write_text(library_id + "\n", encoding="utf-8")


def identity_of(db_path: Path) -> str | None:
    """The id of the library at *db_path*: read from the file itself, else from the note a
    backup or restore left beside it; None when neither can be read."""
    found = library_id_of(db_path) if db_path.is_file() else None
    if found:
        return found
    try:
        noted = note_path(db_path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return noted or None


def holds_anything(db_path: Path) -> bool:
    """Whether the library at *db_path* has any record, copy or reader (True when it cannot
    be read: a damaged library is never taken for an empty one).

    A library ThuVien just made on a new PC is empty: restoring another library's backup
    over it is how a library moves to that PC, not a mistake.
    """
    try:
        conn = open_read_only(db_path)
    except (sqlite3.Error, OSError, ValueError):
        return True
    try:
        return any(
            conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in ("records", "items", "patrons")
        )
    except (sqlite3.Error, UnicodeDecodeError):
        return True
    finally:
        conn.close()
