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

A large import also **defers index work to its end** (:func:`defer_search_index`,
:func:`defer_indexes`): its new search rows are added to the full-text index in one pass
after the last batch, and a few secondary indexes are dropped and created again at the end
(sorting the rows once instead of inserting into a growing B-tree per row). What is deferred
is written in ``desk_state`` in the same transaction as the first batch that relies on it
(keys ``deferred:records_fts``: the first search row not in the full-text index;
``deferred:index:NAME``: the index's ``CREATE INDEX`` statement), so a crash, a cancel or an
error can never leave it undone: the import's end does it (:func:`finish_deferred`) however
the import ends, and so does every library open. While the full-text index is deferred,
every search row from that rowid on is out of the index and every row before it is in it;
``app.catalog.store.insert_search`` and ``replace_search`` keep that true for rows written
meanwhile (a duplicate merging into a record not indexed yet, an edit from another window).
"""

from __future__ import annotations

import contextlib
import sqlite3

from app.db import local_state
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
    """:func:`finish_deferred` and :func:`resume_merging` when a library opens, after an
    import that did not finish (the index caught up is merged, as the import would have).

    When another process holds the database (it may be importing right now) this is left
    for the next open or that import's end.
    """
    with contextlib.suppress(StorageError, sqlite3.OperationalError):
        if finish_deferred(db):
            with db.transaction() as conn:
                conn.execute("INSERT INTO records_fts(records_fts) VALUES ('optimize')")
        resume_merging(db)


FTS_KEY = "deferred:records_fts"
INDEX_KEY = "deferred:index:"
#: Indexes a large import may drop and create again at its end: none of them is read while
#: an import writes (its look-ups use ``records_control``, the ISBN and barcode keys and
#: ``items_record``, which stay).
DEFERRABLE = ("records_title_fold", "records_year", "record_isbns_record", "items_acquired")


def unindexed_from(conn: sqlite3.Connection) -> int | None:
    """The first ``record_search`` rowid left out of the full-text index by an import that
    has not finished (every row from it on is out, every row before it in), or None."""
    value = local_state.get(conn, FTS_KEY)
    return None if value is None else int(str(value))


def defer_search_index(conn: sqlite3.Connection, first_rowid: int) -> None:
    """Leave the search rows from *first_rowid* on out of the full-text index until
    :func:`finish_deferred`, in the caller's transaction. When already deferred (from an
    earlier rowid) nothing changes."""
    local_state.put(conn, FTS_KEY, first_rowid, keep_existing=True)


def defer_indexes(conn: sqlite3.Connection, names: tuple[str, ...] = DEFERRABLE) -> None:
    """Drop the indexes *names* until :func:`finish_deferred`, in the caller's transaction,
    keeping their statements to create them again."""
    for name in names:
        found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                             (name,)).fetchone()
        if found is None:
            continue
        local_state.put(conn, INDEX_KEY + name, found[0])
        conn.execute(f'DROP INDEX "{name}"')


def deferred_work(conn: sqlite3.Connection) -> list[str]:
    """The keys of the deferred work left to do (none when the indexes are whole)."""
    fts = [FTS_KEY] if local_state.get(conn, FTS_KEY) is not None else []
    return sorted(fts + [key for key, _ in local_state.with_prefix(conn, INDEX_KEY)])


def finish_deferred(db: Database) -> bool:
    """Do the index work an import deferred, in one transaction: the search rows left out
    go into the full-text index (in rowid order), the dropped indexes are created again.
    Returns whether the full-text index had rows to catch up."""
    conn = db.conn
    if not deferred_work(conn):
        return False
    with db.transaction():
        first = unindexed_from(conn)
        if first is not None:
            conn.execute("INSERT INTO records_fts(rowid, title, author, subject, other, callno) "
                         "SELECT rowid, title, author, subject, other, callno FROM record_search "
                         "WHERE rowid >= ? ORDER BY rowid", (first,))
        for key, sql in local_state.with_prefix(conn, INDEX_KEY):
            name = key[len(INDEX_KEY):]
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                            (name,)).fetchone() is None:
                conn.execute(str(sql))
        local_state.remove(conn, FTS_KEY, prefix=INDEX_KEY)
    return first is not None
