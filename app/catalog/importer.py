"""MARC21 import: stream records from a file into the catalog, batch by batch.

Bad records are reported (number, byte offset, reason) and skipped; the good ones land.
A record whose ISBN, or whose 001/003, matches a record already in the catalog merges into
it (its copies attach) instead of duplicating. Each batch is one transaction, so cancelling
between batches leaves a consistent catalog holding the batches already committed.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.catalog import store
from app.catalog.accession import Scheme, next_accession, note_used, scheme_for
from app.catalog.marc import (
    BibData,
    ItemData,
    RecordProblem,
    extract,
    holdings,
    read_marc,
)
from app.catalog.models import default_item_type
from app.db.batches import CommitBehind
from app.db.connection import Database, utc_now
from app.db.outbox import record_encoded_changes
from app.errors import ValidationError
from app.i18n import Text
from app.settings import Settings
from app.text import fold, nfc

# Records per transaction. Each commit waits for the disk (synchronous=FULL) and leaves a
# full-text index segment to merge later, so batches are large; 2,000 records still commit
# well within a second on a school PC, and cancelling keeps every committed batch.
BATCH = 2000
HOLDINGS_TAGS = ("852", "952")
NOT_BIBLIOGRAPHIC = Text("biểu ghi {kind}, không phải biểu ghi thư mục — bỏ qua",
                         "{kind} record, not a bibliographic record — skipped")
NO_TITLE = Text("không có nhan đề (trường 245)", "no title (field 245)")
BARCODE_ELSEWHERE = Text(
    "bản sách {barcode} đã thuộc một biểu ghi khác — bản này không được nhập",
    "copy {barcode} already belongs to another record — this copy was not imported",
)


@dataclass(frozen=True)
class Skipped:
    """A record (or one of its copies) that was not imported, and why."""

    number: int
    offset: int
    reason: str
    code: str


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


@dataclass(slots=True)
class _Parsed:
    """What a batch keeps of a read record (the parsed fields themselves are let go at once:
    holding thousands of them costs more in memory traffic than reading them)."""

    number: int
    offset: int
    bib: BibData
    copies: list[ItemData]
    marc: str  # storage form, without the holdings fields (they become items)


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
            cancelled: Callable[[], bool] | None = None) -> ImportReport:
        """Import *path*; raises ``ImportFormatError`` when the file is not MARC21 at all."""
        report = ImportReport()
        context = _Context(self._library_id, self._schemes, self._default_collection, report)
        with CommitBehind(self._db) as batches:
            self._read(path, progress, cancelled, context, batches)
        if report.imported:
            store.compact_index(self._db, report.imported)
        return report

    def _read(self, path: Path, progress: Callable[[int, int], None] | None,
              cancelled: Callable[[], bool] | None, context: _Context,
              batches: CommitBehind) -> None:
        """Read the file, writing every ``BATCH`` records (the previous batch commits while
        the next one is read)."""
        report = context.report
        batch: list[_Parsed] = []
        number = 0
        for entry in read_marc(Path(path), progress):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if isinstance(entry, RecordProblem):
                number = entry.number
                report.skipped.append(Skipped(entry.number, entry.offset, entry.reason,
                                              entry.code))
                continue
            number += 1
            offset = getattr(entry, "offset", -1)
            if entry.record_type != "bibliographic":
                report.skipped.append(Skipped(number, offset, NOT_BIBLIOGRAPHIC(
                    kind=entry.record_type), "marc.not_bibliographic"))
                continue
            bib = extract(entry)
            if not bib.title:
                report.skipped.append(Skipped(number, offset, NO_TITLE(), "marc.no_title"))
                continue
            batch.append(_Parsed(number, offset, bib, holdings(entry),
                                 entry.to_storage(skip=HOLDINGS_TAGS)))
            if len(batch) >= BATCH:
                batches.write(_BatchWriter.for_batch(batch, context))
                batch = []
        if batch:
            batches.write(_BatchWriter.for_batch(batch, context))


class _BatchWriter:
    """Writes one batch inside one transaction."""

    @staticmethod
    def for_batch(batch: list[_Parsed], context: _Context
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
        self.new_bibs: list[tuple[int, BibData, str]] = []  # search rows are made last
        self.item_rows: list[tuple[Any, ...]] = []
        self.changes: list[tuple[str, str, str, str]] = []
        self.touched: set[int] = set()
        self.owners: dict[str, int] = {}
        self.counters: dict[str, tuple[Scheme, int]] = {}

    def write(self, batch: list[_Parsed]) -> None:
        self._prefetch(batch)
        for parsed in batch:
            target = self._existing(parsed.bib)
            if target is None:
                target = self._new_record(parsed)
                self.report.imported += 1
            else:
                self.report.merged += 1
                self.touched.add(target[0])
            self._copies(parsed, target)
        conn = self.conn
        conn.executemany(store.INSERT_RECORD, self.records)
        conn.executemany("INSERT OR IGNORE INTO record_isbns(isbn, record_id) VALUES (?, ?)",
                         self.isbn_rows)
        conn.executemany(store.INSERT_ITEM, self.item_rows)
        calls: dict[int, tuple[list[str], list[str]]] = {}
        for row in self.item_rows:
            entry = calls.setdefault(row[4], ([], []))
            if row[8]:
                entry[0].append(row[8])
            entry[1].append(row[5])
        none: tuple[list[str], list[str]] = ([], [])
        rows = [store.search_row(rid, bib, *calls.get(rid, none), title_fold=title_fold)
                for rid, bib, title_fold in self.new_bibs]
        conn.executemany(store.INSERT_SEARCH, rows)
        conn.executemany(store.INSERT_FTS, rows)
        store.add_terms(conn, rows, self.context.known_terms)
        for rid in self.touched:
            store.reindex_record(conn, rid)
        self._save_counters()
        record_encoded_changes(conn, self.changes)

    def _prefetch(self, batch: list[_Parsed]) -> None:
        """Look up the batch's ISBNs and barcodes already in the catalog in a few queries."""
        isbns = list({i for p in batch for i in p.bib.isbns})
        for chunk in _chunks(isbns):
            marks = ", ".join("?" * len(chunk))
            for isbn, rid, ruuid in self.conn.execute(
                    f"SELECT i.isbn, r.id, r.uuid FROM record_isbns i JOIN records r "
                    f"ON r.id = i.record_id WHERE i.isbn IN ({marks}) AND r.deleted = 0 "
                    f"ORDER BY r.id DESC", chunk):
                self.by_isbn[isbn] = (int(rid), str(ruuid))
        controls = list({p.bib.control_number for p in batch if p.bib.control_number})
        for chunk in _chunks(controls):
            marks = ", ".join("?" * len(chunk))
            for number, org, rid, ruuid, rtitle in self.conn.execute(
                    f"SELECT control_number, control_org, id, uuid, title_fold FROM records "
                    f"WHERE control_number IN ({marks}) AND deleted = 0", chunk):
                self.by_control.setdefault((number, org), (int(rid), str(ruuid), rtitle))
        codes = list({c.barcode.strip() for p in batch for c in p.copies
                      if c.barcode and c.barcode.strip()})
        for chunk in _chunks(codes):
            marks = ", ".join("?" * len(chunk))
            for barcode, rid in self.conn.execute(
                    f"SELECT barcode, record_id FROM items WHERE barcode IN ({marks})", chunk):
                self.owners[str(barcode).upper()] = int(rid)

    def _existing(self, bib: BibData) -> tuple[int, str] | None:
        for isbn in bib.isbns:
            if isbn in self.by_isbn:
                return self.by_isbn[isbn]
        if bib.control_number:
            known = self.by_control.get((bib.control_number, bib.control_org))
            # Without 003 a bare 001 is only a local number: also ask for the same title.
            if known and (bib.control_org or known[2] == fold(bib.title)):
                return known[0], known[1]
        return None

    def _new_record(self, parsed: _Parsed) -> tuple[int, str]:
        record_id = self.next_id
        self.next_id += 1
        record_uuid = store.new_uuid()
        row = store.record_row(record_id, record_uuid, self.library_id, self.now, parsed.bib,
                               parsed.marc)
        self.records.append(row)
        self.isbn_rows.extend((isbn, record_id) for isbn in parsed.bib.isbns)
        self.new_bibs.append((record_id, parsed.bib, row[8]))
        self.changes.append(("record", record_uuid, "insert", store.record_payload_json(row)))
        target = (record_id, record_uuid)
        for isbn in parsed.bib.isbns:
            self.by_isbn.setdefault(isbn, target)
        if parsed.bib.control_number:
            self.by_control.setdefault((parsed.bib.control_number, parsed.bib.control_org),
                                       (record_id, record_uuid, row[8]))
        return target

    def _copies(self, parsed: _Parsed, target: tuple[int, str]) -> None:
        record_id, record_uuid = target
        for copy in parsed.copies:
            collection, scheme = self._scheme(copy.collection)
            barcode = nfc(copy.barcode.strip()) if copy.barcode and copy.barcode.strip() else None
            if barcode is None:
                self._save_counters()
                barcode = next_accession(self.conn, scheme)
            else:
                owner = self._owner(barcode)
                if owner is not None:
                    if owner != record_id:
                        self.report.skipped.append(Skipped(
                            parsed.number, parsed.offset, BARCODE_ELSEWHERE(barcode=barcode),
                            "marc.barcode_taken"))
                    continue
                number = scheme.number_of(barcode)
                if number is not None:
                    seen = self.counters.get(scheme.prefix)
                    if seen is None or seen[1] < number:
                        self.counters[scheme.prefix] = (scheme, number)
            self.owners[barcode.upper()] = record_id
            item_uuid = store.new_uuid()
            row = (item_uuid, self.library_id, self.now, self.now, record_id, barcode,
                   collection, _item_type(copy.item_type, collection), copy.call_number, copy.location,
                   "available", copy.price, copy.acquired_on, copy.source, copy.note)
            self.item_rows.append(row)
            self.changes.append(("item", item_uuid, "insert",
                                 store.item_row_payload_json(row, record_uuid)))
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

    def _owner(self, barcode: str) -> int | None:
        return self.owners.get(barcode.upper())


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[i:i + size] for i in range(0, len(values), size)]


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
