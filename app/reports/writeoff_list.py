"""Danh sách sách thanh lý: the list of the copies on one write-off record (biên bản thanh
lý), the paper the write-off committee signs and the general register's part II refers to:
each copy with its accession number, title, author, year and price, the count and value at
the foot, and the signatures of the one who made the list and of the head of the school.
"""

from __future__ import annotations

import sqlite3

from app.circulation.clock import display_date
from app.collection.registers import writeoff_copies, writeoff_lines
from app.errors import NotFoundError
from app.i18n import Text
from app.patrons.fields import current_school_year
from app.reports.holdings import load_copies
from app.reports.individual import author_of, book_title
from app.reports.signatures import HEAD, NAME_HINT, STAMP_HINT
from app.reports.table import Cell, Report, Section, Signature, columns_of
from app.reports.writeoffs import EARLIEST, FAR_FUTURE

TITLE = Text("DANH SÁCH SÁCH THANH LÝ", "LIST OF COPIES WRITTEN OFF")
SCOPE = Text(
    "Kèm theo biên bản thanh lý số {number} ngày {day} — Lý do: {reason}",
    "With write-off record {number} of {day} — Reason: {reason}",
)
APPROVED = Text("Người duyệt: {name}", "Approved by: {name}")
NOTE = Text("Ghi chú: {note}", "Note: {note}")
SUMMARY = Text(
    "Tổng cộng: {copies} bản, trị giá {value} đồng.", "In all: {copies} copies, worth {value} đồng."
)
TOTAL = Text("Cộng", "Total")
NOTHING = Text("Biên bản không có bản sách nào.", "The record lists no copies.")
NOT_FOUND = Text(
    "Không có biên bản thanh lý số “{number}”.", "There is no write-off record numbered “{number}”."
)
NONE_YET = Text("Chưa có biên bản thanh lý nào.", "No write-off record has been made yet.")
MAKER = Text("NGƯỜI LẬP DANH SÁCH", "LIST MADE BY")
HEADS = (
    (Text("STT", "No."), 28, "number"),
    (Text("Số ĐKCB", "Acc. no."), 58, "text"),
    (Text("Tên sách", "Title"), 190, "text"),
    (Text("Tác giả", "Author"), 100, "text"),
    (Text("Năm XB", "Year"), 34, "number"),
    (Text("Kho", "Coll."), 30, "text"),
    (Text("Giá tiền (đ)", "Price (đ)"), 56, "money"),
)


def writeoff_list(
    conn: sqlite3.Connection,
    number: str | None,
    library: str,
    uuid: str | None = None,
) -> Report:
    """The list of the write-off record *number* (the latest one when None; the record *uuid*
    when given, as the reports window chooses it) as a printable report, headed with the
    school year of the record's day (a record of 10/03/2026 belongs to 2025-2026 whenever
    it is printed). Raises :class:`NotFoundError` when there is no such record."""
    lines = writeoff_lines(conn, EARLIEST, FAR_FUTURE)
    if uuid is not None:
        lines = [line for line in lines if line.uuid == uuid]
    elif number is not None:
        lines = [line for line in lines if line.number == number.strip()]
    if not lines:
        raise NotFoundError(
            "reports.writeoff", NOT_FOUND if number or uuid else NONE_YET, number=number or ""
        )
    line = lines[-1]
    copies = {c.item_id: c for c in load_copies(conn)}
    rows: list[tuple[Cell, ...]] = []
    for index, copy in enumerate(writeoff_copies(conn, line.uuid), start=1):
        held = copies.get(copy.item_id)
        rows.append(
            (
                index,
                copy.barcode,
                book_title(held) if held else copy.title,
                author_of(held) if held else "",
                held.year if held else None,
                copy.collection or "",
                copy.price,
            )
        )
    value = sum(float(row[-1]) for row in rows if isinstance(row[-1], int | float))
    details: list[str] = []
    if line.approved_by:
        details.append(APPROVED(name=line.approved_by))
    if line.note:
        details.append(NOTE(note=line.note))
    details.append(SUMMARY(copies=len(rows), value=_dong(value)))
    columns = columns_of(HEADS)
    total: tuple[Cell, ...] = (None, TOTAL(), None, None, None, None, value)
    section = Section(
        "",
        columns,
        rows,
        total if rows else None,
        NOTHING(),
        lines=tuple(details),
        sheet="Thanh lý",
    )
    scope = SCOPE(number=line.number or "–", day=display_date(line.day), reason=line.reason_text)
    return Report(
        "writeoff",
        TITLE(),
        library,
        current_school_year(line.day),
        scope,
        False,
        [section],
        signatures=(Signature(MAKER(), NAME_HINT()), Signature(HEAD(), STAMP_HINT())),
    )


def _dong(value: float) -> str:
    from app.circulation.fines import format_dong

    return format_dong(round(value)).removesuffix(" đ")
