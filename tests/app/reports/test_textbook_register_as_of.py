"""The textbook register of a past school year counts lost (Mất), written-off and present
(Còn) copies as they were at the end of that year, from the loans, stocktakes and write-off
records the library keeps: printed again a term later, after more losses, a copy found, a
write-off and a stocktake, it gives the figures it gave when printed at the year's end. PDFs
read back with pdftotext, Excel with openpyxl."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook

from app.circulation.clock import library_today
from app.reports.period import Period

from .conftest import School, layout_text

YEAR = Period.school_year(2025)  # 01/08/2025 – 31/07/2026


def at(school: School, year: int, month: int, day: int) -> None:
    """The desk's clock at 09:00 in Hà Nội on that day."""
    school.clock.now = datetime(year, month, day, 2, 0, tzinfo=UTC)


def toan_rows(pdf: Path) -> list[list[str]]:
    """The lines of the Toán 6 page (the second page: titles in Vietnamese order)."""
    text = layout_text(pdf)
    page = text[text.index("Toán 6. Tập 1"):]
    return [line.split() for line in page.splitlines() if line.split()[:1] in (
        ["20/08/2025"], ["02/09/2025"], ["Cộng"])]


def the_school_year(school: School) -> None:
    """2025–2026: one Toán 6 lost while lent, one lost and found only next year, one written
    off in March."""
    circ, an = school.circ, school.readers["Nguyễn Văn An"]
    binh = school.readers["Trần Thị Bình"]
    circ.checkout(an.card, school.toan[0].barcode)
    circ.checkout(binh.card, school.toan[1].barcode)
    at(school, 2025, 9, 20)
    circ.mark_lost(school.toan[0].barcode)
    at(school, 2026, 5, 15)
    circ.mark_lost(school.toan[1].barcode)
    school.lib.collection.create_writeoff("BB 01/2026", "worn", [school.toan[4].id],
                                          day=date(2026, 3, 10))


def the_next_term(school: School) -> None:
    """2026–2027 so far: the copy lost in May turns up, another is lent and lost, one is
    marked lost from the shelf, one written off, and a stocktake (closing on the real today)
    marks the one copy not found lost."""
    circ, cuong = school.circ, school.readers["Lê Văn Cường"]
    at(school, 2026, 8, 20)
    circ.checkout(cuong.card, school.toan[2].barcode)
    at(school, 2026, 9, 10)
    circ.mark_found(school.toan[1].barcode)
    at(school, 2026, 10, 1)
    circ.mark_lost(school.toan[2].barcode)
    circ.mark_lost(school.toan[6].barcode)  # on the shelf: no loan says when
    school.lib.collection.create_writeoff("BB 02/2026", "worn", [school.toan[3].id],
                                          day=date(2026, 9, 15))
    collection = school.lib.collection
    collection.start_stocktake(["GK"])
    for item in school.toan + school.toan_later + school.van:
        if item not in (school.toan[0], school.toan[2], school.toan[3], school.toan[4],
                        school.toan[5], school.toan[6]):
            collection.scan(item.barcode)
    collection.close_stocktake(mark_lost=True)  # toan[5]: lost at the stocktake
    at(school, 2026, 11, 20)


def test_last_years_register_printed_again_gives_last_years_figures(school: School,
                                                                     tmp_path: Path) -> None:
    the_school_year(school)
    at(school, 2026, 7, 31)
    reports = school.reports
    then = reports.write(reports.report("textbook", period=YEAR), tmp_path / "then.pdf")
    # Mất: the copy lost in September and the one lost in May; Thanh lý: March's; Còn 27
    expected = ["20/08/2025", "1", "GK.00001–GK.00030", "2021", "30", "18.000", "540.000",
                "2", "1", "27"]
    assert expected in toan_rows(then)
    the_next_term(school)
    now = reports.write(reports.report("textbook", period=YEAR), tmp_path / "now.pdf")
    assert toan_rows(now) == toan_rows(then)
    assert expected in toan_rows(now)
    book = load_workbook(reports.write(reports.report("textbook", period=YEAR),
                                       tmp_path / "now.xlsx"))
    rows = [r for r in book.active.iter_rows(values_only=True) if r and r[2] ==
            "GK.00001–GK.00030"]
    assert [r[7:10] for r in rows] == [(2, 1, 27)]


def test_the_register_up_to_today_shows_the_copies_as_they_are(school: School,
                                                               tmp_path: Path) -> None:
    the_school_year(school)
    the_next_term(school)
    reports = school.reports
    # lost now: September's (toan[0]), October's two (toan[2], toan[6]), the stocktake's
    # (toan[5]); May's was found; written off: March's and September's
    for period in (None, Period(YEAR.start, library_today())):  # the stocktake's day
        pdf = reports.write(reports.report("textbook", period=period), tmp_path / "today.pdf")
        assert ["20/08/2025", "1", "GK.00001–GK.00030", "2021", "30", "18.000", "540.000",
                "4", "2", "24"] in toan_rows(pdf)
    # at 30/09/2026: toan[2] lent, not yet lost; May's copy found on 10/09; BB 02 on 15/09
    pages = reports.textbook(period=Period(YEAR.start, date(2026, 9, 30)))
    [first] = [line for page in pages for line in page.lines if line.first == "GK.00001"]
    assert (first.lost, first.written_off, first.present) == (1, 2, 27)
