"""Rows of the catalog: records, their ISBN and search rows, items, and their outbox changes.

The functions here run inside the caller's transaction and write the outbox row of every
change they make. Both the single-record path (the form) and the bulk MARC import use them,
the latter through the ``*_rows`` builders and ``executemany``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring
from typing import Any, Protocol

from app.catalog.isbn import to_isbn10
from app.catalog.models import Item
from app.db.connection import Database, in_chunks
from app.db.index_merge import unindexed_from
from app.text import fold, nfc


class BibFields(Protocol):
    """The key fields of a bibliographic record (``app.catalog.marc.extract.BibData``)."""

    title: str
    responsibility: str | None
    authors: list[str]
    isbns: list[str]
    publisher: str | None
    place: str | None
    year: int | None
    edition: str | None
    classification: str | None
    subjects: list[str]
    language: str | None
    series: str | None
    volume: str | None
    notes: str | None
    control_number: str | None
    control_org: str | None
    codes: list[str]


RECORD_COLUMNS = ("id", "uuid", "library_id", "created_at", "updated_at", "control_number",
                  "control_org", "title", "title_fold", "responsibility", "authors", "isbns",
                  "publisher", "place", "year", "edition", "classification", "subjects",
                  "language", "series", "volume", "notes", "marc")
INSERT_RECORD = (f"INSERT INTO records({', '.join(RECORD_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(RECORD_COLUMNS))})")
INSERT_SEARCH = ("INSERT INTO record_search(rowid, title, author, subject, other, callno) "
                 "VALUES (?, ?, ?, ?, ?, ?)")
INSERT_FTS = ("INSERT INTO records_fts(rowid, title, author, subject, other, callno) "
              "VALUES (?, ?, ?, ?, ?, ?)")
#: Index the search rows from rowid ``?`` on, in rowid order: an import's new records get
#: the ids after every record's, so these are the rows it has just added (as
#: ``INSERT_FTS`` for each, without binding the texts once more).
INDEX_NEW_SEARCH_ROWS = ("INSERT INTO records_fts(rowid, title, author, subject, other, callno) "
                         "SELECT rowid, title, author, subject, other, callno FROM record_search "
                         "WHERE rowid >= ? ORDER BY rowid")
ITEM_COLUMNS = ("uuid", "library_id", "created_at", "updated_at", "record_id", "barcode",
                "collection", "item_type", "call_number", "location", "status", "price",
                "acquired_on", "source", "note")
INSERT_ITEM = (f"INSERT INTO items({', '.join(ITEM_COLUMNS)}) "
               f"VALUES ({', '.join('?' * len(ITEM_COLUMNS))})")

#: What the bulk import binds for a NULL in a nullable column; its INSERTs turn it back with
#: ``NULLIF(?, '')``. Binding None goes through the sqlite3 module's adapter look-up (about
#: 0.35 µs a value, against 0.05 µs for a short string), and an imported record has several
#: (edition, series, volume, a copy's call number and note...). These columns never hold
#: empty text: the import stores a missing or empty value as NULL.
NO_VALUE = ""
_RECORD_NULLABLE = frozenset(("control_number", "control_org", "responsibility", "publisher",
                              "place", "year", "edition", "classification", "language",
                              "series", "volume", "notes"))
_ITEM_NULLABLE = frozenset(("call_number", "location", "price", "acquired_on", "source",
                            "note"))


def _import_values(columns: Sequence[str], nullable: frozenset[str]) -> str:
    return ", ".join("NULLIF(?, '')" if name in nullable else "?" for name in columns)


#: ``INSERT_RECORD`` and ``INSERT_ITEM`` for rows with :data:`NO_VALUE` for NULL (the import).
#: The record's MARC storage text may also be bound as its UTF-8 bytes (the import's reader
#: sends it so): ``CAST(? AS TEXT)`` stores the same text, and the importing process neither
#: decodes it from the reader's message nor encodes it again for SQLite (about 1 µs per
#: record of the busier process).
IMPORT_RECORD = (f"INSERT INTO records({', '.join(RECORD_COLUMNS)}) "
                 f"VALUES ({_import_values(RECORD_COLUMNS[:-1], _RECORD_NULLABLE)}, "
                 f"CAST(? AS TEXT))")
IMPORT_ITEM = (f"INSERT INTO items({', '.join(ITEM_COLUMNS)}) "
               f"VALUES ({_import_values(ITEM_COLUMNS, _ITEM_NULLABLE)})")


# json.dumps(..., ensure_ascii=False) builds a new encoder on every call; the bulk import
# encodes several values per record, so these write the same text directly.
_VALUE_JSON = json.JSONEncoder(ensure_ascii=False, default=str).encode


def _list_json(values: Iterable[str]) -> str:
    """``json.dumps(list(values), ensure_ascii=False)`` for a list of strings."""
    return "[" + ", ".join(map(encode_basestring, values)) + "]"


def new_uuid() -> str:
    """A fresh UUID as text: version 7, i.e. the creation time in milliseconds then random bits.

    Time-ordered ids keep the ``uuid`` indexes appending at their end during a bulk import
    instead of touching a random page of a large index for every row.

    >>> u = new_uuid(); len(u), u[14]
    (36, '7')
    """
    return new_uuids(1)[0]


_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


def new_uuids(count: int) -> list[str]:
    """*count* fresh version-7 UUIDs made in one go (bulk import): one clock reading and
    one call for the random bits.

    >>> ids = new_uuids(3); len(set(ids)), {u[14] for u in ids}, {u[19] in "89ab" for u in ids}
    (3, {'7'}, {True})
    """
    ms = f"{time.time_ns() // 1_000_000 & 0xFFFF_FFFF_FFFF:012x}"
    prefix = f"{ms[:8]}-{ms[8:]}-7"
    bits = os.urandom(10 * count).hex()  # 74 of each 80 random bits are used
    variant = _VARIANT
    return [f"{prefix}{bits[i:i + 3]}-{variant[bits[i + 3]]}{bits[i + 4:i + 7]}-"
            f"{bits[i + 7:i + 19]}" for i in range(0, 20 * count, 20)]


def _json_value(value: Any) -> str:
    """*value* as ``json.dumps(value, ensure_ascii=False, default=str)`` writes it."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0:  # finite: json writes float.__repr__
        return float.__repr__(value)
    return _VALUE_JSON(value)


