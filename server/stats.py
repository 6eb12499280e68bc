"""Monthly statistics per library, computed from anonymised data only."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, select

from server.models import lib_items, lib_loans, lib_visits

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def month_bounds(month: str) -> tuple[str, str]:
    """``("YYYY-MM-01", first day of next month)`` for ``YYYY-MM``; ValueError otherwise.

    >>> month_bounds("2025-12")
    ('2025-12-01', '2026-01-01')
    """
    match = MONTH.match(month)
    if not match:
        raise ValueError(f"month must be YYYY-MM, got {month!r}")
    year, mon = int(match.group(1)), int(match.group(2))
    nxt = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return f"{year:04d}-{mon:02d}-01", f"{nxt[0]:04d}-{nxt[1]:02d}-01"


def _month_days(year: int, month: int) -> int:
    """Days in *month* of *year* (proleptic Gregorian; year 0 is a leap year)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def utc_month_bounds(month: str) -> tuple[str, str]:
    """The stored-time (UTC) bounds of *month* (``YYYY-MM``) as a month in Vietnam (UTC+7, no
    daylight saving): local midnight on the 1st is 17:00 UTC on the last day of the month
    before, so a loan at 06:00 on the 1st, stored at 23:00 UTC the day before, belongs to
    the new month. Plain arithmetic, so every month the API's pattern admits works (years
    0000 and 9999 included).

    >>> utc_month_bounds("2025-12")
    ('2025-11-30T17:00:00', '2025-12-31T17:00:00')
    >>> utc_month_bounds("2024-03")
    ('2024-02-29T17:00:00', '2024-03-31T17:00:00')
    >>> utc_month_bounds("0000-01"), utc_month_bounds("9999-12")[1]
    (('', '0000-01-31T17:00:00'), '9999-12-31T17:00:00')
    """
    month_bounds(month)  # validates
    year, mon = int(month[:4]), int(month[5:7])

    def evening_before(y: int, m: int) -> str:  # 17:00 UTC on the last day before (y, m)
        py, pm = (y - 1, 12) if m == 1 else (y, m - 1)
        if py < 0:
            return ""  # before every stored time
        return f"{py:04d}-{pm:02d}-{_month_days(py, pm):02d}T17:00:00"

    nxt = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return evening_before(year, mon), evening_before(*nxt)


def month_stats(conn: Connection, library_id: int, month: str) -> dict[str, Any]:
    """Collection size by collection code (at the month's end), loans, active readers, visits.

    The month is the library's calendar month in Vietnam: days (acquisitions, visits) are
    local days already; loan times are stored in UTC and compared with the month's UTC bounds.
    """
    start, end = month_bounds(month)
    loans_from, loans_to = utc_month_bounds(month)
    collection = {
        (code or ""): int(n) for code, n in conn.execute(
            select(lib_items.c.collection, func.count())
            .where(lib_items.c.library_id == library_id, lib_items.c.deleted.is_(False),
                   lib_items.c.status.not_in(("withdrawn", "lost")),
                   (lib_items.c.acquired_on.is_(None)) | (lib_items.c.acquired_on < end))
            .group_by(lib_items.c.collection).order_by(lib_items.c.collection))}
    in_month = and_(lib_loans.c.library_id == library_id, lib_loans.c.deleted.is_(False),
                    lib_loans.c.loaned_at >= loans_from, lib_loans.c.loaned_at < loans_to)
    loans = conn.execute(select(func.count()).where(in_month)).scalar_one()
    readers = conn.execute(select(func.count(distinct(lib_loans.c.reader_key)))
                           .where(in_month, lib_loans.c.reader_key.is_not(None))).scalar_one()
    visits = conn.execute(select(func.coalesce(func.sum(lib_visits.c.count), 0)).where(
        lib_visits.c.library_id == library_id, lib_visits.c.deleted.is_(False),
        lib_visits.c.day >= start, lib_visits.c.day < end)).scalar_one()
    return {"month": month, "collection": collection, "loans": int(loans),
            "active_readers": int(readers), "visits": int(visits)}
