"""A library file too damaged to open: the window's start offers to restore the newest
backup, restores it, and the library opens with what the backup held."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import UserError
from app.library import Library
from ui.firstrun.damaged import offer_restore
from ui.firstrun.folder import set_backup_folder


def _scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(3 * 4096, len(data) - 4096, 2 * 4096):
        data[offset + 100: offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))


def _answer_boxes(seen: list[str]) -> QTimer:
    """Click each message box's default button as it comes up, noting its text."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(f"{box.text()} | {box.informativeText()}")
            (box.defaultButton() or box.buttons()[0]).click()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(50)
    return timer


def test_a_damaged_library_is_restored_from_the_newest_backup(
        qtbot: Any, tmp_path: Path, pc_settings: Any) -> None:
    db = tmp_path / "thuvien.sqlite3"
    usb = tmp_path / "usb"
    with Library.open(db) as lib:
        for n in range(300):
            lib.catalog.add_record(f"Sách số {n}", authors=["Tác giả"])
        lib.backups.take(usb)
    set_backup_folder(usb)
    _scribble(db)
    try:
        Library.open(db).close()
        raise AssertionError("the damaged library opened")
    except UserError as exc:
        assert exc.code == "db.damaged"
        message = exc.message
    assert "bị hỏng" in message

    seen: list[str] = []
    timer = _answer_boxes(seen)
    try:
        assert offer_restore(db, message)
    finally:
        timer.stop()
    assert seen[0].startswith(message) and str(usb) in seen[0]
    assert seen[1].startswith("Đã khôi phục thư viện từ")
    with Library.open(db) as lib:
        assert lib.catalog.search("sách số 299").total == 1
    assert len(list(tmp_path.glob("thuvien.before-restore-*.sqlite3"))) == 1


def test_no_backup_found_says_where_it_looked_and_quits_on_request(
        qtbot: Any, tmp_path: Path, pc_settings: Any, monkeypatch: Any) -> None:
    db = tmp_path / "thuvien.sqlite3"
    db.write_bytes(b"")
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.informativeText()) or 0)
    assert not offer_restore(db, "hỏng")
    assert seen == [f"Không tìm thấy bản sao lưu nào trong {tmp_path / 'backups'}."]
