"""Class lists as other people type them, through the real ``thuvien patrons import``: a
name in capitals but for a small middle word ("PHẠM văn BÌNH") lands in title case like an
ALL-CAPS one, and a two-digit year alone in a year-of-birth column ("12") is 2012, as it
already was in split Ngày / Tháng / Năm columns ("5 | 11 | 12")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.cli import main
from app.i18n import set_language
from tests.support.class_lists import write_csv


def stored(cli: Any) -> dict[str, str | None]:
    cards = [p["card"] for p in cli("patrons", "list")[1]["patrons"]]
    shown = [cli("patrons", "show", card)[1]["patron"] for card in cards]
    return {p["name"]: p["birth_date"] for p in shown}


def test_capitals_with_a_small_middle_word_and_two_digit_years(cli: Any,
                                                               tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Lớp", "NĂM SINH"])
    sheet.append([1, "PHẠM văn BÌNH", "6A", "2012"])
    sheet.append([2, "NGUYỄN  thị MAI", "6A", "12"])  # text, as typed
    sheet.append([3, "TRẦN VĂN AN", "6A", 11])  # a number cell
    sheet.append([4, "Lê thị Thu", "6A", "2012"])  # a word mixing both: as typed
    path = tmp_path / "6a.xlsx"
    book.save(path)

    code, out = cli("patrons", "import", str(path))
    assert code == 0 and out["counts"]["error"] == 0, out
    assert stored(cli) == {"Phạm Văn Bình": "2012", "Nguyễn Thị Mai": "2012",
                           "Trần Văn An": "2011", "Lê thị Thu": "2012"}


def test_a_csv_year_column_with_two_digits(cli: Any, tmp_path: Path) -> None:
    rows = [["Họ tên", "Năm sinh (yyyy)", "Lớp"], ["LÊ VĂN ĐẠT", "12", "8C"],
            ["ĐỖ thị HÀ", "2011", "8C"], ["Vũ Minh", "3012", "8C"]]
    path = write_csv(tmp_path / "8c.csv", rows, encoding="utf-16")
    code, out = cli("patrons", "import", str(path))
    assert code == 1 and out["counts"]["error"] == 1, out  # 3012 refused, the rest imported
    assert stored(cli) == {"Lê Văn Đạt": "2012", "Đỗ Thị Hà": "2011"}


def test_the_refused_lines_are_said_in_the_chosen_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["Họ và tên", "Ngày sinh", "Lớp"], ["Lê Văn", "31.02.2012", "7A"],
            ["Đặng Hùng", "05.11.2012", "7A"]]
    path = write_csv(tmp_path / "7a.csv", rows, encoding="cp1258")
    db = str(tmp_path / "lib.sqlite3")
    assert main(["--lang", "vi", "--db", db, "patrons", "import", str(path), "--dry-run"]) == 1
    assert "  dòng 2: lỗi Lê Văn — Ngày sinh “31.02.2012” không hợp lệ (dd/mm/yyyy)." in \
        capsys.readouterr().out.splitlines()
    assert main(["--lang", "en", "--db", db, "patrons", "import", str(path), "--dry-run"]) == 1
    assert "  line 2: error Lê Văn — The birth date “31.02.2012” is not a valid date " \
        "(dd/mm/yyyy)." in capsys.readouterr().out.splitlines()
    set_language("vi")


def test_a_birth_date_column_holding_a_two_figure_year(cli: Any, tmp_path: Path) -> None:
    """'Ngày sinh' holding 12 (a number cell) or "12" is the year 2012, as in a 'Năm sinh'
    column — not day 12 of Excel's calendar (11/01/1900), nor refused; an Excel date
    serial (41219) is still a date."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh", "Lớp"])
    sheet.append(["PHẠM CHÍ", 12, "6A"])
    sheet.append(["HỒ ĐỨC", "12", "6A"])
    sheet.append(["VŨ EM", 41219, "6A"])
    path = tmp_path / "6a.xlsx"
    book.save(path)
    code, out = cli("patrons", "import", str(path))
    assert code == 0 and out["counts"]["error"] == 0, out
    assert stored(cli) == {"Phạm Chí": "2012", "Hồ Đức": "2012", "Vũ Em": "2012-11-06"}
