"""The library's calendar: weekly closed days and closed periods (Tết, summer, single days).

A due date that falls on a closed day moves forward to the next open day. The weekly
closed days are a setting (``closed_weekdays``: 0 = Monday … 6 = Sunday; Sunday only by
default); closed periods are rows of ``closed_days`` (a single day is a period of one day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.circulation.clock import display_date
from app.db.connection import Database
from app.errors import ValidationError
from app.i18n import Text
from app.settings import Settings
from app.text import nfc

WEEKDAYS_SETTING = "closed_weekdays"
DEFAULT_CLOSED_WEEKDAYS = (6,)
BAD_RANGE = Text("Ngày kết thúc {end} trước ngày bắt đầu {start}.",
                 "The end date {end} is before the start date {start}.")
BAD_WEEKDAY = Text("Thứ trong tuần không hợp lệ: {value} (0 = thứ Hai … 6 = Chủ nhật).",
                   "Invalid weekday: {value} (0 = Monday … 6 = Sunday).")
ALL_CLOSED = Text("Không thể đóng cửa cả bảy ngày trong tuần.",
                  "The library cannot be closed on all seven weekdays.")


@dataclass(frozen=True)
class ClosedPeriod:
    """Days the library is closed, *start* to *end* inclusive, with a label ("Tết")."""

    id: int
    start: date
    end: date
    label: str

    def covers(self, day: date) -> bool:
        """True when *day* lies in this period."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class OpenDays:
    """A snapshot of the calendar rules, answering "is the library open on this day?".

    >>> days = OpenDays(closed_weekdays=frozenset({5, 6}), periods=())
    >>> days.next_open(date(2025, 9, 6))   # a Saturday
    datetime.date(2025, 9, 8)
    """

    closed_weekdays: frozenset[int]
    periods: tuple[ClosedPeriod, ...]

    def is_open(self, day: date) -> bool:
        """True when the library opens on *day*."""
        if day.weekday() in self.closed_weekdays:
            return False
        return not any(p.covers(day) for p in self.periods)

    def next_open(self, day: date) -> date:
        """*day* itself when open, else the first open day after it."""
        for _ in range(3 * 366):
            if self.is_open(day):
                return day
            # jump straight past a closed period instead of walking it day by day
            ends = [p.end for p in self.periods if p.covers(day)]
            day = (max(ends) if ends else day) + timedelta(days=1)
        return day

    def add_open_days(self, day: date, days: int) -> date:
        """The due date *days* calendar days after *day*, moved to an open day."""
        return self.next_open(day + timedelta(days=days))


class Calendar:
    """Read and edit the closed days of one library (the Settings screen uses this)."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings

    def closed_weekdays(self) -> list[int]:
        """Weekdays the library is always closed (0 = Monday … 6 = Sunday)."""
        value = self._settings.get(WEEKDAYS_SETTING, list(DEFAULT_CLOSED_WEEKDAYS))
        return sorted(int(v) for v in value)

    def set_closed_weekdays(self, weekdays: list[int]) -> None:
        """Choose the weekly closed days, e.g. ``[6]`` (Sunday) or ``[5, 6]`` (Sat + Sun)."""
        for value in weekdays:
            if value not in range(7):
                raise ValidationError("calendar.bad_weekday", BAD_WEEKDAY, value=value)
        if len(set(weekdays)) == 7:
            raise ValidationError("calendar.all_closed", ALL_CLOSED)
        self._settings.set(WEEKDAYS_SETTING, sorted(set(weekdays)))

    def add_closed(self, start: date, end: date | None = None, label: str = "") -> int:
        """Close the library from *start* to *end* (inclusive; one day when *end* is None).

        >>> lib.circulation.calendar.add_closed(date(2026, 2, 14), date(2026, 2, 22), "Tết")  # doctest: +SKIP
        """
        end = end or start
        if end < start:
            raise ValidationError("calendar.bad_range", BAD_RANGE, start=display_date(start),
                                  end=display_date(end))
        with self._db.transaction() as conn:
            cur = conn.execute("INSERT INTO closed_days(start_on, end_on, label) VALUES (?, ?, ?)",
                               (start.isoformat(), end.isoformat(), nfc(label)))
            return int(cur.lastrowid or 0)

    def remove_closed(self, period_id: int) -> None:
        """Delete one closed period."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM closed_days WHERE id = ?", (period_id,))

    def periods(self) -> list[ClosedPeriod]:
        """Every closed period, earliest first."""
        rows = self._db.conn.execute(
            "SELECT id, start_on, end_on, label FROM closed_days ORDER BY start_on, id").fetchall()
        return [ClosedPeriod(r[0], date.fromisoformat(r[1]), date.fromisoformat(r[2]), r[3])
                for r in rows]

    def open_days(self, around: date | None = None) -> OpenDays:
        """A snapshot for due-date arithmetic (periods ending before *around* are skipped)."""
        periods = self.periods()
        if around is not None:
            periods = [p for p in periods if p.end >= around]
        return OpenDays(frozenset(self.closed_weekdays()), tuple(periods))

    def next_open(self, day: date) -> date:
        """*day* when the library is open then, else the next open day."""
        return self.open_days(day).next_open(day)
