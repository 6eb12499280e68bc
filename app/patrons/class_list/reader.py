"""Reading a class-list file into sheets of raw cells.

CSV: UTF-8 (with or without BOM), UTF-16 with BOM, else the bytes are kept one character per
byte (Latin-1) so that each column can later be read as Windows-1258 or as a legacy font
encoding; the delimiter (``,`` ``;`` or tab) is sniffed. XLSX: every sheet, with date cells as
dates (openpyxl, values only).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.errors import ImportFormatError
from app.i18n import Text

Cell = object  # str, int, float, datetime or None

NOT_FOUND = Text("Không tìm thấy tệp {path}.", "File {path} not found.")
UNSUPPORTED = Text(
    "Không đọc được tệp {path}: chỉ nhận CSV và XLSX (với tệp .xls cũ hãy mở bằng Excel và "
    "lưu lại dạng .xlsx).",
    "Cannot read {path}: only CSV and XLSX are supported (open an old .xls in Excel and save "
    "it as .xlsx).")
BAD_XLSX = Text("Tệp Excel {path} bị hỏng hoặc không đúng định dạng: {reason}",
                "The Excel file {path} is damaged or not an .xlsx: {reason}")
EMPTY = Text("Tệp {path} không có dữ liệu.", "The file {path} has no data.")

_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')  # literal text, [colour] or [$-42A] in a format
BYTES = "cp1258"  # cells kept byte-for-byte; Windows-1258 is the ordinary reading


def read_cp1258(cell: str) -> str:
    """Read a byte-for-byte cell as Windows-1258 text, in NFC (cp1258 uses combining tones)."""
    text = cell.encode("latin-1").decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text)


def read_unicode(cell: str) -> str:
    """Read an ordinary Unicode cell (NFC)."""
    return unicodedata.normalize("NFC", cell)


@dataclass
class Sheet:
    """The raw rows of one sheet (or of a CSV file)."""

    name: str
    rows: list[list[Cell]]
    hidden: bool = False  # hidden in Excel: last year's class or a template, not this list


@dataclass
class RawTable:
    """A file read into sheets, with how its text cells are ordinarily read."""

    path: Path
    file_encoding: str  # 'utf-8', 'utf-8-sig', 'utf-16', 'cp1258' (bytes) or 'xlsx'
    delimiter: str | None
    sheets: list[Sheet] = field(default_factory=list)

    @property
    def native(self) -> Callable[[str], str]:
        """How a text cell of this file is read when it is not in a legacy font encoding."""
        return read_cp1258 if self.file_encoding == BYTES else read_unicode


def _sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()][:30]
    best, best_count = ",", 0
    for delim in (",", ";", "\t"):
        counts = [line.count(delim) for line in lines]
        if not counts:
            continue
        # the delimiter of a table appears on most lines, the same number of times
        common = max(set(counts), key=counts.count)
        score = common * counts.count(common)
        if common and score > best_count:
            best, best_count = delim, score
    return best


def read_csv(path: Path) -> RawTable:
    """Read a CSV file (encoding and delimiter detected)."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), BYTES
    delimiter = _sniff_delimiter(text)
    rows: list[list[Cell]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""),
                                                          delimiter=delimiter)]
    return RawTable(path, encoding, delimiter, [Sheet(path.stem, rows)])


def read_xlsx(path: Path) -> RawTable:
    """Read every sheet of an .xlsx workbook (values, not formulas), noting the hidden ones."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFormatError("import.bad_xlsx", BAD_XLSX, path=str(path),
                                reason=str(exc)) from exc
    try:
        sheets = [Sheet(ws.title, [[_cell_value(cell) for cell in row] for row in ws.iter_rows()],
                        hidden=ws.sheet_state != "visible")
                  for ws in book.worksheets]
    finally:
        book.close()
    return RawTable(path, "xlsx", None, sheets)


def _cell_value(cell: object) -> Cell:
    """A cell's value as Excel shows it where that matters: a number in a cell formatted
    "000000000000" (a personal ID number, mã định danh) keeps its leading zeros as text; a
    date formatted to show only its year ("yyyy") or month and year ("mm/yyyy") is that
    text, "2012" or "09/2012" (the day Excel keeps behind it was never written)."""
    value: Cell = getattr(cell, "value", None)
    shape = getattr(cell, "number_format", None)
    if isinstance(value, (date, datetime)) and isinstance(shape, str):
        letters = set(_QUOTED.sub("", shape).lower())
        if "y" in letters and "d" not in letters:
            return f"{value.month:02d}/{value.year}" if "m" in letters else str(value.year)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and \
            float(value).is_integer() and value >= 0 and isinstance(shape, str) and \
            shape and set(shape) == {"0"} and len(shape) > len(str(int(value))):
        return str(int(value)).zfill(len(shape))
    return value


def read_table(path: Path) -> RawTable:
    """Read a class list file; raises ImportFormatError for missing/unsupported/empty files."""
    if not path.is_file():
        raise ImportFormatError("import.not_found", NOT_FOUND, path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = read_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        table = read_csv(path)
    else:
        raise ImportFormatError("import.unsupported", UNSUPPORTED, path=str(path))
    if not any(any(c not in (None, "") for c in row) for s in table.sheets for row in s.rows):
        raise ImportFormatError("import.empty", EMPTY, path=str(path))
    return table
