"""Monthly statistics per library, computed from anonymised data only."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, select

from app.circulation.clock import LOCAL_TZ
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


def utc_bounds(start_day: str, end_day: str) -> tuple[str, str]:
    """The stored-time (UTC) bounds of the days from *start_day* to before *end_day* in
    Vietnam (UTC+7, no daylight saving): a loan at 06:00 on the 1st, local time, is stored
    at 23:00 UTC the day before and belongs to the new month.

    >>> utc_bounds("2025-12-01", "2026-01-01")
    ('2025-11-30T17:00:00', '2025-12-31T17:00:00')
    """
    def shift(day: str) -> str:
        midnight = datetime.combine(date.fromisoformat(day), time(0), LOCAL_TZ)
        return midnight.astimezone(UTC).replace(tzinfo=None).isoformat()

    return shift(start_day), shift(end_day)


def month_stats(conn: Connection, library_id: int, month: str) -> dict[str, Any]:
    """Collection size by collection code (at the month's end), loans, active readers, visits.

    The month is the library's calendar month in Vietnam: days (acquisitions, visits) are
    local days already; loan times are stored in UTC and compared with the month's UTC bounds.
    """
    start, end = month_bounds(month)
    loans_from, loans_to = utc_bounds(start, end)
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
