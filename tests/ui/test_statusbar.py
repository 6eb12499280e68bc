"""The status bar: pending changes and sync state, read off the GUI thread."""

from __future__ import annotations


def test_status_bar_counts_pending_changes_after_a_scan(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    qtbot.waitUntil(lambda: window.status.pending == lib.pending_changes(), timeout=10000)
    before = window.status.pending
    window.desk.scan(patron.card)
    window.desk.scan(barcodes[0])  # a loan and an item change go to the outbox
    qtbot.waitUntil(lambda: (window.status.pending or 0) > before, timeout=10000)
    assert window.status.pending == lib.pending_changes()
    assert window.status.pending_label.text() == f"Thay đổi chưa gửi: {lib.pending_changes()}"
    assert window.status.sync_label.text() == "Đồng bộ: chưa thiết lập"  # never enrolled
    assert str(lib.path) in window.status.path_label.text()
