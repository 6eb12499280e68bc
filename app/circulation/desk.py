"""The desk: one ``scan(code)`` for everything the USB scanner (or webcam) reads.

- A library card makes that patron current (kept in ``desk_state``, so it survives
  between CLI calls and restarts).
- An accession number checks the copy out to the current patron, or checks it in when it
  is on loan, by desk mode: ``auto`` (on loan → check in, even from the current patron;
  otherwise check out), ``checkout`` only, or ``checkin`` only. In ``auto`` a lost copy
  scanned in is found.
- An ISBN (the book's own EAN barcode) stands for a copy only when it is unambiguous: the
  record has exactly one copy, or exactly one of its copies is on loan to the current
  patron. Otherwise the scan is refused (``isbn_ambiguous``) with the copies listed in
  ``choices``: a loan must name the physical copy, since its accession number is what the
  registers and loss tracking follow, and the database cannot know which copy is in hand.
- A late return in a library that fines records the fine and says it ("Quá hạn 5 ngày —
  phạt 2.500 đ", ``result.fine``); a card scan says what the patron still owes
  (``params["owed"]`` in đồng). See :mod:`app.circulation.fines`.
- The same copy scanned again within 3 seconds is ignored (``repeat_ignored``).
- The first scan of each library day expires holds not picked up in time, so a copy kept on
  the hold shelf past its deadline is lent to the next reader instead of being refused.
- Every scan runs in one transaction: a refusal leaves the desk and database unchanged.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from app.circulation import fines, holds, loans, usage
from app.circulation.clock import display_date, parse_stamp
from app.circulation.codes import has_bad_check_digit, isbn_of, normalise
from app.circulation.context import CircContext
from app.circulation.messages import (
    CARD_EXPIRING,
    CARD_LAST_DAY,
    HOLDS_READY,
    OWES,
    PATRON_STATUS,
    Phrase,
)
from app.circulation.refs import (
    ItemRef,
    PatronRef,
    item_by_barcode,
    items_of_records,
    patron_by_card,
    patron_by_id,
)
from app.circulation.results import DeskResult, Refusal, refuse
from app.db import local_state
from app.errors import ValidationError
from app.i18n import Text

MODES = ("auto", "checkout", "checkin", "reading")
REPEAT_SECONDS = 3.0
BAD_MODE = Text("Chế độ quầy không hợp lệ: {mode} (auto, checkout, checkin, reading).",
                "Invalid desk mode: {mode} (auto, checkout, checkin, reading).")
MODE_NAMES = {"auto": Text("tự động", "automatic"), "checkout": Text("chỉ cho mượn", "checkout only"),
              "checkin": Text("chỉ nhận trả", "checkin only"),
              "reading": Text("đọc tại chỗ (mỗi cuốn quét được đếm một lượt đọc)",
                              "in-library reading (each copy scanned counts one reading)")}


class Desk:
    """The circulation desk of one library (``lib.circulation.desk``)."""

    def __init__(self, ctx: CircContext) -> None:
        self._ctx = ctx
        self._holds_checked_on: date | None = None

    # -- state ---------------------------------------------------------------------------
    def mode(self) -> str:
        """The desk mode: ``auto``, ``checkout``, ``checkin`` or ``reading`` (each copy
        scanned is counted as read in the library: neither lent nor taken back)."""
        return self._stored_mode("mode")

    def set_mode(self, mode: str) -> DeskResult:
        """Choose the desk mode."""
        self._store_mode("mode", mode)
        return DeskResult(True, "mode_set", {"mode": MODE_NAMES[mode]()})

    def start_mode(self) -> str:
        """The mode the desk window opens in each time (``auto`` unless chosen otherwise), so
        an F4 or F11 left on in the evening is not still on the next morning."""
        return self._stored_mode("start_mode")

    def set_start_mode(self, mode: str) -> None:
        """Choose the mode the desk window opens in."""
        self._store_mode("start_mode", mode)

    def _stored_mode(self, key: str) -> str:
        value = local_state.get(self._ctx.db.conn, key)
        return value if isinstance(value, str) and value in MODES else "auto"

    def _store_mode(self, key: str, mode: str) -> None:
        if mode not in MODES:
            raise ValidationError("desk.bad_mode", BAD_MODE, mode=mode)
        with self._ctx.db.transaction() as conn:
            local_state.put(conn, key, mode)

    def open_in_start_mode(self) -> DeskResult:
        """Put the desk in its start mode (the window calls this when it opens)."""
        return self.set_mode(self.start_mode())

    def current_patron(self) -> PatronRef | None:
        """The patron whose card was scanned last (None after :meth:`clear_patron`)."""
        conn = self._ctx.db.conn
        patron_id = local_state.get(conn, "patron_id")
        return patron_by_id(conn, patron_id) if isinstance(patron_id, int) else None

    def clear_patron(self) -> DeskResult:
        """Forget the current patron (end of a transaction at the desk)."""
        with self._ctx.db.transaction() as conn:
            local_state.remove(conn, "patron_id")
        return DeskResult(True, "patron_cleared")

    def class_loan_id(self) -> int | None:
        """The class loan session scans lend into, if one is active at the desk."""
        value = local_state.get(self._ctx.db.conn, "class_loan_id")
        return value if isinstance(value, int) else None

    def set_class_loan(self, class_loan_id: int | None) -> None:
        """Make checkouts at the desk part of a class loan session (None to stop)."""
        with self._ctx.db.transaction() as conn:
            if class_loan_id is None:
                local_state.remove(conn, "class_loan_id")
            else:
                local_state.put(conn, "class_loan_id", class_loan_id)

    # -- scan ----------------------------------------------------------------------------
    def scan(self, code: str) -> DeskResult:
        """Act on one scanned code and say what happened (never raises for a refusal).

        >>> lib.circulation.desk.scan("HS000001").code   # doctest: +SKIP
        'patron_selected'
        >>> lib.circulation.desk.scan("TK.00003").loan.due   # doctest: +SKIP
        '2025-09-19'
        """
        code = normalise(code)
        self._ctx.require_plausible_clock()  # a PC back in 2009 lends and returns nothing
        self._expire_holds_once_a_day()
        try:
            with self._ctx.db.transaction() as conn:
                return self._scan(conn, code)
        except Refusal as refusal:
            return refusal.result

    def _expire_holds_once_a_day(self) -> None:
        # Checked with one indexed read, and at most once a day per desk: a commit only
        # happens when a hold really expires, so a refused scan still changes nothing.
        today = self._ctx.now()[2]
        if self._holds_checked_on == today:
            return
        if holds.any_expired(self._ctx.db.conn, today):
            with self._ctx.db.transaction() as conn:
                holds.expire(self._ctx, conn)
        self._holds_checked_on = today

    def _scan(self, conn: sqlite3.Connection, code: str) -> DeskResult:
        if not code:
            raise refuse("unknown_code", code=code)
        patron = patron_by_card(conn, code)
        if patron is not None:
            local_state.put(conn, "patron_id", patron.id)
            # A book scanned again after a card is meant for that reader (the held book
            # just checked in, now lent to its holder): not a repeat to ignore.
            local_state.put(conn, "last_item", None)
            return self._patron_selected(conn, patron)
        current = self._current(conn)
        item = item_by_barcode(conn, code) or self._item_from_other_code(conn, code, current)
        moment, now, _today = self._ctx.now()
        if self._is_repeat(conn, item, moment):
            return DeskResult(True, "repeat_ignored", {"code": code}, current, item)
        result = self._act(conn, item, current)
        local_state.put(conn, "last_item", {"id": item.id, "at": now})
        return result

    def _act(self, conn: sqlite3.Connection, item: ItemRef, current: PatronRef | None
             ) -> DeskResult:
        mode = self.mode()
        if mode == "reading":  # books gathered from the reading-room tables
            return usage.record_in_library(self._ctx, conn, item, current)
        if mode == "checkin" or (mode == "auto" and item.status in ("on_loan", "lost")):
            return loans.checkin(self._ctx, conn, item)
        if current is None:
            raise refuse("no_patron", item=item)
        class_loan_id = self.class_loan_id()
        if class_loan_id is not None:
            from app.circulation.classloans import lend_in_session

            return lend_in_session(self._ctx, conn, class_loan_id, current, item)
        return loans.checkout(self._ctx, conn, current, item)

    def _current(self, conn: sqlite3.Connection) -> PatronRef | None:
        patron_id = local_state.get(conn, "patron_id")
        return patron_by_id(conn, patron_id) if isinstance(patron_id, int) else None

    def _is_repeat(self, conn: sqlite3.Connection, item: ItemRef, moment: datetime) -> bool:
        last = local_state.get(conn, "last_item")
        if not isinstance(last, dict) or last.get("id") != item.id:
            return False
        elapsed = (moment - parse_stamp(str(last["at"]))).total_seconds()
        return 0 <= elapsed < REPEAT_SECONDS

    def _patron_selected(self, conn: sqlite3.Connection, patron: PatronRef) -> DeskResult:
        _, _now, today = self._ctx.now()
        count, overdue = conn.execute(
            "SELECT count(*), coalesce(sum(due_on < ?), 0) FROM loans "
            "WHERE patron_id = ? AND returned_at IS NULL", (today.isoformat(), patron.id)).fetchone()
        class_part = f" ({patron.class_name})" if patron.class_name else ""
        usage.count_visit(self._ctx, conn, patron)  # once a day: the reader came in
        owed, _ = fines.outstanding_total(conn, patron.id)
        owes = {"fines": Phrase(OWES, {"amount": fines.format_dong(owed)}) if owed else "",
                "owed": owed}
        if patron.status != "active":
            return DeskResult(True, "patron_selected_blocked",
                              {"name": patron.full_name, "class_part": class_part,
                               "status": Phrase(PATRON_STATUS[patron.status])
                               if patron.status in PATRON_STATUS else patron.status, **owes},
                              patron)
        if patron.card_expired(today):  # who it is and what they hold, but no lending
            return DeskResult(True, "patron_selected_expired",
                              {"name": patron.full_name, "class_part": class_part,
                               "until": display_date(patron.expires_on or ""), "count": count,
                               "overdue": overdue, **owes}, patron)
        ready = conn.execute("SELECT count(*) FROM holds WHERE patron_id = ? AND status = 'ready' "
                             "AND deleted = 0", (patron.id,)).fetchone()[0]
        return DeskResult(True, "patron_selected", {"name": patron.full_name,
                                                    "class_part": class_part, "count": count,
                                                    "overdue": overdue, **owes,
                                                    "holds": Phrase(HOLDS_READY, {"count": ready})
                                                    if ready else "", "holds_ready": ready,
                                                    "card": self._expiry_notice(patron, today)},
                          patron)

    def _expiry_notice(self, patron: PatronRef, today: date) -> Phrase | str:
        """The notice " Thẻ sắp hết hạn: còn 10 ngày (…)." when the card expires within the
        notice days, else an empty string."""
        if patron.expires_on is None:
            return ""
        days = (date.fromisoformat(patron.expires_on) - today).days
        if days > self._ctx.card_notice_days():
            return ""
        until = display_date(patron.expires_on)
        if days == 0:
            return Phrase(CARD_LAST_DAY, {"until": until})
        return Phrase(CARD_EXPIRING, {"days": days, "until": until})

    def _item_from_other_code(self, conn: sqlite3.Connection, code: str,
                              current: PatronRef | None) -> ItemRef:
        isbn = isbn_of(code)
        if isbn is None:
            if has_bad_check_digit(code):
                raise refuse("bad_check_digit", patron=current, code=code)
            raise refuse("unknown_code", patron=current, code=code)
        record_ids = [r[0] for r in conn.execute(
            "SELECT ri.record_id FROM record_isbns ri JOIN records r ON r.id = ri.record_id "
            "WHERE ri.isbn = ? AND r.deleted = 0", (isbn,))]
        if not record_ids:
            raise refuse("unknown_code", patron=current, code=code)
        copies = [c for c in items_of_records(conn, record_ids) if c.status != "withdrawn"]
        if not copies:
            title = conn.execute("SELECT title FROM records WHERE id = ?",
                                 (record_ids[0],)).fetchone()[0]
            raise refuse("isbn_no_copy", patron=current, isbn=isbn, title=title)
        if len(copies) == 1:
            return copies[0]
        if current is not None and self.mode() != "checkout":
            mine = [c for c in copies if c.status == "on_loan" and conn.execute(
                "SELECT 1 FROM loans WHERE item_id = ? AND returned_at IS NULL AND patron_id = ?",
                (c.id, current.id)).fetchone()]
            if len(mine) == 1:
                return mine[0]
        raise refuse("isbn_ambiguous", patron=current, offers=("choose_copy",),
                     choices=tuple(copies), isbn=isbn, count=len(copies))
