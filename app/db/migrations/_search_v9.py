"""The catalog's search row as ThuVien 9 built it, frozen for migration 9.

Migration 9 rebuilds the search rows of records holding an ISSN (022) or an EAN/UPC number
(024). It must rebuild them the same way forever, whatever ``app.catalog.store`` and
``app.text.fold`` become later, so the folding and the row's layout of schema 9 are written
out here. Nothing else may use this module: the application has its own, current, code.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from typing import Any

_MARKS = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"}
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_FINAL_Y = re.compile(r"(?:(?<=[bcdghklmnprstvx])|(?<=qu))y\b")
_ISSN = re.compile(r"(?<![\dXx])(\d{4})[-\s\u2010\u2013]?(\d{3}[\dXx])(?![\dXx])")
_NUMBER = re.compile(r"\d[\d\s-]*\d")
_NUMBER_LENGTHS = range(8, 15)
_SHORTEST_TERM = 4
_DEFERRED_KEY = "deferred:records_fts"
_COLUMNS = ("title, authors, responsibility, isbns, publisher, place, series, edition, notes, "
            "control_number, subjects, volume, classification, marc")


def _strip_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(_MARKS.get(c, c) for c in decomposed if not unicodedata.combining(c))


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = _strip_marks(char).lower()
        if folded != char:
            table[code] = folded
    for code in range(0x300, 0x370):
        table[code] = None
    return table


_FOLD_TABLE = _fold_table()


def _fold_piece(text: str) -> str:
    if text.isascii() and text.isalnum():
        plain = text.lower()
    else:
        plain = _NON_WORD.sub(" ", text.translate(_FOLD_TABLE).lower()).strip()
    return _FINAL_Y.sub("i", plain) if "y" in plain else plain


def fold(text: str) -> str:
    """Schema 9's search folding: lower case, no marks, đ → d, a final ``y`` after a
    consonant → ``i``, punctuation → space.

    >>> fold("Kỹ thuật Điện  —  HOÀ bình")
    'ki thuat dien hoa binh'
    """
    return " ".join(filter(None, map(_fold_piece, text.split())))


def _isbn10(isbn13: str) -> str | None:
    if len(isbn13) != 13 or not isbn13.startswith("978"):
        return None
    first9 = isbn13[3:12]
    check = (11 - sum((10 - i) * int(d) for i, d in enumerate(first9)) % 11) % 11
    return first9 + ("X" if check == 10 else str(check))


def _standard_numbers(tag: str, subfields: list[tuple[str, str]]) -> list[str]:
    found: list[str] = []
    for code, value in subfields:
        if code != "a":
            continue
        if tag == "022":
            issn = _ISSN.search(value)
            if issn:
                found.append((issn.group(1) + issn.group(2)).upper())
        else:
            number = _NUMBER.search(value)
            digits = number.group(0).replace(" ", "").replace("-", "") if number else ""
            if len(digits) in _NUMBER_LENGTHS:
                found.append(digits)
    return found


def _stored_codes(marc: str) -> list[str]:
    """The ISSNs and bar code numbers of a record in ``records.marc``'s JSON form."""
    codes: list[str] = []
    if '["022"' not in marc and '["024"' not in marc:
        return codes
    for row in json.loads(marc)[1:]:
        if isinstance(row, str) or row[0] not in ("022", "024"):
            continue
        subfields = list(zip(row[2::2], row[3::2], strict=True))
        codes += (c for c in _standard_numbers(row[0], subfields) if c not in codes)
    return codes


def _code_forms(code: str) -> tuple[str, ...]:
    if len(code) == 12 and code.isdigit():
        return code, "0" + code
    if len(code) == 13 and code[0] == "0" and code.isdigit():
        return code, code[1:]
    return (code,)


def search_row(conn: sqlite3.Connection, record_id: int) -> tuple[Any, ...] | None:
    """The search row (rowid, title, author, subject, other, callno) schema 9 builds for
    record *record_id* and its copies, or None when there is no such record."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM records WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        return None
    (title, authors, responsibility, isbns, publisher, place, series, edition, notes,
     control_number, subjects, volume, classification, marc) = row
    copies = conn.execute("SELECT call_number, barcode FROM items WHERE record_id = ? "
                          "AND deleted = 0", (record_id,)).fetchall()
    isbn_forms: list[str] = []
    for isbn in json.loads(isbns):
        isbn_forms.append(isbn)
        ten = _isbn10(isbn)
        if ten:
            isbn_forms.append(ten)
    words = " ".join(filter(None, [publisher, place, series, edition, notes]))
    codes = " ".join(filter(None, [control_number, *isbn_forms,
                                   *(f for c in _stored_codes(marc) for f in _code_forms(c))]))
    author = " ".join(filter(None, [*json.loads(authors), responsibility]))
    class_fold = fold(classification) if classification else ""
    callno = " ".join(filter(None, [class_fold, *(fold(c) for c, _ in copies if c),
                                    *(fold(b) for _, b in copies)]))
    return (record_id, fold(" ".join(filter(None, [title, volume]))), fold(author),
            fold(" ".join(json.loads(subjects))), fold(" ".join(filter(None, (words, codes)))),
            callno)


def replace_search_row(conn: sqlite3.Connection, record_id: int) -> None:
    """Rebuild record *record_id*'s search row, its full-text entry (unless an unfinished
    import left that row out of the index) and its words in ``search_terms``."""
    new = search_row(conn, record_id)
    if new is None:
        return
    deferred = conn.execute("SELECT value FROM desk_state WHERE key = ?",
                            (_DEFERRED_KEY,)).fetchone()
    indexed = deferred is None or record_id < int(str(json.loads(deferred[0])))
    old = conn.execute("SELECT rowid, title, author, subject, other, callno FROM record_search "
                       "WHERE rowid = ?", (record_id,)).fetchone()
    if old is not None:
        if indexed:
            conn.execute("INSERT INTO records_fts(records_fts, rowid, title, author, subject, "
                         "other, callno) VALUES ('delete', ?, ?, ?, ?, ?, ?)", old)
        conn.execute("DELETE FROM record_search WHERE rowid = ?", (record_id,))
    conn.execute("INSERT INTO record_search(rowid, title, author, subject, other, callno) "
                 "VALUES (?, ?, ?, ?, ?, ?)", new)
    if indexed:
        conn.execute("INSERT INTO records_fts(rowid, title, author, subject, other, callno) "
                     "VALUES (?, ?, ?, ?, ?, ?)", new)
    terms = {w for w in " ".join(new[1:]).split()
             if len(w) >= _SHORTEST_TERM and w[0] not in "0123456789"}
    conn.executemany("INSERT OR IGNORE INTO search_terms(term) VALUES (?)",
                     [(w,) for w in sorted(terms)])
