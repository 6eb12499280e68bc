"""The minute check whether an automatic backup is due reads the backup folder (it opens
every backup there to read its library's id) on a worker thread: on a USB stick or a network
folder the desk froze for it once a minute. A due backup is still taken, a fresh one not."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from app.backup import identity, list_backups
from app.library import Library
from ui.firstrun import install


def test_the_due_check_reads_the_folder_off_the_gui_thread(
        window: Any, lib: Library, qtbot: Any, tmp_path: Path, pc_settings: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    QSettings().setValue("backup/folder", str(usb))
    lib.backups.take(usb, when=datetime.now() - timedelta(hours=2))  # older than the hour
    auto = install(window, lib)
    on_gui_thread: list[bool] = []
    real = identity.library_id_of

    def spy(path: Path) -> str | None:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(path)

    monkeypatch.setattr(identity, "library_id_of", spy)
    with qtbot.waitSignal(auto.backed_up, timeout=20000):
        auto.check()
    assert on_gui_thread and not any(on_gui_thread)  # read, and never by the GUI thread
    assert len(list_backups(usb)) == 2

    on_gui_thread.clear()
    auto.check()  # the new backup is fresh: nothing to take
    qtbot.waitUntil(lambda: not auto._busy, timeout=20000)
    assert on_gui_thread and not any(on_gui_thread)
    assert len(list_backups(usb)) == 2