def _opt(value: str | None) -> str | None:
    return nfc(value) if value else None


def record_row(record_id: int, record_uuid: str, library_id: str, now: str, bib: BibFields,
               marc_text: str) -> tuple[Any, ...]:
    """The ``records`` row for *bib*, in ``RECORD_COLUMNS`` order, text in NFC."""
    return (record_id, record_uuid, library_id, now, now) + record_tail(bib, marc_text)


def record_tail(bib: BibFields, marc_text: str) -> tuple[Any, ...]:
    """The part of :func:`record_row` that comes from the record alone (``control_number``
    to ``marc``): what an import can build before it knows the row's id and times."""
    title = nfc(bib.title or "")
    return (bib.control_number, bib.control_org, title, fold(title), _opt(bib.responsibility),
            _list_json(map(nfc, bib.authors)),
            _list_json(bib.isbns), _opt(bib.publisher), _opt(bib.place), bib.year,
            _opt(bib.edition), _opt(bib.classification),
            _list_json(map(nfc, bib.subjects)), bib.language,
            _opt(bib.series), _opt(bib.volume), _opt(bib.notes), marc_text)


def import_record_tail(bib: BibFields, marc_text: str | bytes) -> tuple[Any, ...]:
    """:func:`record_tail` with :data:`NO_VALUE` for each NULL, for :data:`IMPORT_RECORD`,
    of key fields read from a MARC record: the MARC readers give NFC text (and the key
    fields are pieces of it joined by ASCII punctuation and spaces, which compose with
    nothing), so no value is normalized again. *marc_text* may be the storage text's
    UTF-8 bytes (see :data:`IMPORT_RECORD`)."""
    title = bib.title or ""
    year = bib.year
    return (bib.control_number or NO_VALUE, bib.control_org or NO_VALUE, title, fold(title),
            bib.responsibility or NO_VALUE, _list_json(bib.authors), _list_json(bib.isbns),
            bib.publisher or NO_VALUE, bib.place or NO_VALUE, NO_VALUE if year is None else year,
            bib.edition or NO_VALUE, bib.classification or NO_VALUE, _list_json(bib.subjects),
            bib.language or NO_VALUE, bib.series or NO_VALUE, bib.volume or NO_VALUE,
            bib.notes or NO_VALUE, marc_text)


