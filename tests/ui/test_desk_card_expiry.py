"""An expired reader's card at the real desk: the reader and their loans are shown, the banner
says why nothing is lent, a book is refused in red, it comes back all the same; F10 twice
renews the card by the library's default and the next book is lent."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.circulation.clock import library_today
from app.patrons.validity import Validity
from tests.support.scanner import scan
from ui.format import display_date


def test_expired_card_shows_the_reader_refuses_lending_and_f10_renews_it(  # type: ignore[no-untyped-def]
        window, lib, stocked, qtbot) -> None:
    patron, barcodes = stocked
    lib.circulation.checkout(patron.card, barcodes[0])
    yesterday = library_today() - timedelta(days=1)
    lib.patrons.update(patron.id, expires_on=yesterday.isoformat())
    lib.settings.set("school_year", "2025-2026")
    lib.patrons.set_validity({"student": Validity("months", 12)})
    desk, field = window.desk, window.desk.scan_field

    scan(qtbot, field, patron.card)
    until = display_date(yesterday.isoformat())
    assert desk.banner.property("kind") == "warn"
    assert desk.banner.text() == (
        f"Bạn đọc: Nguyễn Văn An (6A) — THẺ HẾT HẠN (có giá trị đến {until}): gia hạn thẻ để "
        "mượn. Đang mượn 1, quá hạn 0.")
    panel = desk.patron_panel
    assert panel.name.text() == "Nguyễn Văn An" and panel.loans.rowCount() == 1
    assert f"THẺ HẾT HẠN (có giá trị đến {until}) — F10 để gia hạn" in panel.info.text()

    scan(qtbot, field, barcodes[1])
    assert desk.banner.property("kind") == "bad" and desk.sounds.last_played == "bad"
    assert desk.banner.text() == (f"THẺ HẾT HẠN: thẻ của Nguyễn Văn An chỉ có giá trị đến "
                                  f"{until} — gia hạn thẻ để mượn.")
    assert lib.catalog.item_by_barcode(barcodes[1]).status == "available"

    qtbot.keyClick(field, Qt.Key.Key_Down)  # the loan held: F5 renews it? not on this card
    qtbot.keyClick(field, Qt.Key.Key_F5)
    assert desk.banner.property("kind") == "bad" and "THẺ HẾT HẠN" in desk.banner.text()

    new = display_date(lib.patrons.renewal_date(patron.id))
    qtbot.keyClick(field, Qt.Key.Key_F10)  # asks first
    assert desk.banner.text() == (f"Gia hạn thẻ của Nguyễn Văn An đến {new}? Nhấn F10 lần nữa "
                                  "để xác nhận; quét mã hoặc Esc để thôi.")
    assert lib.patrons.get(patron.id).card_expired(library_today())
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # no: the reader stays, the card is not renewed
    assert desk.banner.text() == "Không gia hạn thẻ."
    assert lib.circulation.desk.current_patron() is not None
    qtbot.keyClick(field, Qt.Key.Key_F10)
    qtbot.keyClick(field, Qt.Key.Key_F10)
    assert desk.banner.property("kind") == "ok"
    assert desk.banner.text() == f"Đã gia hạn thẻ HS000001 của Nguyễn Văn An đến {new}."
    assert f"thẻ có giá trị đến {new}" in panel.info.text()
    assert field.hasFocus()

    scan(qtbot, field, barcodes[1])
    assert desk.banner.property("kind") == "ok" and "Đã cho mượn" in desk.banner.text()
    scan(qtbot, field, barcodes[0])  # and returns work as ever
    assert "Đã nhận trả" in desk.banner.text()


def test_returns_work_on_an_expired_card_and_a_card_expiring_soon_is_said(  # type: ignore[no-untyped-def]
        window, lib, stocked, qtbot) -> None:
    patron, barcodes = stocked
    lib.circulation.checkout(patron.card, barcodes[0])
    lib.patrons.update(patron.id, expires_on="2020-05-31")
    desk, field = window.desk, window.desk.scan_field
    scan(qtbot, field, barcodes[0])  # returned without scanning the card first
    assert desk.banner.property("kind") == "ok" and "Đã nhận trả" in desk.banner.text()

    soon = library_today() + timedelta(days=5)
    lib.patrons.update(patron.id, expires_on=soon.isoformat())
    scan(qtbot, field, patron.card)
    assert desk.banner.property("kind") == "ok"
    assert desk.banner.text().endswith(
        f" Thẻ sắp hết hạn: còn 5 ngày (có giá trị đến {display_date(soon.isoformat())}).")
    assert "(còn 5 ngày)" in desk.patron_panel.info.text()


def test_f10_without_a_default_validity_says_what_to_do(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, _ = stocked
    desk, field = window.desk, window.desk.scan_field
    qtbot.keyClick(field, Qt.Key.Key_F10)
    assert desk.banner.property("kind") == "bad"
    assert desk.banner.text() == ("Hãy quét thẻ bạn đọc trước: F10 gia hạn thẻ của bạn đọc "
                                  "đang chọn.")
    scan(qtbot, field, patron.card)
    qtbot.keyClick(field, Qt.Key.Key_F10)
    assert desk.banner.property("kind") == "bad"
    assert desk.banner.text().startswith("Chưa đặt thời hạn thẻ mặc định cho học sinh")
    assert lib.patrons.get(patron.id).expires_on is None
