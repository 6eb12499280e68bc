"""'Sao lưu ngay' on a big library froze the window until the copy was written and checked
(Windows: 'Not responding', and librarians killed ThuVien half-way). The backup, the check of a
backup chosen for a restore and the restore now run on a worker thread: the window keeps
processing events, shows it is busy, refuses to close meanwhile, and says how it ended.

The library is a real file of some 25 MB; the copy is slowed down by a second as well (a USB
stick), so that the backup takes visible time on any machine.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QMessageBox

import app.backup.restore as restore_module
import app.backup.snapshot as snapshot
from app.backup import check_database_file, list_backups
from app.library import Library
from ui.firstrun import BackupDialog, install

SLOW_S = 1.0


def _fill(lib: Library, records: int = 50_000) -> None:
    """A catalog big enough that copying and checking the file takes a while."""
    text = "Lịch sử Việt Nam từ nguồn gốc đến thế kỷ X. " * 10
    with lib.db.transaction() as conn:
        conn.executemany(
            "INSERT INTO records(uuid, library_id, created_at, updated_at, title, marc) "
            "VALUES (?, 'x', '2025-01-01', '2025-01-01', ?, ?)",
            ((f"u{i}", f"Sách {i}", text) for i in range(records)))


@pytest.fixture
def slow_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's copy as on a slow USB stick: a second longer (on the worker thread)."""
    real = snapshot.copy_database

    def slow(source: sqlite3.Connection, target: Path) -> None:
        time.sleep(SLOW_S)
        real(source, target)

    monkeypatch.setattr(snapshot, "copy_database", slow)
    monkeypatch.setattr(restore_module, "copy_database", slow)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> Any:
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    yield seen


class Heartbeat:
    """A 20 ms timer on the GUI thread: the longest gap between its ticks is how long the
    window could not answer."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.longest = 0
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


def _dialog(lib: Library, qtbot: Any, folder: Path, **kwargs: Any) -> BackupDialog:
    dialog = BackupDialog(lib, **kwargs)
    qtbot.addWidget(dialog)
    dialog.set_folder(folder)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.wait_until_listed()  # the list is read on a worker thread
    return dialog


def test_back_up_now_keeps_the_window_answering_and_cannot_be_cut_short(
        lib: Library, qtbot: Any, tmp_path: Path, pc_settings: Any, slow_copy: None,
        messages: list[str]) -> None:
    _fill(lib)
    assert lib.path.stat().st_size > 20_000_000
    usb = tmp_path / "usb"
    dialog = _dialog(lib, qtbot, usb)
    beat = Heartbeat()
    started = time.monotonic()
    with qtbot.waitSignal(dialog.backup_finished, timeout=60000) as finished:
        dialog.now_button.click()
        # While it runs: busy, the buttons off, and closing is refused with a reason.
        assert dialog.status.text() == "Đang sao lưu…" and dialog.busy_bar.isVisible()
        assert not dialog.now_button.isEnabled() and not dialog.close_button.isEnabled()
        assert not dialog.restore_button.isEnabled()
        dialog.reject()  # Esc / the title bar's X
        assert dialog.isVisible()
        assert messages == ["ThuVien đang sao lưu. Hãy đợi sao lưu xong rồi đóng."]
        assert list(usb.glob("thuvien-*.sqlite3")) == []  # nothing final before it is checked
    took_ms = (time.monotonic() - started) * 1000
    beat.stop()
    assert finished.args == [True]
    assert took_ms > SLOW_S * 1000
    # The window kept answering: the timer ticked all along (it froze for the whole backup).
    assert beat.longest < 400, (beat.longest, took_ms)
    assert beat.ticks > took_ms / 100
    assert dialog.now_button.isEnabled() and not dialog.busy_bar.isVisible()
    [entry] = list_backups(usb)
    assert dialog.status.text() == f"Đã sao lưu và kiểm tra: {entry.path.name}"
    assert check_database_file(entry.path).library_id == lib.settings.library_id
    assert list(usb.glob("*.partial")) == []
    dialog.reject()
    assert not dialog.isVisible()


def test_a_failed_backup_says_why_and_leaves_nothing_that_looks_good(
        lib: Library, qtbot: Any, tmp_path: Path, pc_settings: Any,
        messages: list[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog = _dialog(lib, qtbot, blocker)
    with qtbot.waitSignal(dialog.backup_finished, timeout=20000) as finished:
        dialog.back_up_now()
    assert finished.args == [False]
    assert len(messages) == 1 and str(blocker) in messages[0]
    assert dialog.now_button.isEnabled()
    assert not dialog.status.text().startswith("Đã sao lưu")


def test_restore_checks_and_restores_off_the_gui_thread(
        tmp_path: Path, qtbot: Any, pc_settings: Any, slow_copy: None,
        messages: list[str]) -> None:
    db = tmp_path / "desk" / "thuvien.sqlite3"
    lib = Library.open(db)
    _fill(lib, 20_000)
    lib.catalog.add_record("Tắt đèn")
    usb = tmp_path / "usb"
    entry = lib.backups.take(usb).entry
    lib.catalog.add_record("Bỉ vỏ")
    restarts: list[bool] = []
    dialog = _dialog(lib, qtbot, usb, restart=lambda: restarts.append(True))
    dialog.confirm = lambda _text: True  # type: ignore[method-assign]
    beat = Heartbeat()
    with qtbot.waitSignal(dialog.restore_finished, timeout=60000) as finished:
        assert dialog.restore(entry.path)
        assert dialog.status.text() == "Đang kiểm tra bản sao lưu…"
        assert not dialog.restore_button.isEnabled()
        qtbot.waitUntil(lambda: dialog.status.text() == "Đang khôi phục…", timeout=20000)
        dialog.reject()
        assert dialog.isVisible()  # refused while the library is being replaced
        assert "Hãy đợi khôi phục xong" in messages[-1]
    beat.stop()
    assert finished.args == [True] and restarts == [True]
    assert beat.longest < 400, beat.longest
    assert messages[-1].startswith("Đã khôi phục")
    conn = sqlite3.connect(db)
    try:
        titles = {r[0] for r in conn.execute("SELECT title FROM records WHERE title NOT LIKE "
                                             "'Sách %'")}
    finally:
        conn.close()
    assert titles == {"Tắt đèn"}


def test_closing_the_window_during_back_up_now_waits_for_the_backup(
        window: Any, lib: Library, qtbot: Any, tmp_path: Path, pc_settings: Any,
        slow_copy: None, messages: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Tools → Back up now, then the window's X: it stays open, says it closes after the
    backup, and closes by itself with the backup finished (it was given five seconds, then
    the exit backup started on top of it)."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _parent, _title, text, *_args: asked.append(text) or QMessageBox.StandardButton.No))
    _fill(lib)
    usb = tmp_path / "usb"
    QSettings().setValue("backup/folder", str(usb))
    auto = install(window, lib)
    action = next(a for a in window.tools_menu.actions() if a.text() == "&Sao lưu ngay")
    beat = Heartbeat()
    with qtbot.waitSignal(auto.finished, timeout=60000):
        action.trigger()
        assert not action.isEnabled() and auto.busy
        assert window.statusBar().currentMessage() == "Đang sao lưu…"
        window.close()
        assert window.isVisible()
        assert window.statusBar().currentMessage() == \
            "Đang sao lưu… ThuVien sẽ đóng khi sao lưu xong."
        window.close()  # again: asked whether to close anyway; No (the default) waits on
        assert window.isVisible() and len(asked) == 1
        assert "Bản sao lưu dở dang sẽ không được giữ lại" in asked[0]
    beat.stop()
    assert beat.longest < 400, beat.longest
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    [entry] = list_backups(usb)
    assert check_database_file(entry.path).library_id == lib.settings.library_id
    assert list(usb.glob("*.partial")) == [] and messages == []


def test_closing_anyway_leaves_no_backup_that_looks_good(
        window: Any, lib: Library, qtbot: Any, tmp_path: Path, pc_settings: Any,
        slow_copy: None, messages: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The second close answered Yes: the window closes now, the backup cut short (or
    finished behind it) is never an unchecked file under a backup's name, and no exit backup
    is tried."""
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *_args: QMessageBox.StandardButton.Yes))
    _fill(lib)
    usb = tmp_path / "usb"
    QSettings().setValue("backup/folder", str(usb))
    auto = install(window, lib)
    action = next(a for a in window.tools_menu.actions() if a.text() == "&Sao lưu ngay")
    action.trigger()
    window.close()
    assert window.isVisible()
    window.close()
    assert not window.isVisible() and not auto.enabled
    for entry in list_backups(usb):  # whatever is there under a backup's name is good
        assert check_database_file(entry.path).library_id == lib.settings.library_id


