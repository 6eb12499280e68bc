"""A report (:mod:`app.reports.table`) drawn on the label drawing surface: the same recording
becomes the PDF (:func:`app.labels.pdf.to_pdf`), the preview on screen and the print job.

A4, landscape for the wide registers. Every page carries the library's name, the register's
name and the school year at the top and "Trang i/n" at the bottom; the first page the title
and what the register covers. Columns share the page's width as the report says; long text
is wrapped inside its cell (a word longer than the cell is broken), never drawn over the next
one; a table going on to the next page repeats its column heads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from app.circulation.clock import display_date
from app.circulation.fines import format_dong
from app.i18n import Text
from app.labels.fonts import BOLD, REGULAR, register_fonts, text_width
from app.labels.surface import Align, Recording
from app.reports.signatures import dated_line
from app.reports.table import Cell, Column, Report, Section
from app.text import nfc, thousands

PAGE = Text("Trang {page}/{pages}", "Page {page} of {pages}")
SCHOOL_YEAR = Text("Năm học {year}", "School year {year}")
PRINTED = Text("In ngày {day}", "Printed on {day}")
CONTINUED = Text("{title} (tiếp)", "{title} (continued)")
SIGNATURE_SPACE = 110.0  # the place-and-date line, the roles, their hints and room to sign
MARGIN = 28.0
TOP_SPACE = 46.0   # above the content: the running heading
BOTTOM_SPACE = 40.0  # below it: the page number
SIZE = 8.0
LEADING = SIZE * 1.25
PAD = 2.5
MAX_CELL_LINES = 10
ELLIPSIS = "…"
NUMERIC = ("int", "number", "money")


def page_size(report: Report) -> tuple[float, float]:
    """The page in millimetres: A4, landscape when the report is wide."""
    return (297.0, 210.0) if report.landscape else (210.0, 297.0)


def cell_text(value: Cell, kind: str) -> str:
    """A cell as printed: days dd/mm/yyyy, đồng with dot thousands, nothing for None.

    >>> cell_text(1234567.0, "money"), cell_text(date(2025, 9, 5), "date"), cell_text(None, "int")
    ('1.234.567', '05/09/2025', '')
    >>> cell_text(20000, "int"), cell_text(20000, "number")
    ('20.000', '20000')
    """
    if value is None:
        return ""
    if isinstance(value, date):
        return display_date(value)
    if kind == "money" and isinstance(value, int | float):
        return format_dong(round(value)).removesuffix(" đ")
    if kind == "int" and isinstance(value, int | float) and float(value).is_integer():
        return thousands(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


@lru_cache(maxsize=65536)
def _width(text: str, font: str, size: float) -> float:
    """Width of *text* in points (the same names, authors and places come back on many
    lines: measured once)."""
    return text_width(text, font, size)


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and _width(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return pieces + [current] if current else pieces


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """*text* broken into lines at most *width* points wide: between words, and inside a
    word only when the word alone is wider; given line breaks are kept.

    The bundled font has no kerning, so a line's width is the sum of its words' and spaces'.
    """
    lines: list[str] = []
    space = _width(" ", font, size)
    for paragraph in nfc(text).split("\n"):
        if _width(paragraph, font, size) <= width:
            lines.append(paragraph.rstrip())  # a leading indent (a sub-row) is kept
            continue
        current, used = "", 0.0
        for word in paragraph.split():
            size_of_word = _width(word, font, size)
            if current and used + space + size_of_word <= width:
                current, used = f"{current} {word}", used + space + size_of_word
                continue
            if not current and size_of_word <= width:
                current, used = word, size_of_word
                continue
            if current:
                lines.append(current)
            pieces = _break_word(word, font, size, width)
            lines.extend(pieces[:-1])
            current = pieces[-1] if pieces else ""
            used = _width(current, font, size)
        lines.append(current)
    return lines if any(lines) else [""]


def _clip(lines: list[str], font: str, size: float, width: float) -> list[str]:
    if len(lines) <= MAX_CELL_LINES:
        return lines
    last = lines[MAX_CELL_LINES - 1]
    while last and text_width(last + ELLIPSIS, font, size) > width:
        last = last[:-1]
    return lines[:MAX_CELL_LINES - 1] + [last + ELLIPSIS]


class _Writer:
    """Draws the sections onto pages of the content area (the running heading and page
    numbers are added afterwards, when the page count is known)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.width_mm, self.height_mm = page_size(report)
        self.page_w = self.width_mm * 72 / 25.4
        self.page_h = self.height_mm * 72 / 25.4
        self.left, self.right = MARGIN, self.page_w - MARGIN
        self.top, self.bottom = self.page_h - TOP_SPACE, BOTTOM_SPACE
        self.doc = Recording(self.width_mm, self.height_mm)
        self.y = self.top
        self.section: Section | None = None
        self.edges: list[float] = []

    # -- pages -----------------------------------------------------------------------------
    def _new_page(self) -> None:
        self.doc.new_page()
        self.y = self.top

    def _room(self, height: float) -> bool:
        return self.y - height >= self.bottom

    def _title_block(self) -> None:
        r, s = self.report, self.doc
        s.set_font(BOLD, 15)
        for line in wrap(r.title, BOLD, 15, self.right - self.left):
            s.text((self.left + self.right) / 2, self.y - 15, line, "centre")
            self.y -= 19
        if r.scope:
            s.set_font(REGULAR, 10)
            for line in wrap(r.scope, REGULAR, 10, self.right - self.left):
                s.text((self.left + self.right) / 2, self.y - 11, line, "centre")
                self.y -= 13
        self.y -= 10

    # -- tables ----------------------------------------------------------------------------
    def _layout(self, columns: Sequence[Column]) -> list[float]:
        total = sum(c.width for c in columns) or 1.0
        edges = [self.left]
        for column in columns:
            edges.append(edges[-1] + (self.right - self.left) * column.width / total)
        return edges

    def _cells(self, values: Sequence[str], columns: Sequence[Column], font: str,
               heads: bool = False) -> list[list[str]]:
        """Each cell's lines. A number is never broken (a 6-digit line number read as "12345"
        over "6"): it stays on one line, set smaller when drawn if it must be."""
        out = []
        for index, (value, column) in enumerate(zip(values, columns, strict=True)):
            width = self.edges[index + 1] - self.edges[index] - 2 * PAD
            if not heads and column.kind in NUMERIC and "\n" not in value:
                out.append([value])
                continue
            out.append(_clip(wrap(value, font, SIZE, width), font, SIZE, width))
        return out

    def _row_height(self, cells: list[list[str]]) -> float:
        return max(len(lines) for lines in cells) * LEADING + 2 * PAD

    def _draw_row(self, cells: list[list[str]], columns: Sequence[Column], font: str,
                  heading: bool = False) -> None:
        s = self.doc
        height = self._row_height(cells)
        top, bottom = self.y, self.y - height
        if heading:
            s.save()
            s.set_fill(0.92)
            s.rect(self.left, bottom, self.right - self.left, height, stroke=False, fill=True)
            s.restore()
        s.set_font(font, SIZE)
        for index, (lines, column) in enumerate(zip(cells, columns, strict=True)):
            x0, x1 = self.edges[index] + PAD, self.edges[index + 1] - PAD
            align: Align = "centre" if heading else ("right" if column.kind in ("int", "number", "money")
                                                      else "left")
            x = {"left": x0, "right": x1, "centre": (x0 + x1) / 2}[align]
            baseline = top - PAD - SIZE * 0.95
            size = SIZE
            if not heading and column.kind in NUMERIC and lines[0]:
                size = min(SIZE, SIZE * (x1 - x0) / _width(lines[0], font, SIZE))
                s.set_font(font, size)
            for line in lines:
                if line:
                    s.text(x, baseline, line, align)
                baseline -= LEADING
            if size != SIZE:
                s.set_font(font, SIZE)
        s.save()
        s.set_line_width(0.5)
        s.set_stroke(0.35)
        if heading:
            s.line(self.left, top, self.right, top)
        s.line(self.left, bottom, self.right, bottom)
        s.restore()
        self.y = bottom

    def _rules(self, top: float) -> None:
        """The table's column rules on this page, from its heading's top to the last row."""
        s = self.doc
        s.save()
        s.set_line_width(0.5)
        s.set_stroke(0.35)
        for edge in self.edges:
            s.line(edge, top, edge, self.y)
        s.restore()

    def _heads(self, section: Section) -> list[list[str]]:
        return self._cells([c.title for c in section.columns], section.columns, BOLD, heads=True)

    def _section_title(self, section: Section, continued: bool = False) -> None:
        s = self.doc
        title = CONTINUED(title=section.title) if continued and section.title else section.title
        s.set_font(BOLD, 11)
        for line in wrap(title, BOLD, 11, self.right - self.left) if title else []:
            s.text(self.left, self.y - 11, line)
            self.y -= 14
        if not continued and section.lines:
            s.set_font(REGULAR, 9)
            for text in section.lines:
                for line in wrap(text, REGULAR, 9, self.right - self.left):
                    s.text(self.left, self.y - 9, line)
                    self.y -= 11.5
        self.y -= 4

    def section_(self, section: Section, first: bool, last: bool = False) -> None:
        if section.new_page and not first and self.y < self.top:
            self._new_page()
        self.edges = self._layout(section.columns)
        heads = self._heads(section)
        rows = [self._cells([cell_text(v, c.kind) for v, c in zip(row, section.columns,
                                                                  strict=True)],
                            section.columns, REGULAR) for row in section.rows]
        total = (self._cells([cell_text(v, c.kind) for v, c in zip(
            section.total, section.columns, strict=True)], section.columns, BOLD)
            if section.total is not None else None)
        first_row = rows[0] if rows else None
        needed = 40 + self._row_height(heads) + (self._row_height(first_row) if first_row else 14)
        if last and self.report.signatures:
            # the signatures never stand alone on a page: the last table goes over with them
            # when both fit on one page
            title = len(wrap(section.title, BOLD, 11, self.right - self.left)) * 14 + 4
            lines = sum(len(wrap(t, REGULAR, 9, self.right - self.left)) for t in section.lines)
            whole = (title + 11.5 * lines + self._row_height(heads)
                     + sum(self._row_height(r) for r in rows + ([total] if total else []))
                     + (0 if rows else 18) + 16 + SIGNATURE_SPACE)
            if whole <= self.top - self.bottom:
                needed = whole
        if not self._room(needed) and self.y < self.top:
            self._new_page()
        self._section_title(section)
        table_top = self.y
        self._draw_row(heads, section.columns, BOLD, heading=True)
        if not rows:
            self._rules(table_top)
            self.doc.set_font(REGULAR, 9)
            self.doc.text(self.left + PAD, self.y - 12, nfc(section.empty))
            self.y -= 18
        for cells in rows + ([total] if total else []):
            if not self._room(self._row_height(cells)):
                self._rules(table_top)
                self._new_page()
                self._section_title(section, continued=True)
                table_top = self.y
                self._draw_row(heads, section.columns, BOLD, heading=True)
            self._draw_row(cells, section.columns, BOLD if cells is total else REGULAR)
        if rows:
            self._rules(table_top)
        self.y -= 16

    def signatures(self) -> None:
        """The place-and-date line on the right, then each signer's role and hint, side by
        side, with room to sign under them; on a new page when this one is full."""
        r, s = self.report, self.doc
        if not r.signatures:
            return
        if not self._room(SIGNATURE_SPACE):
            self._new_page()
        dated = dated_line(r.printed_on)
        # one column per signer; a lone signer takes the right one, as on Vietnamese forms
        count = max(len(r.signatures), 2)
        width = (self.right - self.left) / count
        centres = [self.left + width * (index + count - len(r.signatures) + 0.5)
                   for index in range(len(r.signatures))]
        s.set_font(REGULAR, 10)
        s.text(min(centres[-1], self.right - text_width(dated, REGULAR, 10) / 2), self.y - 12,
               dated, "centre")
        self.y -= 30
        for centre, signer in zip(centres, r.signatures, strict=True):
            s.set_font(BOLD, 10)
            s.text(centre, self.y - 10, nfc(signer.role), "centre")
            s.set_font(REGULAR, 9)
            s.text(centre, self.y - 23, nfc(signer.hint), "centre")
        self.y -= SIGNATURE_SPACE - 30

    def write(self) -> Recording:
        self._title_block()
        for index, section in enumerate(self.report.sections):
            self.section_(section, first=index == 0,
                          last=index == len(self.report.sections) - 1)
        self.signatures()
        self.doc.new_page()
        return self.doc


