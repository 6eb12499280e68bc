"""Sổ mượn (the loan book): one line per loan made in a period, in the order the loans were
made. A school keeps two: one for its students, one for its teachers and staff; a commune
library one for all its readers.

Each line: the day lent, the reader (name, and class for a student or role for the others:
the category and class the reader had when borrowing, kept on the loan), the card number,
the copy's accession number, the title, the due date, the day it came back (blank while it
is still out, and for a copy reported lost), and a note: renewed, lent with a class set,
back late, lost, damaged, or overdue on the day the register is printed.

A class set (the textbooks a pupil gets with the class, lent in one class-set session) is
one line, as the paper book writes it: the pupil, the number of copies in the accession
column and the titles one after the other; it is back when every copy is, and the note
says how many are back while some are out, and which copy was lost or came back damaged.
A class of 40 pupils with 8 textbooks each is 40 lines, not 320.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.circulation.clock import display_date, local_day
from app.circulation.rules import CATEGORY_NAMES
from app.errors import ValidationError
from app.i18n import Text
from app.reports.period import EARLIEST, Period, loans_lent
from app.reports.table import Cell, Column, Report, Section, columns_of
from app.text import nfc

#: Which loan book holds which reader categories (None: every reader).
READER_GROUPS: dict[str, tuple[str, ...] | None] = {
    "students": ("student",),
    "staff": ("teacher", "staff"),
    "all": None,
}
TITLES = {"students": Text("SỔ MƯỢN SÁCH CỦA HỌC SINH", "LOAN BOOK — STUDENTS"),
          "staff": Text("SỔ MƯỢN SÁCH CỦA GIÁO VIÊN, NHÂN VIÊN", "LOAN BOOK — TEACHERS AND STAFF"),
          "all": Text("SỔ MƯỢN SÁCH", "LOAN BOOK")}
BAD_GROUP = Text("Không có sổ mượn cho «{group}» (chọn: students, staff, all).",
                 "There is no loan book for “{group}” (choose: students, staff, all).")
NOTHING = Text("Không có lượt mượn nào trong kỳ.", "No loans in the period.")
ERASED = Text("(đã xoá thông tin bạn đọc)", "(reader's data erased)")
RENEWED = Text("Gia hạn {count} lần", "Renewed {count}×")
CLASS_SET = Text("Mượn theo lớp", "Class set")
LOST = Text("Mất (báo ngày {day})", "Lost (reported {day})")
DAMAGED = Text("Trả bị hư hỏng", "Returned damaged")
LATE = Text("Trả muộn {days} ngày", "Returned {days} days late")
OVERDUE = Text("Quá hạn {days} ngày", "Overdue {days} days")
SET_COPIES = Text("{count} bản", "{count} copies")
SET_BACK = Text("Đã trả {back}/{count} bản", "{back} of {count} copies back")
COPY_LOST = Text("Mất {barcode} (báo ngày {day})", "{barcode} lost (reported {day})")
COPIES_DAMAGED = Text("Trả bị hư hỏng: {barcodes}", "Returned damaged: {barcodes}")
HEADS = (
    (Text("STT", "No."), 28, "number"),
    (Text("Ngày mượn", "Lent on"), 52, "date"),
    (Text("Họ và tên bạn đọc", "Reader"), 110, "text"),
    (Text("Lớp / chức vụ", "Class / role"), 46, "text"),
    (Text("Số thẻ", "Card"), 52, "text"),
    (Text("Số ĐKCB", "Acc. no."), 54, "text"),
    (Text("Tên sách", "Title"), 196, "text"),
    (Text("Hạn trả", "Due"), 52, "date"),
    (Text("Ngày trả", "Returned"), 52, "date"),
    (Text("Ghi chú", "Notes"), 96, "text"),
)
_COLUMNS = (
    "l.loaned_at, l.id, l.due_on, l.returned_at, l.renewals, l.outcome, l.class_loan_id, "
    "coalesce(l.patron_category, p.category), coalesce(l.patron_class, p.class_name), "
    "l.patron_id, p.full_name, p.card, i.barcode, r.title, r.volume, r.edition"
)
_JOINS = (
    "LEFT JOIN patrons p ON p.id = l.patron_id JOIN items i ON i.id = l.item_id "
    "JOIN records r ON r.id = i.record_id"
)


@dataclass(frozen=True)
class LoanLine:
    """One line of the loan book: one loan, or a pupil's class set lent that day (*barcodes*
    lists its copies; *barcode* then says how many, *title* lists the titles)."""

    number: int
    lent_on: date
    reader: str
    class_or_role: str
    card: str
    barcode: str
    title: str
    due_on: date
    returned_on: date | None
    note: str
    category: str
    outcome: str | None
    barcodes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form (ISO days)."""
        out = dict(self.__dict__)
        for key in ("lent_on", "due_on", "returned_on"):
            out[key] = out[key].isoformat() if out[key] else None
        out["barcodes"] = list(self.barcodes or (self.barcode,))
        return out


def check_group(group: str) -> str:
    """*group* if it names a loan book (students, staff, all); ValidationError otherwise."""
    if group not in READER_GROUPS:
        raise ValidationError("reports.bad_readers", BAD_GROUP, group=group)
    return group


def title_of(title: str, volume: str | None, edition: str | None) -> str:
    """The title as the registers write it: title, volume, edition.

    >>> title_of("Toán 6", "Tập 1", None)
    'Toán 6. Tập 1'
    """
    parts = [nfc(title or "")] + [p for p in (volume, edition) if p]
    return ". ".join(p.strip(" .") for p in parts if p and p.strip(" ."))


