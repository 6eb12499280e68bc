"""The damaged-library offer restores only this library's backups: a USB folder that also
holds another school's newer backup (same code) must not have that one offered, and a folder
with only other schools' backups says so. The backup window's "last backup" is this
library's too."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from app.library import Library
from tests.support.schools import backed_up_school
from tests.ui.firstrun.test_damaged_library import _answer_boxes, _scribble
from ui.firstrun.backup_dialog import BackupDialog
from ui.firstrun.damaged import offer_restore
from ui.firstrun.folder import set_backup_folder


def _titles(title: str, books: int) -> list[str]:
    return [f"{title} {n}" for n in range(books)]


def test_the_offer_restores_this_librarys_backup_not_a_newer_one_of_another_school(
    qtbot: Any, tmp_path: Path, pc_settings: Any
) -> None:
    usb = tmp_path / "usb"
    db = tmp_path / "a" / "thuvien.sqlite3"
    ours = backed_up_school(db, usb, _titles("Sách trường A", 300), when=datetime(2025, 9, 5, 8, 0))
    theirs = backed_up_school(tmp_path / "b" / "thuvien.sqlite3", usb,
                              _titles("Sách trường B", 300), when=datetime(2025, 9, 5, 10, 0))
    set_backup_folder(usb)
    _scribble(db)
    seen: list[str] = []
    timer = _answer_boxes(seen)
    try:
        assert offer_restore(db, "Tệp thư viện bị hỏng.")
    finally:
        timer.stop()
    assert f"Bản sao lưu mới nhất của thư viện này: {ours}" in seen[0]
    assert str(theirs) not in seen[0]
    assert "1 bản sao lưu của thư viện khác trong thư mục này không được đưa ra." in seen[0]
    with Library.open(db) as lib:
        assert lib.catalog.search("sách trường a 299").total == 1
        assert lib.catalog.search("sách trường b").total == 0


def test_only_other_schools_backups_in_the_folder_are_not_offered(
    qtbot: Any, tmp_path: Path, pc_settings: Any, monkeypatch: Any
) -> None:
    usb = tmp_path / "usb"
    db = tmp_path / "a" / "thuvien.sqlite3"
    with Library.open(db) as lib:
        lib.catalog.add_record("Sách trường A", authors=["Tác giả"])
        lib.backups.take(tmp_path / "a" / "own-backups")  # its own backups are elsewhere
    backed_up_school(tmp_path / "b" / "thuvien.sqlite3", usb, _titles("Sách trường B", 5),
                     when=datetime(2025, 9, 5))
    set_backup_folder(usb)
    db.write_bytes(b"\xff" * db.stat().st_size)
    shown: list[tuple[str, list[str]]] = []

    def look(box: QMessageBox) -> int:
        shown.append((box.informativeText(), [b.text() for b in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    assert not offer_restore(db, "hỏng")
    info, buttons = shown[0]
    assert info.startswith(f"Không tìm thấy bản sao lưu nào của thư viện này trong {usb}.")
    assert "1 bản sao lưu của thư viện khác" in info
    assert not any(b.startswith("&Khôi phục") for b in buttons)  # nothing to restore in one click


def test_backup_window_shows_this_librarys_last_backup(
    qtbot: Any, tmp_path: Path, pc_settings: Any
) -> None:
    usb = tmp_path / "usb"
    backed_up_school(tmp_path / "b" / "thuvien.sqlite3", usb, _titles("Sách B", 1),
                     when=datetime(2025, 9, 6, 10, 0))
    with Library.open(tmp_path / "a" / "thuvien.sqlite3") as lib:
        lib.settings.set("library_code", "TH01")
        lib.backups.take(usb, when=datetime(2025, 9, 5, 8, 0))
        set_backup_folder(usb)
        dialog = BackupDialog(lib)
        qtbot.addWidget(dialog)
        assert dialog.wait_until_listed()  # read on a worker thread
        assert dialog.table.rowCount() == 2
        assert dialog.status.text() == "Lần sao lưu gần nhất: 05/09/2025 08:00"
        dialog.close()
