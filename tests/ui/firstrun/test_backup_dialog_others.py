"""The backup window on a folder several schools back up into: other libraries' backups are
marked and greyed, the newest of this library's is the one selected (Enter on "Restore the
selected backup" no longer picks the other school's newer file), and the buttons answer
Alt keys."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from app.backup import list_backups
from app.library import Library
from tests.support.schools import backed_up_school
from ui.firstrun import BackupDialog


def test_other_libraries_backups_are_marked_and_not_selected(
        tmp_path: Path, qtbot: Any, pc_settings: Any) -> None:
    usb = tmp_path / "usb"
    QSettings().setValue("backup/folder", str(usb))
    ours = backed_up_school(tmp_path / "a" / "thuvien.sqlite3", usb, ["Sách"], name="Trường A",
                            when=datetime(2025, 9, 5, 8, 0))
    theirs = backed_up_school(tmp_path / "b" / "thuvien.sqlite3", usb, ["Sách"],
                              name="Trường Kim Đồng", when=datetime(2025, 9, 5, 9, 30))  # newer, same code
    lib = Library.open(tmp_path / "a" / "thuvien.sqlite3")
    dialog = BackupDialog(lib, restart=lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.wait_until_listed()  # read on a worker thread
    rows = {dialog.table.item(r, 3).text(): r for r in range(dialog.table.rowCount())}
    other = rows[theirs.name]
    assert dialog.table.item(other, 1).text() == "TH01 (thư viện khác)"
    assert dialog.table.item(other, 1).toolTip() == "Bản sao lưu của thư viện khác: Trường Kim Đồng"
    assert dialog.table.item(rows[ours.name], 1).text() == "TH01"
    assert dialog.selected_path() == ours  # was the other school's, listed first
    assert dialog.status.text() == "Lần sao lưu gần nhất: 05/09/2025 08:00"

    buttons = [dialog.now_button, dialog.restore_button, dialog.restore_file_button,
               dialog.change_button]
    keys = [QKeySequence.mnemonic(b.text()).toString() for b in buttons]
    assert keys == ["Alt+S", "Alt+K", "Alt+T", "Alt+I"]  # had none: Tab through them all
    with qtbot.waitSignal(dialog.backup_finished, timeout=20000):
        dialog.now_button.click()
    assert len(list_backups(usb)) == 3
    assert dialog.selected_path() != theirs
    lib.close()
