"""What every circulation operation needs: the database, policy, calendar and a clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.circulation.calendar import Calendar
from app.circulation.clock import Clock, local_date, stamp
from app.circulation.clock_check import ClockCheck, pc_clock
from app.circulation.rules import LoanRules
from app.db.connection import Database
from app.settings import Settings

HOLD_PICKUP_DAYS = "hold_pickup_days"
BLOCK_WHEN_OVERDUE = "block_loans_when_overdue"
FINE_BLOCK_AT = "fine_block_at"
LOST_CHARGE_PERCENT = "lost_charge_percent"
CARD_NOTICE_DAYS = "card_expiry_notice_days"  # the same setting as app.patrons.validity's


@dataclass
class CircContext:
    """Shared by the loan, hold, desk and class-loan services of one library."""

    db: Database
    settings: Settings
    rules: LoanRules
    calendar: Calendar
    clock: Clock
    _library_id: str | None = field(default=None, repr=False)
    _clock_check: ClockCheck | None = field(default=None, repr=False)

    @property
    def library_id(self) -> str:
        """This library's UUID (read once)."""
        if self._library_id is None:
            self._library_id = self.settings.library_id
        return self._library_id

    def require_plausible_clock(self) -> None:
        """Raise :class:`~app.circulation.clock_check.ClockBehind` when this PC's clock is
        behind what the library recorded (a dead CMOS battery), before anything is written.

        Only this PC's own clock is checked: a clock a caller injected (tests, simulations)
        is trusted as it is.
        """
        if self.clock is not pc_clock:
            return
        if self._clock_check is None:
            self._clock_check = ClockCheck(self.db)
        self._clock_check.require()

    def now(self) -> tuple[datetime, str, date]:
        """The current moment, its stored stamp and the library's local date."""
        moment = self.clock()
        return moment, stamp(moment), local_date(moment)

    def hold_pickup_days(self) -> int:
        """Days a returned held item waits on the hold shelf (setting, default 7)."""
        return int(self.settings.get(HOLD_PICKUP_DAYS, 7))

    def block_when_overdue(self) -> bool:
        """Whether a patron with overdue items is refused new loans (setting, default yes)."""
        return bool(self.settings.get(BLOCK_WHEN_OVERDUE, True))

    def fine_block_at(self) -> int:
        """Outstanding fines (đồng) from which new loans are refused; 0 = never (default)."""
        return int(self.settings.get(FINE_BLOCK_AT, 0) or 0)

    def lost_charge_percent(self) -> int:
        """Percent of its price the borrower of a lost copy is charged; 0 = none (default)."""
        return int(self.settings.get(LOST_CHARGE_PERCENT, 0) or 0)

    def card_notice_days(self) -> int:
        """Days before its expiry a card scanned at the desk is said to expire soon (14)."""
        try:
            return max(0, int(self.settings.get(CARD_NOTICE_DAYS, 14)))
        except (TypeError, ValueError):
            return 14
