"""Opening the Backups window read every backup file on the GUI thread (each is opened to
learn which library it holds): with thirty backups on a slow USB stick the window hung before
it appeared. The list is now read on a worker thread: the window shows at once with
"Đang đọc…", keeps answering, and fills its list when the reading ends.

A real folder of thirty backups (one checked backup of the library, copied under thirty
days' names); opening each one is slowed by a tenth of a second, as on a slow stick."""

from __future__ import annotations

import shutil
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import ui.firstrun.backup_dialog as backup_dialog
from app.library import Library
from tests.ui.firstrun.test_backup_in_background import Heartbeat
from ui.firstrun.backup_dialog import BackupDialog
from ui.firstrun.folder import set_backup_folder

SLOW_S = 0.1  # opening one backup on a slow USB stick


@pytest.fixture
def thirty_backups(lib: Library, tmp_path: Path, pc_settings: Any) -> Path:
    lib.settings.set("library_code", "TH01")
    usb = tmp_path / "usb"
    first = lib.backups.take(usb, when=datetime(2025, 9, 1, 8, 0)).entry
    for day in range(2, 31):
        shutil.copy(first.path, usb / f"thuvien-TH01-202509{day:02d}-080000.sqlite3")
    set_backup_folder(usb)
    return usb


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every backup file opened to read its library, each a tenth of a second late."""
    seen: list[Path] = []
    real = backup_dialog.owner_of

    def slow(path: Path) -> tuple[str | None, str]:
        time.sleep(SLOW_S)
        seen.append(path)
        return real(path)

    monkeypatch.setattr(backup_dialog, "owner_of", slow)
    return seen


def test_the_window_appears_at_once_and_lists_thirty_backups_meanwhile(
        lib: Library, qtbot: Any, thirty_backups: Path, opened: list[Path]) -> None:
    beat = Heartbeat()
    started = time.monotonic()
    dialog = BackupDialog(lib)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert time.monotonic() - started < 1.0  # reading them all takes 3 s
    assert dialog.status.text() == "Đang đọc danh sách bản sao lưu…"
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 30, timeout=20000)
    beat.stop()
    assert len(opened) == 30
    assert beat.longest < 400, f"the window did not answer for {beat.longest} ms"
    assert dialog.status.text() == "Lần sao lưu gần nhất: 30/09/2025 08:00"
    assert dialog.table.item(0, 3).text() == "thuvien-TH01-20250930-080000.sqlite3"
    assert dialog.selected_path() == thirty_backups / "thuvien-TH01-20250930-080000.sqlite3"
    assert dialog.restore_button.isEnabled()


def test_closing_the_window_while_it_reads_closes_at_once_and_stops_reading(
        lib: Library, qtbot: Any, thirty_backups: Path, opened: list[Path]) -> None:
    dialog = BackupDialog(lib)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: len(opened) >= 2, timeout=5000)
    started = time.monotonic()
    dialog.reject()
    assert not dialog.isVisible() and time.monotonic() - started < 0.5
    qtbot.wait(int(SLOW_S * 1000 * 5))
    assert len(opened) < 10  # the rest of the folder is left unread
