"""The desk window fed by a scanner set to send AIM symbology identifiers, and by a
keyboard left in full-width mode: the scan field reads the card and the book as usual."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.scanner import scan


def test_aim_prefixes_and_full_width_codes_lend_at_the_desk(window, lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                                            ) -> None:
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field

    scan(qtbot, field, "]A0" + patron.card)
    assert desk.banner.property("kind") == "ok", desk.banner.text()
    assert desk.patron_panel.name.text() == "Nguyễn Văn An"
    scan(qtbot, field, "]C1" + barcodes[0])
    assert "Đã cho mượn" in desk.banner.text(), desk.banner.text()
    full_width = barcodes[1].translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    field.insert(full_width)  # what an IME commits (QTest types Latin-1 keys only)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "Đã cho mượn" in desk.banner.text(), desk.banner.text()
    slip = lib.circulation.open_loans(patron.id)
    assert sorted(line.barcode for line in slip.loans) == sorted(barcodes[:2])
