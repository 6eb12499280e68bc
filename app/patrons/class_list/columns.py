"""Finding the header row of a class list and mapping its columns to patron fields.

Headers are compared folded (no diacritics, any case), in Vietnamese or English, and also
after reading them as TCVN3 / VNI / Windows-1258 in case the title row was typed in a legacy
font. Schools often put a title ("DANH SÁCH HỌC SINH LỚP 6A – NĂM HỌC 2025-2026") above the
header: those rows are searched for a class and a school year to use when the table has no
such column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from app import legacy_text
from app.errors import ImportFormatError
from app.i18n import Text
from app.patrons.class_list.reader import Cell
from app.patrons.classes import parse_class
from app.text import fold, nfc

FIELDS = ("full_name", "family_middle", "given_name", "class_name", "birth_date",
          "birth_day", "birth_month", "birth_year", "student_code", "gender", "female_mark", "phone", "email", "address", "note", "card",
          "school_year", "category", "ignore")

_ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("họ và tên", "họ tên", "tên học sinh", "họ và tên học sinh", "họ tên học sinh",
                  "họ và tên bạn đọc", "họ tên bạn đọc", "tên bạn đọc", "full name", "name",
                  "student name", "student", "học sinh"),
    "family_middle": ("họ đệm", "họ và đệm", "họ và tên đệm", "họ lót", "họ", "family name",
                      "last name", "surname", "family and middle name"),
    "given_name": ("tên", "given name", "first name"),
    "class_name": ("lớp", "class", "lớp học", "tên lớp", "class name", "form"),
    "birth_date": ("ngày sinh", "ngày tháng năm sinh", "sinh ngày", "date of birth", "dob",
                   "birth date", "birthday", "birthdate"),
    # A year alone ("Năm sinh": 2012), or the date split over "Ngày" | "Tháng" | "Năm"
    # (often under a "Ngày sinh" merged across the three).
    "birth_year": ("năm sinh", "year of birth", "birth year", "yob"),
    "birth_month": ("tháng sinh", "tháng", "month of birth", "birth month"),
    "birth_day": ("ngày",),
    "student_code": ("mã học sinh", "mã hs", "mã định danh", "mã định danh học sinh", "mã số",
                     "mã số học sinh", "student code", "student id", "student number", "mã",
                     "code", "id", "mshs", "mhs"),
    "gender": ("giới tính", "gender", "sex", "nam nữ", "nam/nữ", "gt", "phái"),
    # A column headed "Nữ" holds an x for each girl (blank: a boy), as school lists do.
    "female_mark": ("nữ", "female"),
    "phone": ("số điện thoại", "điện thoại", "sđt", "số đt", "phone", "telephone", "mobile",
              "điện thoại phụ huynh", "sđt phụ huynh"),
    "email": ("email", "e-mail", "thư điện tử"),
    "address": ("địa chỉ", "address", "nơi ở", "chỗ ở"),
    "note": ("ghi chú", "note", "notes", "remarks"),
    "card": ("mã thẻ", "số thẻ", "thẻ", "card", "card number", "mã bạn đọc"),
    "school_year": ("năm học", "school year"),
    "category": ("loại bạn đọc", "đối tượng", "category"),
    "ignore": ("stt", "tt", "số thứ tự", "no", "no.", "#", "ký tên", "chữ ký", "signature"),
}
# Headers that fold to another word's letters ("Năm", the year, and "Nam", a boys' column
# beside "Nữ"): recognised only as typed, with their marks.
MARKED_ALIASES = {"năm": "birth_year"}
ALIASES: dict[str, str] = {fold(alias): name for name, group in _ALIASES.items()
                           for alias in group}
_MULTIWORD = sorted((a for a in ALIASES if " " in a), key=len, reverse=True)

NO_HEADER = Text(
    "Không tìm thấy dòng tiêu đề có cột họ tên trong {sheet} (cần một cột như “Họ và tên” "
    "hoặc “Họ đệm” + “Tên”). Hãy chỉ định cột bằng tay.",
    "No header row with a name column was found in {sheet} (a column such as “Họ và tên” / "
    "“Full name”, or “Họ đệm” + “Tên”, is needed). Map the columns by hand.")
BAD_FIELD = Text("Trường “{field}” không tồn tại (chọn: {allowed}).",
                 "Unknown field “{field}” (choose: {allowed}).")

_YEAR = re.compile(r"(20\d\d)\s*[-–/]\s*(20\d\d)")
_TITLE_CLASS = re.compile(r"\blop\s*:?\s*(\d{1,2}\s*[/.]?\s*[a-z0-9]{0,4})\b")
HEADER_SCAN_ROWS = 25


def readings(cell: str, native: Callable[[str], str]) -> list[str]:
    """The ways a header/title cell may be meant: as stored, TCVN3, VNI (folded)."""
    out = [fold(native(cell))]
    for encoding in (legacy_text.TCVN3, legacy_text.VNI):
        folded = fold(legacy_text.decode(cell, encoding))
        if folded not in out:
            out.append(folded)
    return out


def field_of_header(cell: Cell, native: Callable[[str], str]) -> str | None:
    """The field a header cell names, or None.

    >>> field_of_header("Họ và tên (*)", str), field_of_header("Ngày sinh (dd/mm/yyyy)", str)
    ('full_name', 'birth_date')
    >>> field_of_header("Hä vµ tªn", str)  # typed in TCVN3
    'full_name'
    >>> field_of_header("Năm", str), field_of_header("Nam", str), field_of_header("Tháng", str)
    ('birth_year', None, 'birth_month')
    """
    if cell is None or not isinstance(cell, str) or not cell.strip():
        return None
    for typed in (native(cell), *(legacy_text.decode(cell, encoding)
                                  for encoding in (legacy_text.TCVN3, legacy_text.VNI))):
        marked = MARKED_ALIASES.get(" ".join(nfc(typed).casefold().split()))
        if marked is not None:
            return marked
    for folded in readings(cell, native):
        if folded in ALIASES:
            return ALIASES[folded]
    for folded in readings(cell, native):
        for alias in _MULTIWORD:
            if folded.startswith(alias + " "):
                return ALIASES[alias]
    return None


@dataclass
class Header:
    """Where the header is and which field each column holds."""

    row_index: int  # 0-based index of the header row in the sheet
    headers: list[str]  # the header cells as text (read natively, or decoded: see decoded)
    fields: list[str | None]  # field per column (None: not recognised, 'ignore': skipped)
    default_class: str | None  # from a title above the header
    default_year: str | None
    raw: list[str] = field(default_factory=list)  # the header cells as stored in the file

    def decoded(self, encodings: Mapping[int, str], native: Callable[[str], str]) -> Header:
        """This header with each column's text read in *encodings* (column index → encoding;
        a column not named is read natively): "Hä vµ tªn" typed in TCVN3 shows "Họ và tên"."""
        headers = list(self.headers)
        for index, cell in enumerate(self.raw):
            encoding = encodings.get(index)
            if cell and encoding in (legacy_text.TCVN3, legacy_text.VNI):
                headers[index] = nfc(legacy_text.decode(cell, encoding))
            elif cell and index < len(headers):
                headers[index] = native(cell)
        return Header(self.row_index, headers, self.fields, self.default_class,
                      self.default_year, self.raw)

    def encoding(self, native: Callable[[str], str]) -> str:
        """The encoding the header row was typed in (``unicode`` when it has no text)."""
        cells = [c for c in self.raw if c and c.strip()]
        return legacy_text.detect(cells, native) if cells else legacy_text.UNICODE


def _has_name(fields: Sequence[str | None]) -> bool:
    return "full_name" in fields or "given_name" in fields


def _lone_given_name_is_full(fields: list[str | None]) -> list[str | None]:
    """A "Tên" column with no "Họ" column beside it holds the whole name."""
    if "given_name" in fields and not {"full_name", "family_middle"} & set(fields):
        return ["full_name" if f == "given_name" else f for f in fields]
    return fields


def _split_birth_date(fields: list[str | None]) -> list[str | None]:
    """A birth date split over columns: "Ngày sinh" | "Tháng sinh" | "Năm sinh" make its
    day, month and year; a "Ngày" column with no month beside it is no part of one."""
    if "birth_month" in fields and "birth_day" not in fields:
        fields = ["birth_day" if f == "birth_date" else f for f in fields]
    if "birth_day" in fields and "birth_month" not in fields:
        fields = [None if f == "birth_day" else f for f in fields]
    return fields


def find_header(rows: Sequence[Sequence[Cell]], native: Callable[[str], str]) -> Header | None:
    """Find the header row among the first rows (the one naming most known fields and a
    name column); None if there is none."""
    best: tuple[int, int, list[str | None]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = [field_of_header(c, native) for c in row]
        known = sum(f is not None for f in fields)
        if _has_name(fields) and (best is None or known > best[1]):
            best = (index, known, fields)
    if best is None:
        return None
    index, _, fields = best
    headers = [native(c) if isinstance(c, str) else ("" if c is None else str(c))
               for c in rows[index]]
    raw = [c if isinstance(c, str) else "" for c in rows[index]]
    top = index
    # A header on two rows: "Họ và tên" merged over "Họ đệm" | "Tên" below it, or "STT",
    # "Ngày sinh" merged down beside a row naming the parts. The row below wins where it
    # names a field; the row above fills the columns it leaves empty.
    if index + 1 < len(rows) and _continues_header(rows[index + 1], native):
        fields, headers, raw = _merge_header(fields, headers, raw, rows[index + 1], native,
                                             below=True)
        index += 1
    if top > 0 and _continues_header(rows[top - 1], native):
        fields, headers, raw = _merge_header(fields, headers, raw, rows[top - 1], native,
                                             below=False)
        top -= 1
    default_class, default_year = _title_hints(rows[:top], native)
    return Header(index, headers, _split_birth_date(_lone_given_name_is_full(fields)),
                  default_class, default_year, raw)


def _continues_header(row: Sequence[Cell], native: Callable[[str], str]) -> bool:
    """Whether *row* is the other half of a two-row header: text cells naming known fields
    at least as often as not (a data row holds numbers, dates and names)."""
    texts = [c for c in row if c not in (None, "")]
    named = sum(field_of_header(c, native) is not None for c in texts)
    return named > 0 and all(isinstance(c, str) for c in texts) and named * 2 >= len(texts)


def _merge_header(fields: list[str | None], headers: list[str], raw: list[str],
                  other: Sequence[Cell], native: Callable[[str], str], *, below: bool
                  ) -> tuple[list[str | None], list[str], list[str]]:
    fields, headers, raw = list(fields), list(headers), list(raw)
    for column, cell in enumerate(other):
        field_name = field_of_header(cell, native)
        if field_name is None:
            continue
        while len(fields) <= column:
            fields.append(None)
            headers.append("")
        while len(raw) <= column:
            raw.append("")
        if below or fields[column] is None:
            if field_name in fields and fields.index(field_name) != column:
                continue  # a field comes from one column only
            fields[column], headers[column] = field_name, native(str(cell))
            raw[column] = str(cell)
    if below and "family_middle" in fields and "given_name" in fields:
        fields = [None if f == "full_name" else f for f in fields]  # the merged parent
    return fields, headers, raw


def _title_hints(rows: Sequence[Sequence[Cell]],
                 native: Callable[[str], str]) -> tuple[str | None, str | None]:
    klass = year = None
    for row in rows:
        for cell in row:
            if not isinstance(cell, str):
                continue
            for folded in readings(cell, native):
                match = _YEAR.search(folded)
                if match and year is None:
                    year = f"{match[1]}-{match[2]}"
                found = _TITLE_CLASS.search(folded)
                if found and klass is None and parse_class(found[1]) is not None:
                    klass = str(parse_class(found[1]))
    return klass, year


def apply_overrides(header: Header, overrides: Mapping[str, str] | None) -> Header:
    """Apply a manual mapping ``{column: field}``; a column is its header text (compared
    folded), its 1-based number or its spreadsheet letter ("C")."""
    if not overrides:
        return header
    fields = list(header.fields)
    for column, field_name in overrides.items():
        if field_name not in FIELDS:
            raise ImportFormatError("import.bad_field", BAD_FIELD, field=field_name,
                                    allowed=", ".join(FIELDS))
        index = column_index(column, header)
        if index is None:
            raise ImportFormatError("import.bad_column", UNKNOWN_COLUMN, column=column)
        if field_name != "ignore":  # a field comes from one column only
            fields = [None if f == field_name else f for f in fields]
        while len(fields) <= index:
            fields.append(None)
        fields[index] = field_name
    return Header(header.row_index, header.headers, fields, header.default_class,
                  header.default_year, header.raw)


UNKNOWN_COLUMN = Text("Không có cột “{column}” trong tệp.", "There is no column “{column}”.")


def column_index(column: str, header: Header) -> int | None:
    """The 0-based index of *column* in *header*: its header text (compared folded, as shown
    or as stored in the file), its 1-based number or its spreadsheet letter ("C")."""
    wanted = fold(column)
    for texts in (header.headers, header.raw):
        for index, text in enumerate(texts):
            if text and fold(text) == wanted:
                return index
    if column.strip().isdigit():
        return int(column) - 1 if int(column) >= 1 else None
    letters = column.strip().upper()
    if letters.isalpha() and letters.isascii() and len(letters) <= 2:
        number = 0
        for ch in letters:
            number = number * 26 + (ord(ch) - 64)
        return number - 1
    return None


def missing_name_header(sheet: str) -> ImportFormatError:
    """The error raised when no sheet has a recognisable header."""
    return ImportFormatError("import.no_header", NO_HEADER, sheet=sheet)
