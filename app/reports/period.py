"""The period a register or a statistic covers: two days, both included.

Dates are read as librarians write them (dd/mm/yyyy, ISO accepted) by :mod:`app.dates`.
A school year runs from 1 August to 31 July, as :func:`app.patrons.fields.current_school_year`
counts it.
"""

from __future__ import annotations

import calendar
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.circulation.clock import display_date, local_day
from app.dates import parse_day
from app.errors import ValidationError
from app.i18n import Text

BAD_DAY = Text("Ngày “{value}” không hợp lệ (ngày/tháng/năm, ví dụ 05/09/2025).",
               "The date “{value}” is not valid (day/month/year, e.g. 05/09/2025).")
BAD_ORDER = Text("Ngày bắt đầu {start} ở sau ngày kết thúc {end}.",
                 "The start date {start} is after the end date {end}.")
FROM_TO = Text("Từ ngày {start} đến ngày {end}", "From {start} to {end}")
UNTIL = Text("Đến ngày {end}", "Up to {end}")
SINCE = Text("Từ ngày {start}", "From {start}")
EARLIEST = date(1900, 1, 1)


def read_day(text: str | None) -> date | None:
    """The day a librarian typed (None for nothing); :class:`ValidationError` otherwise.

    >>> read_day("05/09/2025"), read_day("2025-09-05"), read_day("")
    (datetime.date(2025, 9, 5), datetime.date(2025, 9, 5), None)
    """
    if text is None or not text.strip():
        return None
    day = parse_day(text)
    if day is None:
        raise ValidationError("reports.bad_day", BAD_DAY, value=text)
    return day


@dataclass(frozen=True)
class Period:
    """Days *start* … *end*, both included; None on a side means open on that side."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValidationError("reports.bad_order", BAD_ORDER, start=display_date(self.start),
                                  end=display_date(self.end))

    @classmethod
    def read(cls, start: str | None, end: str | None) -> Period:
        """The period between two typed days (either may be empty)."""
        return cls(read_day(start), read_day(end))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """A calendar month.

        >>> Period.month(2026, 2).label()
        'Từ ngày 01/02/2026 đến ngày 28/02/2026'
        """
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def school_year(cls, first_year: int) -> Period:
        """The school year *first_year*–*first_year + 1*: 1 August to 31 July."""
        return cls(date(first_year, 8, 1), date(first_year + 1, 7, 31))

    def first(self) -> str:
        """The first day as ISO text (a day before any library existed when open)."""
        return (self.start or EARLIEST).isoformat()

    def last(self, today: date) -> str:
        """The last day as ISO text (*today* when open)."""
        return (self.end or today).isoformat()

    def contains(self, iso_day: str | None) -> bool:
        """True when the ISO day *iso_day* lies in the period (an unknown day only when the
        period is open on both sides)."""
        if iso_day is None:
            return self.start is None and self.end is None
        day = iso_day[:10]
        return (self.start is None or day >= self.start.isoformat()) and \
            (self.end is None or day <= self.end.isoformat())

    def label(self) -> str:
        """The period in words, for a register's heading ("" when open on both sides)."""
        if self.start and self.end:
            return FROM_TO(start=display_date(self.start), end=display_date(self.end))
        if self.end:
            return UNTIL(end=display_date(self.end))
        if self.start:
            return SINCE(start=display_date(self.start))
        return ""

    def to_dict(self) -> dict[str, str | None]:
        """JSON form (ISO days)."""
        return {"from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None}


def loans_lent(conn: sqlite3.Connection, start: date, end: date, columns: str,
               joins: str = "") -> Iterator[tuple[str, tuple[Any, ...]]]:
    """The loans (``loans l``, not deleted) lent on the library's days *start* … *end*, both
    included, as (that library day, ISO; the row of *columns*). A loan is stored in UTC, so
    one lent at 06:30 in Vietnam on the 1st is stored on the day before: the query takes a
    day more on each side and each loan is kept by its library day (:func:`local_day`).
    *columns* and *joins* are the caller's fixed SQL (``"p.category"``, ``"LEFT JOIN patrons
    p ON p.id = l.patron_id"``), never typed text.

    >>> list(loans_lent(conn, date(2025, 9, 1), date(2025, 9, 30), "l.patron_id"))  # doctest: +SKIP
    [('2025-09-01', (3,)), ('2025-09-08', (1,))]
    """
    first, last = start.isoformat(), end.isoformat()
    low = (start - timedelta(days=1)).isoformat()
    high = (end + timedelta(days=2)).isoformat()
    rows = conn.execute(f"SELECT l.loaned_at, {columns} FROM loans l {joins} "
                        "WHERE l.deleted = 0 AND l.loaned_at >= ? AND l.loaned_at < ?",
                        (low, high))
    for loaned_at, *rest in rows:
        lent = local_day(loaned_at)
        if first <= lent <= last:
            yield lent, tuple(rest)
