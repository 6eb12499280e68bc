"""Sổ thu tiền phạt: fines and a lost-book charge paid in parts across September and October
2025 at the school's desk, one fine waived after a part was paid; the report read back from
its PDF (pdftotext) and its workbook (openpyxl), and through ``thuvien report fines``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.circulation.rules import LoanRule
from app.cli import main
from app.reports.period import Period

from .conftest import School, layout_text


def at(school: School, month: int, day: int, hour: int = 9, minute: int = 0) -> None:
    """Move the desk's clock to *day*/*month*/2025 at *hour*:*minute* in Hà Nội."""
    hanoi = timezone(timedelta(hours=7))
    school.clock.now = datetime(2025, month, day, hour, minute, tzinfo=hanoi).astimezone(UTC)


def two_months(school: School) -> dict[str, int]:
    """Lent 08/09 for 14 days (due 22/09), 1.000 đ a day late, lost books charged in full:
    Bình loses a copy worth 50.000 đ (pays 20.000 on 25/09, 10.000 at 06:30 on 01/10 —
    still 30/09 in UTC — and 20.000 on 15/10); An is 4 days late (pays 1.000 on 26/09,
    3.000 on 03/10); Cường is 18 days late, pays 5.000 on 10/10, the rest is waived."""
    circ, r = school.circ, school.readers
    circ.rules.set(LoanRule("*", "book", loan_days=14, max_items=3, renewals=1,
                            fine_per_day=1000))
    circ.fines.set_lost_charge_percent(100)
    an, binh, cuong = r["Nguyễn Văn An"], r["Trần Thị Bình"], r["Lê Văn Cường"]
    for reader, item in ((an, school.de_men[0]), (binh, school.imported[0]),
                         (cuong, school.de_men[1])):
        assert circ.checkout(reader.card, item.barcode).ok
    fines = circ.fines
    at(school, 9, 25)
    lost = circ.mark_lost(school.imported[0].barcode).fine
    assert lost is not None and lost.amount == 50000
    fines.pay(lost.id, 20000, by="Cô Hạnh")
    at(school, 9, 26)
    late = circ.checkin(school.de_men[0].barcode).fine
    assert late is not None and late.amount == 4000
    fines.pay(late.id, 1000, by="Cô Hạnh")
    at(school, 10, 1, 6, 30)
    fines.pay(lost.id, 10000, by="Thầy Minh")
    at(school, 10, 3)
    fines.pay(late.id, by="Cô Hạnh")
    at(school, 10, 10)
    later = circ.checkin(school.de_men[1].barcode).fine
    assert later is not None and later.amount == 18000
    fines.pay(later.id, 5000, by="Cô Hạnh")
    fines.waive(later.id, "Gia đình khó khăn", by="Thầy Hiệu trưởng")
    at(school, 10, 15)
    fines.pay(lost.id, by="Cô Hạnh")
    at(school, 11, 2)
    return {"lost": lost.id, "late": late.id, "later": later.id}


def test_the_lines_month_subtotals_and_total_in_the_pdf(school: School, tmp_path: Path) -> None:
    two_months(school)
    report = school.reports.report("fines", period=Period.read("01/09/2025", "31/10/2025"))
    assert report.title == "SỔ THU TIỀN PHẠT" and report.landscape
    assert report.row_count() == 6 + 1 + 2  # 6 sums received, 1 waive, 2 months summed
    pdf = tmp_path / "so-thu-tien-phat.pdf"
    school.reports.write(report, pdf)
    lines = [" ".join(line.split()) for line in layout_text(pdf).splitlines() if line.strip()]
    text = "\n".join(lines)
    assert "Từ ngày 01/09/2025 đến ngày 31/10/2025" in text
    received = [line for line in lines if line[:2].strip().isdigit() and "/2025" in line[:14]]
    assert [line.split()[:2] for line in received[:6]] == [
        ["1", "25/09/2025"], ["2", "26/09/2025"], ["3", "01/10/2025"], ["4", "03/10/2025"],
        ["5", "10/10/2025"], ["6", "15/10/2025"]]
    assert "Trần Thị Bình 6A" in received[0] and "Đền sách mất 20.000 Cô Hạnh" in received[0]
    assert "Nguyễn Văn An 6A" in received[1] and "Trả muộn 4 ngày 1.000 Cô Hạnh" in received[1]
    assert "10.000 Thầy Minh" in received[2]  # 06:30 on 01/10 is October's
    assert "Lê Văn Cường 7B" in received[4] and "Trả muộn 18 ngày 5.000" in received[4]
    assert "Cộng tháng 09/2025 21.000" in text and "Cộng tháng 10/2025 38.000" in text
    assert "Tháng 09/2025 2 21.000 0 0" in text and "Tháng 10/2025 4 38.000 1 13.000" in text
    assert "Tổng cộng 6 59.000 1 13.000" in text
    waived = next(line for line in lines if line.startswith("1 10/10/2025"))
    assert "Lê Văn Cường" in waived and "13.000 Thầy Hiệu trưởng" in waived
    assert "Trả muộn 18 ngày (18.000 đ), đã" in waived and "Cộng tiền miễn 13.000" in text
    assert report.sections[2].rows[0][6] == "Trả muộn 18 ngày (18.000 đ), đã nộp 5.000 đ trước khi miễn"
    assert "KẾ TOÁN" in text and "NGƯỜI LẬP BIỂU" in text


