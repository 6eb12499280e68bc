"""Báo cáo năm (the annual report of a school year) against a year done through the app: the
collection at both ends adds up with the year's acquisitions and write-offs, loans by month
and reader group, the share of students who read, the most borrowed titles, overdue and lost
at the end; PDF and Excel read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.circulation.clock import display_date, library_today
from app.errors import ValidationError
from app.reports.period import Period
from app.reports.service import Reports
from tests.app.labels.raster import pdf_text

from .conftest import School, layout_text


def school_year(school: School) -> None:
    """2025–2026 at the desk, and a loan on 03/08/2026, in the next school year."""
    lib, r, circ, clock = school.lib, school.readers, school.circ, school.clock
    old = lib.catalog.add_record("Nghiệp vụ thư viện trường học", year=2019)
    school.copies(old, 4, "NV", "2024-10-01", "Mua", 30000)        # before the year
    lib.patrons.add("Đỗ Thị Em", class_name="8C")                    # never came
    with lib.db.transaction() as conn:  # the readers were entered in August 2025
        conn.execute("UPDATE patrons SET created_at = '2025-08-20T02:00:00.000000Z'")
    lib.patrons.add("Hoàng Văn Mới", class_name="6A")  # entered now: after that year
    an, binh, cuong, dung = (r["Nguyễn Văn An"], r["Trần Thị Bình"], r["Lê Văn Cường"],
                             r["Phạm Văn Dũng"])
    # September: An 2 loans (Dế Mèn twice over the year), Bình 1 (lost), the teacher 1
    circ.checkout(an.card, school.de_men[0].barcode)
    circ.checkout(binh.card, school.imported[0].barcode)
    circ.checkout(dung.card, school.long_one[0].barcode)
    circ.record_visit(an.card)
    circ.record_walk_ins(4)
    circ.record_in_library(school.gifts[0].barcode)
    clock.now = clock.now.replace(day=20)
    circ.checkin(school.de_men[0].barcode)
    circ.mark_lost(school.imported[0].barcode)
    # February: Bình borrows Dế Mèn; Cường only comes in
    clock.now = datetime(2026, 2, 10, 2, 0, tzinfo=clock.now.tzinfo)
    circ.checkout(binh.card, school.de_men[1].barcode)
    circ.record_visit(cuong.card)
    clock.now = clock.now.replace(day=20)
    circ.checkin(school.de_men[1].barcode)
    circ.checkin(school.long_one[0].barcode)
    # July: An borrows Dế Mèn again and keeps it past the year's end
    clock.now = datetime(2026, 7, 6, 2, 0, tzinfo=clock.now.tzinfo)
    circ.checkout(an.card, school.de_men[1].barcode)
    # a write-off in March
    lib.collection.create_writeoff("BB 01/2026", "worn", [school.de_men[2].id],
                                   day=date(2026, 3, 15))
    clock.now = datetime(2026, 8, 3, 2, 0, tzinfo=clock.now.tzinfo)
    circ.checkout(cuong.card, school.gifts[1].barcode)               # 2026–2027
    clock.now = clock.now.replace(day=10)


def test_annual_figures(school: School) -> None:
    school_year(school)
    annual = school.reports.annual("2025–2026")
    assert (annual.year, annual.start, annual.end) == ("2025-2026", date(2025, 8, 1),
                                                      date(2026, 7, 31))
    stats = annual.stats
    assert (annual.start_total.copies, annual.start_total.titles,
            annual.start_total.value) == (4, 1, 120000)
    assert [(h.group, h.copies) for h in annual.start_by_code] == [("NV", 4)]
    assert (stats.acquired_total.copies, stats.acquired_total.value) == (54, 1245000)
    assert (stats.written_off_total.copies, stats.written_off_total.value) == (1, 45000)
    assert (stats.collection_total.copies, stats.collection_total.value) == (57, 1320000)
    assert annual.start_total.copies + stats.acquired_total.copies \
        - stats.written_off_total.copies == stats.collection_total.copies
    assert [r.number for r in annual.receipts] == [2, 3, 4]  # the register's numbers: 2024's is 1
    assert [w.number for w in annual.write_offs] == ["BB 01/2026"]
    months = dict(annual.months)
    assert list(months) == [f"{y}-{m:02d}" for y, m in
                            [(2025, m) for m in range(8, 13)] + [(2026, m) for m in range(1, 8)]]
    assert months["2025-09"] == {"student": 2, "teacher": 1, "staff": 0}
    assert months["2026-02"]["student"] == 1 and months["2026-07"]["student"] == 1
    assert sum(sum(c.values()) for c in months.values()) == stats.loans_total.loans == 5
    # An and Bình borrowed, Cường came in, Em never (Mới came after the year): 3 of 4
    assert (annual.active_students, annual.students_on_roll) == (3, 4)
    assert annual.student_share == 0.75
    assert stats.visits == 6 and stats.in_library == 1
    assert annual.top_titles[0] == ("Dế Mèn phiêu lưu ký", "Tô Hoài", 3, 2)
    assert len(annual.top_titles) == 3
    # at 31/07/2026 An's July loan is out (due in July), Bình's copy was lost in September
    assert (stats.overdue_loans, stats.overdue_readers) == (1, 1)
    assert annual.lost_in_year == 1


def test_annual_report_pdf_and_xlsx(school: School, tmp_path: Path) -> None:
    school_year(school)
    reports = school.reports
    report = reports.report("annual", period=Period.school_year(2025))
    assert report.title == "BÁO CÁO CÔNG TÁC THƯ VIỆN NĂM HỌC 2025-2026"
    pdf = reports.write(report, tmp_path / "bao-cao-nam.pdf")
    text = layout_text(pdf)
    rows = [line.split() for line in text.splitlines()]
    assert "Từ ngày 01/08/2025 đến ngày 31/07/2026" in text
    assert ["Vốn", "tài", "liệu", "đầu", "năm", "(đến", "31/07/2025)", "4", "120.000"] in rows
    assert ["Vốn", "tài", "liệu", "cuối", "năm", "(đến", "31/07/2026)", "57", "1.320.000"] in rows
    assert ["Tỉ", "lệ", "học", "sinh", "là", "bạn", "đọc", "tích", "cực", "75,0", "%"] in rows
    assert ["09/2025", "2", "1", "0", "3"] in rows and ["Cộng", "4", "1", "0", "5"] in rows
    assert ["1", "Dế", "Mèn", "phiêu", "lưu", "ký", "Tô", "Hoài", "3", "2"] in rows
    plain = " ".join(pdf_text(pdf.read_bytes(), tmp_path).split())
    assert "Học sinh có mượn sách hoặc đến thư viện: 3 / 4 em (75,0 %)." in plain
    assert "BB 01/2026" in plain and "Rách nát, hư hỏng" in plain
    xlsx = reports.write(report, tmp_path / "bao-cao-nam.xlsx")
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Tóm tắt", "Vốn TL", "Bổ sung", "Thanh lý", "Kiểm kê",
                               "Lượt mượn", "Bạn đọc", "Mượn nhiều", "Cuối năm"]
    collection = {r[0]: r[1:] for r in book["Vốn TL"].iter_rows(values_only=True)
                  if r[0] in ("NV", "TK — Sách tham khảo", "Cộng")}
    assert collection["Cộng"] == (1, 4, 120000, 9, 57, 1320000)
    assert collection["TK — Sách tham khảo"] == (0, 0, 0, 5, 6, 365000)
    months = [r for r in book["Lượt mượn"].iter_rows(values_only=True) if r[0] == "09/2025"]
    assert months == [("09/2025", 2, 1, 0, 3)]


def test_a_bad_year_and_a_running_year(school: School, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="2025-2027"):
        school.reports.annual("2025-2027")
    lib = school.lib
    lib.collection.start_stocktake(["TK"])
    for item in school.de_men + school.imported:
        lib.collection.scan(item.barcode)
    lib.collection.close_stocktake(mark_lost=False)
    reports = Reports(lib.db, lib.settings)  # the stocktake closed on the real today
    today = library_today()
    first = today.year if today.month >= 8 else today.year - 1
    annual = reports.annual(f"{first}-{first + 1}")
    assert annual.end == today
    assert [(i.collection, i.expected, i.present, i.missing) for i in annual.inventories] == [
        ("TK", 7, 6, 1)]
    pdf = reports.write(reports.annual_report(f"{first}-{first + 1}"), tmp_path / "a.pdf")
    assert [display_date(today), "TK", "7", "6", "0", "1", "0"] in [
        line.split() for line in layout_text(pdf).splitlines()]
