"""Sổ đăng ký sách giáo khoa (the textbook register): a page per title and volume, the copies
of one edition received together on one line as a range of accession numbers
(GK.00012–GK.00041, 30 copies), with how many are lost (Mất), written off and still there
(Còn). A register printed for a period ending on a day counts them as they were at the end of
that day (:mod:`app.reports.copy_history`), so last year's register printed today gives the
figures it gave last year; with no end, as they are now.

Textbooks are the copies of the GK collection and any copy typed ``textbook``. A line breaks
where the numbers stop running on, where the delivery or the price changes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import Text
from app.reports.copy_history import LOST, WRITTEN_OFF, states_on
from app.reports.holdings import Copy, accession_order, deliveries, delivery_numbers, load_copies
from app.reports.individual import author_of, book_title, publication
from app.reports.period import Period
from app.reports.table import Cell, Column, Report, Section
from app.text import sort_key

TITLE = Text("SỔ ĐĂNG KÝ SÁCH GIÁO KHOA", "TEXTBOOK REGISTER")
NOTHING = Text("Không có sách giáo khoa nào trong phạm vi đã chọn.",
               "No textbooks in the range chosen.")
AUTHOR = Text("Tác giả: {text}", "Author: {text}")
PUBLISHED = Text("Nơi XB – Nhà XB: {text}", "Published: {text}")
CALL = Text("Môn loại / KHPL: {text}", "Class / call number: {text}")
TOTAL = Text("Cộng", "Total")
HEADS = ((Text("Ngày vào sổ", "Date entered"), 60, "date"),
         (Text("Số vào sổ TQ", "General reg. no."), 48, "number"),
         (Text("Số ĐKCB", "Accession numbers"), 150, "text"),
         (Text("Năm XB", "Year"), 40, "number"),
         (Text("Số bản", "Copies"), 44, "int"),
         (Text("Đơn giá (đ)", "Unit price (đ)"), 60, "money"),
         (Text("Thành tiền (đ)", "Value (đ)"), 70, "money"),
         (Text("Mất", "Lost"), 36, "int"),
         (Text("Thanh lý", "Written off"), 44, "int"),
         (Text("Còn", "Present"), 36, "int"))


@dataclass(frozen=True)
class TextbookLine:
    """Copies of one edition received together, numbered in one run."""

    acquired_on: str | None
    general_number: int | None
    first: str
    last: str
    year: int | None
    copies: int
    price: float | None
    lost: int
    written_off: int

    @property
    def numbers(self) -> str:
        """"GK.00012–GK.00041", or the one number."""
        return self.first if self.first == self.last else f"{self.first}–{self.last}"

    @property
    def present(self) -> int:
        """Copies neither lost nor written off."""
        return self.copies - self.lost - self.written_off

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {**self.__dict__, "numbers": self.numbers, "present": self.present}


@dataclass(frozen=True)
class TextbookPage:
    """One title and volume with its lines."""

    record_id: int
    title: str
    author: str
    publication: str
    call_number: str
    lines: list[TextbookLine]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {**self.__dict__, "lines": [line.to_dict() for line in self.lines]}


def is_textbook(copy: Copy) -> bool:
    """A copy of the GK collection, or typed ``textbook``."""
    return copy.collection == "GK" or copy.item_type == "textbook"


def _runs(copies: list[Copy], general: dict[int, int]) -> list[list[Copy]]:
    runs: list[list[Copy]] = []
    for copy in sorted(copies, key=accession_order):
        if runs:
            prev = runs[-1][-1]
            if (prev.sequence == copy.sequence and prev.number is not None
                    and copy.number == prev.number + 1
                    and general.get(prev.item_id) == general.get(copy.item_id)
                    and prev.price == copy.price):
                runs[-1].append(copy)
                continue
        runs.append([copy])
    return runs


def textbook_pages(conn: sqlite3.Connection, collection: str | None = None,
                   period: Period | None = None) -> list[TextbookPage]:
    """The register's pages in title order (Vietnamese collation), for textbooks acquired in
    *period*, lost and written off as at the period's last day (now when it has none);
    *collection* narrows to one collection code."""
    copies = load_copies(conn)
    if period and period.end:
        states = states_on(conn, period.end)
    else:
        states = {c.item_id: c.status for c in copies if c.status in (LOST, WRITTEN_OFF)}
    general = delivery_numbers(deliveries(copies))
    wanted = collection.strip().upper() if collection else None
    by_record: dict[int, list[Copy]] = {}
    for copy in copies:
        if not is_textbook(copy) or (wanted and copy.collection != wanted):
            continue
        if period and (period.start or period.end) and not period.contains(copy.acquired_on):
            continue
        by_record.setdefault(copy.record_id, []).append(copy)
    pages = []
    for members in by_record.values():
        head = members[0]
        lines = [TextbookLine(run[0].acquired_on, general.get(run[0].item_id), run[0].barcode,
                              run[-1].barcode, run[0].year, len(run), run[0].price,
                              sum(states.get(c.item_id) == LOST for c in run),
                              sum(states.get(c.item_id) == WRITTEN_OFF for c in run))
                 for run in _runs(members, general)]
        pages.append(TextbookPage(head.record_id, book_title(head), author_of(head),
                                  publication(head),
                                  head.call_number or head.classification or "", lines))
    return sorted(pages, key=lambda p: (sort_key(p.title), p.record_id))


def textbook_report(pages: list[TextbookPage], library: str, school_year: str,
                    scope: str) -> Report:
    """The register as a printable report: one page per title and volume."""
    columns = tuple(Column(t(), w, k) for t, w, k in HEADS)  # type: ignore[arg-type]
    sections: list[Section] = []
    for page in pages:
        rows: list[tuple[Cell, ...]] = [
            (date.fromisoformat(x.acquired_on[:10]) if x.acquired_on else None,
             x.general_number, x.numbers, x.year, x.copies, x.price,
             (x.price or 0) * x.copies, x.lost, x.written_off, x.present) for x in page.lines]
        total: tuple[Cell, ...] = (
            TOTAL(), None, None, None, sum(x.copies for x in page.lines), None,
            sum((x.price or 0) * x.copies for x in page.lines),
            sum(x.lost for x in page.lines), sum(x.written_off for x in page.lines),
            sum(x.present for x in page.lines))
        lines = tuple(text(text=value) for text, value in ((AUTHOR, page.author),
                                                          (PUBLISHED, page.publication),
                                                          (CALL, page.call_number)) if value)
        sections.append(Section(page.title, columns, rows, total, lines=lines,
                                new_page=bool(sections), sheet="SGK"))
    if not sections:
        sections.append(Section("", columns, [], empty=NOTHING(), sheet="SGK"))
    return Report("textbook", TITLE(), library, school_year, scope, False, sections)
