"""The full-text index's own merging, paused while a bulk import writes and put back after.

FTS5 merges the index's segments as transactions add them ("automerge"), and at once when
a level holds too many ("crisismerge"); it writes a new segment whenever its in-memory
terms outgrow "hashsize". A large import rewrites the whole index at its end
anyway (``app.catalog.store.compact_index``), so merging during it is wasted work: about a
third of the index inserts' cost. The settings are stored in the index itself
(``records_fts_config``), so a pause outlives a process that dies half-way: every library
open puts them back (:func:`resume_merging`), as does the next import's end.

ThuVien never sets these values otherwise, so their rows in ``records_fts_config`` mean
"paused"; resuming restores FTS5's defaults and removes the rows, leaving the configuration
as it was before the import.
"""

from __future__ import annotations

import contextlib
import sqlite3

from app.db.connection import Database
from app.errors import StorageError

#: The settings while an import writes: no merging after each transaction, a merge forced
#: only when a level holds this many segments, and room for a whole batch's terms in
#: memory (2,000 records hold some 8 MB of them): with FTS5's 1 MB the batch's terms were
#: written out as several segments during its inserts, each to be merged again, instead of
#: one at its commit.
PAUSED = (("automerge", 0), ("crisismerge", 64), ("hashsize", 16 << 20))
#: FTS5's own defaults, which a library runs with.
DEFAULTS = (("automerge", 4), ("crisismerge", 16), ("hashsize", 1 << 20))
_SET = "INSERT INTO records_fts(records_fts, rank) VALUES (?, ?)"


def merging_paused(conn: sqlite3.Connection) -> bool:
    """Whether the index's merging is paused (by a running or an interrupted import)."""
    keys = ", ".join(f"'{key}'" for key, _ in PAUSED)
    return bool(conn.execute(f"SELECT count(*) FROM records_fts_config WHERE k IN ({keys})"
                             ).fetchone()[0])


def pause_merging(conn: sqlite3.Connection) -> None:
    """Stop the index's automatic merging, in the caller's transaction (it lasts until
    :func:`resume_merging`)."""
    conn.executemany(_SET, PAUSED)


def resume_merging(db: Database) -> None:
    """Put the index's merging back as FTS5 has it by default, if it was paused.

    The values are set through FTS5 (so that every connection reloads them) and their rows
    then removed: an index that was never paused has none, and without them FTS5 uses the
    same defaults.
    """
    if not merging_paused(db.conn):
        return
    with db.transaction() as conn:
        conn.executemany(_SET, DEFAULTS)
        keys = ", ".join(f"'{key}'" for key, _ in DEFAULTS)
        conn.execute(f"DELETE FROM records_fts_config WHERE k IN ({keys})")


def resume_if_paused(db: Database) -> None:
    """:func:`resume_merging` when a library opens, after an import that did not finish.

    When another process holds the database (it may be importing right now) this is left
    for the next open or that import's end.
    """
    with contextlib.suppress(StorageError, sqlite3.OperationalError):
        resume_merging(db)
