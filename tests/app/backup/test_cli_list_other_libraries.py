"""``thuvien backup list`` on a folder several schools back up into (a shared USB stick):
this library's backups are told from other libraries', which are named by the library in
them, in the text and in --json."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library
from tests.support.schools import backed_up_school


def test_other_libraries_backups_are_set_apart_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    db = tmp_path / "a" / "thuvien.sqlite3"
    ours = backed_up_school(db, usb, ["Sách"], name="Trường Tiểu học Lê Lợi",
                            when=datetime(2025, 9, 5, 8, 0))
    theirs = backed_up_school(tmp_path / "b" / "thuvien.sqlite3", usb, ["Sách"],
                              name="Trường Tiểu học Kim Đồng",
                              when=datetime(2025, 9, 5, 9, 30))  # newer, same code
    broken = usb / "thuvien-TH01-20250905-100000.sqlite3"
    broken.write_bytes(b"\xff" * 4096)

    assert main(["--db", str(db), "--lang", "vi", "backup", "list", "--dir", str(usb)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Bản sao lưu của thư viện này:"
    assert lines[1].startswith("05/09/2025 08:00:00") and lines[1].endswith(ours.name)
    assert lines[3] == "1 bản sao lưu của thư viện khác (không dùng để khôi phục thư viện này):"
    assert lines[4].endswith(f"{theirs.name}  — Trường Tiểu học Kim Đồng")
    assert lines[6].startswith("1 tệp không đọc được là của thư viện nào")
    assert lines[7].endswith(broken.name)

    assert main(["--db", str(db), "backup", "list", "--dir", str(usb), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    mine = {b["file"]: b["this_library"] for b in listed["backups"]}
    assert mine == {str(ours): True, str(theirs): False, str(broken): False}
    named = {b["file"]: b["library_name"] for b in listed["backups"]}
    assert named[str(theirs)] == "Trường Tiểu học Kim Đồng"
    with Library.open(db) as lib:
        assert listed["library_id"] == lib.settings.library_id


def test_a_folder_of_only_this_librarys_backups_lists_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    db = tmp_path / "thuvien.sqlite3"
    ours = backed_up_school(db, usb, ["Sách"], name="Trường A", when=datetime(2025, 9, 5, 8, 0))
    assert main(["--db", str(db), "--lang", "en", "backup", "list", "--dir", str(usb)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("05/09/2025") and out[0].endswith(ours.name)


def test_only_other_libraries_backups_says_none_are_this_librarys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    backed_up_school(tmp_path / "b.sqlite3", usb, ["Sách"], code="TH02", name="",
                     when=datetime(2025, 9, 5, 8, 0))
    db = tmp_path / "a.sqlite3"
    Library.open(db).close()
    assert main(["--db", str(db), "--lang", "en", "backup", "list", "--dir", str(usb)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"No backups of this library in {usb} yet."
    assert out[2] == "Other libraries' backups, not for restoring this library (1):"
    assert out[3].endswith("— library with no name set")
