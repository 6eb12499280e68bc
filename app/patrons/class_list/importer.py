"""Turning the rows of a class list into new / updated patrons.

A dry run checks every row and says what would happen; a real run re-checks inside one
transaction and writes every good row (rows with errors are left out and reported).
Re-importing the same list matches patrons by student code (or, without one, by name and
birth date, else name and class) and never duplicates them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import legacy_text
from app.errors import ImportFormatError
from app.i18n import Text
from app.patrons.class_list.columns import (
    UNKNOWN_COLUMN,
    Header,
    apply_overrides,
    column_index,
    find_header,
    missing_name_header,
)
from app.patrons.class_list.reader import Cell, RawTable, Sheet, read_table
from app.patrons.class_list.result import ColumnInfo, ImportResult, RowResult
from app.patrons.classes import parse_class
from app.patrons.fields import (
    birth_date_from_parts,
    normalize_school_year,
    parse_birth_date,
    parse_gender,
)
from app.patrons.model import CATEGORIES, SELECT, Patron, patron_from_row
from app.patrons.names import join_name, title_case_name
from app.text import fold, nfc

if TYPE_CHECKING:
    from app.patrons.service import PatronService

NO_NAME = Text("Thiếu họ tên.", "The name is missing.")
BAD_NAME = Text("Họ tên “{value}” có chữ số — có phải dòng tổng cộng?",
                "The name “{value}” contains digits — is this a totals line?")
BAD_DATE = Text("Ngày sinh “{value}” không hợp lệ (dd/mm/yyyy).",
                "The birth date “{value}” is not a valid date (dd/mm/yyyy).")
BAD_CLASS = Text("Tên lớp “{value}” không đúng dạng (ví dụ 6A, 10A1, 6/1).",
                 "The class “{value}” is not in a known format (e.g. 6A, 10A1, 6/1).")
NO_CLASS = Text("Thiếu lớp.", "The class is missing.")
DUPLICATE_CODE = Text("Mã học sinh {student_code} lặp lại trong tệp (dòng {lines}).",
                      "Student code {student_code} appears more than once in the file (lines {lines}).")
BAD_GENDER = Text("Không hiểu giới tính “{value}”; để trống.",
                  "Gender “{value}” not understood; left empty.")
CARD_TAKEN = Text("Mã thẻ {card} đã thuộc về bạn đọc khác.",
                  "The card {card} already belongs to another patron.")
AMBIGUOUS = Text("Có {count} bạn đọc cùng tên “{name}”; hãy thêm mã học sinh.",
                 "{count} patrons are called “{name}”; add a student code.")
BAD_CATEGORY = Text("Loại bạn đọc “{value}” không hợp lệ.", "Unknown patron category “{value}”.")
BAD_ENCODING = Text("Bảng mã “{encoding}” không dùng được (chọn: {allowed}).",
                    "Unknown text encoding “{encoding}” (choose: {allowed}).")
BAD_YEAR = Text("Năm học “{value}” không hợp lệ; viết ví dụ 2025-2026.",
                "The school year “{value}” is not valid; write e.g. 2025-2026.")

TEXT_FIELDS = ("full_name", "family_middle", "given_name", "class_name", "student_code",
               "gender", "phone", "email", "address", "note", "card", "school_year", "category")
_CATEGORY_WORDS = {"hoc sinh": "student", "giao vien": "teacher", "nhan vien": "staff",
                   "can bo": "staff", "ban doc": "community", "khach": "community"}


def import_class_list(service: PatronService, path: Path | str, *, dry_run: bool = True,
                      mapping: Mapping[str, str] | None = None,
                      default_class: str | None = None, school_year: str | None = None,
                      category: str = "student",
                      encodings: Mapping[str, str] | None = None) -> ImportResult:
    """Check (``dry_run=True``) or import a class list file (CSV or XLSX).

    *mapping* overrides the detected columns: ``{"Tên HS": "full_name", "D": "class_name"}``.
    *encodings* overrides the text encoding detected for a column (``unicode``, ``tcvn3``,
    ``vni``), the column named as in *mapping*: ``{"B": "vni"}``; the column's header is
    read in the same encoding.
    *default_class* is used for rows without a class column (else a class in a title row
    above the header, else the sheet's name). Returns an :class:`ImportResult`; nothing is
    written on a dry run, and a real run writes all good rows in one transaction.
    """
    for encoding in (encodings or {}).values():
        if encoding not in legacy_text.ENCODINGS:
            raise ImportFormatError("import.bad_encoding", BAD_ENCODING, encoding=encoding,
                                    allowed=", ".join(legacy_text.ENCODINGS))
    if default_class is not None and parse_class(default_class) is None:
        raise ImportFormatError("import.bad_class", BAD_CLASS, value=default_class)
    if school_year is not None and not _is_school_year(school_year):
        raise ImportFormatError("import.bad_year", BAD_YEAR, value=school_year)
    table = read_table(Path(path))
    chosen = dict(encodings or {})
    if dry_run:
        return _run(service, table, None, mapping, default_class, school_year, category,
                    chosen)
    with service.db.transaction() as conn:
        return _run(service, table, conn, mapping, default_class, school_year, category,
                    chosen)


def _is_school_year(text: str) -> bool:
    """Whether *text* is a school year, two years that follow each other ("2025-2026")."""
    year = normalize_school_year(text) or ""
    first, _, second = year.partition("-")
    return len(first) == 4 and first.isdigit() and second.isdigit() and \
        int(second) == int(first) + 1


def _run(service: PatronService, table: RawTable, conn: sqlite3.Connection | None,
         mapping: Mapping[str, str] | None, default_class: str | None,
         school_year: str | None, category: str, chosen: Mapping[str, str]) -> ImportResult:
    result = ImportResult(str(table.path), table.file_encoding, table.delimiter, [], [],
                          applied=conn is not None)
    for sheet in table.sheets:
        if sheet.hidden:
            result.hidden_sheets.append(sheet.name)
            continue
        header = find_header(sheet.rows, table.native)
        if header is None and mapping and sheet.rows:
            first = [c if isinstance(c, str) else "" for c in sheet.rows[0]]
            header = Header(0, [table.native(c) for c in first], [None] * len(first), None, None,
                            first)
        if header is None:
            result.skipped_sheets.append(sheet.name)
            continue
        encodings = _column_encodings(sheet, header, table.native)
        # The header row read as it was typed (a .VnTime title row shows "Họ và tên", not
        # "Hä vµ tªn"); a column whose encoding the librarian chose: its header too.
        overridden = _chosen_encodings(header, chosen)
        encodings.update(overridden)
        typed = header.encoding(table.native)
        header = header.decoded({index: overridden.get(index, typed)
                                 for index in range(len(header.raw))}, table.native)
        header = apply_overrides(header, mapping)
        _check_mapped_columns_exist(sheet, header, mapping)
        if "full_name" not in header.fields and not (
                "family_middle" in header.fields and "given_name" in header.fields):
            result.skipped_sheets.append(sheet.name)
            continue
        for index, text in enumerate(header.headers):
            field_name = header.fields[index] if index < len(header.fields) else None
            result.columns.append(ColumnInfo(
                sheet.name, index, text, field_name, encodings.get(index),
                _sample(sheet, header, index, encodings.get(index), table.native)))
        sheet_class = default_class or header.default_class or (
            str(parse_class(sheet.name)) if parse_class(sheet.name) else None)
        year = school_year or header.default_year or service.school_year()
        result.school_year = normalize_school_year(year)
        for line, row in enumerate(sheet.rows[header.row_index + 1:], header.row_index + 2):
            values = _row_values(row, header, encodings, table.native)
            if values is None:
                continue
            result.rows.append(_check_row(sheet.name, line, values, sheet_class,
                                          result.school_year, category))
    if not result.rows and not result.columns:
        raise missing_name_header(", ".join(result.skipped_sheets) or str(table.path))
    _mark_duplicate_codes(result.rows)
    _match_existing(service, result.rows)
    if conn is not None:
        _write(service, conn, result.rows)
    return result


def _check_mapped_columns_exist(sheet: Sheet, header: Header,
                                mapping: Mapping[str, str] | None) -> None:
    """A column named by letter or number past the sheet's last one ("Z" in a four-column
    list) is a slip: said, rather than an import of rows with nothing in that field."""
    width = max((len(row) for row in sheet.rows), default=0)
    for column in mapping or {}:
        index = column_index(column, header)
        if index is not None and index >= width:
            raise ImportFormatError("import.bad_column", UNKNOWN_COLUMN, column=column)


def _sample(sheet: Sheet, header: Header, index: int, encoding: str | None,
            native: Callable[[str], str]) -> str:
    """The first text below the header in column *index*, read in *encoding*: what the
    librarian checks when choosing the encoding."""
    for row in sheet.rows[header.row_index + 1:]:
        cell = row[index] if index < len(row) else None
        if isinstance(cell, str) and cell.strip():
            return _cell_text(cell, encoding, native)
    return ""


def _chosen_encodings(header: Header, chosen: Mapping[str, str]) -> dict[int, str]:
    """The encodings the librarian chose, by column index (a column not in this sheet is
    left out)."""
    out: dict[int, str] = {}
    for column, encoding in chosen.items():
        index = column_index(column, header)
        if index is not None:
            out[index] = encoding
    return out


def _column_encodings(sheet: Sheet, header: Header,
                      native: Callable[[str], str]) -> dict[int, str]:
    """The encoding detected in each column holding text (mapped to a field or not, so the
    librarian sees every column's and may correct it)."""
    out: dict[int, str] = {}
    body = sheet.rows[header.row_index + 1:]
    width = max([len(header.fields), *(len(row) for row in body)]) if body else 0
    for index in range(width):
        column = (row[index] for row in body if index < len(row))
        cells = [cell for cell in column if isinstance(cell, str)]
        if cells:
            out[index] = legacy_text.detect(cells, native)
    return out


_NAME_PARTS = {"full_name", "family_middle", "given_name"}
_BIRTH_PARTS = ("birth_date", "birth_day", "birth_month", "birth_year")


def _cell_text(cell: Cell, encoding: str | None, native: Callable[[str], str],
               name: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        text = native(cell) if encoding in (None, legacy_text.UNICODE) else \
            legacy_text.decode(cell, encoding)
        words = nfc(text).translate(_INVISIBLE).split()
        if name and encoding == legacy_text.TCVN3 and not any(
                w[0].isascii() and w[0].islower() for w in words):
            # TCVN3 has no capital toned vowels: a given name alone in its cell ("¸nh")
            # comes back "ánh"; a name's words all start with a capital.
            words = [w[0].upper() + w[1:] for w in words]
        return " ".join(words)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    return str(cell)


# Copied from a web page or a chat: a zero-width space or a stray BOM stands between words.
_INVISIBLE = {ord(ch): " " for ch in "\u200b\u2060\ufeff"} | {ord(ch): None for ch in "\u200c\u200d\u00ad"}
_WHO = {"full_name", "family_middle", "given_name", "student_code", "card"}


def _row_values(row: Sequence[Cell], header: Header, encodings: Mapping[int, str],
                native: Callable[[str], str]) -> dict[str, Any] | None:
    """The mapped cells of a row as text (dates kept as dates); None for a blank row or a
    repeated header row."""
    values: dict[str, Any] = {}
    for index, field_name in enumerate(header.fields):
        if field_name is None or field_name == "ignore" or index >= len(row):
            continue
        cell = row[index]
        if field_name in _BIRTH_PARTS and isinstance(cell, (date, datetime, int, float)):
            values[field_name] = cell
            continue
        text = _cell_text(cell, encodings.get(index), native, field_name in _NAME_PARTS)
        if text:
            values[field_name] = text
    if not values:
        return None
    # A line under the table ("Hà Nội, ngày 05 tháng 9 năm 2026", "HIỆU TRƯỞNG") fills one
    # cell of some column and names nobody: not a student. A student with the name missing
    # still has other cells (code, birth date…) and is reported.
    if len(values) == 1 and not values.keys() & _WHO:
        return None
    if _is_totals_line(values):
        return None
    if "female_mark" in header.fields and "gender" not in header.fields:  # "x" under "Nữ"
        index = header.fields.index("female_mark")
        mark = row[index] if index < len(row) else None
        values["gender"] = "female" if mark is not None and str(mark).strip() else "male"
        values.pop("female_mark", None)
    name_index = header.fields.index("full_name") if "full_name" in header.fields else None
    if name_index is not None and name_index < len(header.headers) and \
            fold(str(values.get("full_name", ""))) == fold(header.headers[name_index]):
        return None  # the header repeated (a list printed over several pages)
    return values


# "Tổng cộng", "Tổng số: 32", "Cộng: 32" in the name column; tones told apart, so the
# family name Tống ("Tống Công Minh") is still a pupil.
_TOTALS = re.compile(r"^(tổng|cộng|total)(?=$|[\s:\d(])")


def _is_totals_line(values: Mapping[str, Any]) -> bool:
    """Whether a row is the table's totals line (its name cell says so and it has no
    student code, card or birth date)."""
    name = values.get("full_name") or values.get("family_middle") or ""
    return bool(_TOTALS.match(nfc(str(name)).casefold())) and not values.keys() & {
        "student_code", "card", "birth_date"}


def _check_row(sheet: str, line: int, raw: dict[str, Any], default_class: str | None,
               school_year: str | None, category: str) -> RowResult:
    row = RowResult(sheet, line)
    values: dict[str, Any] = {}
    name = title_case_name(raw.get("full_name") or join_name(raw.get("family_middle"),
                                                             raw.get("given_name")))
    if not name:
        row.error("import.no_name", NO_NAME())
    elif any(ch.isdigit() for ch in name):
        row.error("import.bad_name", BAD_NAME(value=name))
    values["full_name"] = name or None
    kind = category
    if raw.get("category"):
        kind = raw["category"] if raw["category"] in CATEGORIES else \
            _CATEGORY_WORDS.get(fold(raw["category"]), "")
        if not kind:
            row.error("import.bad_category", BAD_CATEGORY(value=raw["category"]))
    values["category"] = kind or category
    klass = raw.get("class_name") or default_class
    if klass:
        parsed = parse_class(klass)
        if parsed is None:
            row.error("import.bad_class", BAD_CLASS(value=klass))
        values["class_name"] = str(parsed) if parsed else klass
    elif values["category"] == "student":
        row.error("import.no_class", NO_CLASS())
    if raw.keys() & set(_BIRTH_PARTS):
        typed, iso = _birth_date(raw)
        if iso is None:
            row.error("import.bad_date", BAD_DATE(value=typed))
        values["birth_date"] = iso
    if "gender" in raw:
        gender = parse_gender(raw["gender"])
        if gender is None:
            row.warn("import.bad_gender", BAD_GENDER(value=raw["gender"]))
        else:
            values["gender"] = gender
    for name_of in ("student_code", "phone", "email", "address", "note"):
        if raw.get(name_of):
            values[name_of] = raw[name_of]
    if raw.get("card"):
        values["card"] = str(raw["card"]).upper()
    values["school_year"] = normalize_school_year(raw.get("school_year")) or school_year
    row.values = values
    return row


def _birth_date(raw: Mapping[str, Any]) -> tuple[str, str | None]:
    """The birth date a row gives, as written (for a message) and as stored: a whole date,
    or only what the list says (a year alone "2012" is kept "2012", never 01/01/2012). A
    date split over "Ngày" / "Tháng" / "Năm" columns is put together."""
    if "birth_date" in raw:
        return str(raw["birth_date"]), parse_birth_date(raw["birth_date"])
    if raw.keys() & {"birth_day", "birth_month"}:
        parts = [raw.get(key) for key in ("birth_day", "birth_month", "birth_year")]
        typed = "/".join(_cell_text(p, None, str) for p in parts)
        return typed, birth_date_from_parts(*parts)
    year = raw["birth_year"]  # 12 or "12" in a year column is 2012 (never an Excel serial)
    return str(year), birth_date_from_parts(None, None, year) or parse_birth_date(year)


def _mark_duplicate_codes(rows: list[RowResult]) -> None:
    seen: dict[str, list[RowResult]] = {}
    for row in rows:
        code = row.values.get("student_code")
        if code:
            seen.setdefault(str(code).casefold(), []).append(row)
    for group in seen.values():
        if len(group) > 1:
            lines = ", ".join(str(r.line) for r in group)
            for row in group:
                row.error("import.duplicate_code",
                          DUPLICATE_CODE(student_code=row.values["student_code"], lines=lines))


def _find_existing(service: PatronService, values: Mapping[str, Any]) -> list[Patron]:
    conn = service.db.conn
    code = values.get("student_code")
    if code:
        rows = conn.execute(SELECT + " WHERE deleted = 0 AND student_code = ? COLLATE NOCASE",
                            (code,)).fetchall()
        return [patron_from_row(r) for r in rows]
    name_fold = fold(values.get("full_name") or "")
    if values.get("birth_date"):
        rows = conn.execute(SELECT + " WHERE deleted = 0 AND name_fold = ? AND birth_date = ?",
                            (name_fold, values["birth_date"])).fetchall()
    else:
        rows = conn.execute(SELECT + " WHERE deleted = 0 AND name_fold = ? AND class_name = ?",
                            (name_fold, values.get("class_name"))).fetchall()
    return [patron_from_row(r) for r in rows]


def _match_existing(service: PatronService, rows: list[RowResult]) -> None:
    conn = service.db.conn
    found = {id(row): _find_existing(service, row.values) for row in rows
             if row.status != "error"}
    # Namesakes (same name and class, no code or birth date): when the list has as many rows
    # as the library has such patrons, they are the same pupils, in order — as the same list
    # imported before added them.
    alike: dict[tuple[int, ...], list[RowResult]] = {}
    for row in rows:
        ids = tuple(sorted(p.id for p in found.get(id(row), [])))
        if len(ids) > 1:
            alike.setdefault(ids, []).append(row)
    for ids, group in alike.items():
        if len(group) == len(ids):
            by_id = {p.id: p for p in found[id(group[0])]}
            for row, patron_id in zip(group, ids, strict=True):
                found[id(row)] = [by_id[patron_id]]
    for row in rows:
        if row.status == "error":
            continue
        matches = found[id(row)]
        if len(matches) > 1:
            row.error("import.ambiguous", AMBIGUOUS(count=len(matches),
                                                   name=row.values["full_name"]))
            continue
        existing = matches[0] if matches else None
        card = row.values.get("card")
        if card:
            owner = conn.execute("SELECT id FROM patrons WHERE card = ?", (card,)).fetchone()
            if owner and (existing is None or owner[0] != existing.id):
                row.error("import.card_taken", CARD_TAKEN(card=card))
                continue
        if existing is None:
            row.status = "new"
            continue
        row.patron_id = existing.id
        row.changes = {k: (getattr(existing, k), v) for k, v in row.values.items()
                       if v is not None and getattr(existing, k) != v and k != "category"}
        row.status = "update" if row.changes else "unchanged"


def _write(service: PatronService, conn: sqlite3.Connection, rows: list[RowResult]) -> None:
    for row in rows:
        if row.status == "new":
            given = {k: v for k, v in row.values.items() if v is not None}
            row.patron_id = service._insert(conn, given)
        elif row.status == "update" and row.patron_id is not None:
            service._update(conn, row.patron_id, {k: new for k, (_, new) in row.changes.items()})
