"""Checking a database file before trusting it as a backup or restoring from it.

A file passes when it is SQLite, ``PRAGMA integrity_check`` answers ``ok``, it holds a ThuVien
library (a ``settings`` table with a ``library_id``) and its schema is not newer than this
ThuVien knows.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.backup.messages import CORRUPT, NOT_FOUND, NOT_SQLITE, NOT_THUVIEN, TOO_NEW
from app.db.migrate import latest_version
from app.errors import UserError

SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(UserError):
    """A backup could not be written, read or restored; the library itself is unharmed."""


@dataclass(frozen=True)
class LibraryFacts:
    """What a verified database file contains."""

    path: Path
    schema_version: int
    library_id: str
    library_code: str
    library_name: str

    def as_json(self) -> dict[str, object]:
        """A plain dict for ``--json`` output."""
        return {"file": str(self.path), "schema_version": self.schema_version,
                "library_id": self.library_id, "library_code": self.library_code,
                "library_name": self.library_name}


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to *path* (never creates the file)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def _setting(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return ""
    try:
        value = json.loads(row[0])
    except (TypeError, ValueError):
        return str(row[0])
    return "" if value is None else str(value)


def facts_of(conn: sqlite3.Connection, path: Path) -> LibraryFacts:
    """Run the integrity check on *conn* and read its identity; raise :class:`BackupError`."""
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        raise BackupError("backup.corrupt", CORRUPT, path=str(path), detail=str(exc)) from exc
    except UnicodeDecodeError as exc:
        # SQLite's error message quoted bytes off a scribbled page that are not UTF-8, and
        # Python failed to decode the message itself: the file is damaged all the same.
        raise BackupError("backup.corrupt", CORRUPT, path=str(path),
                          detail=exc.object[:200].decode("utf-8", "replace")) from exc
    if rows != ["ok"]:
        raise BackupError("backup.corrupt", CORRUPT, path=str(path), detail="; ".join(rows[:3]))
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    has_settings = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").fetchone()
    library_id = _setting(conn, "library_id") if has_settings else ""
    if version < 1 or not library_id:
        raise BackupError("backup.not_thuvien", NOT_THUVIEN, path=str(path))
    newest = latest_version()
    if version > newest:
        raise BackupError("backup.too_new", TOO_NEW, path=str(path), found=version,
                          supported=newest)
    return LibraryFacts(path, version, library_id, _setting(conn, "library_code"),
                        _setting(conn, "library_name"))


def check_database_file(path: Path) -> LibraryFacts:
    """Check the file at *path* as a restorable ThuVien library and return what it holds.

    >>> check_database_file(Path("thuvien-TH01-20250905-143012.sqlite3"))  # doctest: +SKIP
    LibraryFacts(path=..., schema_version=3, library_id='…', library_code='TH01', ...)
    """
    if not path.is_file():
        raise BackupError("backup.not_found", NOT_FOUND, path=str(path))
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError("backup.not_found", NOT_FOUND, path=str(path)) from exc
    if magic != SQLITE_MAGIC:
        raise BackupError("backup.not_sqlite", NOT_SQLITE, path=str(path))
    try:
        conn = open_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise BackupError("backup.not_sqlite", NOT_SQLITE, path=str(path)) from exc
    try:
        return facts_of(conn, path)
    except sqlite3.DatabaseError as exc:
        raise BackupError("backup.corrupt", CORRUPT, path=str(path), detail=str(exc)) from exc
    finally:
        conn.close()
