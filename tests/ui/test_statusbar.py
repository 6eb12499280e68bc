"""The status bar: pending changes and sync state, read off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def test_status_bar_counts_pending_changes_after_a_scan(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    qtbot.waitUntil(lambda: window.status.pending == lib.pending_changes(), timeout=10000)
    before = window.status.pending
    window.desk.scan(patron.card)
    window.desk.scan(barcodes[0])  # a loan and an item change go to the outbox
    qtbot.waitUntil(lambda: (window.status.pending or 0) > before, timeout=10000)
    assert window.status.pending == lib.pending_changes()
    assert str(lib.path) in window.status.path_label.text()


def test_without_a_district_server_nothing_is_said_to_wait(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A school that never set up sync saw "Thay đổi chưa gửi: 1280" after importing its
    catalog, as if something had failed to go out. Only "sync not set up" is said."""
    patron, barcodes = stocked
    window.desk.scan(patron.card)
    window.desk.scan(barcodes[0])
    qtbot.waitUntil(lambda: window.status.pending == lib.pending_changes(), timeout=10000)
    assert lib.pending_changes() > 0
    assert window.status.sync_label.text() == "Đồng bộ: chưa thiết lập"  # never enrolled
    assert not window.status.pending_label.isVisible()
    assert "chưa gửi" not in " ".join(label.text() for label in window.status.findChildren(QLabel)
                                      if label.isVisible())


def test_an_enrolled_library_shows_what_waits_to_be_sent(window, lib, tmp_path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.support.district import District

    monkeypatch.setenv("THUVIEN_NO_KEYRING", "1")
    monkeypatch.setenv("THUVIEN_TOKEN_DIR", str(tmp_path / "tokens"))
    (tmp_path / "district").mkdir()
    district = District(tmp_path / "district")
    try:
        lib.sync.enroll(district.url, district.add_library("TH-NAM"))
    finally:
        district.stop()
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)
    window.status.refresh()
    label = window.status.pending_label
    qtbot.waitUntil(lambda: label.text() == f"Thay đổi chưa gửi: {lib.pending_changes()}",
                    timeout=10000)
    assert label.isVisible()


def test_the_last_sync_and_the_last_backup_read_by_the_same_clock(lib, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A PC set to another time zone than Vietnam's (here UTC+1): a backup and a sync made in
    the same minute show the same time, the one on the PC's clock (the sync said 6 hours
    later, in Vietnam's time, beside backups named by the PC's clock)."""
    import time
    from datetime import datetime

    from app.sync import state
    from ui.firstrun.backup_dialog import BackupDialog

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        now = datetime.now().astimezone()
        lib.backups.take(tmp_path / "backups", when=now.replace(tzinfo=None))
        state.put(lib.db, server_url="https://huyen.example", last_sync_at=stamp_of(now))
        dialog = BackupDialog(lib)
        qtbot.addWidget(dialog)
        dialog.folder_edit.setText(str(tmp_path / "backups"))
        dialog.refresh()
        assert dialog.wait_until_listed()  # read on a worker thread
        shown = now.strftime("%d/%m/%Y %H:%M")
        assert shown in dialog.status.text()
        assert lib.sync.status().last_sync_local == shown
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def stamp_of(moment):  # type: ignore[no-untyped-def]
    from app.circulation.clock import stamp

    return stamp(moment)
