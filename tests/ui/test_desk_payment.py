"""Taking money at the desk, keyboard only: a pupil owing 25.000 đ for a lost book brings
10.000 đ; Ctrl+T, type 10000 over the whole debt, Enter; the rest stays owed and blocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.circulation import Circulation
from app.circulation.rules import LoanRule
from tests.support.lost_books import lost_at_its_price
from tests.support.scanner import scan


@pytest.fixture
def owing(lib, stocked):  # type: ignore[no-untyped-def]
    """An lost a copy worth 25.000 đ (charged its price); loans blocked from 10.000 đ owed."""
    patron, barcodes = stocked
    lost_at_its_price(lib, patron.card, "Tiếng Việt 6 tập 1", 25000)
    lib.circulation.fines.set_block_at(10000)
    return patron, barcodes


def test_a_part_payment_at_the_desk_from_the_keyboard(window, lib, owing, qtbot
                                                      ) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = owing
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    assert desk.banner.text().endswith("Còn nợ 25.000 đ.")
    panel = desk.patron_panel
    assert panel.fines_title.text() == "Tiền phạt, đền sách chưa nộp: 25.000 đ"

    qtbot.keyClick(field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.payment_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.amount.hasFocus())
    assert dialog.amount.text() == "25.000" and dialog.amount.selectedText() == "25.000"
    assert dialog.summary.text() == "Nguyễn Văn An còn nợ 25.000 đ."

    qtbot.keyClicks(dialog.amount, "30000")  # more than owed: refused, the dialog stays
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Nguyễn Văn An chỉ còn nợ 25.000 đ — không nhận 30.000 đ."
    assert lib.circulation.fines.payments() == []
    assert dialog.amount.selectedText() == "30000"  # typed over again

    assert dialog.print_receipt.isChecked()  # a receipt unless told otherwise
    qtbot.keyClick(dialog.amount, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # In phiếu thu
    qtbot.waitUntil(lambda: not dialog.print_receipt.isChecked())  # a mnemonic clicks later
    assert dialog.amount.hasFocus()
    qtbot.keyClicks(dialog.amount, "10.000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert desk.banner.text() == "Đã thu 10.000 đ của Nguyễn Văn An. Còn nợ 15.000 đ."
    assert "Đã thu 10.000 đ" in desk.session.item(0, 2).text()
    assert panel.fines_title.text() == ("Tiền phạt, đền sách chưa nộp: 15.000 đ "
                                        "(đã nộp: 10.000 đ)")
    assert panel.fines.item(0).text().endswith("đã nộp 10.000 đ, còn nợ 15.000 đ")
    qtbot.waitUntil(lambda: field.hasFocus())
    [payment] = lib.circulation.fines.payments()
    assert payment.amount == 10000

    scan(qtbot, field, barcodes[0])  # 15.000 đ still owed: still blocked
    assert desk.banner.property("kind") == "bad" and "15.000 đ" in desk.banner.text()

    qtbot.keyClick(field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    second = desk.payment_dialog
    assert second is not dialog and second.amount.text() == "15.000"
    qtbot.waitUntil(lambda: second.amount.hasFocus())
    desk.document_preview = None
    qtbot.keyClick(second.amount, Qt.Key.Key_Return)  # the whole rest, as prefilled
    assert desk.banner.text() == "Đã thu 15.000 đ của Nguyễn Văn An. Không còn nợ gì."
    assert not panel.fines.isVisibleTo(desk)
    qtbot.waitUntil(lambda: desk.document_preview is not None, timeout=20000)
    receipt = desk.document_preview  # the receipt of this payment only
    qtbot.addWidget(receipt)
    drawn = [op[1][2] for op in receipt.document.pages[0] if op[0] == "text"]
    assert "PHIẾU THU TIỀN PHẠT, ĐỀN SÁCH" in drawn and "Tiếng Việt 6 tập 1" in drawn
    assert drawn.count("15.000 đ") == 1 and "10.000 đ" not in drawn
    assert "Đã thu: 15.000 đ" in drawn and "Không còn nợ." in drawn
    assert receipt.file_name.startswith(f"phieu-thu-{patron.card}-")
    receipt.close()
    scan(qtbot, field, barcodes[0])
    assert desk.banner.property("kind") == "ok"


def test_escape_records_nothing_and_no_patron_means_no_dialog(window, lib, owing, qtbot
                                                              ) -> None:  # type: ignore[no-untyped-def]
    patron, _barcodes = owing
    desk = window.desk
    field = desk.scan_field
    qtbot.keyClick(field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert desk.payment_dialog is None
    assert desk.banner.property("kind") == "bad" and "Ctrl+T" in desk.banner.text()
    scan(qtbot, field, patron.card)
    qtbot.keyClick(field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.payment_dialog
    qtbot.waitUntil(lambda: dialog.amount.hasFocus())
    qtbot.keyClicks(dialog.amount, "5000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert lib.circulation.fines.payments() == []
    qtbot.waitUntil(lambda: field.hasFocus())


def test_renewal_at_the_desk_follows_the_fines_block(window, lib, owing, qtbot
                                                     ) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = owing
    lib.circulation.rules.set(LoanRule("*", "book", loan_days=14, renewals=2))
    lib.circulation.calendar.set_closed_weekdays([])
    five_days_ago = Circulation(lib.db, lib.settings,
                                clock=lambda: datetime.now(UTC) - timedelta(days=5))
    assert five_days_ago.checkout(patron.card, barcodes[0], force=True).ok
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    qtbot.keyClick(field, Qt.Key.Key_F5)  # the reader's only loan
    assert desk.banner.property("kind") == "bad"
    assert desk.banner.text() == (
        f"Không gia hạn được “Dế Mèn phiêu lưu ký” ({barcodes[0]}): Nguyễn Văn An còn nợ "
        "25.000 đ (từ 10.000 đ trở lên không được mượn, gia hạn) — cần nộp trước. Trả sách "
        "thì vẫn nhận.")
    lib.circulation.fines.set_block_at(0)  # a library that does not block: renewed
    qtbot.keyClick(field, Qt.Key.Key_F5)
    assert desk.banner.text().startswith("Đã gia hạn “Dế Mèn phiêu lưu ký”")


def test_the_patrons_view_shows_a_part_payment(lib, owing, qtbot
                                               ) -> None:  # type: ignore[no-untyped-def]
    from ui.patrons.fines_panel import FinesPanel

    patron, _barcodes = owing
    [charge] = lib.circulation.fines.find(patron.id)
    lib.circulation.fines.pay(charge.id, 10000)
    panel = FinesPanel(lib)
    qtbot.addWidget(panel)
    panel.show_patron(patron.id)
    assert panel.title.text() == "Tiền phạt — chưa nộp: 15.000 đ"
    assert panel.table.item(0, 5).text() == "đã nộp 10.000 đ, còn nợ 15.000 đ"


def test_an_empty_amount_asks_for_one(window, lib, owing, qtbot
                                      ) -> None:  # type: ignore[no-untyped-def]
    """The amount cleared, Enter: the dialog asks for an amount (not '“” is not an amount')."""
    patron, _ = owing
    desk = window.desk
    scan(qtbot, desk.scan_field, patron.card)
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.payment_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.amount.hasFocus())
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Delete)  # the prefilled amount was selected
    qtbot.keyClicks(dialog.amount, "  ")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Hãy nhập số tiền."
    assert lib.circulation.fines.payments() == []
    dialog.reject()
