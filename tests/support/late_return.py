"""A library where a reader returned a book late: one fine, as the fines tests start from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.circulation import Circulation
from app.circulation.fines import Fine
from app.circulation.rules import LoanRule
from app.library import Library


def one_late_return(lib: Library) -> Fine:
    """Nguyễn Văn An (student code S1, 6A) borrowed TK.00001 ("Toán 6") 20 days ago for 14
    days at 5.000 đ a day, no closed days, and returned it today: fine #1 of 30.000 đ."""
    lib.circulation.rules.set(LoanRule("*", "book", loan_days=14, fine_per_day=5000))
    lib.circulation.calendar.set_closed_weekdays([])
    lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1")
    lib.catalog.add_item(lib.catalog.add_record("Toán 6"))
    past = Circulation(lib.db, lib.settings, clock=lambda: datetime.now(UTC) - timedelta(days=20))
    assert past.checkout("S1", "TK.00001").ok
    fine = lib.circulation.checkin("TK.00001").fine
    assert fine is not None
    return fine
