"""The reports that leave the library (annual report, statistics, reading tally) end as
Vietnamese school forms do: a place-and-date line, then who signs — the librarian with their
full name, and the head of the school with the school's stamp — in the PDF and in the XLSX;
the registers themselves (books the library keeps) have no signature block."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from app.reports.period import Period

from .conftest import School, layout_text


def last_page(pdf: Path) -> str:
    return " ".join(layout_text(pdf).split("\f")[-2].split())


def test_annual_report_and_statistics_end_with_date_and_signatures(
    school: School, tmp_path: Path
) -> None:
    annual = school.reports.annual_report("2025-2026")
    text = last_page(school.reports.write(annual, tmp_path / "annual.pdf"))
    # printed on the test's today, 08/09/2025: the date in words, the place left to the hand
    assert "……, ngày 08 tháng 09 năm 2025" in text
    assert "NGƯỜI LẬP BÁO CÁO" in text and "(Ký, ghi rõ họ tên)" in text
    assert "HIỆU TRƯỞNG" in text and "(Ký tên, đóng dấu)" in text
    # under the last table, not before it
    assert text.index("HIỆU TRƯỞNG") > text.index("Bản sách báo mất")

    stats = school.reports.report("statistics", period=Period.month(2025, 9))
    text = last_page(school.reports.write(stats, tmp_path / "stats.pdf"))
    assert "NGƯỜI LẬP BIỂU" in text and "HIỆU TRƯỞNG" in text

    book = load_workbook(io.BytesIO(school.reports.render(annual, "xlsx")))
    cells = [
        str(c.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    assert "NGƯỜI LẬP BÁO CÁO" in cells and "HIỆU TRƯỞNG" in cells
    assert "……………………, ngày 08 tháng 09 năm 2025" in cells


def test_tally_is_signed_by_its_maker_and_registers_are_not_signed(
    school: School, tmp_path: Path
) -> None:
    tally = school.reports.report("tally", period=Period.month(2025, 9))
    text = last_page(school.reports.write(tally, tmp_path / "tally.pdf"))
    assert "NGƯỜI LẬP BIỂU" in text and "HIỆU TRƯỞNG" not in text
    register = school.reports.report("individual")
    assert "(Ký" not in layout_text(school.reports.write(register, tmp_path / "reg.pdf"))


def test_the_signatures_never_stand_alone_on_a_page(school: School, tmp_path: Path) -> None:
    """August's tally fills its first page with the days: the last table goes over with
    the signature, so the page signed is a page of figures."""
    tally = school.reports.report("tally", period=Period.month(2025, 8))
    pages = layout_text(school.reports.write(tally, tmp_path / "tally.pdf")).split("\f")[:-1]
    assert len(pages) == 2
    signed = " ".join(pages[-1].split())
    assert "NGƯỜI LẬP BIỂU" in signed
    assert "3. Lượt sách theo loại tài liệu" in signed and "Cộng" in signed
