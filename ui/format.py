"""Display forms used across the window: dates dd/mm/yyyy, local times, counts."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale

from app.circulation.clock import local_day
from app.circulation.fines import format_dong
from app.patrons.fields import display_date as display_iso_date

if TYPE_CHECKING:
    from app.library import Library


_SHORT_ISO = re.compile(r"\d{4}(-\d{2})?")


def display_date(value: str | date | None) -> str:
    """``2025-09-19`` (or a date) → ``19/09/2025``; a stored UTC time gives the day it was in
    Vietnam (``2025-09-18T20:00:00Z`` → ``19/09/2025``); empty for None, the text itself
    when it is not a date."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(local_day(value) if len(value) > 10 else value)
        except ValueError:  # a birth date known as a year or a month: "2012", "09/2012"
            return display_iso_date(value) if _SHORT_ISO.fullmatch(value) else value
        return day.strftime("%d/%m/%Y")
    return value.strftime("%d/%m/%Y")


def display_count(count: int) -> str:
    """A count as the window's language writes it: ``24.000`` in Vietnamese, ``24,000`` in
    English (a bare ``24000`` is hard to read at a glance)."""
    return QLocale().toString(int(count))


def display_price(price: float | None) -> str:
    """A copy's price in đồng as a field shows it: ``45.000``; empty for None."""
    return "" if price is None else format_dong(round(price)).removesuffix(" đ")


def local_time(stamp: str | None = None) -> str:
    """A stored UTC stamp (or now) as ``HH:MM:SS`` by this PC's clock (like the backups' and
    the last sync's times)."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else datetime.now(UTC)
    return moment.astimezone().strftime("%H:%M:%S")


def qdate(day: date) -> QDate:
    """The QDate of a Python *day*."""
    return QDate(day.year, day.month, day.day)


def library_today(lib: Library) -> QDate:
    """Today at the library (Vietnam's date, as the desk and the register count it), which is
    not this PC's date when its clock is set to another time zone (QDate.currentDate)."""
    return qdate(lib.circulation.today())


def day_of(value: QDate) -> date:
    """The Python date of a QDate (its ``toPython()`` is untyped in PySide6's stubs)."""
    return date(value.year(), value.month(), value.day())
