"""``thuvien backup restore`` of another school's backup over this library (damaged or not)
is refused in one line unless --other-library says it is meant; over a new, empty library
(a library moving to a new PC) it goes ahead."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.library import Library
from tests.support.schools import backed_up_school


def _titles(db: Path) -> list[str]:
    with Library.open(db) as lib:
        return [h.title for h in lib.catalog.search("sach truong").hits]


def test_another_schools_backup_is_refused_over_a_damaged_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    db = tmp_path / "a" / "thuvien.sqlite3"
    ours = backed_up_school(db, usb, ["Sách trường A"])
    theirs = backed_up_school(tmp_path / "b" / "thuvien.sqlite3", usb, ["Sách trường B"])
    db.write_bytes(b"\xff" * db.stat().st_size)  # damaged: its id only in the note beside it
    assert main(["--db", str(db), "--lang", "vi", "backup", "restore", str(theirs)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"Tệp {theirs} là bản sao lưu của một thư viện khác")
    assert "--other-library" in err and len(err.splitlines()) == 1
    assert db.read_bytes()[:16] == b"\xff" * 16  # untouched
    assert main(["--db", str(db), "backup", "restore", str(ours)]) == 0
    assert _titles(db) == ["Sách trường A"]
    assert main(["--db", str(db), "backup", "restore", str(theirs), "--other-library"]) == 0
    assert _titles(db) == ["Sách trường B"]


def test_another_librarys_backup_restores_over_a_new_empty_library(tmp_path: Path) -> None:
    theirs = backed_up_school(tmp_path / "b" / "thuvien.sqlite3", tmp_path / "usb",
                              ["Sách trường B"])
    db = tmp_path / "newpc" / "thuvien.sqlite3"
    Library.open(db).close()  # what the first start on a new PC makes
    assert main(["--db", str(db), "backup", "restore", str(theirs)]) == 0
    assert _titles(db) == ["Sách trường B"]
