"""The stocktake's missing list on A4 (drawn on :mod:`app.labels.surface`, so the same recording
becomes the preview, the PDF and the print job): call number, accession number, title and
location in shelf order, for walking the shelves once more before closing.

Loads ReportLab's font metrics: import it only when printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.circulation.printed import A4_MM, BOTTOM, LEFT, PAGE, RIGHT, ROW, TOP, fit, printed_line
from app.collection.models import CopyLine
from app.i18n import Text
from app.labels.fonts import BOLD, REGULAR, register_fonts
from app.labels.surface import Recording

TITLE = Text("DANH SÁCH SÁCH CHƯA THẤY KHI KIỂM KÊ", "COPIES NOT FOUND AT THE STOCKTAKE")
SUBTITLE = Text("{what} — {count} bản", "{what} — {count} copies")
HEADERS = Text("Ký hiệu xếp giá|Số ĐKCB|Tên sách|Vị trí",
               "Call number|Acc. no.|Title|Location")
NOTHING = Text("Không thiếu bản nào.", "No copy is missing.")
#: Left edges of call number, accession number, title, location (points).
COLUMNS = (LEFT, 145.0, 225.0, 470.0)


def missing_document(copies: Sequence[CopyLine], what: str, library_name: str,
                     today: date) -> Recording:
    """A4 pages listing *copies* (already in shelf order) under the heading *what* (the
    stocktake in words), numbered "Trang i/n"."""
    register_fonts()
    doc = Recording(*A4_MM, title=TITLE())
    rows_per_page = max(1, int((TOP - 90 - BOTTOM) // ROW))
    pages = [list(copies[i:i + rows_per_page]) for i in range(0, len(copies), rows_per_page)]
    pages = pages or [[]]
    printed, size = printed_line(library_name, today, reserve=80)
    for number, rows in enumerate(pages, start=1):
        doc.set_fill(0)
        doc.set_font(REGULAR, size)
        doc.text(LEFT, TOP, printed)
        doc.set_font(REGULAR, 9)
        doc.text(RIGHT, TOP, PAGE(page=number, pages=len(pages)), "right")
        doc.set_font(BOLD, 14)
        doc.text((LEFT + RIGHT) / 2, TOP - 24, TITLE(), "centre")
        doc.set_font(REGULAR, 10)
        doc.text((LEFT + RIGHT) / 2, TOP - 40,
                 fit(SUBTITLE(what=what, count=len(copies)), REGULAR, 10, RIGHT - LEFT),
                 "centre")
        y = TOP - 66
        doc.set_font(BOLD, 9)
        for x, head in zip(COLUMNS, HEADERS().split("|"), strict=True):
            doc.text(x, y, head)
        doc.set_line_width(0.5)
        doc.line(LEFT, y - 3.5, RIGHT, y - 3.5)
        y -= ROW + 1
        doc.set_font(REGULAR, 9)
        if not rows:
            doc.text(LEFT, y, NOTHING())
        for copy in rows:
            cells = (fit(copy.call_number or "–", REGULAR, 9, COLUMNS[1] - COLUMNS[0] - 6),
                     copy.barcode, fit(copy.title, REGULAR, 9, COLUMNS[3] - COLUMNS[2] - 8),
                     fit(copy.location or "–", REGULAR, 9, RIGHT - COLUMNS[3]))
            for x, cell in zip(COLUMNS, cells, strict=True):
                doc.text(x, y, cell)
            y -= ROW
        doc.new_page()
    return doc