HEADING_SIZE = 8.5
HEADING_GAP = 12.0  # points kept free between the library's name and the register's name


def heading_names(library: str, title: str, width: float) -> tuple[list[str], float]:
    """The library's name as the running heading prints it, left of the register's name that
    is centred on a page *width* points wide: one line when it fits, else broken into two
    (shrunk and cut with "…" only past that), so that it never runs into the title; two
    lines break after a comma when they can, keeping a place's name whole.

    >>> _ = register_fonts()
    >>> heading_names("Thư viện Trường THCS Nguyễn Thị Minh Khai, huyện Hoằng Hoá, tỉnh "
    ...               "Thanh Hoá", "SỔ ĐĂNG KÝ CÁ BIỆT", 595.0)
    (['Thư viện Trường THCS Nguyễn Thị Minh Khai,', 'huyện Hoằng Hoá, tỉnh Thanh Hoá'], 8.5)
    """
    room = width / 2 - text_width(nfc(title), BOLD, HEADING_SIZE) / 2 - MARGIN - HEADING_GAP
    for size in (HEADING_SIZE, 7.5, 6.5):
        lines = wrap(library, REGULAR, size, room)
        if len(lines) == 2:  # rather break after a comma: "…, huyện X," / "tỉnh Y"
            parts = nfc(library).split(", ")
            for cut in range(len(parts) - 1, 0, -1):
                head, tail = ", ".join(parts[:cut]) + ",", ", ".join(parts[cut:])
                if max(_width(head, REGULAR, size), _width(tail, REGULAR, size)) <= room:
                    lines = [head, tail]
                    break
        if len(lines) <= 2:
            return lines, size
    lines = wrap(library, REGULAR, 6.5, room)
    last = " ".join(lines[1:])
    while last and text_width(last + ELLIPSIS, REGULAR, 6.5) > room:
        last = last[:-1]
    return [lines[0], last.rstrip() + ELLIPSIS], 6.5


