"""A record catalogued without a copy (shown 0/0) takes no hold in the catalog's Holds
dialog: the reader would wait for nothing; the dialog says why, nothing is queued."""

from __future__ import annotations

from tests.support.catalog_holds import hold_from_the_catalog


def test_the_holds_dialog_refuses_a_record_without_a_copy(
        window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Sách chưa về")
    reader = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    dialog = hold_from_the_catalog(window, qtbot, record, reader.card)
    assert dialog.message.text() == (
        "Không nhận đặt giữ “Sách chưa về”: thư viện không có bản nào của đầu sách này, bạn "
        "đọc sẽ chờ mãi.")
    assert lib.circulation.hold_queue(record) == []