def search_parts(bib: BibFields, title_fold: str | None = None) -> tuple[str, str, str, str, str]:
    """The folded search text of *bib* without its copies: title, author, subject, other
    and classification (see :func:`search_row`).

    ISBNs are indexed in both ISBN-13 and ISBN-10 form. *title_fold*, when the caller has
    it already (``fold(bib.title)``), saves folding the title again.
    """
    title, author, subject, other, classification = search_texts(bib, title_fold)
    return title, fold(author), fold(subject), fold(other), classification


def search_texts(bib: BibFields, title_fold: str | None = None
                 ) -> tuple[str, str, str, str, str]:
    """:func:`search_parts` with the author, subject and other texts not folded yet (the
    title and classification are)."""
    title, author, subject, words, codes, classification = import_search_texts(bib, title_fold)
    return title, author, subject, " ".join(filter(None, (words, codes))), classification


def import_search_texts(bib: BibFields, title_fold: str | None = None
                        ) -> tuple[str, str, str, str, str, str]:
    """:func:`search_texts` with the other text in two parts: its words (publisher, place,
    series, edition, notes) and its codes (the control number and the ISBNs in both forms),
    which the other text is, joined by a space. An import's reader hands these to its
    writer, which folds the words with :func:`~app.text.fold` and the codes, nearly all met
    once, with :func:`fold_codes`."""
    isbn_forms = []
    for isbn in bib.isbns:
        isbn_forms.append(isbn)
        ten = to_isbn10(isbn)
        if ten:
            isbn_forms.append(ten)
    words = " ".join(filter(None, [bib.publisher, bib.place, bib.series, bib.edition,
                                   bib.notes]))
    codes = " ".join(filter(None, [bib.control_number, *isbn_forms,
                                   *(form for code in bib.codes for form in code_forms(code))]))
    author = " ".join(filter(None, [*bib.authors, bib.responsibility]))
    if title_fold is None or bib.volume:
        title_fold = fold(" ".join(filter(None, [bib.title, bib.volume])))
    return (title_fold, author, " ".join(bib.subjects), words, codes,
            fold(bib.classification) if bib.classification else "")


def code_forms(code: str) -> tuple[str, ...]:
    """The forms an ISSN or EAN/UPC number (``BibData.codes``) is indexed under: itself and,
    for a bar code number, the same with or without the leading 0 that makes a 12-digit UPC
    an EAN-13, so that either one typed finds it.

    >>> code_forms("043396264175"), code_forms("0043396264175"), code_forms("1859217X")
    (('043396264175', '0043396264175'), ('0043396264175', '043396264175'), ('1859217X',))
    """
    if len(code) == 12 and code.isdigit():
        return code, "0" + code
    if len(code) == 13 and code[0] == "0" and code.isdigit():
        return code, code[1:]
    return (code,)


_ASCII_NON_WORD = re.compile(r"[\W_]+", re.ASCII)


