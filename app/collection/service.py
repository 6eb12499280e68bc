"""``Library.collection``: stocktakes and write-off records, each call one transaction.

    >>> lib.collection.start_stocktake(collections=["GK"])   # doctest: +SKIP
    >>> lib.collection.scan("GK.00012").message               # doctest: +SKIP
    'Có: GK.00012 — Tiếng Việt 1'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.circulation.clock import library_today
from app.circulation.clock_check import ClockCheck
from app.collection import registers, stocktake, writeoffs
from app.collection.models import CopyLine, Progress, Stocktake, StocktakeResult, WriteoffLine
from app.collection.stocktake import ScanAnswer
from app.db.connection import Database, utc_now
from app.settings import Settings


class CollectionService:
    """Stocktakes (one open at a time, every scan committed) and write-off records.

    What they write is dated by this PC's clock and goes into the registers the school
    prints: starting, scanning, closing and writing off are refused (nothing written,
    :class:`~app.circulation.clock_check.ClockBehind`) while that clock is behind what the
    library recorded, as lending is."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings
        self._clock = ClockCheck(db)

    # -- stocktake -------------------------------------------------------------------------
    def current_stocktake(self) -> Stocktake | None:
        """The open stocktake, or None."""
        return stocktake.current(self._db.conn)

    def scope_choices(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """Collections and locations with their numbers of copies, for choosing a scope."""
        return stocktake.scope_choices(self._db.conn)

    def start_stocktake(self, collections: Sequence[str] = (), locations: Sequence[str] = ()
                        ) -> Stocktake:
        """Open a stocktake of *collections* / *locations* (none given: the whole library)."""
        self._clock.require()
        with self._db.transaction() as conn:
            return stocktake.start(conn, self._settings.library_id, list(collections),
                                   list(locations), library_today(), utc_now())

    def scan(self, code: str) -> ScanAnswer:
        """Account for one scanned copy in the open stocktake (committed at once)."""
        self._clock.require()
        with self._db.transaction() as conn:
            return stocktake.scan(conn, stocktake.require_open(conn), code,
                                  self._settings.library_id, utc_now())

    def progress(self) -> Progress:
        """Figures of the open stocktake per collection and location."""
        conn = self._db.conn
        return stocktake.progress(conn, stocktake.require_open(conn))

    def missing(self) -> list[CopyLine]:
        """Copies of the open stocktake not found (and not on loan), in shelf order."""
        conn = self._db.conn
        return stocktake.missing(conn, stocktake.require_open(conn))

    def on_loan(self) -> list[CopyLine]:
        """Copies of the open stocktake not found but on loan (accounted for)."""
        conn = self._db.conn
        return stocktake.on_loan(conn, stocktake.require_open(conn))

    def close_stocktake(self, mark_lost: bool) -> StocktakeResult:
        """Close the open stocktake; the missing copies are marked lost when *mark_lost*,
        else left as they are for next time. Returns the figures kept for the register."""
        self._clock.require()
        today = library_today()
        with self._db.transaction() as conn:
            opened = stocktake.require_open(conn)
            lines = stocktake.close(conn, opened, "lost" if mark_lost else "leave",
                                    self._settings.library_id, today, utc_now())
        return StocktakeResult(opened.uuid, opened.started_on, today, opened.collections,
                               opened.locations, "lost" if mark_lost else "leave", lines)

    def last_closed(self) -> Stocktake | None:
        """The stocktake closed last, or None."""
        return stocktake.latest_closed(self._db.conn)

    def not_found_at(self, closed: Stocktake) -> list[CopyLine]:
        """Copies the closed stocktake did not find, not written off since."""
        return writeoffs.lost_at_stocktake(self._db.conn, closed.id)

    # -- write-offs ------------------------------------------------------------------------
    def writeoff_copy(self, code: str) -> CopyLine:
        """The copy *code* checked for a write-off (a refusal says why it cannot be)."""
        return writeoffs.find_copy(self._db.conn, code)

    def create_writeoff(self, number: str, reason: str, item_ids: Sequence[int], *,
                        day: date | None = None, approved_by: str | None = None,
                        note: str | None = None) -> WriteoffLine:
        """Make a write-off record of the copies *item_ids* and mark them withdrawn."""
        self._clock.require()
        today = library_today()
        with self._db.transaction() as conn:
            uuid = writeoffs.create(conn, self._settings.library_id, number=number,
                                    day=day or today, reason=reason, item_ids=list(item_ids),
                                    approved_by=approved_by, note=note, today=today,
                                    now=utc_now())
            line = registers.writeoff_line(conn, uuid)
        assert line is not None
        return line

    def writeoffs(self) -> list[WriteoffLine]:
        """Every write-off record, oldest first."""
        return registers.all_writeoffs(self._db.conn)
