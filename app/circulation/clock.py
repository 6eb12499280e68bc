"""Time at the desk: an injectable clock and the library's local date.

Vietnam has one time zone (UTC+7) and no daylight saving, so a fixed offset is used
(no tz database needed on Windows). Tests pass their own clock to make time move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

Clock = Callable[[], datetime]
LOCAL_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")


def system_clock() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def local_date(moment: datetime) -> date:
    """The calendar date at the library for an aware *moment*.

    >>> local_date(datetime(2025, 1, 1, 18, 0, tzinfo=UTC))
    datetime.date(2025, 1, 2)
    """
    return moment.astimezone(LOCAL_TZ).date()


def library_today() -> date:
    """Today at the library (in Vietnam), whatever time zone this PC is set to."""
    return local_date(system_clock())


def local_day(stored: str) -> str:
    """The library's calendar day (ISO) of a stored UTC time: a loan made at 06:30 in
    Vietnam is stored the previous day in UTC.

    >>> local_day("2026-11-21T23:30:00.000000Z")
    '2026-11-22'
    """
    moment = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return local_date(moment).isoformat()


def stamp(moment: datetime) -> str:
    """*moment* as stored in the database: ISO 8601 UTC with a ``Z`` suffix."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_stamp(text: str) -> datetime:
    """Read back a :func:`stamp` value as an aware UTC datetime."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def display_date(iso: str | date) -> str:
    """A date shown to users: dd/mm/yyyy.

    >>> display_date("2025-09-05")
    '05/09/2025'
    """
    day = date.fromisoformat(iso) if isinstance(iso, str) else iso
    return day.strftime("%d/%m/%Y")
