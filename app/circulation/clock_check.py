"""Is this PC's clock plausible for this library? Refuse circulation while it is not.

Old school PCs lose their date when the CMOS battery dies and boot on 01/01/2009 (or 2000).
A loan made then would carry a 2009 date and due date: years overdue with fines once the
clock is right, counted in 2009 by the statistics, sent to the district as 2009. So the clock
is *behind* when it is earlier than the latest time this library itself recorded, by more
than :data:`MARGIN`, or earlier than the library's own beginning.

The margin is one day: a clock off by hours (a PC set to the wrong time zone, a few minutes
corrected by hand, a time server's correction) changes a due date by a day at most and must
not stop the desk; a dead battery moves the clock back by years.

The latest recorded time comes from cheap reads only (no table scan): the newest rows of the
sync outbox (every loan, return, renewal and edit writes one, stamped with this PC's time),
the newest day of the reading-room tally (indexed), and the last sync with the district.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from time import monotonic

from app.circulation import clock as clockmod
from app.circulation.clock import LOCAL_TZ, Clock, display_date
from app.db.connection import Database
from app.errors import UserError
from app.i18n import Text

MARGIN = timedelta(days=1)
#: No library kept its loans in ThuVien before this: a PC showing an earlier date is wrong.
EARLIEST = datetime(2024, 1, 1, tzinfo=UTC)
#: How many of the newest outbox rows are read (a few edits made while the clock was wrong
#: must not hide the right time recorded before them).
RECENT_CHANGES = 500

CLOCK_BEHIND = Text(
    "Ngày trên máy tính đang là {now}, trước ngày thư viện ghi gần nhất {latest}. Hãy chỉnh "
    "lại ngày giờ của máy (Windows: bấm chuột phải vào đồng hồ → Điều chỉnh ngày/giờ) rồi "
    "làm tiếp.",
    "This computer's date is {now}, earlier than the latest date the library recorded, "
    "{latest}. Set the computer's date and time (Windows: right-click the clock → Adjust "
    "date/time), then carry on.")


def pc_clock() -> datetime:
    """This PC's clock: :func:`app.circulation.clock.system_clock`, looked up at each call."""
    return clockmod.system_clock()


@dataclass(frozen=True)
class ClockVerdict:
    """What the check found: ``behind`` and, then, the two dates to show."""

    behind: bool
    now: datetime
    latest: datetime

    @property
    def message(self) -> str:
        """The message to show (empty when the clock is fine)."""
        if not self.behind:
            return ""
        return CLOCK_BEHIND(now=display_date(self.now.astimezone(LOCAL_TZ).date()),
                            latest=display_date(self.latest.astimezone(LOCAL_TZ).date()))


class ClockBehind(UserError):
    """Refusal of a circulation operation while this PC's clock is behind (nothing written)."""

    def __init__(self, verdict: ClockVerdict) -> None:
        now = display_date(verdict.now.astimezone(LOCAL_TZ).date())
        latest = display_date(verdict.latest.astimezone(LOCAL_TZ).date())
        super().__init__("circulation.clock_behind", CLOCK_BEHIND, now=now, latest=latest)
        self.verdict = verdict


def _parse(stored: str | None) -> datetime | None:
    if not stored:
        return None
    try:
        moment = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def latest_recorded(db: Database) -> datetime:
    """The latest time this library recorded (or :data:`EARLIEST`): a few indexed reads."""
    conn = db.conn
    found = [EARLIEST]
    row = conn.execute("SELECT max(at) FROM (SELECT at FROM changes ORDER BY seq DESC LIMIT ?)",
                       (RECENT_CHANGES,)).fetchone()
    found.append(_parse(row[0]) or EARLIEST)
    row = conn.execute("SELECT max(day) FROM usage_events").fetchone()  # usage_events_day
    if row[0]:
        day = datetime.fromisoformat(row[0]).date()
        found.append(datetime.combine(day, time(0, 0), LOCAL_TZ).astimezone(UTC))
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'last_sync_at'").fetchone()
    if row:
        found.append(_parse(str(row[0]).strip('"')) or EARLIEST)
    return max(found)


class ClockCheck:
    """Checks *now* against what *db* recorded; the database is read at most once a minute
    (the comparison itself is free), so it can run at every scan."""

    def __init__(self, db: Database, now: Clock = pc_clock, *,
                 cache_seconds: float = 60.0) -> None:
        self._db = db
        self._now = now
        self._cache_seconds = cache_seconds
        self._latest: datetime | None = None
        self._read_at: float | None = None

    def verdict(self) -> ClockVerdict:
        """Whether this PC's clock is behind the library's records now."""
        tick = monotonic()
        now = self._now()
        if self._latest is None or self._read_at is None or \
                tick - self._read_at >= self._cache_seconds or now + MARGIN < self._latest:
            # read again when the cache is old, and before refusing: a backup restored since
            # may have taken the newer records away
            self._latest = latest_recorded(self._db)
            self._read_at = tick
        return ClockVerdict(now + MARGIN < self._latest, now, self._latest)

    def require(self) -> None:
        """Raise :class:`ClockBehind` when the clock is behind."""
        verdict = self.verdict()
        if verdict.behind:
            raise ClockBehind(verdict)
