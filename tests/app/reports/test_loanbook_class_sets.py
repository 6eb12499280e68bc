"""In the loan book a pupil's class set (the class's textbooks lent in one class-set session)
is one line, as the paper book writes it: the number of copies, the titles, back when every
copy is; a set partly back, with a copy lost, says so in the note. Loans made one at a time
keep a line each. PDF read back with pdftotext, Excel with openpyxl."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook

from app.reports.period import Period

from .conftest import School, layout_text


def class_6a_gets_its_set(school: School) -> list[str]:
    """6A (An, Bình) gets Toán 6, Ngữ văn 6 and Tiếng Anh 6 on 08/09/2025, due 29/05/2026;
    An brings all three back on 25/05/2026; Bình brings Toán back, loses Ngữ văn on 20/05
    and keeps Tiếng Anh. An also borrows Dế Mèn on his own. Returns Bình's accession
    numbers in the set's order."""
    lib, circ, clock = school.lib, school.circ, school.clock
    english = lib.catalog.add_record("Tiếng Anh 6", volume="Tập 1", year=2021)
    school.copies(english, 2, "GK", "2025-08-20", "NXB Giáo dục", 22000)
    records = [school.toan[0].record_id, school.van[0].record_id, english]
    session = circ.start_class_loan("6A", records, due=date(2026, 5, 29),
                                    school_year="2025-2026")
    results = circ.class_loan_auto_assign(session.id)
    assert len(results) == 6 and all(r.ok for r in results)
    assert circ.checkout(school.readers["Nguyễn Văn An"].card, school.de_men[0].barcode).ok
    lent = {(r.patron.id, r.item.record_id): r.item.barcode for r in results
            if r.patron is not None and r.item is not None}
    an, binh = school.readers["Nguyễn Văn An"].id, school.readers["Trần Thị Bình"].id
    clock.now = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
    circ.mark_lost(lent[(binh, records[1])])
    clock.now = datetime(2026, 5, 25, 2, 0, tzinfo=UTC)
    for record_id in records:
        circ.checkin(lent[(an, record_id)])
    circ.checkin(lent[(binh, records[0])])
    clock.now = datetime(2026, 6, 3, 2, 0, tzinfo=UTC)
    return [lent[(binh, record_id)] for record_id in records]


def test_a_pupils_class_set_is_one_line(school: School) -> None:
    binh_copies = class_6a_gets_its_set(school)
    lines = school.reports.loans("students", Period.school_year(2025))
    assert [(x.number, x.reader) for x in lines] == [
        (1, "Nguyễn Văn An"), (2, "Trần Thị Bình"), (3, "Nguyễn Văn An")]
    an, binh, own = lines
    titles = "Toán 6. Tập 1; Ngữ văn 6. Tập 1; Tiếng Anh 6. Tập 1"
    assert (an.barcode, an.title, an.due_on, an.returned_on) == (
        "3 bản", titles, date(2026, 5, 29), date(2026, 5, 25))
    assert an.note == "Mượn theo lớp"
    assert (binh.barcode, binh.title, binh.returned_on) == ("3 bản", titles, None)
    assert binh.note == (f"Mượn theo lớp; Đã trả 1/3 bản; Mất {binh_copies[1]} "
                         "(báo ngày 20/05/2026); Quá hạn 5 ngày")
    assert list(binh.barcodes) == binh_copies
    assert binh.to_dict()["barcodes"] == binh_copies
    assert (own.barcode, own.title, own.note) == (school.de_men[0].barcode,
                                                  "Dế Mèn phiêu lưu ký", "Quá hạn 254 ngày")


def test_the_printed_loan_book_has_a_line_per_set(school: School, tmp_path: Path) -> None:
    class_6a_gets_its_set(school)
    reports = school.reports
    report = reports.report("loans-students", period=Period.school_year(2025))
    pdf = reports.write(report, tmp_path / "so-muon.pdf")
    text = layout_text(pdf)
    rows = [line.split() for line in text.splitlines()]
    numbered = [row for row in rows if row[:2] in (["1", "08/09/2025"], ["2", "08/09/2025"],
                                                   ["3", "08/09/2025"], ["4", "08/09/2025"])]
    assert [row[0] for row in numbered] == ["1", "2", "3"]
    assert numbered[0][-5:] == ["29/05/2026", "25/05/2026", "Mượn", "theo", "lớp"]
    assert "3 bản Toán 6. Tập 1; Ngữ văn 6. Tập 1; Tiếng Anh 6. Tập 1" in " ".join(numbered[1])
    assert "Đã trả 1/3 bản" in " ".join(text.split())
    sheet = load_workbook(reports.write(report, tmp_path / "so-muon.xlsx"))["Sổ mượn"]
    body = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [(r[0], r[5]) for r in body] == [(1, "3 bản"), (2, "3 bản"),
                                            (3, school.de_men[0].barcode)]
    assert body[0][6] == "Toán 6. Tập 1; Ngữ văn 6. Tập 1; Tiếng Anh 6. Tập 1"
