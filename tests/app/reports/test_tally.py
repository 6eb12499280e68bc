"""Phiếu thống kê lượt đọc (reading-room tally) against the desk's counts: a line per day,
visits by reader group (walk-ins apart), in-library readings and loans, the month's totals."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from app.reports.period import Period

from .conftest import School, layout_text


def two_days(school: School) -> None:
    """Mon 08/09: two students and a teacher come in (An's card scanned twice), 3 walk-ins, two
    in-library readings (one by An), two loans. Wed 10/09: 5 walk-ins, one loan."""
    r, circ, clock = school.readers, school.circ, school.clock
    an, cuong, dung = r["Nguyễn Văn An"], r["Lê Văn Cường"], r["Phạm Văn Dũng"]
    circ.record_visit(an.card)
    circ.record_visit(cuong.card)
    circ.record_visit(dung.card)
    circ.record_walk_ins(3)
    circ.record_in_library(school.gifts[0].barcode, an.card)
    circ.record_in_library(school.toan[0].barcode)
    circ.checkout(an.card, school.de_men[0].barcode)
    circ.checkout(dung.card, school.long_one[0].barcode)
    clock.now = clock.now.replace(day=10)
    circ.record_walk_ins(5)
    circ.checkout(cuong.card, school.gifts[1].barcode)
    clock.now = datetime(2025, 9, 30, 3, 0, tzinfo=clock.now.tzinfo)


def test_tally_of_september(school: School) -> None:
    two_days(school)
    tally = school.reports.tally(Period.month(2025, 9))
    assert (tally.start, tally.end) == (date(2025, 9, 1), date(2025, 9, 30))
    assert len(tally.days) == 30
    by_day = {d.day.day: d for d in tally.days}
    monday = by_day[8]
    assert monday.visits == {"student": 2, "staff": 1, "other": 3}
    assert (monday.total_visits, monday.in_library, monday.loans) == (6, 2, 2)
    wednesday = by_day[10]
    assert wednesday.visits == {"student": 0, "staff": 0, "other": 5}
    assert (wednesday.in_library, wednesday.loans) == (0, 1)
    assert all(d.total_visits == d.in_library == d.loans == 0 for n, d in by_day.items()
               if n not in (8, 10))
    total = tally.total()
    assert (total.total_visits, total.in_library, total.loans) == (11, 2, 3)
    groups = {g.group: (g.visits, g.in_library, g.loans, g.readers) for g in tally.groups}
    assert groups == {"student": (2, 1, 2, 2), "teacher": (1, 0, 1, 1),
                      "walk_in": (8, 0, 0, None), "": (0, 1, 0, 0)}
    assert [g.group for g in tally.groups] == ["student", "teacher", "walk_in", ""]
    assert tally.by_type == [("book", 0, 2), ("children", 1, 1), ("textbook", 1, 0)]


def test_tally_pdf_and_xlsx(school: School, tmp_path: Path) -> None:
    two_days(school)
    reports = school.reports
    report = reports.report("tally", period=Period.month(2025, 9))
    pdf = reports.write(report, tmp_path / "luot-doc.pdf")
    text = layout_text(pdf)
    assert "PHIẾU THỐNG KÊ LƯỢT ĐỌC" in text and "Từ ngày 01/09/2025 đến ngày 30/09/2025" in text
    rows = [line.split() for line in text.splitlines()]
    assert ["08/09/2025", "T2", "2", "1", "3", "6", "2", "2", "4"] in rows
    assert ["10/09/2025", "T4", "0", "0", "5", "5", "0", "1", "1"] in rows
    assert ["Cộng", "2", "1", "8", "11", "2", "3", "5"] in rows
    assert ["Khách", "không", "có", "thẻ", "8", "0", "0"] in rows
    assert "Trang 1/2" in text  # the days fill the first page, the totals the second
    xlsx = reports.write(report, tmp_path / "luot-doc.xlsx")
    book = load_workbook(xlsx)
    days = [r for r in book["Ngày"].iter_rows(values_only=True) if isinstance(r[0], datetime)]
    assert len(days) == 30 and days[7][:9] == (datetime(2025, 9, 8), "T2", 2, 1, 3, 6, 2, 2, 4)
    totals = [r for r in book["Cộng"].iter_rows(values_only=True) if r[0] == "Học sinh"]
    assert totals == [("Học sinh", 2, 1, 2, 2)]


def test_tally_stops_today_and_an_open_start_is_the_month(school: School) -> None:
    two_days(school)
    school.clock.now = school.clock.now.replace(day=12)
    tally = school.reports.tally(Period.read(None, None))
    assert (tally.start, tally.end) == (date(2025, 9, 1), date(2025, 9, 12))
    assert tally.total().loans == 3
