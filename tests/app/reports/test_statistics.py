"""Statistics for a period, against what was done at the desk: loans by category and class,
active readers, visits, in-library reading, overdue at the end, the collection at the end."""

from __future__ import annotations

from datetime import date

from app.reports.period import Period

from .conftest import School


def desk_month(school: School) -> None:
    """September 2025 at the desk (the clock starts on Monday 08/09)."""
    r, circ = school.readers, school.circ
    an, binh = r["Nguyễn Văn An"], r["Trần Thị Bình"]
    cuong, dung = r["Lê Văn Cường"], r["Phạm Văn Dũng"]
    circ.checkout(an.card, school.de_men[0].barcode)       # due 22/09
    circ.checkout(binh.card, school.imported[0].barcode)   # due 22/09, never back
    circ.checkout(dung.card, school.long_one[0].barcode)   # a teacher: 30 days
    circ.record_visit(an.card)
    circ.record_visit(cuong.card)
    circ.record_walk_ins(3)
    circ.record_in_library(school.gifts[0].barcode)
    circ.record_in_library(school.gifts[0].barcode)
    school.clock.now = school.clock.now.replace(day=10)
    circ.checkin(school.de_men[0].barcode)
    circ.checkout(cuong.card, school.gifts[1].barcode)     # children's book: due 17/09
    school.clock.now = school.clock.now.replace(day=25)
    circ.checkin(school.gifts[1].barcode)                  # back late, on 25/09
    school.clock.now = school.clock.now.replace(day=30)


def test_september_figures(school: School) -> None:
    desk_month(school)
    stats = school.reports.statistics(Period.month(2025, 9))
    assert stats.end == date(2025, 9, 30)
    assert [(x.group, x.loans, x.readers) for x in stats.loans_by_category] == [
        ("student", 3, 3), ("teacher", 1, 1)]
    assert [(x.group, x.loans, x.readers) for x in stats.loans_by_type] == [
        ("book", 3, 3), ("children", 1, 1)]
    assert [(x.group, x.loans, x.readers) for x in stats.loans_by_class] == [
        ("", 1, 1), ("6A", 2, 2), ("7B", 1, 1)]
    assert (stats.loans_total.loans, stats.loans_total.readers) == (4, 4)
    assert stats.visits == 5 and stats.visits_by_category == {"student": 2, "walk_in": 3}
    assert stats.in_library == 2 and stats.in_library_by_type == {"children": 2}
    assert stats.active_readers == 4  # Cường came in and borrowed: counted once
    assert (stats.overdue_loans, stats.overdue_readers) == (1, 1)  # Bình's, due 22/09
    assert (stats.collection_total.copies, stats.collection_total.titles) == (54, 8)
    assert stats.collection_total.value == 740000 + 505000
    assert [(h.group, h.copies) for h in stats.collection_by_code] == [
        ("GK", 45), ("TK", 7), ("TN", 2)]
    assert [(h.group, h.copies) for h in stats.collection_by_type] == [
        ("book", 7), ("children", 2), ("textbook", 45)]
    assert (stats.acquired_total.copies, stats.acquired_total.value) == (14, 505000)
    # the figures add up
    assert sum(h.copies for h in stats.collection_by_code) == stats.collection_total.copies
    assert sum(x.loans for x in stats.loans_by_class) == stats.loans_total.loans


def test_figures_are_those_of_the_period_end(school: School) -> None:
    desk_month(school)
    august = school.reports.statistics(Period.month(2025, 8))
    assert (august.collection_total.copies, august.collection_total.value) == (40, 740000)
    assert august.acquired_total.copies == 40 and august.loans_total.loans == 0
    assert august.visits == 0 and august.active_readers == 0
    # on 20/09 Cường's book (due 17/09, back on 25/09) was overdue, Bình's not yet
    early = school.reports.statistics(Period.read("01/09/2025", "20/09/2025"))
    assert (early.overdue_loans, early.overdue_readers) == (1, 1)
    assert early.loans_total.loans == 4
    # a period running past today stops today
    year = school.reports.statistics(Period.school_year(2025))
    assert year.end == date(2025, 9, 30) and year.acquired_total.copies == 54


def test_statistics_report_tables(school: School) -> None:
    desk_month(school)
    report = school.reports.report("statistics", period=Period.month(2025, 9))
    assert report.scope == "Từ ngày 01/09/2025 đến ngày 30/09/2025"
    by_code = report.sections[0]
    assert by_code.rows[0][:3] == ("GK — Sách giáo khoa", 2, 45)
    assert by_code.total == ("Cộng", 8, 54, 1245000.0)
    readers = {str(row[0]): row[1] for row in report.sections[-1].rows}
    assert readers["Lượt đến thư viện"] == 5 and readers["Lượt đọc tại chỗ"] == 2
    assert readers["    – khách không có thẻ"] == 3


def test_write_offs_from_the_collection_records(school: School) -> None:
    school.clock.now = school.clock.now.replace(day=30)
    school.lib.collection.create_writeoff(
        "BB 01/2025", "worn", [school.de_men[2].id, school.imported[2].id],
        day=date(2025, 9, 15))
    register = school.reports.general()
    [line] = register.write_offs
    assert (line.number, line.day, line.copies, line.value) == (
        "BB 01/2025", date(2025, 9, 15), 2, 95000)
    september = school.reports.statistics(Period.month(2025, 9))
    assert (september.written_off_total.copies, september.write_off_records) == (2, 1)
    assert september.collection_total.copies == 52
    before = school.reports.statistics(Period.read("01/09/2025", "10/09/2025"))
    assert before.collection_total.copies == 54 and before.written_off_total.copies == 0
    lines = {x.barcode: x for x in school.reports.individual("TK")}
    assert "BB 01/2025" in lines[school.de_men[2].barcode].note
