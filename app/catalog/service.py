"""``Catalog``: the catalog service a ``Library`` exposes as ``lib.catalog``.

Every mutation runs in one transaction that also writes its outbox change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from app.catalog import copies, store
from app.catalog.accession import DEFAULT_SCHEMES, Scheme, next_accession, note_used, scheme_for
from app.catalog.copies import BAD_TYPE, NO_ITEM
from app.catalog.isbn import find_isbns, to_isbn13
from app.catalog.models import (
    ITEM_STATUSES,
    ITEM_TYPES,
    Item,
    RecordView,
    SearchResult,
    default_item_type,
)
from app.catalog.search import CatalogSearch
from app.circulation.clock import library_today, local_day
from app.circulation.clock_check import ClockCheck
from app.db.connection import Database, utc_now
from app.db.outbox import record_change
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.settings import Settings
from app.text import nfc

NO_TITLE = Text("Biểu ghi phải có nhan đề.", "A record needs a title.")
BAD_ISBN = Text("ISBN «{isbn}» không hợp lệ (sai số kiểm tra hoặc độ dài).",
                "ISBN “{isbn}” is not valid (wrong check digit or length).")
BARCODE_TAKEN = Text("Số ĐKCB {barcode} đã được dùng cho một bản sách khác.",
                     "Accession number {barcode} is already used by another copy.")
NO_RECORD = Text("Không có biểu ghi số {id}.", "There is no record {id}.")
BAD_STATUS = Text("Trạng thái «{status}» không hợp lệ.", "Unknown status “{status}”.")
EMPTY_BARCODE = Text("Số ĐKCB không được để trống hoặc chứa khoảng trắng.",
                     "An accession number cannot be empty or contain spaces.")

_RECORD_SELECT = ("id, uuid, title, responsibility, authors, isbns, publisher, place, year, "
                  "edition, classification, subjects, language, series, volume, notes, "
                  "author_mark, control_number, marc")


class _Keep:
    """A value :meth:`Catalog.update_record` leaves as it is when not given."""


KEEP = _Keep()


class Catalog:
    """Records, items (copies), MARC import/export and search of one library."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings
        self._search = CatalogSearch(db.conn, self.schemes)

    # -- policy ---------------------------------------------------------------------------
    def schemes(self) -> dict[str, dict[str, Any]]:
        """Accession-number schemes by collection code (library policy)."""
        return dict(self._settings.get("accession_schemes", DEFAULT_SCHEMES))

    def scheme(self, collection: str) -> Scheme:
        """The accession-number scheme of *collection*."""
        return scheme_for(self.schemes(), collection)

    # -- records --------------------------------------------------------------------------
    def add_record(self, title: str, *, authors: Sequence[str] = (), isbns: Sequence[str] = (),
                   year: int | None = None, classification: str | None = None,
                   publisher: str | None = None, place: str | None = None,
                   subjects: Sequence[str] = (), series: str | None = None,
                   volume: str | None = None, notes: str | None = None,
                   language: str | None = "vie", responsibility: str | None = None,
                   edition: str | None = None) -> int:
        """Create a record from form fields (writing correct MARC21); return its id."""
        bib = self._form_bib(title, authors, isbns, year, classification, publisher, place,
                             subjects, series, volume, notes, language, responsibility, edition)
        from app.catalog.marc import build_record

        marc = build_record(bib)
        return self.store_record(bib, marc.to_storage())

    def store_record(self, bib: store.BibFields, marc_text: str) -> int:
        """Insert a record whose MARC is already built; return its id."""
        with self._db.transaction() as conn:
            record_id = store.next_record_id(conn)
            now = utc_now()
            row = store.record_row(record_id, store.new_uuid(), self._settings.library_id, now,
                                   bib, marc_text)
            conn.execute(store.INSERT_RECORD, row)
            conn.executemany("INSERT OR IGNORE INTO record_isbns(isbn, record_id) VALUES (?, ?)",
                             [(i, record_id) for i in bib.isbns])
            store.insert_search(conn, store.search_row(record_id, bib))
            record_change(conn, "record", row[1], "insert", store.record_payload(row))
        return record_id

    def update_record(self, record_id: int, title: str, *, authors: Sequence[str] = (),
                      isbns: Sequence[str] = (), year: int | None = None,
                      classification: str | None = None, publisher: str | None = None,
                      place: str | None = None, subjects: Sequence[str] = (),
                      series: str | None = None, volume: str | None | _Keep = KEEP,
                      notes: str | None = None, language: str | None | _Keep = KEEP,
                      responsibility: str | None | _Keep = KEEP,
                      edition: str | None | _Keep = KEEP) -> None:
        """Replace a record's form fields. Only the MARC fields behind the values that
        changed are rewritten (:mod:`app.catalog.record_edit`); *volume*, *language*,
        *responsibility* and *edition*, which the form does not show, stay as they are
        unless given."""
        from app.catalog.marc import MarcRecord, build_record
        from app.catalog.record_edit import merge_edit

        current = self.record(record_id)
        unshown = {name: getattr(current, name) if isinstance(value, _Keep) else value
                   for name, value in (("volume", volume), ("language", language),
                                       ("responsibility", responsibility),
                                       ("edition", edition))}
        bib = self._form_bib(title, authors, isbns, year, classification, publisher, place,
                             subjects, series, unshown["volume"], notes, unshown["language"],
                             unshown["responsibility"], unshown["edition"])
        bib = replace(bib, control_number=current.control_number)
        stored = MarcRecord.from_storage(current.marc)
        # A record catalogued with 260 (AACR2) keeps 260 when its publication is edited.
        tag = "260" if stored.get_fields("260") and not stored.get_fields("264") else "264"
        merged = merge_edit(stored, build_record(bib, publication_tag=tag), current, bib)
        self._rewrite(record_id, current.uuid, bib, merged.to_storage())

    def _rewrite(self, record_id: int, record_uuid: str, bib: store.BibFields,
                 marc_text: str) -> None:
        with self._db.transaction() as conn:
            created = conn.execute("SELECT created_at FROM records WHERE id = ?",
                                   (record_id,)).fetchone()[0]
            now = utc_now()
            row = store.record_row(record_id, record_uuid, self._settings.library_id, now, bib,
                                   marc_text)
            values = dict(zip(store.RECORD_COLUMNS, row, strict=True))
            values["created_at"] = created
            sets = ", ".join(f"{c} = ?" for c in store.RECORD_COLUMNS[1:])
            conn.execute(f"UPDATE records SET {sets} WHERE id = ?",
                         [values[c] for c in store.RECORD_COLUMNS[1:]] + [record_id])
            conn.execute("DELETE FROM record_isbns WHERE record_id = ?", (record_id,))
            conn.executemany("INSERT OR IGNORE INTO record_isbns(isbn, record_id) VALUES (?, ?)",
                             [(i, record_id) for i in bib.isbns])
            store.reindex_record(conn, record_id)
            record_change(conn, "record", record_uuid, "update",
                          store.record_payload(tuple(values[c] for c in store.RECORD_COLUMNS)))

    def set_author_mark(self, record_id: int, mark: str | None) -> None:
        """Override the author mark printed on spine labels (None: computed again)."""
        record = self.record(record_id)
        with self._db.transaction() as conn:
            now = utc_now()
            conn.execute("UPDATE records SET author_mark = ?, updated_at = ? WHERE id = ?",
                         (nfc(mark) if mark else None, now, record_id))
            record_change(conn, "record", record.uuid, "update",
                          {"uuid": record.uuid, "author_mark": mark, "updated_at": now})

    def record(self, record_id: int) -> RecordView:
        """The record *record_id*; raises :class:`NotFoundError` when there is none."""
        row = self._db.conn.execute(f"SELECT {_RECORD_SELECT} FROM records WHERE id = ? "
                                    f"AND deleted = 0", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError("catalog.no_record", NO_RECORD, id=record_id)
        values = list(row)
        for index in (4, 5, 11):
            values[index] = json.loads(values[index])
        return RecordView(*values)

    def records_by_isbn(self, isbn: str) -> list[int]:
        """Ids of the records carrying *isbn* (any written form)."""
        isbn13 = to_isbn13(isbn)
        if isbn13 is None:
            return []
        return [r[0] for r in self._db.conn.execute(
            "SELECT i.record_id FROM record_isbns i JOIN records r ON r.id = i.record_id "
            "WHERE i.isbn = ? AND r.deleted = 0 ORDER BY i.record_id", (isbn13,))]

    def record_count(self) -> int:
        """How many (not deleted) records the catalog holds."""
        return int(self._db.conn.execute(
            "SELECT count(*) FROM records WHERE deleted = 0").fetchone()[0])

    # -- items ----------------------------------------------------------------------------
    def add_item(self, record_id: int, *, collection: str = "TK", barcode: str | None = None,
                 item_type: str | None = None, call_number: str | None = None,
                 location: str | None = None, price: float | None = None,
                 acquired_on: str | None = None, source: str | None = None,
                 note: str | None = None) -> Item:
        """Add a copy; with no *barcode* it gets the collection's next accession number.

        With no *item_type* the collection's usual one is used (GK → textbook, TN →
        children's book, NV → professional book, otherwise book), so the loan rules for
        textbooks apply to the copies of the textbook collection.
        """
        record = self.record(record_id)
        item_type = item_type or default_item_type(collection)
        if item_type not in ITEM_TYPES:
            raise ValidationError("catalog.bad_item_type", BAD_TYPE, kind=item_type)
        price = copies.check_price(price)
        acquired_on = copies.check_acquired_on(acquired_on, library_today())
        scheme = self.scheme(collection)
        with self._db.transaction() as conn:
            if barcode is None:
                barcode = next_accession(conn, scheme)
            else:
                barcode = self._check_barcode(conn, barcode)
                note_used(conn, scheme, barcode)
            now = utc_now()
            item = Item(0, store.new_uuid(), record_id, barcode, collection.upper(), item_type,
                        nfc(call_number) if call_number else None,
                        nfc(location) if location else None, "available", price,
                        acquired_on or local_day(now), source, note)
            cur = conn.execute(store.INSERT_ITEM, (
                item.uuid, self._settings.library_id, now, now, record_id, item.barcode,
                item.collection, item.item_type, item.call_number, item.location, item.status,
                item.price, item.acquired_on, item.source, item.note))
            item = replace(item, id=int(cur.lastrowid or 0))
            store.reindex_record(conn, record_id)
            record_change(conn, "item", item.uuid, "insert",
                          store.item_payload(item, record.uuid, now))
        return item

    def add_copies(self, record_id: int, count: int, **fields: Any) -> list[Item]:
        """Add *count* copies with consecutive next accession numbers."""
        return [self.add_item(record_id, **fields) for _ in range(count)]

    def update_item(self, item_id: int, **changes: Any) -> Item:
        """Correct a copy's details: ``item_type``, ``call_number``, ``location``, ``price``
        (đồng), ``acquired_on`` (ISO date), ``source``, ``note``; empty text clears one.
        Checked first (:mod:`app.catalog.copies`); written with its outbox change."""
        with self._db.transaction() as conn:
            return copies.update_item(conn, item_id, changes, utc_now(), library_today())

    def withdraw_item(self, item_id: int, reference: str = "", reason: str = "other") -> Item:
        """Write off a copy (thanh lý), with the write-off record's number in its note; see
        :func:`app.catalog.copies.withdraw_item`. Refused while this PC's clock is behind
        (:class:`~app.circulation.clock_check.ClockBehind`): the write-off record is dated."""
        ClockCheck(self._db).require()
        with self._db.transaction() as conn:
            return copies.withdraw_item(conn, item_id, reference, utc_now(),
                                        library_today(), reason)

    def remove_item(self, item_id: int) -> Item:
        """Take out a copy entered by mistake: only one on the shelf that was never lent
        (others are marked lost, damaged or withdrawn). Its accession number stays used."""
        with self._db.transaction() as conn:
            return copies.remove_item(conn, item_id, utc_now())

    def _check_barcode(self, conn: Any, barcode: str) -> str:
        barcode = nfc(barcode.strip())
        if not barcode or any(c.isspace() for c in barcode):
            raise ValidationError("catalog.empty_barcode", EMPTY_BARCODE)
        if conn.execute("SELECT 1 FROM items WHERE barcode = ?", (barcode,)).fetchone():
            raise ValidationError("catalog.barcode_taken", BARCODE_TAKEN, barcode=barcode)
        return barcode

    def item_by_barcode(self, barcode: str) -> Item | None:
        """The copy with accession number *barcode* (case-insensitive), or None."""
        row = self._db.conn.execute(f"SELECT {store.ITEM_SELECT} FROM items WHERE barcode = ? "
                                    f"AND deleted = 0", (barcode.strip(),)).fetchone()
        return store.item_from_row(row) if row else None

    def item(self, item_id: int) -> Item:
        """The copy *item_id*; raises :class:`NotFoundError` when there is none."""
        row = self._db.conn.execute(f"SELECT {store.ITEM_SELECT} FROM items WHERE id = ?",
                                    (item_id,)).fetchone()
        if row is None:
            raise NotFoundError("catalog.no_item", NO_ITEM, what=item_id)
        return store.item_from_row(row)

    def items_of(self, record_id: int) -> list[Item]:
        """The copies of a record, by accession number."""
        return [store.item_from_row(r) for r in self._db.conn.execute(
            f"SELECT {store.ITEM_SELECT} FROM items WHERE record_id = ? AND deleted = 0 "
            f"ORDER BY barcode", (record_id,))]

    def set_item_status(self, item_id: int, status: str) -> None:
        """Change a copy's status (available, on_loan, lost, damaged, withdrawn…)."""
        if status not in ITEM_STATUSES:
            raise ValidationError("catalog.bad_status", BAD_STATUS, status=status)
        with self._db.transaction() as conn:
            self.set_item_status_in(conn, item_id, status)

    def set_item_status_in(self, conn: Any, item_id: int, status: str) -> None:
        """:meth:`set_item_status` inside the caller's transaction (circulation uses it)."""
        now = utc_now()
        row = conn.execute(f"SELECT {store.ITEM_SELECT} FROM items WHERE id = ?",
                           (item_id,)).fetchone()
        if row is None:
            raise NotFoundError("catalog.no_item", NO_ITEM, what=item_id)
        conn.execute("UPDATE items SET status = ?, updated_at = ? WHERE id = ?",
                     (status, now, item_id))
        item = replace(store.item_from_row(row), status=status)
        record_uuid = conn.execute("SELECT uuid FROM records WHERE id = ?",
                                   (item.record_id,)).fetchone()[0]
        # The full item, as circulation writes it: the server upserts whole rows.
        record_change(conn, "item", item.uuid, "update",
                      store.item_payload(item, record_uuid, now))

    # -- search, import, export -----------------------------------------------------------
    def search(self, query: str, limit: int = 20, offset: int = 0) -> SearchResult:
        """Search the catalog (see :mod:`app.catalog.search` for the query language)."""
        return self._search.search(query, limit=limit, offset=offset)

    def import_marc(self, path: Path, progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    parallel: bool | None = None) -> Any:
        """Import a MARC21 file (ISO 2709 or MARCXML); returns an ``ImportReport``.

        A large file is read in a worker process while this one writes; *parallel* forces
        that on or off (None: decided by the file's size).
        """
        from app.catalog.importer import MarcImporter

        return MarcImporter(self._db, self._settings, self.schemes()).run(
            path, progress=progress, cancelled=cancelled, parallel=parallel)

    def export_marc(self, out: BinaryIO, fmt: str = "iso2709", holdings_tag: str = "952"
                    ) -> Any:
        """Write every record with its copies to *out*; returns the problems met."""
        from app.catalog.exporter import export

        return export(self._db.conn, out, fmt=fmt, holdings_tag=holdings_tag)

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def _form_bib(title: str, authors: Sequence[str], isbns: Sequence[str], year: int | None,
                  classification: str | None, publisher: str | None, place: str | None,
                  subjects: Sequence[str], series: str | None, volume: str | None,
                  notes: str | None, language: str | None, responsibility: str | None,
                  edition: str | None) -> Any:
        from app.catalog.marc import BibData

        if not title or not title.strip():
            raise ValidationError("catalog.no_title", NO_TITLE)
        normalised: list[str] = []
        for isbn in isbns:
            if not isbn.strip():
                continue
            found = find_isbns(isbn)
            isbn13 = to_isbn13(isbn) or (found[0] if found else None)
            if isbn13 is None:
                raise ValidationError("catalog.bad_isbn", BAD_ISBN, isbn=isbn)
            normalised.append(isbn13)
        clean = [nfc(a.strip()) for a in authors if a.strip()]
        return BibData(title=nfc(title.strip()), responsibility=responsibility,
                       authors=clean, isbns=normalised, publisher=publisher, place=place,
                       year=year, edition=edition, classification=classification,
                       subjects=[nfc(s.strip()) for s in subjects if s.strip()],
                       language=language, series=series, volume=volume, notes=notes,
                       control_number=None, control_org=None)
