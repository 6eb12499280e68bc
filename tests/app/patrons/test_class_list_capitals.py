"""Class lists typed ALL IN CAPITALS, imported through the real ``thuvien patrons import``:
names land in title case as cards and registers write them ("ĐẶNG THỊ ÁNH" → "Đặng Thị
Ánh", stored NFC), and so do names typed with no capital at all (TCVN3's capitals font
.VnTimeH stores the small letters' codes); a name mixing both stays exactly as typed."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app import legacy_text
from tests.support.class_lists import write_csv


def names(cli: Any) -> list[str]:
    return sorted(p["name"] for p in cli("patrons", "list")[1]["patrons"])


def test_capitals_in_an_xlsx_become_title_case(cli: Any, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "HỌ VÀ TÊN", "NGÀY SINH", "LỚP"])
    for number, name in enumerate(["NGUYỄN VĂN AN", "ĐẶNG THỊ ÁNH", "ĐỖ ĐỨC ĐẠT",
                                   "TRƯƠNG THỊ ỨNG", "H'HEN NIÊ", "Lê thị Thu",
                                   "Nguyễn Văn AN"], 1):
        sheet.append([number, name, "05/09/2013", "6A"])
    path = tmp_path / "6a.xlsx"
    book.save(path)

    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    stored = names(cli)
    assert stored == sorted(["Nguyễn Văn An", "Đặng Thị Ánh", "Đỗ Đức Đạt", "Trương Thị Ứng",
                             "H'Hen Niê", "Lê thị Thu", "Nguyễn Văn AN"])
    assert all(unicodedata.is_normalized("NFC", name) for name in stored)
    found = cli("patrons", "search", "dang thi anh")[1]["patrons"]
    assert [p["name"] for p in found] == ["Đặng Thị Ánh"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258"])
def test_capitals_in_a_csv_in_any_encoding(cli: Any, tmp_path: Path, encoding: str) -> None:
    """Windows-1258 writes the tones as combining marks; a Mac writes the whole text
    decomposed (NFD): the stored names are NFC title case all the same."""
    rows = [["Họ đệm", "Tên", "Lớp"], ["ĐẶNG THỊ", "ÁNH", "7A"], ["PHẠM ĐỨC", "THẮNG", "7A"]]
    if encoding == "utf-8-sig":
        rows = [[unicodedata.normalize("NFD", cell) for cell in row] for row in rows]
    path = write_csv(tmp_path / "7a.csv", rows, encoding=encoding)
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert names(cli) == ["Phạm Đức Thắng", "Đặng Thị Ánh"]


def test_a_list_typed_in_the_vntimeh_capitals_font(cli: Any, tmp_path: Path) -> None:
    """Excel shows "NGUYỄN VĂN AN" in .VnTimeH; the cells hold TCVN3's small letters."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([legacy_text.encode_tcvn3(h) for h in ("stt", "họ và tên", "lớp")])
    for number, name in enumerate(["nguyễn văn an", "đặng thị ánh", "trương ứng"], 1):
        sheet.append([number, legacy_text.encode_tcvn3(name), "6A"])
    sheet.append([4, "lê thị hoa", "6A"])  # a name typed in Unicode, small letters only
    path = tmp_path / "6a-vntimeh.xlsx"
    book.save(path)
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert names(cli) == sorted(["Nguyễn Văn An", "Đặng Thị Ánh", "Trương Ứng", "Lê Thị Hoa"])


def test_the_same_list_again_in_title_case_changes_nobody(cli: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "8a.csv", [["Họ và tên", "Lớp", "Ngày sinh"],
                                           ["ĐẶNG THỊ ÁNH", "8A", "01/02/2012"]])
    assert cli("patrons", "import", str(path))[0] == 0
    again = write_csv(tmp_path / "8a-2.csv", [["Họ và tên", "Lớp", "Ngày sinh"],
                                              ["Đặng Thị Ánh", "8A", "01/02/2012"]])
    code, out = cli("patrons", "import", str(again))
    assert code == 0, out
    assert out["counts"] == {"new": 0, "update": 0, "unchanged": 1, "error": 0}
    assert names(cli) == ["Đặng Thị Ánh"]
