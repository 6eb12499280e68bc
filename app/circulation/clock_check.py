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

A clock that was once set *ahead* (22/12/2026 for a month) leaves records in that future;
once it is corrected the desk would refuse everything until the real date catches up. The
librarian then tells the library to trust this PC's clock (:func:`trust_pc_clock`: the desk's
button, ``thuvien clock --trust``). The trust keeps, in this PC's local state (never synced),
the PC time at that moment, the latest recorded time seen then and the newest outbox row
then. From then on a clock behind the records is still accepted while all three hold:

* nothing newer than the latest recorded time seen at the trust was recorded since (a new
  jump into the future needs a new decision);
* the clock is not more than :data:`MARGIN` before the moment of the trust (a dead battery
  later, back to 2009, is refused again);
* the clock is not more than :data:`MARGIN` before anything written to the outbox since the
  trust (loans made after the trust are stamped with the corrected clock, earlier than the
  bogus future records: they never undo the trust, but the clock may not go back behind them).

Before 2024 (:data:`EARLIEST`) nothing is trusted. Once the real date passes the bogus one
the trust no longer matters.

The message tells the two cases apart where it can. A date before 2024, or more than
:data:`MARGIN` before the district server's own date at the last sync (kept by the sync
client: real time never goes back), is wrong for sure: "set the clock". Otherwise the PC's
date may be right and the records ahead of it: the message says so and points to the trust
(:attr:`ClockVerdict.records_ahead`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from time import monotonic

from app.circulation import clock as clockmod
from app.circulation.clock import LOCAL_TZ, Clock, display_date, local_date
from app.db import local_state
from app.db.connection import Database
from app.errors import UserError
from app.i18n import Text

MARGIN = timedelta(days=1)
#: No library kept its loans in ThuVien before this: a PC showing an earlier date is wrong.
EARLIEST = datetime(2024, 1, 1, tzinfo=UTC)
#: How many of the newest outbox rows are read (a few edits made while the clock was wrong
#: must not hide the right time recorded before them).
RECENT_CHANGES = 500
#: The ``desk_state`` key of the librarian's "trust this PC's clock now" (local, never synced).
TRUST_KEY = "clock_trust"
#: The ``sync_state`` key of the district server's date at the last sync (its Date header).
SERVER_TIME_KEY = "last_server_time"

CLOCK_BEHIND = Text(
    "Ngày trên máy tính đang là {now}, trước ngày thư viện ghi gần nhất {latest}. Hãy chỉnh "
    "lại ngày giờ của máy (Windows: bấm chuột phải vào đồng hồ → Điều chỉnh ngày/giờ) rồi "
    "làm tiếp.",
    "This computer's date is {now}, earlier than the latest date the library recorded, "
    "{latest}. Set the computer's date and time (Windows: right-click the clock → Adjust "
    "date/time), then carry on.")
BEHIND_SERVER = Text(
    "Ngày trên máy tính đang là {now}, trước ngày của máy chủ thư viện huyện ở lần đồng bộ "
    "gần nhất ({server}). Hãy chỉnh lại ngày giờ của máy (Windows: bấm chuột phải vào đồng "
    "hồ → Điều chỉnh ngày/giờ) rồi làm tiếp.",
    "This computer's date is {now}, earlier than the district server's date at the last sync "
    "({server}). Set the computer's date and time (Windows: right-click the clock → Adjust "
    "date/time), then carry on.")
RECORDS_AHEAD = Text(
    "Thư viện đã ghi đến ngày {latest}, sau ngày trên máy tính ({now}). Nếu máy từng bị đặt "
    "ngày tương lai rồi đã chỉnh lại, và hôm nay đúng là {now}: hãy xác nhận ngày này (nút "
    "«Ngày trên máy đã đúng…» ở quầy mượn trả, hoặc lệnh thuvien clock --trust). Nếu không, "
    "hãy chỉnh lại ngày giờ của máy.",
    "The library recorded dates up to {latest}, after this computer's date ({now}). If the "
    "computer's clock was set ahead once and then corrected, and today really is {now}: "
    "confirm this date (the button “This computer's date is right…” at the desk, or the "
    "command thuvien clock --trust). Otherwise set the computer's date and time.")
#: :data:`RECORDS_AHEAD` in the window: its red strip's button (and Alt letter), no command.
RECORDS_AHEAD_WINDOW = Text(
    "Thư viện đã ghi đến ngày {latest}, sau ngày trên máy tính ({now}). Nếu máy từng bị đặt "
    "ngày tương lai rồi đã chỉnh lại, và hôm nay đúng là {now}: hãy xác nhận ngày này bằng "
    "nút «Ngày trên máy đã đúng…» (Alt+N) ở quầy mượn trả. Nếu không, hãy chỉnh lại ngày giờ "
    "của máy.",
    "The library recorded dates up to {latest}, after this computer's date ({now}). If the "
    "computer's clock was set ahead once and then corrected, and today really is {now}: "
    "confirm this date with the button “This computer's date is right…” (Alt+D) at the desk. "
    "Otherwise set the computer's date and time.")
TRUST_TOO_EARLY = Text(
    "Ngày trên máy tính đang là {now}, trước khi có ThuVien: không thể tin ngày này. Hãy chỉnh "
    "lại ngày giờ của máy.",
    "This computer's date is {now}, before ThuVien existed: it cannot be trusted. Set the "
    "computer's date and time.")


def shown_day(moment: datetime) -> str:
    """*moment*'s day at the library, dd/mm/yyyy."""
    return display_date(local_date(moment))


def pc_clock() -> datetime:
    """This PC's clock: :func:`app.circulation.clock.system_clock`, looked up at each call."""
    return clockmod.system_clock()


@dataclass(frozen=True)
class ClockVerdict:
    """What the check found: ``behind`` and, then, the two dates to show."""

    behind: bool
    now: datetime
    latest: datetime
    #: Accepted only because the librarian trusted this PC's clock (it is behind the records).
    trusted: bool = False
    #: The district server's date at the last sync, when known: real time is later.
    server_time: datetime | None = None

    @property
    def now_shown(self) -> str:
        """This PC's date as the library shows it (dd/mm/yyyy, Vietnam's day)."""
        return shown_day(self.now)

    @property
    def latest_shown(self) -> str:
        """The latest date the library recorded, as it shows it (dd/mm/yyyy)."""
        return shown_day(self.latest)

    @property
    def wrong_for_sure(self) -> bool:
        """This PC's date cannot be today's: before 2024, or before the district server's
        date at the last sync (by more than :data:`MARGIN`)."""
        return self.now < EARLIEST or (self.server_time is not None
                                       and self.now + MARGIN < self.server_time)

    @property
    def records_ahead(self) -> bool:
        """Refused although this PC's date may be right: the library's records are ahead of
        it (a clock once set ahead, then corrected). Only then may the librarian trust it."""
        return self.behind and not self.wrong_for_sure

    @property
    def text(self) -> Text:
        """Why the clock is refused and what to do: set the clock when its date is wrong for
        sure, else confirm it if it is right (:attr:`records_ahead`)."""
        if self.now < EARLIEST:
            return CLOCK_BEHIND
        return BEHIND_SERVER if self.wrong_for_sure else RECORDS_AHEAD

    @property
    def window_text(self) -> Text:
        """:attr:`text` as the window says it: the desk's button where the command line has
        ``thuvien clock --trust``."""
        text = self.text
        return RECORDS_AHEAD_WINDOW if text is RECORDS_AHEAD else text

    @property
    def window_message(self) -> str:
        """:attr:`message` as the window says it (:attr:`window_text`)."""
        return self.window_text(**self.params) if self.behind else ""

    @property
    def params(self) -> dict[str, str]:
        """The dates :attr:`text` names, as the library shows them."""
        server = shown_day(self.server_time) if self.server_time is not None else ""
        return {"now": self.now_shown, "latest": self.latest_shown, "server": server}

    @property
    def message(self) -> str:
        """The message to show (empty when the clock is fine)."""
        return self.text(**self.params) if self.behind else ""


class ClockBehind(UserError):
    """Refusal of an operation that dates what it writes (a loan, a stocktake, a write-off, a
    rollover) while this PC's clock is behind; nothing is written."""

    def __init__(self, verdict: ClockVerdict) -> None:
        super().__init__("circulation.clock_behind", verdict.text, **verdict.params)
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


def server_time(db: Database) -> datetime | None:
    """The district server's date at the last sync (None: never synced since it was kept)."""
    row = db.conn.execute("SELECT value FROM sync_state WHERE key = ?",
                          (SERVER_TIME_KEY,)).fetchone()
    return _parse(str(row[0]).strip('"')) if row else None


@dataclass(frozen=True)
class ClockTrust:
    """The librarian's "trust this PC's clock now": when, what was recorded then."""

    trusted_at: datetime
    latest_then: datetime
    changes_seq: int


def read_trust(db: Database) -> ClockTrust | None:
    """The trust kept on this PC, or None (none, or unreadable: then nothing is trusted)."""
    value = local_state.get(db.conn, TRUST_KEY)
    if not isinstance(value, dict):
        return None
    trusted_at, latest_then = _parse(value.get("trusted_at")), _parse(value.get("latest_then"))
    seq = value.get("changes_seq")
    if trusted_at is None or latest_then is None or not isinstance(seq, int):
        return None
    return ClockTrust(trusted_at, latest_then, seq)


def _newest_change_seq(db: Database) -> int:
    row = db.conn.execute("SELECT max(seq) FROM changes").fetchone()
    return int(row[0] or 0)


def _latest_since(db: Database, seq: int) -> datetime | None:
    """The latest outbox time among the rows written after row *seq* (newest few only)."""
    row = db.conn.execute(
        "SELECT max(at) FROM (SELECT at FROM changes WHERE seq > ? ORDER BY seq DESC LIMIT ?)",
        (seq, RECENT_CHANGES)).fetchone()
    return _parse(row[0])


@dataclass(frozen=True)
class _Recorded:
    latest: datetime
    trust: ClockTrust | None
    latest_since_trust: datetime | None
    server_time: datetime | None = None

    def verdict(self, now: datetime) -> ClockVerdict:
        latest, server = self.latest, self.server_time
        if now < EARLIEST:
            return ClockVerdict(True, now, latest, server_time=server)
        if now + MARGIN >= latest:
            return ClockVerdict(False, now, latest, server_time=server)
        trust = self.trust
        trusted = (trust is not None and latest <= trust.latest_then
                   and now + MARGIN >= trust.trusted_at
                   and (self.latest_since_trust is None
                        or now + MARGIN >= self.latest_since_trust))
        return ClockVerdict(not trusted, now, latest, trusted=trusted, server_time=server)


def _read(db: Database) -> _Recorded:
    trust = read_trust(db)
    since = _latest_since(db, trust.changes_seq) if trust is not None else None
    return _Recorded(latest_recorded(db), trust, since, server_time(db))


def trust_pc_clock(db: Database, now: Clock = pc_clock) -> ClockVerdict:
    """Trust this PC's clock from now on although it is behind what the library recorded
    (it was set ahead once, then corrected): keep the moment, the latest recorded time and
    the newest outbox row in this PC's local state (never synced). Returns the verdict after.

    Nothing is kept when the clock is accepted already; a date wrong for sure (before 2024,
    or before the district server's date at the last sync) is refused
    (:class:`~app.errors.UserError`): that PC needs its clock set, not trusted.
    """
    moment = now()
    if moment < EARLIEST:
        raise UserError("circulation.clock_too_early", TRUST_TOO_EARLY,
                        now=shown_day(moment))
    with db.transaction() as conn:
        verdict = _read(db).verdict(moment)
        if verdict.behind and verdict.wrong_for_sure:
            raise UserError("circulation.clock_too_early", verdict.text, **verdict.params)
        if verdict.behind:
            local_state.put(conn, TRUST_KEY, {
                "trusted_at": moment.astimezone(UTC).isoformat(),
                "latest_then": verdict.latest.astimezone(UTC).isoformat(),
                "changes_seq": _newest_change_seq(db)})
            verdict = _read(db).verdict(moment)
    return verdict


class ClockCheck:
    """Checks *now* against what *db* recorded; the database is read at most once a minute
    (the comparison itself is free), so it can run at every scan."""

    def __init__(self, db: Database, now: Clock = pc_clock, *,
                 cache_seconds: float = 60.0) -> None:
        self._db = db
        self._now = now
        self._cache_seconds = cache_seconds
        self._recorded: _Recorded | None = None
        self._read_at: float | None = None

    def verdict(self) -> ClockVerdict:
        """Whether this PC's clock is behind the library's records now."""
        tick = monotonic()
        now = self._now()
        if self._recorded is not None and self._read_at is not None and \
                tick - self._read_at < self._cache_seconds:
            verdict = self._recorded.verdict(now)
            if not verdict.behind:
                return verdict
        # read again when the cache is old, and before refusing: a backup restored since
        # may have taken the newer records away, or the librarian may have trusted the clock
        self._recorded = _read(self._db)
        self._read_at = tick
        return self._recorded.verdict(now)

    def forget(self) -> None:
        """Read the database again at the next check (the clock was just trusted)."""
        self._recorded = None

    def require(self) -> None:
        """Raise :class:`ClockBehind` when the clock is behind."""
        verdict = self.verdict()
        if verdict.behind:
            raise ClockBehind(verdict)