def test_the_workbook_and_a_period_leaving_payments_out(school: School, tmp_path: Path) -> None:
    two_months(school)
    xlsx = tmp_path / "thu.xlsx"
    school.reports.write(school.reports.report("fines", period=Period.read("01/10/2025",
                                                                          "31/10/2025")), xlsx)
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Tiền thu", "Miễn phạt"]
    rows = [r for r in book["Tiền thu"].iter_rows(values_only=True) if any(r)]
    lines = [r for r in rows if isinstance(r[0], int)]
    assert [(r[1], r[2], r[7], r[8]) for r in lines] == [
        (datetime(2025, 10, 1), "Trần Thị Bình", 10000, "Thầy Minh"),
        (datetime(2025, 10, 3), "Nguyễn Văn An", 3000, "Cô Hạnh"),
        (datetime(2025, 10, 10), "Lê Văn Cường", 5000, "Cô Hạnh"),
        (datetime(2025, 10, 15), "Trần Thị Bình", 20000, "Cô Hạnh")]  # September's left out
    assert [r[0] for r in lines] == [1, 2, 3, 4]
    assert [(r[2], r[7]) for r in rows if str(r[2]).startswith("Cộng tháng")] == [
        ("Cộng tháng 10/2025", 38000)]
    assert [r[:5] for r in rows if r[0] == "Tổng cộng"] == [("Tổng cộng", 4, 38000, 1, 13000)]
    waived = [r for r in book["Miễn phạt"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [(r[1], r[2], r[7], r[9]) for r in waived] == [
        (datetime(2025, 10, 10), "Lê Văn Cường", 13000, "Gia đình khó khăn")]
    september = school.reports.fines_received(Period.read("26/09/2025", "30/09/2025"))
    assert [(p.amount, p.patron_name) for p in september.payments] == [(1000, "Nguyễn Văn An")]
    assert september.waives == [] and september.total == 1000


def test_thuvien_report_fines(school: School, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    two_months(school)
    pdf = tmp_path / "thu.pdf"
    db = ["--db", str(school.lib.path)]
    assert main([*db, "report", "fines", "--month", "09/2025", "--out", str(pdf)]) == 0
    assert capsys.readouterr().out.strip() == f"Đã ghi Sổ thu tiền phạt (3 dòng) vào {pdf}"
    text = " ".join(layout_text(pdf).split())
    assert "Cộng tháng 09/2025 21.000" in text and "Tổng cộng 2 21.000 0 0" in text
    assert "10/2025" not in text
    assert main([*db, "report", "fines", "--from", "01/09/2025", "--to", "31/10/2025",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["waived_total"]) == (59000, 13000)
    assert [(m["month"], m["received"]) for m in data["months"]] == [("2025-09", 21000),
                                                                    ("2025-10", 38000)]
    assert [p["amount"] for p in data["payments"]] == [20000, 1000, 10000, 3000, 5000, 20000]
    assert main([*db, "report", "fines", "--month", "10/2025"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert "  Cộng tháng 10/2025: Số tiền (đ): 38.000" in printed
    assert not [line for line in printed if line.startswith("  :")]
    assert main([*db, "report", "fines", "--from", "31/10/2025", "--to", "01/10/2025",
                 "--json"]) == 2
    assert "sau ngày kết thúc" in capsys.readouterr().err