def fold_codes(text: str) -> str:
    """``fold(text)`` for text made of codes met once each (accession numbers, control
    numbers, ISBNs), without keeping them in fold's cache of words.

    That cache holds catalog words, a few thousand syllables; an import's codes are new on
    nearly every record (five or so per record), so folding them through it costs a miss
    each and clears the cache every 20,000 records. A piece of ASCII letters, digits and
    punctuation folds to its lower case with the punctuation made spaces, as :func:`fold`
    folds it; any other piece (letters with marks, a ``y``, which fold may turn into ``i``)
    goes through :func:`fold`.

    >>> fold_codes("TK.0000001A VN00000123 978604007919X")
    'tk 0000001a vn00000123 978604007919x'
    """
    parts = []
    for piece in text.split():
        if not piece.isascii() or "y" in piece or "Y" in piece:
            folded = fold(piece)
        elif piece.isalnum():
            folded = piece.lower()
        else:
            folded = _ASCII_NON_WORD.sub(" ", piece.lower()).strip()
        if folded:
            parts.append(folded)
    return " ".join(parts)


def search_row(record_id: int, bib: BibFields, call_numbers: Iterable[str] = (),
               barcodes: Iterable[str] = (), title_fold: str | None = None) -> tuple[Any, ...]:
    """The folded text of *bib* for ``record_search``/``records_fts``.

    ISBNs are indexed in both ISBN-13 and ISBN-10 form; accession numbers go with the
    call numbers so that typing a copy's number finds its record. *title_fold*, when the
    caller has it already (``fold(bib.title)``), saves folding the title again.
    """
    title, author, subject, other, classification = search_parts(bib, title_fold)
    callno = callno_text(classification, map(fold, call_numbers), map(fold, barcodes))
    return (record_id, title, author, subject, other, callno)


def callno_text(classification: str, call_folds: Iterable[str],
                barcode_folds: Iterable[str]) -> str:
    """The search row's ``callno`` column: the folded class number, then the folded call
    numbers and accession numbers of the record's copies."""
    return " ".join(filter(None, [classification, *call_folds, *barcode_folds]))


def record_payload(row: Sequence[Any], deleted: bool = False) -> dict[str, Any]:
    """The outbox payload of a ``records`` row given in ``RECORD_COLUMNS`` order."""
    payload = dict(zip(RECORD_COLUMNS, row, strict=True))
    for key in ("id", "title_fold", "library_id"):
        del payload[key]
    for key in ("authors", "isbns", "subjects"):
        payload[key] = json.loads(payload[key])
    payload["deleted"] = deleted
    return payload


_SKIPPED = ("id", "title_fold", "library_id")
_LISTS = ("authors", "isbns", "subjects")
_RECORD_PAYLOAD = [(i, f'"{name}": ', name in _LISTS) for i, name in enumerate(RECORD_COLUMNS)
                   if name not in _SKIPPED]


def record_payload_json(row: Sequence[Any], deleted: bool = False) -> str:
    """``json.dumps(record_payload(row), ensure_ascii=False)``, built faster (bulk import).

    *row* must come from :func:`record_row` (its list columns are already JSON text).
    """
    parts = []
    for i, key, is_json in _RECORD_PAYLOAD:
        value = row[i]
        parts.append(key + (value if is_json else encode_basestring(value)
                            if type(value) is str else _json_value(value)))
    parts.append('"deleted": true' if deleted else '"deleted": false')
    return "{" + ", ".join(parts) + "}"


# An imported copy's payload: the items row without library_id, created_at and record_id,
# then the record's UUID (the order the import has always written).
_ITEM_PAYLOAD = [(i, f'"{name}": ') for i, name in enumerate(ITEM_COLUMNS)
                 if name not in ("library_id", "created_at", "record_id")]


def item_row_payload_json(row: Sequence[Any], record_uuid: str, deleted: bool = False) -> str:
    """The outbox payload (JSON text) of a copy given as an ``INSERT_ITEM`` row."""
    parts = [key + _json_value(row[i]) for i, key in _ITEM_PAYLOAD]
    parts.append('"record_uuid": ' + encode_basestring(record_uuid))
    parts.append('"deleted": true' if deleted else '"deleted": false')
    return "{" + ", ".join(parts) + "}"


