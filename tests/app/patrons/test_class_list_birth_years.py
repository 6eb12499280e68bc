"""Birth dates as class lists give them, imported through the real ``thuvien patrons
import``: a "Năm sinh" column holding only the year, and a date split over "Ngày" /
"Tháng" / "Năm" columns (under a merged "Ngày sinh", or headed "Ngày sinh | Tháng sinh |
Năm sinh"). What the list says is stored, and no more: a year alone is never 01/01."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.support.class_lists import write_csv


def births(cli: Any) -> dict[str, str | None]:
    """Each imported pupil's stored birth date, by name."""
    listed = cli("patrons", "list")[1]["patrons"]
    return {p["name"]: cli("patrons", "show", p["card"])[1]["patron"]["birth_date"]
            for p in listed}


def csv_file(path: Path, lines: list[str], encoding: str) -> Path:
    return write_csv(path, [line.split(";" if ";" in line else ",") for line in lines],
                     encoding=encoding, delimiter=";" if ";" in lines[0] else ",")


def test_an_xlsx_year_of_birth_column_is_kept_as_the_year(cli: Any, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "6A"
    sheet.append(["STT", "Họ và tên", "Năm sinh", "Lớp", "Giới tính"])
    sheet.append([1, "Nguyễn Văn An", 2012, "6A", "Nam"])
    sheet.append([2, "Trần Thị Bích", 2013, "6A", "Nữ"])
    path = tmp_path / "lop6a.xlsx"
    book.save(path)

    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert out["counts"]["new"] == 2
    assert births(cli) == {"Nguyễn Văn An": "2012", "Trần Thị Bích": "2013"}
    listed = cli("patrons", "list", as_json=False)[1]
    assert " 2012 " in listed and "01/01/2012" not in listed
    card = cli("patrons", "list")[1]["patrons"][0]["card"]
    text = cli("patrons", "show", card, as_json=False)[1]
    assert "Ngày sinh:" in text and "2012" in text and "01/01" not in text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258"])
def test_a_csv_year_of_birth_column_in_any_encoding(cli: Any, tmp_path: Path,
                                                    encoding: str) -> None:
    path = csv_file(tmp_path / "6b.csv", ["STT;Họ và tên;Lớp;Năm sinh",
                                          "1;Lê Văn Cường;6B;2012",
                                          "2;Phạm Thị Dung;6B;2013"], encoding)
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert births(cli) == {"Lê Văn Cường": "2012", "Phạm Thị Dung": "2013"}


def test_a_year_saved_as_a_decimal_number(cli: Any, tmp_path: Path) -> None:
    """A sheet saved to CSV by a script writes the number 2012 as "2012.0"."""
    path = csv_file(tmp_path / "6d.csv", ["Họ và tên,Lớp,Năm sinh (yyyy)",
                                          "Lê Văn Cường,6D,2012.0"], "utf-8")
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert births(cli) == {"Lê Văn Cường": "2012"}


def test_an_xlsx_date_split_under_a_merged_header(cli: Any, tmp_path: Path) -> None:
    """"Ngày sinh" merged over three columns, "Ngày | Tháng | Năm" below it; numbers or
    text in the cells; a day left blank keeps the month and year only."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["DANH SÁCH HỌC SINH LỚP 7A – NĂM HỌC 2025-2026"])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", None, None, "Giới tính"])
    sheet.append([None, None, "Ngày", "Tháng", "Năm", None])
    sheet.merge_cells("C2:E2")
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("F2:F3")
    sheet.append([1, "Nguyễn Văn An", 5, 9, 2012, "Nam"])
    sheet.append([2, "Trần Thị Bích", "07", "03", "2012", "Nữ"])
    sheet.append([3, "Đỗ Minh Châu", None, 11, 2012, "Nam"])
    path = tmp_path / "7a.xlsx"
    book.save(path)

    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert births(cli) == {"Nguyễn Văn An": "2012-09-05", "Trần Thị Bích": "2012-03-07",
                           "Đỗ Minh Châu": "2012-11"}
    listed = cli("patrons", "list", as_json=False)[1]
    assert "05/09/2012" in listed and "11/2012" in listed


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1258"])
def test_a_csv_date_split_over_three_named_columns(cli: Any, tmp_path: Path,
                                                   encoding: str) -> None:
    path = csv_file(tmp_path / "8a.csv", ["Họ và tên,Lớp,Ngày sinh,Tháng sinh,Năm sinh",
                                          "Vũ Thị Hoa,8A,17,2,2011",
                                          "Bùi Văn Khoa,8A,31,2,2011"], encoding)
    code, out = cli("patrons", "import", str(path))
    assert code == 1  # 31/02 is no date: that row is refused, the other imported
    refused = [r for r in out["rows"] if r["status"] == "error"]
    assert [r["name"] for r in refused] == ["Bùi Văn Khoa"]
    assert "31/2/2011" in refused[0]["messages"][0]
    assert births(cli) == {"Vũ Thị Hoa": "2011-02-17"}


def test_boys_and_girls_columns_are_not_a_year(cli: Any, tmp_path: Path) -> None:
    """"Nam" (boys, an x) folds to the letters of "Năm" (year): it is no birth year."""
    path = csv_file(tmp_path / "6c.csv", ["Họ và tên,Lớp,Ngày sinh,Nam,Nữ",
                                          "Lê Văn Cường,6C,05/09/2013,x,",
                                          "Phạm Thị Dung,6C,2013,,x"], "utf-8")
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert births(cli) == {"Lê Văn Cường": "2013-09-05", "Phạm Thị Dung": "2013"}


def test_an_excel_date_shown_as_a_year_only(cli: Any, tmp_path: Path) -> None:
    """A date cell formatted "yyyy" shows 2012 in Excel: the list says the year, so the
    day Excel keeps behind it is not taken."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Lớp", "Ngày sinh"])
    sheet.append(["Nguyễn Văn An", "6A", datetime(2012, 1, 1)])
    sheet.append(["Trần Thị Bích", "6A", datetime(2012, 4, 20)])
    sheet["C2"].number_format = "yyyy"
    sheet["C3"].number_format = "dd/mm/yyyy"
    path = tmp_path / "6a.xlsx"
    book.save(path)
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert births(cli) == {"Nguyễn Văn An": "2012", "Trần Thị Bích": "2012-04-20"}


def test_a_year_typed_for_a_patron_is_kept(cli: Any) -> None:
    code, out = cli("patrons", "add", "Lê Thị Mai", "--class", "6A", "--birth", "2013")
    assert code == 0, out
    assert births(cli) == {"Lê Thị Mai": "2013"}
