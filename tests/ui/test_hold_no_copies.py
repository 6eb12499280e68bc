"""A record catalogued without a copy (shown 0/0) takes no hold in the catalog's Holds
dialog: the reader would wait for nothing; the dialog says why, nothing is queued."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_holds_dialog_refuses_a_record_without_a_copy(
        window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Sách chưa về")
    reader = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    view = window.show_view("catalog")
    view.open_record(record)
    dialog = view.show_holds()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.card, reader.card)
    qtbot.keyClick(dialog.card, Qt.Key.Key_Return)
    assert dialog.message.text() == (
        "Không nhận đặt giữ “Sách chưa về”: thư viện không có bản nào của đầu sách này, bạn "
        "đọc sẽ chờ mãi.")
    assert lib.circulation.hold_queue(record) == []
