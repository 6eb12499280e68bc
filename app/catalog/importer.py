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

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.catalog import store
from app.catalog.accession import Scheme, next_accession, note_used, scheme_for
from app.catalog.models import default_item_type
from app.catalog.reading import Copy, Prepared, Skipped, prepared_records
from app.db.batches import CommitBehind
from app.db.connection import Database, in_chunks, utc_now
from app.db.outbox import CURRENT_STATE, record_encoded_changes
from app.errors import ValidationError
from app.i18n import Text
from app.settings import Settings
from app.text import fold

__all__ = ["BATCH", "ImportReport", "MarcImporter", "Skipped"]

# Records per transaction. Each commit waits for the disk (synchronous=FULL) and leaves a
# full-text index segment to merge later, so batches are large; 2,000 records still commit
# well within a second on a school PC, and cancelling keeps every committed batch.
BATCH = 2000
BARCODE_ELSEWHERE = Text(
    "bản sách {barcode} đã thuộc một biểu ghi khác — bản này không được nhập",
    "copy {barcode} already belongs to another record — this copy was not imported",
)


@dataclass
class ImportReport:
    """What an import did: counts, and every record or copy left out with its reason."""

    imported: int = 0
    merged: int = 0
    items: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    cancelled: bool = False

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with ``--json``."""
        return {"imported": self.imported, "merged": self.merged, "items": self.items,
                "skipped": [{"number": s.number, "offset": s.offset, "reason": s.reason,
                             "code": s.code} for s in self.skipped],
                "cancelled": self.cancelled}


@dataclass
class _Context:
    """What every batch of one import shares."""

    library_id: str
    schemes: dict[str, dict[str, Any]]
    default_collection: str
    report: ImportReport
    scheme_cache: dict[str | None, tuple[str, Scheme]] = field(default_factory=dict)
    known_terms: set[str] = field(default_factory=set)


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
        with CommitBehind(self._db) as batches, \
                closing(prepared_records(Path(path), progress, parallel)) as entries:
            batch: list[Prepared] = []
            for entry in entries:
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if isinstance(entry, Skipped):
                    report.skipped.append(entry)
                    continue
                batch.append(entry)
                if len(batch) >= BATCH:
                    batches.write(_BatchWriter.for_batch(batch, context))
                    batch = []
            if batch:
                batches.write(_BatchWriter.for_batch(batch, context))
        if report.imported:
            store.compact_index(self._db, report.imported)
        return report


class _BatchWriter:
    """Writes one batch inside one transaction."""

    @staticmethod
    def for_batch(batch: list[Prepared], context: _Context
                  ) -> Callable[[sqlite3.Connection], None]:
        """The work of writing *batch*, to run inside its transaction."""
        return lambda conn: _BatchWriter(conn, context).write(batch)

    def __init__(self, conn: sqlite3.Connection, context: _Context) -> None:
        self.conn = conn
        self.context = context
        self.library_id = context.library_id
        self.report = context.report
        self.now = utc_now()
        self.next_id = store.next_record_id(conn)
        self.by_isbn: dict[str, tuple[int, str]] = {}
        self.by_control: dict[tuple[str, str | None], tuple[int, str, str]] = {}
        self.records: list[tuple[Any, ...]] = []
        self.isbn_rows: list[tuple[str, int]] = []
        self.new_records: list[tuple[int, Prepared]] = []  # search rows are made last
        self.item_rows: list[tuple[Any, ...]] = []
        self.item_folds: list[tuple[str, str]] = []  # (call number, barcode) of each item row
        self.changes: list[tuple[str, str, str, str]] = []
        self.touched: set[int] = set()
        self.owners: dict[str, int] = {}
        self.counters: dict[str, tuple[Scheme, int]] = {}
        self.uuids: Iterator[str] = iter(())

    def write(self, batch: list[Prepared]) -> None:
        self.uuids = iter(store.new_uuids(len(batch) + sum(len(p.copies) for p in batch)))
        self._prefetch(batch)
        for prepared in batch:
            target = self._existing(prepared)
            if target is None:
                target = self._new_record(prepared)
                self.report.imported += 1
            else:
                self.report.merged += 1
                self.touched.add(target[0])
            if prepared.copies:
                self._copies(prepared, target)
        conn = self.conn
        conn.executemany(store.INSERT_RECORD, self.records)
        # In key order: neighbouring inserts land on the same pages of the ISBN index.
        conn.executemany("INSERT OR IGNORE INTO record_isbns(isbn, record_id) VALUES (?, ?)",
                         sorted(self.isbn_rows))
        conn.executemany(store.INSERT_ITEM, self.item_rows)
        rows = self._search_rows()
        conn.executemany(store.INSERT_SEARCH, rows)
        conn.executemany(store.INSERT_FTS, rows)
        store.add_terms(conn, rows, self.context.known_terms)
        for rid in self.touched:
            store.reindex_record(conn, rid)
        self._save_counters()
        record_encoded_changes(conn, self.changes)

    def _search_rows(self) -> list[tuple[Any, ...]]:
        """The search rows of the batch's new records, with the call numbers and barcodes
        of every copy the batch attached to them."""
        copies: dict[int, tuple[list[str], list[str]]] = {}
        for row, (call_fold, barcode_fold) in zip(self.item_rows, self.item_folds, strict=True):
            entry = copies.setdefault(row[4], ([], []))
            if call_fold:
                entry[0].append(call_fold)
            entry[1].append(barcode_fold)
        none: tuple[list[str], list[str]] = ([], [])
        rows = []
        for rid, prepared in self.new_records:
            title, author, subject, other, classification = prepared.search
            calls, barcodes = copies.get(rid, none)
            rows.append((rid, title, author, subject, other,
                         store.callno_text(classification, calls, barcodes)))
        return rows

    def _prefetch(self, batch: list[Prepared]) -> None:
        """Look up the batch's ISBNs and barcodes already in the catalog in a few queries."""
        isbns = list({i for p in batch for i in p.isbns})
        for chunk in in_chunks(isbns):
            marks = ", ".join("?" * len(chunk))
            for isbn, rid, ruuid in self.conn.execute(
                    f"SELECT i.isbn, r.id, r.uuid FROM record_isbns i JOIN records r "
                    f"ON r.id = i.record_id WHERE i.isbn IN ({marks}) AND r.deleted = 0 "
                    f"ORDER BY r.id DESC", chunk):
                self.by_isbn[isbn] = (int(rid), str(ruuid))
        controls = list({p.control_number for p in batch if p.control_number})
        for chunk in in_chunks(controls):
            marks = ", ".join("?" * len(chunk))
            for number, org, rid, ruuid, rtitle in self.conn.execute(
                    f"SELECT control_number, control_org, id, uuid, title_fold FROM records "
                    f"WHERE control_number IN ({marks}) AND deleted = 0", chunk):
                self.by_control.setdefault((number, org), (int(rid), str(ruuid), rtitle))
        codes = list({c.barcode for p in batch for c in p.copies if c.barcode})
        for chunk in in_chunks(codes):
            marks = ", ".join("?" * len(chunk))
            for barcode, rid in self.conn.execute(
                    f"SELECT barcode, record_id FROM items WHERE barcode IN ({marks})", chunk):
                self.owners[str(barcode).upper()] = int(rid)

    def _existing(self, prepared: Prepared) -> tuple[int, str] | None:
        for isbn in prepared.isbns:
            if isbn in self.by_isbn:
                return self.by_isbn[isbn]
        if prepared.control_number:
            known = self.by_control.get((prepared.control_number, prepared.control_org))
            # Without 003 a bare 001 is only a local number: also ask for the same title.
            if known and (prepared.control_org or known[2] == prepared.title_fold):
                return known[0], known[1]
        return None

    def _new_record(self, prepared: Prepared) -> tuple[int, str]:
        record_id = self.next_id
        self.next_id += 1
        record_uuid = next(self.uuids)
        row = (record_id, record_uuid, self.library_id, self.now, self.now) + prepared.row_tail
        self.records.append(row)
        self.isbn_rows.extend((isbn, record_id) for isbn in prepared.isbns)
        self.new_records.append((record_id, prepared))
        self.changes.append(("record", record_uuid, "insert", CURRENT_STATE))
        target = (record_id, record_uuid)
        for isbn in prepared.isbns:
            self.by_isbn.setdefault(isbn, target)
        if prepared.control_number:
            self.by_control.setdefault((prepared.control_number, prepared.control_org),
                                       (record_id, record_uuid, prepared.title_fold))
        return target

    def _copies(self, prepared: Prepared, target: tuple[int, str]) -> None:
        record_id = target[0]
        copy: Copy
        for copy in prepared.copies:
            collection, scheme = self._scheme(copy.collection)
            barcode = copy.barcode
            barcode_fold = copy.barcode_fold
            if barcode is None:
                self._save_counters()
                barcode = next_accession(self.conn, scheme)
                barcode_fold = fold(barcode)
            else:
                owner = self.owners.get(barcode.upper())
                if owner is not None:
                    if owner != record_id:
                        self.report.skipped.append(Skipped(
                            prepared.number, prepared.offset,
                            BARCODE_ELSEWHERE(barcode=barcode), "marc.barcode_taken"))
                    continue
                number = scheme.number_of(barcode)
                if number is not None:
                    seen = self.counters.get(scheme.prefix)
                    if seen is None or seen[1] < number:
                        self.counters[scheme.prefix] = (scheme, number)
            self.owners[barcode.upper()] = record_id
            item_uuid = next(self.uuids)
            row = (item_uuid, self.library_id, self.now, self.now, record_id, barcode,
                   collection, _item_type(copy.item_type, collection), copy.call_number,
                   copy.location, "available", copy.price, copy.acquired_on, copy.source,
                   copy.note)
            self.item_rows.append(row)
            self.item_folds.append((copy.call_fold, barcode_fold))
            self.changes.append(("item", item_uuid, "insert", CURRENT_STATE))
            self.report.items += 1

    def _scheme(self, code: str | None) -> tuple[str, Scheme]:
        """The collection code a copy gets, and its accession scheme (cached per import)."""
        cache = self.context.scheme_cache
        found = cache.get(code)
        if found is None:
            default = self.context.default_collection
            collection = (code or default).strip().upper()
            try:
                scheme = scheme_for(self.context.schemes, collection)
            except ValidationError:  # an unusable collection code in the file
                collection = default
                scheme = scheme_for(self.context.schemes, collection)
            found = cache[code] = (collection, scheme)
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
