"""The annual report's share of students who read counts every student who borrowed or came
in during the year as on the roll, whatever day their entry carries (here: entered while the
PC's clock ran ahead, so their entries are dated after the year their loans are in), beside
those entered before the year (one who never came) and not those gone before it or entered
after it. PDF read back with pdftotext."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.reports.period import Period
from tests.app.labels.raster import pdf_text

from .conftest import School, layout_text

ENTERED_BEFORE = "2024-09-01T02:00:00.000000Z"


def year_of_readers(school: School, with_one_who_never_came: bool) -> None:
    """An and Bình borrow, Cường comes in (their entries carry November 2026); Mới is entered
    in November 2026; Cũ was entered in 2024 and left in June 2025; with
    *with_one_who_never_came*, Em was entered in 2024 and never came."""
    lib, circ, r = school.lib, school.circ, school.readers
    names = ["Hoàng Văn Mới", "Vũ Thị Cũ"] + (["Đỗ Thị Em"] if with_one_who_never_came else [])
    added = {name: lib.patrons.add(name, class_name="8C") for name in names}
    lib.patrons.update(added["Vũ Thị Cũ"].id, status="left", left_on="2025-06-30")
    with lib.db.transaction() as conn:
        conn.execute("UPDATE patrons SET created_at = ? WHERE full_name IN (?, ?)",
                     (ENTERED_BEFORE, "Vũ Thị Cũ", "Đỗ Thị Em"))
    assert circ.checkout(r["Nguyễn Văn An"].card, school.de_men[0].barcode).ok
    school.clock.now = datetime(2025, 10, 6, 2, 0, tzinfo=UTC)
    assert circ.checkout(r["Trần Thị Bình"].card, school.de_men[1].barcode).ok
    assert circ.record_visit(r["Lê Văn Cường"].card).ok
    school.clock.now = datetime(2026, 8, 10, 2, 0, tzinfo=UTC)


def annual_pdf_read_back(school: School, tmp_path: Path) -> tuple[list[list[str]], str]:
    """The 2025-2026 annual report written as a PDF and read back: its lines as words (the
    layout kept), and its whole text on one line."""
    pdf = school.reports.write(school.reports.report("annual", period=Period.school_year(2025)),
                               tmp_path / "bao-cao-nam.pdf")
    rows = [line.split() for line in layout_text(pdf).splitlines()]
    return rows, " ".join(pdf_text(pdf.read_bytes(), tmp_path).split())


def test_readers_whose_entry_is_dated_later_are_on_the_roll(school: School,
                                                             tmp_path: Path) -> None:
    year_of_readers(school, with_one_who_never_came=True)
    annual = school.reports.annual("2025-2026")
    assert (annual.active_students, annual.students_on_roll) == (3, 4)
    rows, plain = annual_pdf_read_back(school, tmp_path)
    assert ["Tỉ", "lệ", "học", "sinh", "là", "bạn", "đọc", "tích", "cực", "75,0", "%"] in rows
    assert "Học sinh có mượn sách hoặc đến thư viện: 3 / 4 em (75,0 %)." in plain


def test_a_year_whose_readers_were_all_entered_later_has_a_share(school: School,
                                                                 tmp_path: Path) -> None:
    year_of_readers(school, with_one_who_never_came=False)
    rows, plain = annual_pdf_read_back(school, tmp_path)
    assert ["Tỉ", "lệ", "học", "sinh", "là", "bạn", "đọc", "tích", "cực", "100,0", "%"] in rows
    assert "Học sinh có mượn sách hoặc đến thư viện: 3 / 3 em (100,0 %)." in plain
    assert "Chưa có danh sách học sinh." not in plain
