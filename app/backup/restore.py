"""Restoring a library from a backup file without ever leaving a half-restored library.

Steps: check the backup; copy it with the backup API into a temporary file in the library's
own folder and check the copy; checkpoint the current database (refusing when another program
still has it open) and keep it aside under ``<name>.before-restore-<local time>.sqlite3``;
then rename the checked copy over the library in one atomic step. Until that rename the
current library is untouched; after it the restored one is complete.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.backup.durable import fsync_file, remove_quietly, replace_atomically
from app.backup.identity import remember_identity
from app.backup.messages import IN_USE, RESTORE_FAILED
from app.backup.snapshot import copy_database, verify_copy
from app.backup.verify import BackupError, LibraryFacts, check_database_file, open_read_only


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: the facts of the restored library and where the old one was kept."""

    restored: LibraryFacts
    previous: Path | None

    def as_json(self) -> dict[str, object]:
        """A plain dict for ``--json`` output."""
        return {"restored": self.restored.as_json(),
                "previous_kept_as": None if self.previous is None else str(self.previous)}


def _side_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def aside_name(db_path: Path, when: datetime) -> Path:
    """Where the current library is kept during a restore (never overwriting an earlier one)."""
    serial = 0
    while True:
        extra = f"-{serial}" if serial else ""
        candidate = db_path.with_name(
            f"{db_path.stem}.before-restore-{when:%Y%m%d-%H%M%S}{extra}{db_path.suffix}")
        if not candidate.exists():
            return candidate
        serial += 1


def settle_current(db_path: Path) -> bool:
    """Fold the write-ahead log into *db_path* and make sure no one else has it open.

    Leaving WAL mode needs every other connection closed (even an idle one holds the shared
    memory lock), so a successful switch both proves the library is closed everywhere and
    leaves one self-contained file without ``-wal``/``-shm``. The next open turns WAL back on.
    Raises :class:`BackupError` (``backup.in_use``) when another connection holds the database.
    Answers False when the library is too damaged for SQLite to settle it: nothing was done.
    """
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=2.0)
    try:
        mode = str(conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError("backup.in_use", IN_USE, path=str(db_path)) from exc
        return False
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # malformed, not a database...
        return False
    finally:
        conn.close()
    if mode != "delete":
        raise BackupError("backup.in_use", IN_USE, path=str(db_path))
    for side in _side_files(db_path)[:2]:
        if side.exists() and side.stat().st_size > 0 and side.name.endswith("-wal"):
            raise BackupError("backup.in_use", IN_USE, path=str(db_path))
        remove_quietly(side)
    return True


def keep_damaged_aside(db_path: Path, when: datetime) -> Path:
    """Keep a library SQLite cannot settle (damaged) under an ``aside_name``, byte for byte
    with its write-ahead log, and take the log away from *db_path*: left there, SQLite would
    replay the damaged library's log into the restored one."""
    target = aside_name(db_path, when)
    shutil.copyfile(db_path, target)
    for side in _side_files(db_path):
        if side.exists():
            shutil.copyfile(side, target.with_name(target.name + side.name[len(db_path.name):]))
    fsync_file(target)
    for side in _side_files(db_path):
        remove_quietly(side)
    return target


def keep_aside(db_path: Path, when: datetime) -> Path:
    """Keep the (settled) current library under an ``aside_name``: a hard link where the file
    system allows one (instant), otherwise a backup-API copy."""
    target = aside_name(db_path, when)
    try:
        os.link(db_path, target)
    except OSError:
        source = open_read_only(db_path)
        try:
            copy_database(source, target)
        finally:
            source.close()
    return target


def restore_database(db_path: Path, backup: Path, when: datetime | None = None) -> RestoreReport:
    """Replace the library at *db_path* with the checked contents of *backup*.

    The library must be closed by the caller first. Raises :class:`BackupError` when the backup
    is not a good ThuVien library or the restore cannot finish; the current library is then
    exactly as it was.

    >>> restore_database(Path("thuvien.sqlite3"), Path("E:/thuvien-TH01-20250905-143012.sqlite3"))  # doctest: +SKIP
    """
    when = when or datetime.now()
    facts = check_database_file(backup)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    temp = db_path.with_name(f".{db_path.name}.restore-{when:%Y%m%d-%H%M%S}.tmp")
    previous: Path | None = None
    try:
        source = open_read_only(backup)
        try:
            copy_database(source, temp)
        finally:
            source.close()
        restored = verify_copy(temp, facts.schema_version, facts.library_id)
        fsync_file(temp)
        if db_path.exists():
            if settle_current(db_path):
                previous = keep_aside(db_path, when)
            else:
                previous = keep_damaged_aside(db_path, when)
        replace_atomically(temp, db_path)
    except BackupError:
        remove_quietly(temp)
        raise
    except (OSError, sqlite3.Error) as exc:
        remove_quietly(temp)
        raise BackupError("backup.restore_failed", RESTORE_FAILED, reason=str(exc)) from exc
    except BaseException:
        remove_quietly(temp)
        raise
    remember_identity(db_path, restored.library_id)
    return RestoreReport(LibraryFacts(db_path, restored.schema_version, restored.library_id,
                                      restored.library_code, restored.library_name), previous)
