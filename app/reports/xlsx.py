"""A report (:mod:`app.reports.table`) as an Excel workbook, for handing in or pasting into
the district's form: headings in Vietnamese, days as real dates shown dd/mm/yyyy, figures
as numbers (đồng with thousands separators), one worksheet per part.

Each worksheet starts with the library's name, the title, the school year and what the
report covers; sections sharing a worksheet follow one another with their own heading.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.i18n import Text
from app.reports.signatures import dated_line
from app.reports.table import Cell, Report, Section
from app.text import nfc

SCHOOL_YEAR = Text("Năm học {year}", "School year {year}")
PART = Text("Phần {name}", "Part {name}")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E5E7EB")
# One style object of each kind, shared by every cell (openpyxl hashes each one it is given:
# building a new one per cell costs more than writing the cell).
HEAD_ALIGN = Alignment(wrap_text=True, horizontal="center", vertical="center")
TEXT_ALIGN = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
FORMATS = {"date": "DD/MM/YYYY", "money": "#,##0", "int": "#,##0"}
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


def _value(value: Cell) -> Cell:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def sheet_name(name: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts (31 characters, none of []:*?/\\), unique in *taken*.

    >>> sheet_name("Phần I: nhập/xuất", set())
    'Phần I nhậpxuất'
    """
    base = _BAD_SHEET.sub("", nfc(name)).strip()[:31] or "Sheet"
    candidate, number = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({number})"
        candidate, number = base[:31 - len(suffix)] + suffix, number + 1
    taken.add(candidate)
    return candidate


class _Sheet:
    def __init__(self, ws: Worksheet, report: Report) -> None:
        self.ws = ws
        self.row = 1
        self.widths: dict[int, float] = {}
        for text, bold, size in ((report.library, True, 11), (report.title, True, 14),
                                 (SCHOOL_YEAR(year=report.school_year), False, 11),
                                 (report.scope, False, 11)):
            if text:
                cell = ws.cell(self.row, 1, nfc(text))
                cell.font = Font(bold=bold, size=size)
                self.row += 1
        self.row += 1

    def section(self, section: Section) -> None:
        ws = self.ws
        if section.title:
            ws.cell(self.row, 1, nfc(section.title)).font = Font(bold=True, size=12)
            self.row += 1
        for line in section.lines:
            ws.cell(self.row, 1, nfc(line))
            self.row += 1
        for index, column in enumerate(section.columns, start=1):
            cell = ws.cell(self.row, index, nfc(column.title.replace("\n", " ")))
            cell.font = BOLD
            cell.fill = HEAD_FILL
            cell.border = BOX
            cell.alignment = HEAD_ALIGN
            self.widths[index] = max(self.widths.get(index, 0.0), column.width / 5.5)
        self.row += 1
        if not section.rows and section.empty:
            ws.cell(self.row, 1, nfc(section.empty)).font = Font(italic=True)
            self.row += 1
        bodies = [(row, False) for row in section.rows]
        if section.total is not None:
            bodies.append((section.total, True))
        for values, bold in bodies:
            for index, (value, column) in enumerate(zip(values, section.columns, strict=True),
                                                    start=1):
                if value is None and not bold:
                    continue  # an empty cell costs nothing; styling it would
                cell = ws.cell(self.row, index, _value(value))
                if column.kind in FORMATS and not isinstance(value, str):
                    cell.number_format = FORMATS[column.kind]
                elif column.kind == "text" and isinstance(value, str) and len(value) > 20:
                    cell.alignment = TEXT_ALIGN  # long text wraps inside its column
                if bold:
                    cell.font = BOLD
            self.row += 1
        self.row += 1

    def signatures(self, report: Report) -> None:
        """The place-and-date line, then each signer's role and hint, a column apart."""
        if not report.signatures:
            return
        ws = self.ws
        last = max(len(self.widths), 2)
        step = max(1, last // len(report.signatures))
        columns = [1 + index * step for index in range(len(report.signatures))]
        if len(report.signatures) == 1:
            columns = [max(1, last - 1)]
        self.row += 1
        ws.cell(self.row, columns[-1], dated_line(report.printed_on))
        self.row += 2
        for column, signer in zip(columns, report.signatures, strict=True):
            ws.cell(self.row, column, nfc(signer.role)).font = BOLD
            ws.cell(self.row + 1, column, nfc(signer.hint)).font = Font(italic=True)
        self.row += 2

    def finish(self) -> None:
        for index, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(index)].width = max(6.0, width)


def report_xlsx(report: Report) -> bytes:
    """The workbook of *report* as bytes."""
    book = Workbook()
    default = book.active
    sheets: dict[str, _Sheet] = {}
    taken: set[str] = set()
    for section in report.sections:
        key = section.sheet or "1"
        if key not in sheets:
            name = PART(name=key) if re.fullmatch(r"[IVX]+", key) else key
            sheets[key] = _Sheet(book.create_sheet(sheet_name(name, taken)), report)
        sheets[key].section(section)
    if sheets:
        sheets[report.sections[-1].sheet or "1"].signatures(report)
    for sheet in sheets.values():
        sheet.finish()
    if default is not None:
        book.remove(default)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