def current_payloads(conn: sqlite3.Connection, entity: str, uuids: Iterable[str]
                     ) -> dict[str, str]:
    """The outbox payload (JSON text) of each ``record`` or ``item`` in *uuids* as it is
    now: what an outbox row with the ``CURRENT_STATE`` payload stands for.

    The same shape as the payloads the import used to store (a record's row with its MARC
    record, a copy's row with its record's UUID), with ``deleted`` as it is now. A row that
    no longer exists is sent as deleted.
    """
    wanted = list(dict.fromkeys(uuids))
    found: dict[str, str] = {}
    for chunk in in_chunks(wanted):
        marks = ", ".join("?" * len(chunk))
        if entity == "record":
            for row in conn.execute(f"SELECT {', '.join(RECORD_COLUMNS)}, deleted FROM records "
                                    f"WHERE uuid IN ({marks})", chunk):
                found[row[1]] = record_payload_json(row[:-1], bool(row[-1]))
        elif entity == "item":
            columns = ", ".join(f"i.{c}" for c in ITEM_COLUMNS)
            for row in conn.execute(f"SELECT {columns}, r.uuid, i.deleted FROM items i "
                                    f"JOIN records r ON r.id = i.record_id "
                                    f"WHERE i.uuid IN ({marks})", chunk):
                found[row[0]] = item_row_payload_json(row[:-2], row[-2], bool(row[-1]))
        else:
            raise ValueError(f"no current state for {entity!r} changes")
    for uuid in wanted:
        if uuid not in found:
            found[uuid] = '{"uuid": ' + encode_basestring(uuid) + ', "deleted": true}'
    return found


def item_payload(item: Item, record_uuid: str, updated_at: str, deleted: bool = False
                 ) -> dict[str, Any]:
    """The outbox payload of an item (foreign key as the record's UUID)."""
    return {"uuid": item.uuid, "record_uuid": record_uuid, "barcode": item.barcode,
            "collection": item.collection, "item_type": item.item_type,
            "call_number": item.call_number, "location": item.location, "status": item.status,
            "price": item.price, "acquired_on": item.acquired_on, "source": item.source,
            "note": item.note, "updated_at": updated_at, "deleted": deleted}


def compact_index(db: Database, added: int) -> None:
    """After a bulk import of *added* records, merge the full-text index into one segment
    when the import was a large part of the catalog.

    Each import batch leaves a segment; a word then has a list in every segment, and
    counting or ranking a common word walks them all (4-10x slower on 100k records). The
    merge rewrites the whole index, so a small import into a big catalog leaves that to
    FTS5's own gradual merging.
    """
    if will_compact(added, catalog_size(db.conn)):
        with db.transaction() as conn:
            conn.execute("INSERT INTO records_fts(records_fts) VALUES ('optimize')")


COMPACT_MIN = 2000


def will_compact(added: int, total: int) -> bool:
    """Whether :func:`compact_index` merges the index after an import that added *added*
    records to a catalog that then holds *total*. Once true during an import it stays true
    as the import adds more (``4 * added >= total - added`` only grows)."""
    return added >= COMPACT_MIN and added * 5 >= total


def catalog_size(conn: sqlite3.Connection) -> int:
    """The number of records the search index covers."""
    return int(conn.execute("SELECT count(*) FROM record_search").fetchone()[0])


