"""The list of copies of a write-off record (danh sách sách thanh lý), the paper the
write-off committee signs: made with ``thuvien writeoff``, printed with ``thuvien writeoffs
--out``, read back from the PDF as the inspector reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main

from .conftest import LONG_TITLE, School, layout_text


def run(school: School, *args: str) -> int:
    return main(["--db", str(school.lib.path), *args])


def test_the_write_off_list_names_each_copy_and_is_signed(
    school: School, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codes = [school.toan[0].barcode, school.long_one[0].barcode, school.gifts[0].barcode]
    assert (
        run(
            school,
            "writeoff",
            "--number",
            "05/2025/BB-TL",
            "--reason",
            "worn",
            "--date",
            "20/05/2026",
            "--approved-by",
            "Nguyễn Văn Hiệu",
            *codes,
        )
        == 0
    )
    pdf = tmp_path / "thanhly.pdf"
    assert run(school, "writeoffs", "--out", str(pdf)) == 0  # the latest record
    assert "05/2025/BB-TL" in capsys.readouterr().out
    text = " ".join(layout_text(pdf).split())
    assert "DANH SÁCH SÁCH THANH LÝ" in text
    assert "Kèm theo biên bản thanh lý số 05/2025/BB-TL ngày 20/05/2026" in text
    assert "Người duyệt: Nguyễn Văn Hiệu" in text
    for code in codes:
        assert code in text
    assert "Hà Huy Khoái" in text and "Nguyễn Đổng Chi" in text
    assert " ".join(LONG_TITLE.split()[:6]) in text
    # 18.000 + 125.000 + a gift without a price: 143.000 đ, three copies
    assert "Tổng cộng: 3 bản, trị giá 143.000 đồng." in text and "Cộng 143.000" in text
    assert "NGƯỜI LẬP DANH SÁCH" in text and "HIỆU TRƯỞNG" in text
    assert "(Ký tên, đóng dấu)" in text

    xlsx = tmp_path / "thanhly.xlsx"
    assert run(school, "writeoffs", "--number", "05/2025/BB-TL", "--out", str(xlsx)) == 0
    cells = [
        c.value
        for ws in load_workbook(xlsx).worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    assert all(code in cells for code in codes) and 143000 in cells

    assert run(school, "writeoffs", "--number", "99/2026", "--out", str(pdf)) == 2
    assert "Không có biên bản thanh lý số “99/2026”." in capsys.readouterr().err


def test_the_list_is_headed_with_the_school_year_of_its_record(
    school: School, tmp_path: Path
) -> None:
    """Printed in November 2026 (school year 2026-2027, as the settings say too), the list of a
    record of 10/03/2026 says 2025-2026, the year of the write-off; one of 15/09/2026 2026-2027."""
    from datetime import date

    from app.reports.service import Reports

    lib = school.lib
    lib.settings.set("school_year", "2026-2027")
    march = lib.collection.create_writeoff(
        "02/TL-2026", "worn", [school.toan[0].id], day=date(2026, 3, 10)
    )
    september = lib.collection.create_writeoff(
        "03/TL-2026", "worn", [school.toan[1].id], day=date(2026, 9, 15)
    )
    reports = Reports(lib.db, lib.settings, today=lambda: date(2026, 11, 22))
    for line, year, other in (
        (march, "2025-2026", "2026-2027"),
        (september, "2026-2027", "2025-2026"),
    ):
        pdf = reports.write(
            reports.writeoff_list(uuid=line.uuid), tmp_path / f"{line.number[:2]}.pdf"
        )
        text = " ".join(layout_text(pdf).split())
        assert f"Kèm theo biên bản thanh lý số {line.number}" in text
        assert f"Năm học {year}" in text and other not in text
