"""``Circulation``: the circulation service of one library (``lib.circulation``).

Every operation runs in one transaction that also writes its outbox rows, and commits
(durably: WAL + ``synchronous=FULL``) before returning. Desk-like operations return a
:class:`~app.circulation.results.DeskResult`, refusals included (``ok`` False, a machine
``code`` and a translated message); they do not raise for a refusal.

    >>> circ = lib.circulation                                  # doctest: +SKIP
    >>> circ.checkout("HS000001", "TK.00003").loan.due          # doctest: +SKIP
    '2025-09-19'
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from app.circulation import classloans, documents, holds, loans, usage
from app.circulation.calendar import Calendar
from app.circulation.classloans import ClassLoanReport, ClassLoanSession
from app.circulation.clock import Clock
from app.circulation.clock_check import pc_clock
from app.circulation.codes import normalise
from app.circulation.context import CircContext
from app.circulation.desk import Desk
from app.circulation.documents import ClassLetter, PatronLoans
from app.circulation.fines import Fines
from app.circulation.refs import (
    HoldRef,
    ItemRef,
    PatronRef,
    item_by_barcode,
    item_by_id,
    patron_by_card,
    patron_by_id,
)
from app.circulation.results import DeskResult, Refusal, refuse
from app.circulation.rules import LoanRules
from app.circulation.usage import UsageCount
from app.db.connection import Database
from app.settings import Settings

PatronKey = int | str
ItemKey = int | str


class Circulation:
    """Loans, holds, the desk, fines, class loans, usage counts and overdue documents."""

    def __init__(self, db: Database, settings: Settings, clock: Clock = pc_clock) -> None:
        self.db = db
        self.rules = LoanRules(db)
        self.calendar = Calendar(db, settings)
        self._ctx = CircContext(db, settings, self.rules, self.calendar, clock)
        self.desk = Desk(self._ctx)
        self.fines = Fines(self._ctx)

    @property
    def context(self) -> CircContext:
        """The shared context (database, settings, rules, calendar, clock)."""
        return self._ctx

    def today(self) -> date:
        """The library's local date by this service's clock."""
        return self._ctx.now()[2]

    # -- lookups -------------------------------------------------------------------------
    @staticmethod
    def _patron(conn: sqlite3.Connection, key: PatronKey) -> PatronRef:
        if isinstance(key, str):  # a space, a scanner's tab or AIM prefix, full-width digits
            key = normalise(key)
        patron = patron_by_id(conn, key) if isinstance(key, int) else patron_by_card(conn, key)
        if patron is None and isinstance(key, str):
            row = conn.execute("SELECT id FROM patrons WHERE student_code = ? COLLATE NOCASE "
                               "AND deleted = 0", (key,)).fetchone()
            patron = patron_by_id(conn, row[0]) if row else None
        if patron is None and isinstance(key, str) and key.isascii() and key.isdigit() \
                and len(key) < 19:
            # digits that are no card or student code: a patron's id ("0012…", a student
            # code of digits only, was taken for an id before its code was looked up)
            patron = patron_by_id(conn, int(key))
        if patron is None:
            item = item_by_barcode(conn, key) if isinstance(key, str) else None
            if item is not None:  # a book scanned where the card was asked for
                raise refuse("item_not_card", code=key, title=item.title)
            raise refuse("patron_not_found", code=str(key))
        return patron

    @staticmethod
    def _item(conn: sqlite3.Connection, key: ItemKey) -> ItemRef:
        if isinstance(key, str):
            key = normalise(key)
        item = item_by_id(conn, key) if isinstance(key, int) else item_by_barcode(conn, key)
        if item is None:
            card = patron_by_card(conn, key) if isinstance(key, str) else None
            if card is not None:  # a card scanned where the book was asked for
                raise refuse("card_not_item", code=key, name=card.full_name)
            raise refuse("item_not_found", code=str(key))
        return item

    def _run(self, action: Callable[[sqlite3.Connection], DeskResult]) -> DeskResult:
        self._ctx.require_plausible_clock()  # raises ClockBehind: nothing is written
        try:
            with self.db.transaction() as conn:
                return action(conn)
        except Refusal as refusal:
            return refusal.result

    # -- loans ---------------------------------------------------------------------------
    def checkout(self, patron: PatronKey, item: ItemKey, *, force: bool = False) -> DeskResult:
        """Lend *item* (barcode or id) to *patron* (card, student code or id)."""
        return self._run(lambda c: loans.checkout(self._ctx, c, self._patron(c, patron),
                                                  self._item(c, item), force=force))

    def checkin(self, item: ItemKey) -> DeskResult:
        """Take *item* back (the result names the patron a held copy is kept for)."""
        return self._run(lambda c: loans.checkin(self._ctx, c, self._item(c, item)))

    def renew(self, item: ItemKey, *, force: bool = False) -> DeskResult:
        """Renew the loan of *item*."""
        return self._run(lambda c: loans.renew(self._ctx, c, self._item(c, item), force=force))

    def mark_lost(self, item: ItemKey) -> DeskResult:
        """Record *item* as lost (closing its loan with outcome ``lost``)."""
        return self._run(lambda c: loans.mark_lost(self._ctx, c, self._item(c, item)))

    def mark_damaged(self, item: ItemKey) -> DeskResult:
        """Record *item* as damaged."""
        return self._run(lambda c: loans.mark_damaged(self._ctx, c, self._item(c, item)))

    def mark_found(self, item: ItemKey) -> DeskResult:
        """A lost or damaged copy is back in use."""
        return self._run(lambda c: loans.mark_found(self._ctx, c, self._item(c, item)))

    def mark(self, state: str, item: ItemKey) -> DeskResult:
        """*item* is ``lost``, ``damaged`` or ``found`` (see :meth:`mark_lost`,
        :meth:`mark_damaged`, :meth:`mark_found`)."""
        act = {"lost": self.mark_lost, "damaged": self.mark_damaged, "found": self.mark_found}
        return act[state](item)

    def open_loans(self, patron: PatronKey) -> PatronLoans | None:
        """What *patron* has on loan now (the loan slip's data)."""
        try:
            p = self._patron(self.db.conn, patron)
        except Refusal:
            return None
        return documents.loan_slip(self.db.conn, p.id, self.today())

    def detach_patron(self, patron_id: int) -> int:
        """Unlink a patron's closed loans before the patron is erased (see loans.detach_patron)."""
        with self.db.transaction() as conn:
            return loans.detach_patron(conn, patron_id)

    # -- holds ---------------------------------------------------------------------------
    def place_hold(self, patron: PatronKey, record_id: int) -> DeskResult:
        """Queue *patron* for record *record_id*."""
        def act(conn: sqlite3.Connection) -> DeskResult:
            row = conn.execute("SELECT title FROM records WHERE id = ? AND deleted = 0",
                               (record_id,)).fetchone()
            if row is None:
                raise refuse("record_not_found", record=record_id)
            return holds.place(self._ctx, conn, self._patron(conn, patron), record_id, row[0])
        return self._run(act)

    def cancel_hold(self, hold_id: int) -> DeskResult:
        """Cancel a hold (a copy kept for it passes on)."""
        return self._run(lambda c: holds.cancel(self._ctx, c, hold_id))

    def hold_queue(self, record_id: int) -> list[HoldRef]:
        """Open holds on a record: ready first, then the waiting queue in order."""
        return holds.queue(self.db.conn, record_id)

    def holds_of(self, patron: PatronKey) -> list[HoldRef]:
        """A patron's open holds."""
        return holds.of_patron(self.db.conn, self._patron(self.db.conn, patron).id)

    def hold_shelf(self) -> list[HoldRef]:
        """Copies kept on the hold shelf, earliest deadline first."""
        return holds.ready_list(self.db.conn)

    def expire_holds(self) -> list[HoldRef]:
        """Expire holds not picked up in time; their copies go to the next patron or the shelf."""
        self._ctx.require_plausible_clock()
        with self.db.transaction() as conn:
            return holds.expire(self._ctx, conn)

    # -- usage ---------------------------------------------------------------------------
    def record_visit(self, patron: PatronKey) -> DeskResult:
        """Count a visit to the library."""
        return self._run(lambda c: usage.record_visit(self._ctx, c, self._patron(c, patron)))

    def record_walk_ins(self, count: int = 1) -> DeskResult:
        """Count *count* visits by readers without a card."""
        return self._run(lambda c: usage.record_walk_ins(self._ctx, c, count))

    def record_in_library(self, item: ItemKey, patron: PatronKey | None = None) -> DeskResult:
        """Count one in-library reading of *item*."""
        return self._run(lambda c: usage.record_in_library(
            self._ctx, c, self._item(c, item), self._patron(c, patron) if patron else None))

    def usage_tally(self, start: date, end: date) -> list[UsageCount]:
        """Visits and in-library readings per day between *start* and *end*."""
        return usage.tally(self.db.conn, start.isoformat(), end.isoformat())

    # -- overdue and documents -----------------------------------------------------------
    def overdue(self, today: date | None = None) -> list[PatronLoans]:
        """Patrons with overdue loans, by class then name."""
        return documents.overdue(self.db.conn, today or self.today())

    def overdue_letters(self, today: date | None = None) -> list[ClassLetter]:
        """Overdue loans grouped by class (for homeroom teachers)."""
        return documents.overdue_letters(self.db.conn, today or self.today())

    # -- class loans ---------------------------------------------------------------------
    def start_class_loan(self, class_name: str, record_ids: Sequence[int], *,
                         due: date | None = None, school_year: str | None = None
                         ) -> ClassLoanSession:
        """Open a class loan session for a textbook set."""
        self._ctx.require_plausible_clock()
        with self.db.transaction() as conn:
            return classloans.start(self._ctx, conn, class_name, record_ids, due=due,
                                    school_year=school_year)

    def class_loan_assign(self, session_id: int, assignments: Mapping[int, Sequence[str]]
                          ) -> list[DeskResult]:
        """Lend by list (patron id → accession numbers), in one transaction."""
        self._ctx.require_plausible_clock()
        with self.db.transaction() as conn:
            return classloans.assign(self._ctx, conn, session_id, assignments)

    def class_loan_auto_assign(self, session_id: int) -> list[DeskResult]:
        """Give every student of the class one available copy of each record of the set."""
        self._ctx.require_plausible_clock()
        with self.db.transaction() as conn:
            return classloans.auto_assign(self._ctx, conn, session_id)

    def class_loan_report(self, session_id: int) -> ClassLoanReport:
        """Per student: copies lent, returned, still missing."""
        return classloans.report(self.db.conn, session_id)

    def close_class_loan(self, session_id: int, *, mark_missing_lost: bool = False
                         ) -> ClassLoanReport:
        """End a class loan session (optionally marking the copies still out as lost)."""
        self._ctx.require_plausible_clock()
        with self.db.transaction() as conn:
            return classloans.close(self._ctx, conn, session_id,
                                    mark_missing_lost=mark_missing_lost)

    def class_loans(self, class_name: str | None = None) -> list[ClassLoanSession]:
        """Class loan sessions, newest first."""
        return classloans.sessions(self.db.conn, class_name)
