"""A teacher's workbook keeps last year's class or a template on a hidden sheet: only the
sheets Excel shows are imported, and the hidden ones are named in the answer."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.i18n import set_language


def workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    shown = book.active
    assert shown is not None
    shown.title = "6A"
    shown.append(["STT", "Họ và tên", "Ngày sinh", "Lớp"])
    shown.append([1, "Nguyễn Văn An", "05/09/2013", "6A"])
    shown.append([2, "Trần Thị Bích", "12/01/2014", "6A"])
    old = book.create_sheet("Lớp 5A năm trước")
    old.append(["STT", "Họ và tên", "Ngày sinh", "Lớp"])
    old.append([1, "Lê Văn Cũ", "01/01/2012", "5A"])
    old.sheet_state = "hidden"
    book.save(path)
    return path


def test_hidden_sheets_are_left_out_and_named(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db, path = tmp_path / "lib.sqlite3", workbook(tmp_path / "lop6a.xlsx")
    try:
        assert main(["--db", str(db), "--lang", "en", "patrons", "import", str(path),
                     "--json"]) == 0
        answer = json.loads(capsys.readouterr().out)
        assert answer["counts"]["new"] == 2
        assert answer["hidden_sheets"] == ["Lớp 5A năm trước"]
        assert main(["--db", str(db), "--lang", "en", "patrons", "list", "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)["patrons"]
        assert sorted(p["name"] for p in listed) == ["Nguyễn Văn An", "Trần Thị Bích"]

        assert main(["--db", str(db), "--lang", "vi", "patrons", "import", str(path)]) == 0
        text = capsys.readouterr().out
        assert "Bỏ qua trang tính ẩn trong Excel: Lớp 5A năm trước." in text
    finally:
        set_language("vi")
