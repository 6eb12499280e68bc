"""An automatic backup that fails (the USB stick chosen for backups is not plugged in) is said
in the status bar until one works; it was only written to the log, and a library could go on
for days with no backup and nobody knowing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.library import Library
from ui.firstrun import install


def test_a_failed_automatic_backup_stays_in_the_status_bar_until_one_works(
        window: Any, lib: Library, qtbot: Any, tmp_path: Path, pc_settings: Any) -> None:
    unplugged = tmp_path / "E-drive-is-a-file"
    unplugged.write_text("x")  # no folder can be made there: as a missing drive
    QSettings().setValue("backup/folder", str(unplugged))
    auto = install(window, lib)
    status = window.status
    with qtbot.waitSignal(auto.failed, timeout=20000):
        auto.take()
    assert status.currentMessage().startswith("Sao lưu tự động không được: ")
    assert str(unplugged) in status.currentMessage()
    status.clearMessage()
    window.resize(1024, 768)
    label = status.backup_label
    assert label.isVisible() and label.text() == "Sao lưu tự động: lỗi (Công cụ → Sao lưu)"
    assert str(unplugged) in label.toolTip()
    assert label.width() >= label.sizeHint().width()  # whole, in the database path's place
    assert not status.path_label.isVisible()

    QSettings().setValue("backup/folder", str(tmp_path / "usb"))  # plugged in again
    with qtbot.waitSignal(auto.backed_up, timeout=20000):
        auto.take()
    assert not status.backup_label.isVisible() and status.path_label.isVisible()
