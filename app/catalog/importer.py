"""MARC21 import: stream records from a file into the catalog, batch by batch.

Bad records are reported (number, byte offset, reason) and skipped; the good ones land.
A record whose ISBN, or whose 001/003, matches a record already in the catalog merges into
it (its copies attach) instead of duplicating. Each batch is one transaction, so cancelling
between batches leaves a consistent catalog holding the batches already committed.

Reading (parsing, key fields, folded search text) is :mod:`app.catalog.reading`, in a
worker process for large files; this module decides duplicates, record ids and accession
numbers, in file order, and writes.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.catalog import import_history, store
from app.catalog.accession import Scheme, next_accession, note_used, scheme_for
from app.catalog.marc.holdings import is_union_holding
from app.catalog.models import default_item_type
from app.catalog.reading import Copy, Entry, Prepared, Skipped, prepared_records
from app.catalog.store import fold_codes
from app.db import local_state
from app.db.batches import CommitBehind
from app.db.connection import Database, in_chunks, utc_now
from app.db.index_merge import (
    FTS_KEY,
    defer_indexes,
    defer_search_index,
    finish_deferred,
    pause_merging,
    resume_if_paused,
    unindexed_from,
)
from app.db.outbox import record_inserted
from app.errors import StorageError, ValidationError
from app.i18n import Text
from app.settings import Settings
from app.text import fold

__all__ = ["BATCH", "ImportReport", "MarcImporter", "Skipped"]

# Records per transaction. Each commit waits for the disk (synchronous=FULL) and leaves a
# full-text index segment to merge later, so batches are large; 2,000 records still commit
# well within a second on a school PC, and cancelling keeps every committed batch.
BATCH = 2000
#: WAL pages after which a commit of the import checkpoints (SQLite's default is 1,000, less
#: than one batch writes: every commit then copied its pages into the database file at once,
#: index pages that the next batches write again included). The setting is the import
#: connection's and is put back when the import ends; the next commit, the index merge at
#: the end of a large import, checkpoints what is left.
CHECKPOINT_AFTER = 8000
BARCODE_ELSEWHERE = Text(
    "bản sách {barcode} đã thuộc một biểu ghi khác — bản này không được nhập",
    "copy {barcode} already belongs to another record — this copy was not imported",
)


LEGACY_VIETNAMESE = Text(
    "{count} biểu ghi được đọc từ bảng mã tiếng Việt cũ ({encodings}) và đã được chuyển sang "
    "Unicode.",
    "{count} record(s) were read from a legacy Vietnamese encoding ({encodings}) and converted "
    "to Unicode.",
)
#: How the report names each legacy encoding (app.catalog.marc.charset.VIETNAMESE).
ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "cp1258": "Windows-1258"}


#: Problem codes of one copy, the record itself imported (see ``ImportReport.skipped_copies``).
COPY_CODES = frozenset({"marc.barcode_taken"})


@dataclass
class ImportReport:
    """What an import did: counts, and every record or copy left out with its reason."""

    imported: int = 0
    merged: int = 0
    items: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    cancelled: bool = False
    #: When these very bytes were imported before (ISO timestamp, UTC), else None.
    imported_before: str | None = None
    #: Copies without an accession number on records already here, not added again
    #: because the same file was imported before (:mod:`app.catalog.import_history`).
    copies_not_repeated: int = 0
    #: Holdings of other libraries in a district union export (852 "Số bản: 3; sẵn có: 2",
    #: no barcode), not made copies (:func:`app.catalog.marc.holdings.is_union_holding`).
    other_holdings: int = 0
    #: Records read from a legacy Vietnamese encoding and converted to Unicode, by encoding
    #: (``"tcvn3"``, ``"vni"``, ``"cp1258"``: :mod:`app.catalog.marc.charset`).
    legacy_vietnamese: dict[str, int] = field(default_factory=dict)

    @property
    def skipped_records(self) -> list[Skipped]:
        """The records left out (not imported, not merged): with ``imported`` and ``merged``
        they count every record of the file."""
        return [s for s in self.skipped if s.code not in COPY_CODES]

    @property
    def skipped_copies(self) -> list[Skipped]:
        """The copies left out of records that were imported or merged (their number and
        offset are the record's)."""
        return [s for s in self.skipped if s.code in COPY_CODES]

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with ``--json``."""
        return {"imported": self.imported, "merged": self.merged, "items": self.items,
                "skipped": [{"number": s.number, "offset": s.offset, "reason": s.reason,
                             "code": s.code} for s in self.skipped],
                "cancelled": self.cancelled, "imported_before": self.imported_before,
                "copies_not_repeated": self.copies_not_repeated,
                "other_holdings_skipped": self.other_holdings,
                "legacy_vietnamese": dict(self.legacy_vietnamese)}

    def legacy_note(self) -> str:
        """One line telling the librarian how many records were read from a legacy
        Vietnamese encoding (and which, e.g. "TCVN3 (ABC): 2, VNI: 1"), or ``""`` when
        none was."""
        counts = self.legacy_vietnamese
        if not counts:
            return ""
        encodings = ", ".join(f"{shown}: {counts[name]}"
                              for name, shown in ENCODING_NAMES.items() if name in counts)
        return LEGACY_VIETNAMESE(count=sum(counts.values()), encodings=encodings)


_SchemeEntry = tuple[str, Scheme, str, dict[str | None, str]]


@dataclass
class _Context:
    """What every batch of one import shares."""

    library_id: str
    schemes: dict[str, dict[str, Any]]
    default_collection: str
    report: ImportReport
    scheme_cache: dict[str | None, _SchemeEntry] = field(default_factory=dict)
    known_terms: set[str] = field(default_factory=set)
    #: Records in the catalog before the import (counted in its first batch).
    existing: int | None = None
    #: Whether a committed or committing batch paused the full-text index's merging.
    merging_paused: bool = False
    #: Whether the batches leave their search rows out of the full-text index and some
    #: secondary indexes dropped, for the import's end to do at once (app.db.index_merge).
    #: The index then catches up one batch behind, in each commit (:class:`_CatchUpCommits`).
    deferred: bool = False
    #: The database as the batches' :class:`~app.db.batches.CommitBehind` sees it.
    commits: _CatchUpCommits | None = None
    #: Whether this same file was imported before: its copies without an accession number
    #: are not added again to records already in the catalog.
    same_file: bool = False


class MarcImporter:
    """Imports MARC files into one library's catalog."""

    def __init__(self, db: Database, settings: Settings,
                 schemes: dict[str, dict[str, Any]]) -> None:
        self._db = db
        self._library_id = settings.library_id
        self._schemes = schemes
        self._default_collection = str(settings.get("default_collection", "TK"))

    def run(self, path: Path, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
            parallel: bool | None = None) -> ImportReport:
        """Import *path*; raises ``ImportFormatError`` when the file is not MARC21 at all.

        *parallel* chooses whether the file is read in a worker process (None: by its size,
        see :func:`app.catalog.reading.prepared_records`).
        """
        report = ImportReport()
        context = _Context(self._library_id, self._schemes, self._default_collection, report)
        conn = self._db.conn
        path = Path(path)
        # Started first: a worker process takes a few tenths of a second to start reading,
        # meanwhile this one digests the file.
        entries = prepared_records(path, progress, parallel)
        checkpoint_after = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        failed = True
        try:
            with closing(entries):
                if path.is_file():  # (a missing file is reported by the reader, in words)
                    digest = import_history.file_digest(path)
                    report.imported_before = import_history.imported_before(conn, digest)
                    context.same_file = report.imported_before is not None
                    with self._db.transaction() as c:
                        import_history.remember(c, digest, path.name, utc_now())
                conn.execute(
                    f"PRAGMA wal_autocheckpoint={max(checkpoint_after, CHECKPOINT_AFTER)}")
                with _collector_paused():
                    self._write(entries, context, cancelled)
            failed = False
        finally:
            if context.deferred:
                if failed:  # raise the import's error; the next open does this if it fails
                    with contextlib.suppress(StorageError, sqlite3.Error):
                        finish_deferred(self._db)
                else:
                    finish_deferred(self._db)
            conn.execute(f"PRAGMA wal_autocheckpoint={int(checkpoint_after)}")
            if context.merging_paused:
                resume_if_paused(self._db)
        if report.imported:
            store.compact_index(self._db, report.imported)
        return report

    def _write(self, entries: Iterator[Entry], context: _Context,
               cancelled: Callable[[], bool] | None) -> None:
        """Write *entries* batch by batch."""
        report = context.report
        context.commits = _CatchUpCommits(self._db)
        with CommitBehind(context.commits) as batches:
            batch: list[Prepared] = []
            for entry in entries:
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if isinstance(entry, Skipped):
                    report.skipped.append(entry)
                    continue
                if entry[10]:  # read from a legacy Vietnamese encoding
                    legacy = report.legacy_vietnamese
                    legacy[entry[10]] = legacy.get(entry[10], 0) + 1
                batch.append(entry)
                if len(batch) >= BATCH:
                    batches.write(_BatchWriter.for_batch(batch, context))
                    batch = []
            if batch:
                batches.write(_BatchWriter.for_batch(batch, context))


class _CatchUpCommits(Database):
    """The importing connection as the batches' :class:`~app.db.batches.CommitBehind` uses
    it: while a large import defers the full-text index (``app.db.index_merge``), a batch's
    commit first adds the search rows of the batches before it to the index and moves the
    deferred range's start to the batch's first row, in the batch's transaction.

    The commit runs in a helper thread where SQLite works without Python's lock, beside the
    reading of the next batch; the index work thus overlaps the reading instead of waiting
    for the import's end, where nothing else runs (the end indexes only the last batch). The
    deferred range stays exact after every commit: every search row before its start is
    indexed, every row from it on is not (the batch's own rows, which a later duplicate may
    still rebuild). A crash leaves the range to the next open, as before.
    """

    def __init__(self, db: Database) -> None:
        super().__init__(db.conn, db.path)
        #: The first row of the batch being written when the index is to catch up to it.
        self.catch_up_to: int | None = None

    def commit(self) -> None:
        """Catch the index up (see the class), then commit; roll back if either fails."""
        upto, self.catch_up_to = self.catch_up_to, None
        if upto is not None:
            try:
                catch_up_search_index(self.conn, upto)
            except BaseException:
                self.rollback()
                raise
        super().commit()

    def rollback(self) -> None:
        """Undo the batch's transaction."""
        self.catch_up_to = None
        super().rollback()


def catch_up_search_index(conn: sqlite3.Connection, upto: int) -> None:
    """Add the deferred search rows before rowid *upto* to the full-text index (in rowid
    order) and start the deferred range at *upto*, in the caller's transaction."""
    first = unindexed_from(conn)
    if first is None or first >= upto:
        return
    conn.execute(INDEX_SEARCH_ROWS_BETWEEN, (first, upto))
    local_state.put(conn, FTS_KEY, upto)


#: The search rows of ``[?1, ?2)`` into the full-text index, in rowid order.
INDEX_SEARCH_ROWS_BETWEEN = (
    "INSERT INTO records_fts(rowid, title, author, subject, other, callno) "
    "SELECT rowid, title, author, subject, other, callno FROM record_search "
    "WHERE rowid >= ?1 AND rowid < ?2 ORDER BY rowid")


#: A prepared record's search texts folded (:func:`_fold_texts`): author, subject, other,
#: and each copy's folded call number ('' for none) and barcode ('' until it has one).
_Folded = tuple[str, str, str, list[tuple[str, str]]]


def _fold_texts(batch: list[Prepared]) -> list[_Folded]:
    """Fold the search texts the reader handed over for each record of *batch*."""
    folds: list[_Folded] = []
    for prepared in batch:
        _, author, subject, words, codes = prepared[7]
        other, code_folds = fold(words), fold_codes(codes)
        if other and code_folds:
            other = f"{other} {code_folds}"
        folds.append((fold(author), fold(subject), other or code_folds,
                      [(fold(copy[3]) if copy[3] else "", fold_codes(copy[1]) if copy[1] else "")
                       for copy in prepared[8]]))
    return folds


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the import.

    A batch keeps some 100,000 small objects alive (the prepared records, then their rows),
    and every few hundred allocations the collector walked them: about a tenth of the
    importing process's time. Reference counting still frees everything the import lets go
    of (it makes next to no reference cycles); the collector runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _BatchWriter:
    """Writes one batch inside one transaction.

    The reader has built every value that does not depend on the database; per record this
    decides duplicates, ids and accession numbers, and makes the search row from the
    reader's search text (folded here: the reader process is the busier one) and the copies
    that did land (a copy may be refused or numbered here, a later duplicate's attached).
    """

    @staticmethod
    def for_batch(batch: list[Prepared], context: _Context
                  ) -> Callable[[sqlite3.Connection], None]:
        """The work of writing *batch*, to run inside its transaction.

        The batch's search texts are folded here, before the work waits for the previous
        batch's commit (:class:`~app.db.batches.CommitBehind`), which runs in SQLite without
        holding Python's lock meanwhile.
        """
        folds = _fold_texts(batch)
        return lambda conn: _BatchWriter(conn, context).write(batch, folds)

    def __init__(self, conn: sqlite3.Connection, context: _Context) -> None:
        self.conn = conn
        self.context = context
        self.library_id = context.library_id
        self.report = context.report
        self.now = utc_now()
        self.first_id = store.next_record_id(conn)
        self.by_isbn: dict[str, tuple[int, str]] = {}
        self.by_control: dict[tuple[str, str | None], tuple[int, str, str]] = {}
        self.owners: dict[str, int] = {}
        self.counters: dict[str, tuple[Scheme, int]] = {}
        self.touched: set[int] = set()

    def write(self, batch: list[Prepared], folds: list[_Folded]) -> None:
        if self.context.existing is None:
            self.context.existing = store.catalog_size(self.conn)
        self._defer(len(batch))
        uuids = store.new_uuids(len(batch) + sum(len(p[8]) for p in batch))
        self._prefetch(batch)
        library_id, now = self.library_id, self.now
        by_isbn, by_control = self.by_isbn, self.by_control
        records: list[tuple[Any, ...]] = []
        isbn_rows: list[tuple[str, int]] = []
        item_rows: list[tuple[Any, ...]] = []
        item_folds: list[tuple[str, str]] = []
        changes: list[tuple[str, str]] = []
        new_records: list[tuple[int, Prepared, _Folded]] = []
        next_id = self.first_id
        used = 0
        for prepared, folded in zip(batch, folds, strict=True):
            isbns, control, org, title_fold, copies = (prepared[2], prepared[3], prepared[4],
                                                       prepared[5], prepared[8])
            target = None
            for isbn in isbns:
                target = by_isbn.get(isbn)
                if target is not None:
                    break
            if target is None and control:
                known = by_control.get((control, org))
                # Without 003 a bare 001 is only a local number: also ask for the same title.
                if known and (org or known[2] == title_fold):
                    target = known[0], known[1]
            merged = target is not None
            if target is None:
                record_id, record_uuid = next_id, uuids[used]
                next_id += 1
                used += 1
                records.append((record_id, record_uuid, library_id, now, now) + prepared[6])
                new_records.append((record_id, prepared, folded))
                changes.append(("record", record_uuid))
                target = (record_id, record_uuid)
                for isbn in isbns:
                    isbn_rows.append((isbn, record_id))
                    by_isbn.setdefault(isbn, target)
                if control:
                    by_control.setdefault((control, org), (record_id, record_uuid, title_fold))
            else:
                self.report.merged += 1
                self.touched.add(target[0])
            if copies:
                used = self._copies(prepared, folded[3], target[0], uuids, used, item_rows,
                                    item_folds, changes, merged)
        self.report.imported += len(records)
        self.report.items += len(item_rows)
        conn = self.conn
        conn.executemany(store.IMPORT_RECORD, records)
        # In key order: neighbouring inserts land on the same pages of the ISBN index.
        conn.executemany("INSERT OR IGNORE INTO record_isbns(isbn, record_id) VALUES (?, ?)",
                         sorted(isbn_rows))
        conn.executemany(store.IMPORT_ITEM, item_rows)
        rows, words = self._search_rows(new_records, item_rows, item_folds)
        conn.executemany(store.INSERT_SEARCH, rows)
        if rows and not self.context.deferred:  # the new rows, read back: nothing to bind again
            conn.execute(store.INDEX_NEW_SEARCH_ROWS, (self.first_id,))
        store.add_term_words(conn, words, self.context.known_terms)
        for rid in self.touched:
            store.reindex_record(conn, rid)
        self._save_counters()
        record_inserted(conn, changes)
        self._pause_merging()

    def _defer(self, size: int) -> None:
        """Once the import is large (``store.will_compact``, counting this batch's *size*
        records as new), leave the full-text index and the secondary indexes
        (``app.db.index_merge.DEFERRABLE``) to its end, from this batch on: the full-text
        index then takes the new search rows in one pass and the indexes are built by
        sorting once. Noted in this batch's transaction, so a crash leaves it to the next
        open; each later batch notes it again (an open in another process may have done
        the work between two batches)."""
        context = self.context
        if context.deferred:
            defer_search_index(self.conn, self.first_id)
            if context.commits is not None:
                context.commits.catch_up_to = self.first_id
            return
        imported = context.report.imported + size
        if context.existing is not None \
                and store.will_compact(imported, context.existing + imported):
            defer_search_index(self.conn, self.first_id)
            defer_indexes(self.conn)
            context.deferred = True
            if not context.merging_paused:  # the pass at the end writes few segments
                pause_merging(self.conn)
                context.merging_paused = True

    def _pause_merging(self) -> None:
        """Pause the full-text index's merging (:mod:`app.db.index_merge`) once the import
        has certainly become large enough to be merged at its end (``store.compact_index``):
        merging what that merge rewrites is wasted work. The pause commits with this batch;
        the importer undoes it however the import ends, and so does the next open if the
        process dies. A smaller import (or into a large catalog) leaves merging on."""
        context = self.context
        imported = context.report.imported
        if not context.merging_paused and context.existing is not None \
                and store.will_compact(imported, context.existing + imported):
            pause_merging(self.conn)
            context.merging_paused = True

    def _copies(self, prepared: Prepared, copy_folds: list[tuple[str, str]], record_id: int,
                uuids: list[str], used: int, item_rows: list[tuple[Any, ...]],
                item_folds: list[tuple[str, str]], changes: list[tuple[str, str]],
                merged: bool = False) -> int:
        """Attach *prepared*'s copies to *record_id* (with their folded call numbers and
        barcodes, *copy_folds*, into *item_folds*); returns the UUIDs used so far."""
        library_id, now, owners = self.library_id, self.now, self.owners
        counters, schemes = self.counters, self.context.scheme_cache
        copy: Copy
        for copy, copy_fold in zip(prepared[8], copy_folds, strict=True):
            collection, scheme, prefix, item_types = schemes.get(copy[0]) or self._scheme(copy[0])
            barcode = copy[1]
            if is_union_holding(barcode, copy[8]):  # another library's, in a union export
                self.report.other_holdings += 1
                continue
            if barcode is None and merged and self.context.same_file:
                self.report.copies_not_repeated += 1  # it came with the first import
                continue
            if barcode is None:
                self._save_counters()
                barcode = next_accession(self.conn, scheme)
                key = barcode.upper()
                copy_fold = (copy_fold[0], fold_codes(barcode))
            else:
                key = barcode.upper()
                owner = owners.get(key)
                if owner is not None:
                    if owner != record_id:
                        self.report.skipped.append(Skipped(
                            prepared[0], prepared[1],
                            BARCODE_ELSEWHERE(barcode=barcode), "marc.barcode_taken"))
                    continue
                # scheme.number_of(barcode), inline: it runs for every copy
                if key.startswith(prefix) and (digits := barcode[len(scheme.prefix):]).isdigit():
                    number = int(digits)
                    seen = counters.get(scheme.prefix)
                    if seen is None or seen[1] < number:
                        counters[scheme.prefix] = (scheme, number)
            owners[key] = record_id
            item_uuid = uuids[used]
            used += 1
            item_type = item_types.get(copy[2])
            if item_type is None:
                item_type = item_types[copy[2]] = _item_type(copy[2], collection)
            item_rows.append((item_uuid, library_id, now, now, record_id, barcode, collection,
                              item_type, copy[3], copy[4], "available", copy[5], copy[6],
                              copy[7], copy[8]))
            item_folds.append(copy_fold)
            changes.append(("item", item_uuid))
        return used

    def _search_rows(self, new_records: list[tuple[int, Prepared, _Folded]],
                     item_rows: list[tuple[Any, ...]], item_folds: list[tuple[str, str]]
                     ) -> tuple[list[tuple[Any, ...]], set[str]]:
        """The search rows of the batch's new records and their completable words: the
        reader's search text folded by :func:`_fold_texts`, with the call numbers and
        barcodes of the copies that landed on each record (as read, numbered here, or a
        later duplicate's)."""
        first_new = self.first_id
        copies: dict[int, tuple[list[str], list[str]]] = {}
        for row, (call_fold, barcode_fold) in zip(item_rows, item_folds, strict=True):
            if row[4] < first_new:  # (..., record_id 4, ...)
                continue  # a copy of an earlier record: re-indexed with it (touched)
            entry = copies.get(row[4])
            if entry is None:
                entry = copies[row[4]] = ([], [])
            if call_fold:
                entry[0].append(call_fold)
            entry[1].append(barcode_fold)
        none: tuple[list[str], list[str]] = ([], [])
        rows: list[tuple[Any, ...]] = []
        for rid, prepared, (author, subject, other, _) in new_records:
            calls, barcodes = copies.get(rid, none)
            rows.append((rid, prepared[7][0], author, subject, other,
                         store.callno_text(prepared[9], calls, barcodes)))
        return rows, store.indexed_terms(rows)

    def _prefetch(self, batch: list[Prepared]) -> None:
        """Look up the batch's ISBNs and barcodes already in the catalog in a few queries."""
        isbns = list({i for p in batch for i in p[2]})
        for chunk in in_chunks(isbns):
            marks = ", ".join("?" * len(chunk))
            for isbn, rid, ruuid in self.conn.execute(
                    f"SELECT i.isbn, r.id, r.uuid FROM record_isbns i JOIN records r "
                    f"ON r.id = i.record_id WHERE i.isbn IN ({marks}) AND r.deleted = 0 "
                    f"ORDER BY r.id DESC", chunk):
                self.by_isbn[isbn] = (int(rid), str(ruuid))
        controls = list({p[3] for p in batch if p[3]})
        for chunk in in_chunks(controls):
            marks = ", ".join("?" * len(chunk))
            for number, org, rid, ruuid, rtitle in self.conn.execute(
                    f"SELECT control_number, control_org, id, uuid, title_fold FROM records "
                    f"WHERE control_number IN ({marks}) AND deleted = 0", chunk):
                self.by_control.setdefault((number, org), (int(rid), str(ruuid), rtitle))
        codes = list({c[1] for p in batch for c in p[8] if c[1]})
        for chunk in in_chunks(codes):
            marks = ", ".join("?" * len(chunk))
            for barcode, rid in self.conn.execute(
                    f"SELECT barcode, record_id FROM items WHERE barcode IN ({marks})", chunk):
                self.owners[str(barcode).upper()] = int(rid)

    def _scheme(self, code: str | None) -> _SchemeEntry:
        """The collection code a copy gets, its accession scheme, the scheme's prefix in
        upper case and the item types met so far in that collection (cached per import)."""
        default = self.context.default_collection
        collection = (code or default).strip().upper()
        try:
            scheme = scheme_for(self.context.schemes, collection)
        except ValidationError:  # an unusable collection code in the file
            collection = default
            scheme = scheme_for(self.context.schemes, collection)
        found = self.context.scheme_cache[code] = (collection, scheme, scheme.prefix.upper(), {})
        return found

    def _save_counters(self) -> None:
        """Move the accession counters past the numbered barcodes met so far."""
        for scheme, number in self.counters.values():
            note_used(self.conn, scheme, scheme.format(number))
        self.counters.clear()


# Keys are folded with spaces and hyphens removed ("tk-doc" → "tkdoc").
_TYPES = {"sgk": "textbook", "gk": "textbook", "textbook": "textbook", "sachgiaokhoa": "textbook",
          "ref": "reference", "reference": "reference", "tkdoc": "reference",
          "per": "periodical", "serial": "periodical", "periodical": "periodical",
          "av": "audiovisual", "tn": "children", "children": "children",
          "sachthieunhi": "children", "nv": "professional", "professional": "professional",
          "sachnghiepvu": "professional"}


@functools.lru_cache(maxsize=256)
def _item_type(value: str | None, collection: str | None) -> str:
    """Map a source system's item type code to ThuVien's; unknown or missing codes take the
    collection's usual type (GK → textbook, TN → children's, NV → professional, else book)."""
    key = fold(value or "").replace(" ", "").replace("-", "")
    return _TYPES.get(key) or default_item_type(collection)
