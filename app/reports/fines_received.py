"""Sổ thu tiền phạt (the fines received) of a period, the sheet the school's accountant asks
the librarian for each month: one line per sum received (a fine paid in parts is one line
per part, on the day it was paid) with the reader, the book and why, the amount and who
took it; a subtotal per month, then the fines waived in the period (what each cancelled,
shown apart: no money came in for it) and a summary by month with the totals.

Everything comes from :meth:`app.circulation.fines.Fines.received` and
:meth:`~app.circulation.fines.Fines.waived`: nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.circulation.clock import local_day
from app.circulation.fines import Fine, Fines, Payment, format_dong
from app.i18n import Text
from app.reports.period import Period
from app.reports.signatures import FORM_MAKER, NAME_HINT
from app.reports.table import Cell, Column, Report, Section, Signature, columns_of

TITLE = Text("SỔ THU TIỀN PHẠT", "FINES RECEIVED")
MONTH = Text("Tháng {month}", "Month {month}")
MONTH_TOTAL = Text("Cộng tháng {month}", "Total for {month}")
NOTHING = Text("Không thu khoản tiền phạt nào trong kỳ.", "No fines received in the period.")
WAIVED = Text("Các khoản được miễn trong kỳ (không thu tiền)",
              "Fines waived in the period (no money received)")
NO_WAIVE = Text("Không miễn khoản nào trong kỳ.", "No fine waived in the period.")
WAIVED_TOTAL = Text("Cộng tiền miễn", "Total waived")
SUMMARY = Text("Tổng hợp theo tháng", "Summary by month")
TOTAL = Text("Tổng cộng", "Total")
OVERDUE = Text("Trả muộn {days} ngày", "Returned {days} days late")
LOST = Text("Đền sách mất", "Lost book")
WAIVED_AFTER = Text("{reason} ({amount}), đã nộp {paid} trước khi miễn",
                    "{reason} ({amount}), {paid} paid before the waive")
WAIVED_WHOLE = Text("{reason} ({amount})", "{reason} ({amount})")
ERASED = Text("(đã xoá thông tin bạn đọc)", "(reader's data erased)")
ACCOUNTANT = Text("KẾ TOÁN", "ACCOUNTANT")
RECEIVED_SHEET = "Tiền thu"
WAIVED_SHEET = "Miễn phạt"
RECEIVED_HEADS = (
    (Text("STT", "No."), 24, "number"),
    (Text("Ngày thu", "Received on"), 50, "date"),
    (Text("Họ và tên bạn đọc", "Reader"), 104, "text"),
    (Text("Lớp", "Class"), 32, "text"),
    (Text("Số ĐKCB", "Acc. no."), 50, "text"),
    (Text("Tên sách", "Title"), 150, "text"),
    (Text("Lý do", "For"), 72, "text"),
    (Text("Số tiền (đ)", "Amount (đ)"), 54, "money"),
    (Text("Người thu", "Taken by"), 70, "text"),
)
WAIVED_HEADS = (
    (Text("STT", "No."), 24, "number"),
    (Text("Ngày miễn", "Waived on"), 50, "date"),
    (Text("Họ và tên bạn đọc", "Reader"), 92, "text"),
    (Text("Lớp", "Class"), 28, "text"),
    (Text("Số ĐKCB", "Acc. no."), 48, "text"),
    (Text("Tên sách", "Title"), 96, "text"),
    (Text("Khoản phạt", "Fine"), 112, "text"),
    (Text("Số tiền miễn (đ)", "Waived (đ)"), 54, "money"),
    (Text("Người quyết định", "Decided by"), 64, "text"),
    (Text("Lý do miễn", "Why waived"), 72, "text"),
)
SUMMARY_HEADS = (
    (Text("Tháng", "Month"), 90, "text"),
    (Text("Số lần thu", "Payments"), 60, "int"),
    (Text("Số tiền thu (đ)", "Received (đ)"), 80, "money"),
    (Text("Số khoản miễn", "Fines waived"), 60, "int"),
    (Text("Số tiền miễn (đ)", "Waived (đ)"), 80, "money"),
)



def month_of(iso_day: str) -> str:
    """The month of an ISO day as printed.

    >>> month_of("2025-09-30")
    '09/2025'
    """
    return f"{iso_day[5:7]}/{iso_day[:4]}"


@dataclass(frozen=True)
class Waive:
    """A fine waived in the period: the fine, the library day it was waived, and what the
    waive cancelled (its amount less the parts paid before)."""

    fine: Fine
    day: str

    @property
    def cancelled(self) -> int:
        """What the library gave up (đồng)."""
        return max(0, self.fine.amount - self.fine.paid)


@dataclass(frozen=True)
class FinesReceived:
    """The money received for fines in *period* (oldest first) and the fines waived in it."""

    period: Period
    payments: list[Payment]
    waives: list[Waive]

    @property
    def total(self) -> int:
        """All received in the period (đồng)."""
        return sum(p.amount for p in self.payments)

    @property
    def waived_total(self) -> int:
        """All cancelled by waives in the period (đồng)."""
        return sum(w.cancelled for w in self.waives)

    def months(self) -> list[str]:
        """The months (ISO "2025-09") with a payment or a waive, in order."""
        return sorted({p.day[:7] for p in self.payments} | {w.day[:7] for w in self.waives})

    def by_month(self, month: str) -> list[Payment]:
        """The payments of *month* (ISO "2025-09")."""
        return [p for p in self.payments if p.day.startswith(month)]

    def waived_in(self, month: str) -> list[Waive]:
        """The waives of *month* (ISO "2025-09")."""
        return [w for w in self.waives if w.day.startswith(month)]

    def month_totals(self, month: str) -> tuple[int, int, int, int]:
        """*month*'s sums: payments, đồng received, fines waived, đồng cancelled by them."""
        paid, waived = self.by_month(month), self.waived_in(month)
        return (len(paid), sum(p.amount for p in paid), len(waived),
                sum(w.cancelled for w in waived))

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the period, each payment and waive, the months' and the whole sums."""
        keys = ("payments", "received", "waived_count", "waived")
        months = [{"month": month, **dict(zip(keys, self.month_totals(month), strict=True))}
                  for month in self.months()]
        return {**self.period.to_dict(),
                "payments": [{**p.to_dict(), "reason": reason(p.kind, p.days_late)}
                             for p in self.payments],
                "waived": [{**w.fine.to_dict(), "day": w.day, "cancelled": w.cancelled}
                           for w in self.waives],
                "months": months, "total": self.total, "total_text": format_dong(self.total),
                "waived_total": self.waived_total}


