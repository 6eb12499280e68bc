"""The receipt for money taken at the desk (phiếu thu tiền phạt, đền sách): what the reader
paid just now, on which day, for which book, and what they still owe, with room for both to
sign — the paper a parent keeps when a part of a lost book's price has been paid.

Drawn like the desk's other documents (:mod:`app.circulation.printed`: A4, the bundled font,
the same heading and signatures), so it becomes a PDF, a preview and a print job the same way.

    >>> from app.circulation.fines import Payment
    >>> paid = Payment(1, "u", 3, 10000, "2026-03-02T03:00:00Z", "Cô Hạnh", "lost", "TK.00004",
    ...                "Tiếng Việt 6", "Nguyễn Văn An", "HS000001", "6A")
    >>> doc = receipt_document([paid], 15000, "Thư viện", date(2026, 3, 2))
    >>> len(doc.pages), doc.title
    (1, 'PHIẾU THU TIỀN PHẠT, ĐỀN SÁCH — Nguyễn Văn An')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.circulation.clock import display_date
from app.circulation.fines import Payment, format_dong
from app.circulation.printed import (
    A4_MM,
    BOTTOM,
    LEFT,
    LIBRARIAN,
    NO_CLASS_PATRON,
    RIGHT,
    ROW,
    SIGNATURE_SPACE,
    STUDENT,
    TOP,
    fit,
    printed_line,
    signatures,
)
from app.i18n import Text
from app.labels.fonts import BOLD, REGULAR, register_fonts
from app.labels.surface import Recording
from app.text import nfc

RECEIPT_TITLE = Text("PHIẾU THU TIỀN PHẠT, ĐỀN SÁCH", "RECEIPT FOR FINES AND BOOK CHARGES")
HEADERS = Text("Ngày nộp|ĐKCB|Tên sách|Khoản|Số tiền", "Paid on|Acc. no.|Title|For|Amount")
FOR_LOST = Text("đền sách mất", "lost book")
FOR_LATE = Text("phạt quá hạn", "overdue fine")
RECEIVED = Text("Đã thu: {amount}", "Received: {amount}")
STILL_OWED = Text("Còn nợ: {amount}", "Still owed: {amount}")
NOTHING_OWED = Text("Không còn nợ.", "Nothing more is owed.")
RECEIVED_BY = Text("Người thu: {name}", "Received by: {name}")
PAYER = Text("NGƯỜI NỘP TIỀN", "PAID BY")
#: Left edges of the day, accession number, title and kind; the amount ends on RIGHT.
COLUMNS = (LEFT, 100.0, 170.0, 400.0)


def receipt_document(payments: Sequence[Payment], still_owed: int, library_name: str,
                     today: date) -> Recording:
    """The receipt of *payments* (one reader's, usually those just taken), with what the
    reader *still_owed* after them (đồng), headed by *library_name* and printed *today*."""
    register_fonts()  # text widths are measured while drawing
    first = payments[0] if payments else None
    name = (first.patron_name or "") if first else ""
    doc = Recording(*A4_MM, title=nfc(f"{RECEIPT_TITLE()} — {name}"))
    heading, size = printed_line(library_name, today)
    doc.set_font(REGULAR, size)
    doc.text(LEFT, TOP, heading)
    doc.set_font(BOLD, 14)
    doc.text((LEFT + RIGHT) / 2, TOP - 24, RECEIPT_TITLE(), "centre")
    y = TOP - 52
    if first is not None:
        line = (STUDENT(name=name, class_name=first.patron_class, card=first.patron_card or "")
                if first.patron_class else NO_CLASS_PATRON(name=name, card=first.patron_card or ""))
        doc.set_font(BOLD, 10)
        doc.text(LEFT, y, fit(line, BOLD, 10, RIGHT - LEFT))
        y -= 16
    heads = HEADERS().split("|")
    doc.set_font(BOLD, 9)
    for x, head in zip(COLUMNS, heads, strict=False):
        doc.text(x, y, head)
    doc.text(RIGHT, y, heads[-1], "right")
    doc.line(LEFT, y - 3.5, RIGHT, y - 3.5)
    y -= ROW + 1
    doc.set_font(REGULAR, 9)
    for payment in payments:
        if y - ROW < BOTTOM:
            doc.new_page()
            y = TOP
            doc.set_font(REGULAR, 9)
        kind = FOR_LOST() if payment.kind == "lost" else FOR_LATE()
        cells = (display_date(payment.day), payment.barcode,
                 fit(payment.title, REGULAR, 9, COLUMNS[3] - COLUMNS[2] - 10), kind)
        for x, cell in zip(COLUMNS, cells, strict=True):
            doc.text(x, y, cell)
        doc.text(RIGHT, y, payment.amount_text, "right")
        y -= ROW
    doc.line(LEFT, y + ROW - 3.5, RIGHT, y + ROW - 3.5)
    if y - (3 * ROW + 12 + SIGNATURE_SPACE) < BOTTOM:
        doc.new_page()
        y = TOP
    doc.set_font(BOLD, 10)
    doc.text(RIGHT, y - 2, RECEIVED(amount=format_dong(sum(p.amount for p in payments))),
             "right")
    doc.set_font(REGULAR, 10)
    owed = STILL_OWED(amount=format_dong(still_owed)) if still_owed else NOTHING_OWED()
    doc.text(RIGHT, y - 2 - ROW - 2, owed, "right")
    takers = sorted({p.received_by for p in payments if p.received_by})
    if takers:
        doc.text(LEFT, y - 2, fit(RECEIVED_BY(name=", ".join(takers)), REGULAR, 10, 250))
    signatures(doc, y - 2 * ROW - 20, (PAYER(), LIBRARIAN()), today)
    doc.new_page()
    return doc
