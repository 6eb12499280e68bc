"""The one reader of a period's loans the annual report, the tally, the statistics and the loan
books share: a loan counts on the library's day (Hà Nội, UTC+7), not on the day of its stored
UTC time."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.reports.period import Period, loans_lent

from .conftest import School


def test_loans_count_on_the_library_day(school: School) -> None:
    an = school.readers["Nguyễn Văn An"]
    lent = []
    for stamp in ("2025-08-31T16:59:59", "2025-08-31T17:00:00", "2025-09-30T16:59:59",
                  "2025-09-30T17:00:00"):
        school.clock.now = datetime.fromisoformat(stamp).replace(tzinfo=UTC)
        code = school.toan[len(lent)].barcode
        assert school.circ.checkout(an.card, code).ok
        lent.append(code)
    september = list(loans_lent(school.lib.db.conn, date(2025, 9, 1), date(2025, 9, 30),
                                "i.barcode", "JOIN items i ON i.id = l.item_id"))
    # 23:59:59 on 31/08 stays in August; 00:00 on 01/09 and 23:59:59 on 30/09 are September's
    assert september == [("2025-09-01", (lent[1],)), ("2025-09-30", (lent[2],))]
    october = list(loans_lent(school.lib.db.conn, date(2025, 10, 1), date(2025, 10, 1),
                              "l.patron_id"))
    assert october == [("2025-10-01", (an.id,))]
    tally = school.reports.tally(Period.month(2025, 9))  # the tally reads the same loans
    assert [(d.day.day, d.loans) for d in tally.days if d.loans] == [(1, 1), (30, 1)]
    months = dict(school.reports.annual("2025-2026").months)  # and so does the annual report
    assert (sum(months["2025-08"].values()), sum(months["2025-09"].values())) == (1, 2)
    stats = school.reports.statistics(Period.month(2025, 9))  # the statistics too
    assert (stats.loans_total.loans, stats.loans_total.readers) == (2, 1)
    book = school.reports.loans("students", Period.month(2025, 9))  # and the loan book
    assert [(x.lent_on, x.barcode) for x in book] == [
        (date(2025, 9, 1), lent[1]), (date(2025, 9, 30), lent[2])]
    assert [x.barcode for x in school.reports.loans("all", Period.month(2025, 8))] == [lent[0]]