def _running_heading(report: Report, doc: Recording, page: int, pages: int, width: float,
                     height: float) -> None:
    doc.set_fill(0)
    names, size = heading_names(report.library, report.title, width)
    top = height - (26 if len(names) == 1 else 22)
    doc.set_font(REGULAR, size)
    for index, line in enumerate(names):
        doc.text(MARGIN, top - index * size * 1.15, line)
    doc.set_font(REGULAR, HEADING_SIZE)
    doc.text(width - MARGIN, top, SCHOOL_YEAR(year=report.school_year), "right")
    doc.set_font(BOLD, HEADING_SIZE)
    doc.text(width / 2, top, nfc(report.title), "centre")
    doc.set_font(REGULAR, HEADING_SIZE)
    doc.text(width / 2, 20, PAGE(page=page, pages=pages), "centre")
    if report.printed_on:
        doc.text(MARGIN, 20, PRINTED(day=display_date(report.printed_on)))


def report_document(report: Report) -> Recording:
    """Every page of *report*, ready for :func:`app.labels.pdf.to_pdf` or the screen."""
    register_fonts()  # text widths are measured while drawing
    body = _Writer(report).write()
    width_mm, height_mm = page_size(report)
    doc = Recording(width_mm, height_mm, title=nfc(f"{report.title} — {report.library}"))
    width, height = width_mm * 72 / 25.4, height_mm * 72 / 25.4
    pages = len(body.pages)
    for index in range(pages):
        body.replay(index, doc)
        _running_heading(report, doc, index + 1, pages, width, height)
        doc.new_page()
    return doc


def report_pdf(report: Report) -> bytes:
    """The PDF of *report*, the bundled font embedded."""
    from app.labels.pdf import to_pdf

    return to_pdf(report_document(report))