def _note(renewals: int, outcome: str | None, class_set: bool, due: date,
          back: date | None, today: date) -> str:
    notes = []
    if class_set:
        notes.append(CLASS_SET())
    if renewals:
        notes.append(RENEWED(count=renewals))
    if outcome == "lost" and back is not None:
        notes.append(LOST(day=display_date(back)))
    elif outcome == "damaged":
        notes.append(DAMAGED())
    if back is not None and outcome != "lost" and back > due:
        notes.append(LATE(days=(back - due).days))
    elif back is None and today > due:
        notes.append(OVERDUE(days=(today - due).days))
    return "; ".join(notes)


def _class_or_role(category: str, class_name: str | None) -> str:
    """A student's class; the others' role (teacher, staff…)."""
    if category == "student" and class_name:
        return nfc(class_name)
    name = CATEGORY_NAMES.get(category)
    return name() if name else category


@dataclass(frozen=True)
class _Loan:
    """One loan as read for the book."""

    lent: str
    due: date
    back: date | None
    renewals: int
    outcome: str | None
    class_loan: int | None
    category: str
    class_name: str | None
    patron_id: int | None
    name: str | None
    card: str | None
    barcode: str
    title: str


def _single(number: int, loan: _Loan, today: date) -> LoanLine:
    return LoanLine(
        number, date.fromisoformat(loan.lent), _reader(loan),
        _class_or_role(loan.category, loan.class_name), str(loan.card or ""), loan.barcode,
        loan.title, loan.due, None if loan.outcome == "lost" else loan.back,
        _note(loan.renewals, loan.outcome, loan.class_loan is not None, loan.due, loan.back,
              today), loan.category, loan.outcome)


def _reader(loan: _Loan) -> str:
    return nfc(loan.name) if loan.patron_id is not None and loan.name else ERASED()


def _class_set(number: int, loans: list[_Loan], today: date) -> LoanLine:
    """One line for a pupil's class set: back when every copy is (the last return), the note
    says how many are back meanwhile, which were lost or damaged, lateness of the set."""
    head, due = loans[0], max(x.due for x in loans)
    lost = [x for x in loans if x.outcome == "lost"]
    back = [x.back for x in loans if x.outcome != "lost" and x.back is not None]
    out = len(loans) - len(lost) - len(back)
    notes = [CLASS_SET()]
    if max(x.renewals for x in loans):
        notes.append(RENEWED(count=max(x.renewals for x in loans)))
    if out and back:
        notes.append(SET_BACK(back=len(back), count=len(loans)))
    notes.extend(COPY_LOST(barcode=x.barcode, day=display_date(x.back)) for x in lost
                 if x.back is not None)
    damaged = [x.barcode for x in loans if x.outcome == "damaged"]
    if damaged:
        notes.append(COPIES_DAMAGED(barcodes=", ".join(damaged)))
    last = max(back) if back and not out else None
    if last is not None and last > due:
        notes.append(LATE(days=(last - due).days))
    elif out and today > due:
        notes.append(OVERDUE(days=(today - due).days))
    return LoanLine(
        number, date.fromisoformat(head.lent), _reader(head),
        _class_or_role(head.category, head.class_name), str(head.card or ""),
        SET_COPIES(count=len(loans)), "; ".join(x.title for x in loans), due, last,
        "; ".join(notes), head.category, "lost" if lost else None,
        tuple(x.barcode for x in loans))


def loan_lines(conn: sqlite3.Connection, group: str, period: Period,
               today: date) -> list[LoanLine]:
    """The loans of *group*'s readers made in *period* (its days at the library; an open
    end: up to *today*), oldest first, numbered from 1; a pupil's class set lent on one day
    is one line. Notes about lateness are as of *today*."""
    categories = READER_GROUPS[check_group(group)]
    found = []
    for lent, row in loans_lent(conn, period.start or EARLIEST, period.end or today,
                                _COLUMNS, _JOINS):
        (loaned_at, loan_id, due_on, returned_at, renewals, outcome, class_loan, category,
         class_name, patron_id, name, card, barcode, title, volume, edition) = row
        category = str(category or "")
        if categories is not None and category not in categories:
            continue
        found.append((loaned_at, loan_id, _Loan(
            lent, date.fromisoformat(due_on[:10]),
            date.fromisoformat(local_day(returned_at)) if returned_at else None,
            int(renewals or 0), outcome, class_loan, category, class_name, patron_id, name,
            card, str(barcode), title_of(title, volume, edition))))
    found.sort(key=lambda f: (f[0], f[1]))
    groups: dict[tuple[Any, ...], list[_Loan]] = {}
    for _, loan_id, loan in found:
        if loan.class_loan is not None and loan.patron_id is not None:
            key: tuple[Any, ...] = ("set", loan.lent, loan.patron_id, loan.class_loan)
        else:
            key = ("loan", loan_id)
        groups.setdefault(key, []).append(loan)
    return [_class_set(number, loans, today) if len(loans) > 1
            else _single(number, loans[0], today)
            for number, loans in enumerate(groups.values(), start=1)]


def columns() -> tuple[Column, ...]:
    """The loan book's columns in the current language."""
    return columns_of(HEADS)


def loan_report(lines: list[LoanLine], group: str, library: str, school_year: str,
                scope: str) -> Report:
    """The loan book as a printable report (A4 landscape, one table)."""
    rows: list[tuple[Cell, ...]] = [
        (x.number, x.lent_on, x.reader, x.class_or_role, x.card, x.barcode, x.title, x.due_on,
         x.returned_on, x.note) for x in lines]
    section = Section("", columns(), rows, empty=NOTHING(), sheet="Sổ mượn")
    return Report(f"loans-{group}", TITLES[group](), library, school_year, scope, True,
                  [section])
