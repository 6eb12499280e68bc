"""Writing one backup: SQLite's online backup API into a temporary name, check, then rename.

The live database is never copied as a file. The copy is made from a read transaction, so it
holds exactly the transactions committed before it started, even while another process keeps
writing. It is checked (``PRAGMA integrity_check``, schema version, library id) under a
``.partial`` name and only then renamed to its final ``thuvien-…`` name: a USB stick pulled
half-way leaves a ``.partial`` file that is never listed or restored.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.backup.durable import fsync_file, remove_quietly, replace_atomically
from app.backup.files import BackupEntry, free_name, parse_name, partial_of
from app.backup.messages import COPY_BAD, FOLDER_UNUSABLE
from app.backup.verify import BackupError, LibraryFacts, facts_of
from app.db.connection import BUSY_TIMEOUT_MS


def _source_facts(source: sqlite3.Connection) -> tuple[int, str]:
    version = int(source.execute("PRAGMA user_version").fetchone()[0])
    row = source.execute("SELECT value FROM settings WHERE key = 'library_id'").fetchone()
    return version, "" if row is None else str(json.loads(row[0]))


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind *source* into the new file *target* in one backup step.

    One step (``pages=-1``) holds a single read transaction, so the copy is a consistent
    snapshot. The copy is switched to rollback-journal mode so it is one self-contained file.
    """
    dest = sqlite3.connect(str(target), isolation_level=None)
    try:
        source.backup(dest, pages=-1)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def verify_copy(path: Path, version: int, library_id: str) -> LibraryFacts:
    """Check the finished copy at *path* against the source's schema version and library id."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        facts = facts_of(conn, path)
    except BackupError as exc:
        raise BackupError("backup.copy_bad", COPY_BAD, detail=exc.message) from exc
    finally:
        conn.close()
    if facts.schema_version != version or facts.library_id != library_id:
        raise BackupError("backup.copy_bad", COPY_BAD,
                          detail=f"schema {facts.schema_version}/{version}")
    return facts


def write_backup(db_path: Path, folder: Path, code: str | None,
                 when: datetime | None = None) -> BackupEntry:
    """Back up the library at *db_path* into *folder* and return the finished entry.

    Opens its own connection, so it may run on a worker thread while the desk keeps working.
    Raises :class:`BackupError` when the folder cannot be written or the copy fails its check;
    nothing with a final backup name is left behind then.
    """
    when = when or datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = free_name(folder, code, when)
    except OSError as exc:
        raise BackupError("backup.folder", FOLDER_UNUSABLE, folder=str(folder),
                          reason=exc.strerror or str(exc)) from exc
    partial = partial_of(final)
    source = sqlite3.connect(str(db_path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        version, library_id = _source_facts(source)
        copy_database(source, partial)
        verify_copy(partial, version, library_id)
        fsync_file(partial)
        replace_atomically(partial, final)
    except OSError as exc:
        remove_quietly(partial)
        raise BackupError("backup.folder", FOLDER_UNUSABLE, folder=str(folder),
                          reason=exc.strerror or str(exc)) from exc
    except sqlite3.Error as exc:
        remove_quietly(partial)
        raise BackupError("backup.folder", FOLDER_UNUSABLE, folder=str(folder),
                          reason=str(exc)) from exc
    except BaseException:
        remove_quietly(partial)
        raise
    finally:
        source.close()
    entry = parse_name(final)
    assert entry is not None, final
    return replace(entry, library_id=library_id)