def fines_received(fines: Fines, period: Period) -> FinesReceived:
    """The fines received and waived in *period* (library days, both ends included)."""
    waives = [Waive(fine, local_day(fine.settled_at or ""))
              for fine in fines.waived(period.start, period.end)]
    return FinesReceived(period, fines.received(period.start, period.end), waives)


def reason(kind: str, days_late: int) -> str:
    """Why a fine was charged: a lost book, or the days the book came back late."""
    return LOST() if kind == "lost" else OVERDUE(days=days_late)


def _day(iso_day: str) -> date:
    return date.fromisoformat(iso_day)


def _month_section(book: FinesReceived, month: str, columns: tuple[Column, ...],
                   start: int) -> Section:
    rows: list[tuple[Cell, ...]] = []
    paid = book.by_month(month)
    for number, p in enumerate(paid, start=start):
        rows.append((number, _day(p.day), p.patron_name or ERASED(), p.patron_class or "",
                     p.barcode, p.title, reason(p.kind, p.days_late), p.amount, p.received_by or ""))
    total: tuple[Cell, ...] = (None, None, MONTH_TOTAL(month=month_of(month)), None, None,
                               None, None, sum(p.amount for p in paid), None)
    return Section(MONTH(month=month_of(month)), columns, rows, total, NOTHING(),
                   sheet=RECEIVED_SHEET)


def _waived_section(book: FinesReceived) -> Section:
    rows: list[tuple[Cell, ...]] = []
    for number, waive in enumerate(book.waives, start=1):
        fine = waive.fine
        why = reason(fine.kind, fine.days_late)
        what = (WAIVED_AFTER(reason=why, amount=format_dong(fine.amount),
                             paid=format_dong(fine.paid)) if fine.paid
                else WAIVED_WHOLE(reason=why, amount=format_dong(fine.amount)))
        rows.append((number, _day(waive.day), fine.patron_name or ERASED(),
                     fine.patron_class or "", fine.barcode, fine.title, what, waive.cancelled,
                     fine.settled_by or "", fine.reason or ""))
    total: tuple[Cell, ...] = (None, None, WAIVED_TOTAL(), None, None, None, None,
                               book.waived_total, None, None)
    return Section(WAIVED(), columns_of(WAIVED_HEADS), rows, total if rows else None,
                   NO_WAIVE(), sheet=WAIVED_SHEET)


def _summary_section(book: FinesReceived) -> Section:
    rows: list[tuple[Cell, ...]] = []
    for month in book.months():
        rows.append((MONTH(month=month_of(month)), *book.month_totals(month)))
    total: tuple[Cell, ...] = (TOTAL(), len(book.payments), book.total, len(book.waives),
                               book.waived_total)
    return Section(SUMMARY(), columns_of(SUMMARY_HEADS), rows, total, sheet=RECEIVED_SHEET)


def fines_received_report(book: FinesReceived, library: str, school_year: str,
                          scope: str) -> Report:
    """*book* as a printable report (landscape A4): a table per month with its subtotal,
    the waives, then the summary by month and the totals; signed by the librarian who made
    it and the accountant who takes the money."""
    columns = columns_of(RECEIVED_HEADS)
    sections: list[Section] = []
    number = 1
    for month in sorted({p.day[:7] for p in book.payments}):
        sections.append(_month_section(book, month, columns, number))
        number += len(sections[-1].rows)
    if not sections:
        sections.append(Section("", columns, [], None, NOTHING(), sheet=RECEIVED_SHEET))
    sections.append(_waived_section(book))
    sections.append(_summary_section(book))
    return Report("fines", TITLE(), library, school_year, scope, True, sections,
                  signatures=(Signature(FORM_MAKER(), NAME_HINT()),
                              Signature(ACCOUNTANT(), NAME_HINT())))