def test_back_up_now_from_the_menu_names_the_file_made(
        window: Any, lib: Library, qtbot: Any, tmp_path: Path, pc_settings: Any,
        messages: list[str]) -> None:
    usb = tmp_path / "usb"
    QSettings().setValue("backup/folder", str(usb))
    auto = install(window, lib)
    action = next(a for a in window.tools_menu.actions() if a.text() == "&Sao lưu ngay")
    with qtbot.waitSignal(auto.finished, timeout=20000):
        action.trigger()
    [entry] = list_backups(usb)
    assert window.statusBar().currentMessage() == f"Đã sao lưu và kiểm tra: {entry.path.name}"
    assert action.isEnabled()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    QSettings().setValue("backup/folder", str(blocker))
    with qtbot.waitSignal(auto.finished, timeout=20000):
        action.trigger()
    assert len(messages) == 1 and str(blocker) in messages[0]  # said, not only logged
    assert action.isEnabled()


def test_restoring_a_damaged_library_at_start_keeps_the_screen_answering(
        qtbot: Any, tmp_path: Path, pc_settings: Any, slow_copy: None) -> None:
    """The library does not open (damaged): the restore offered before the window exists
    runs behind a busy 'Đang khôi phục…' dialog instead of leaving nothing on screen that
    answers (a second double-click, or the PC switched off, came next)."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from ui.firstrun.damaged import offer_restore
    from ui.firstrun.folder import set_backup_folder

    db = tmp_path / "thuvien.sqlite3"
    usb = tmp_path / "usb"
    with Library.open(db) as lib:
        _fill(lib, 20_000)
        lib.catalog.add_record("Tắt đèn")
        lib.backups.take(usb)
    set_backup_folder(usb)
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)  # damaged beyond opening
    busy: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            (box.defaultButton() or box.buttons()[0]).click()
        elif isinstance(box, QProgressDialog) and box.isVisible():
            busy.append(box.labelText())

    clicker = QTimer()
    clicker.timeout.connect(answer)
    clicker.start(50)
    beat = Heartbeat()
    try:
        assert offer_restore(db, "Thư viện bị hỏng")
    finally:
        clicker.stop()
        beat.stop()
    assert busy and set(busy) == {"Đang khôi phục…"}
    assert beat.longest < 400, beat.longest
    with Library.open(db) as lib:
        assert lib.catalog.search("tat den").total == 1