def next_record_id(conn: sqlite3.Connection) -> int:
    """The next free ``records.id`` (the caller holds the write lock)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM records").fetchone()[0])


def insert_search(conn: sqlite3.Connection, row: tuple[Any, ...]) -> None:
    """Add a record's folded text to the search table and its FTS index (unless a large
    import has deferred indexing the rows from before this one: it indexes this row then,
    see :mod:`app.db.index_merge`)."""
    conn.execute(INSERT_SEARCH, row)
    if _indexed_now(conn, row[0]):
        conn.execute(INSERT_FTS, row)
    add_terms(conn, [row])


def _indexed_now(conn: sqlite3.Connection, rowid: int) -> bool:
    """Whether search row *rowid* belongs in the full-text index now, i.e. is not in the
    range an unfinished import indexes at its end."""
    first = unindexed_from(conn)
    return first is None or rowid < first


# Words a search may complete a typed prefix into (see app.catalog.search): the indexed
# words that are long enough to complete a prefix of COMPLETED_PREFIX characters or more
# and do not begin with a digit (ISBNs, accession and class numbers).
COMPLETED_PREFIX = 4
DIGITS = "0123456789"


def indexed_terms(rows: Iterable[Sequence[Any]]) -> set[str]:
    """The words of search rows (``INSERT_SEARCH`` order) that go into ``search_terms``."""
    words = set(" ".join(" ".join(row[1:]) for row in rows).split())
    return {w for w in words if len(w) >= COMPLETED_PREFIX and w[0] not in DIGITS}


def add_terms(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]],
              known: set[str] | None = None) -> None:
    """Record the completable words of new search rows; *known* (words already recorded by
    the caller, e.g. earlier batches of an import) is skipped and then updated."""
    add_term_words(conn, indexed_terms(rows), known)


def add_term_words(conn: sqlite3.Connection, words: set[str],
                   known: set[str] | None = None) -> None:
    """Record completable *words* (from :func:`indexed_terms`); *known*
    as for :func:`add_terms`. *words* may be changed."""
    if known is not None:
        words -= known
        if len(known) < 200_000:
            known |= words
    if words:
        conn.executemany("INSERT OR IGNORE INTO search_terms(term) VALUES (?)",
                         [(w,) for w in words])


def replace_search(conn: sqlite3.Connection, row: tuple[Any, ...]) -> None:
    """Replace a record's folded text (the old row is removed from the index first; a row an
    unfinished import has not indexed yet stays out of it, see :func:`insert_search`)."""
    old = conn.execute("SELECT rowid, title, author, subject, other, callno FROM record_search "
                       "WHERE rowid = ?", (row[0],)).fetchone()
    if old is not None:
        if _indexed_now(conn, row[0]):  # a row not in the index yet must not be deleted there
            conn.execute("INSERT INTO records_fts(records_fts, rowid, title, author, subject, "
                         "other, callno) VALUES ('delete', ?, ?, ?, ?, ?, ?)", old)
        conn.execute("DELETE FROM record_search WHERE rowid = ?", (row[0],))
    insert_search(conn, row)


def item_from_row(row: sqlite3.Row | Sequence[Any]) -> Item:
    """Build an :class:`Item` from ``SELECT {ITEM_SELECT}`` columns."""
    return Item(*row)


ITEM_SELECT = ("id, uuid, record_id, barcode, collection, item_type, call_number, location, "
               "status, price, acquired_on, source, note")


class RowBib:
    """A ``records`` row seen as :class:`BibFields` (used to re-index a stored record)."""

    COLUMNS = ("title, authors, responsibility, isbns, publisher, place, series, edition, "
               "notes, control_number, subjects, volume, classification, year, language, "
               "control_org, marc")

    def __init__(self, row: Sequence[Any]) -> None:
        from app.catalog.marc import MarcRecord
        from app.catalog.marc.extract import stored_codes

        (self.title, authors, self.responsibility, isbns, self.publisher, self.place,
         self.series, self.edition, self.notes, self.control_number, subjects, self.volume,
         self.classification, self.year, self.language, self.control_org, marc) = row
        self.authors: list[str] = json.loads(authors)
        self.isbns: list[str] = json.loads(isbns)
        self.subjects: list[str] = json.loads(subjects)
        # ISSNs and bar code numbers have no column of their own: read from the record.
        self.codes: list[str] = stored_codes(MarcRecord.from_storage(marc)) \
            if '["022"' in marc or '["024"' in marc else []


def reindex_record(conn: sqlite3.Connection, record_id: int) -> None:
    """Rebuild a stored record's search row, with its copies' call numbers and barcodes."""
    row = conn.execute(f"SELECT {RowBib.COLUMNS} FROM records WHERE id = ?",
                       (record_id,)).fetchone()
    if row is None:
        return
    copies = conn.execute("SELECT call_number, barcode FROM items WHERE record_id = ? "
                          "AND deleted = 0", (record_id,)).fetchall()
    replace_search(conn, search_row(record_id, RowBib(row), [c for c, _ in copies if c],
                                    [b for _, b in copies]))
