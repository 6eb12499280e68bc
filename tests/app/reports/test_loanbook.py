"""Sổ mượn (loan books) against what was done at the desk: one line per loan, students and
staff apart, returns, renewals, losses and lateness in the notes; PDF and Excel read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from app.reports.period import Period
from tests.app.labels.raster import pdf_text

from .conftest import School, layout_text


def september(school: School) -> dict[str, date]:
    """Five loans to students (three come back, one is renewed and kept, one is lost), one to
    a teacher; a loan at 06:30 on 01/10 (still 30/09 in UTC). Returns the due dates."""
    r, circ, clock = school.readers, school.circ, school.clock
    an, binh, cuong, dung = (r["Nguyễn Văn An"], r["Trần Thị Bình"], r["Lê Văn Cường"],
                             r["Phạm Văn Dũng"])
    due = {}
    for reader, item in ((an, school.de_men[0]), (an, school.de_men[1]),
                         (binh, school.imported[0]), (binh, school.imported[1]),
                         (cuong, school.gifts[0]), (dung, school.long_one[0])):
        result = circ.checkout(reader.card, item.barcode)
        assert result.ok and result.loan is not None
        due[item.barcode] = date.fromisoformat(result.loan.due)
    clock.now = clock.now.replace(day=10)
    circ.checkin(school.de_men[0].barcode)
    renewed = circ.renew(school.de_men[1].barcode)
    assert renewed.ok and renewed.loan is not None
    due[school.de_men[1].barcode] = date.fromisoformat(renewed.loan.due)
    clock.now = clock.now.replace(day=12)
    circ.checkin(school.imported[1].barcode)
    clock.now = clock.now.replace(day=20)
    circ.mark_lost(school.imported[0].barcode)
    clock.now = clock.now.replace(day=25)
    circ.checkin(school.gifts[0].barcode)
    clock.now = datetime(2025, 9, 30, 23, 30, tzinfo=clock.now.tzinfo)  # 06:30 on 01/10
    assert circ.checkout(cuong.card, school.de_men[2].barcode).ok
    return due


def test_students_loan_book_lines(school: School) -> None:
    due = september(school)
    lines = school.reports.loans("students", Period.month(2025, 9))
    # 5 loans in September (the 01/10 one is October's, though UTC says 30/09)
    assert [x.number for x in lines] == [1, 2, 3, 4, 5]
    assert [x.barcode for x in lines] == [school.de_men[0].barcode, school.de_men[1].barcode,
                                          school.imported[0].barcode, school.imported[1].barcode,
                                          school.gifts[0].barcode]
    assert {x.lent_on for x in lines} == {date(2025, 9, 8)}
    assert [x.returned_on for x in lines] == [date(2025, 9, 10), None, None, date(2025, 9, 12),
                                              date(2025, 9, 25)]
    assert [x.reader for x in lines] == ["Nguyễn Văn An", "Nguyễn Văn An", "Trần Thị Bình",
                                         "Trần Thị Bình", "Lê Văn Cường"]
    assert [x.class_or_role for x in lines] == ["6A", "6A", "6A", "6A", "7B"]
    assert lines[0].card == school.readers["Nguyễn Văn An"].card
    assert lines[0].title == "Dế Mèn phiêu lưu ký" and lines[0].note == ""
    # printed on 01/10: the renewed copy is overdue, the lost one says so, one came back late
    kept = due[school.de_men[1].barcode]
    assert lines[1].due_on == kept
    assert lines[1].note == f"Gia hạn 1 lần; Quá hạn {(date(2025, 10, 1) - kept).days} ngày"
    assert lines[2].note == "Mất (báo ngày 20/09/2025)"
    late = (date(2025, 9, 25) - due[school.gifts[0].barcode]).days
    assert late > 0 and lines[4].note == f"Trả muộn {late} ngày"
    assert lines[3].note == ""
    staff = school.reports.loans("staff", Period.month(2025, 9))
    assert [(x.reader, x.class_or_role, x.returned_on) for x in staff] == [
        ("Phạm Văn Dũng", "Giáo viên", None)]
    october = school.reports.loans("students", Period.read("01/10/2025", None))
    assert [(x.barcode, x.lent_on) for x in october] == [(school.de_men[2].barcode,
                                                          date(2025, 10, 1))]
    assert len(school.reports.loans("all")) == 7


def test_loan_book_pdf_and_xlsx(school: School, tmp_path: Path) -> None:
    september(school)
    reports = school.reports
    report = reports.report("loans-students", period=Period.month(2025, 9))
    assert report.title == "SỔ MƯỢN SÁCH CỦA HỌC SINH" and report.landscape
    pdf = reports.write(report, tmp_path / "so-muon.pdf")
    text = layout_text(pdf)
    assert "SỔ MƯỢN SÁCH CỦA HỌC SINH" in text and "Năm học 2025-2026" in text
    assert "Từ ngày 01/09/2025 đến ngày 30/09/2025" in text and "Trang 1/1" in text
    rows = [line.split() for line in text.splitlines()]
    an = school.readers["Nguyễn Văn An"].card
    first = next(r for r in rows if r[:2] == ["1", "08/09/2025"])
    assert first[2:6] == ["Nguyễn", "Văn", "An", "6A"] and an in first
    assert school.de_men[0].barcode in first and first[-1] == "10/09/2025"
    assert "Mất (báo ngày" in text
    plain = " ".join(pdf_text(pdf.read_bytes(), tmp_path).split())
    assert "Lê Văn Cường" in plain and "Phạm Văn Dũng" not in plain
    xlsx = reports.write(report, tmp_path / "so-muon.xlsx")
    sheet = load_workbook(xlsx)["Sổ mượn"]
    body = [[c.value for c in row] for row in sheet.iter_rows() if isinstance(row[0].value, int)]
    assert len(body) == 5 and [r[0] for r in body] == [1, 2, 3, 4, 5]
    assert body[0][1] == datetime(2025, 9, 8) and body[0][8] == datetime(2025, 9, 10)
    assert [r[8] is None for r in body] == [False, True, True, False, False]
    cell = next(row[1] for row in sheet.iter_rows() if row[0].value == 1)
    assert cell.number_format == "DD/MM/YYYY"
    heads = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "STT")
    assert heads[:3] == ("STT", "Ngày mượn", "Họ và tên bạn đọc")


def test_an_empty_loan_book(school: School, tmp_path: Path) -> None:
    report = school.reports.report("loans-staff", period=Period.month(2025, 8))
    assert report.row_count() == 0
    pdf = school.reports.write(report, tmp_path / "empty.pdf")
    assert "Không có lượt mượn nào trong kỳ." in layout_text(pdf)
