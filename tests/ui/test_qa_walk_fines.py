"""What a school librarian saw walking the desk's part payments at 1366 × 768 (the window
opens at 1280 × 720 there): a debt's line is read whole in the payment dialog and the desk's
patron panel (its amount and what is still owed were past a horizontal scroll bar), the
Patrons view shows a payment taken at the desk meanwhile (it kept the debt as first read),
and the Holds dialog shows every line of a refusal (cut after a line and a half)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.support.lost_books import lost_at_its_price
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock
from tests.support.scanner import scan

LONG_TITLE = "Tuyển tập truyện ngắn hay nhất dành cho thiếu nhi Việt Nam"


@pytest.fixture
def owing(lib, stocked):  # type: ignore[no-untyped-def]
    """A pupil who lost a 25.000 đ book with a long title (charged its price)."""
    patron, _barcodes = stocked
    lost_at_its_price(lib, patron.card, LONG_TITLE, 25000)
    return patron


def read_whole(listing) -> bool:  # type: ignore[no-untyped-def]
    """Every line of a QListWidget is in sight across: nothing past a horizontal scroll."""
    listing.doItemsLayout()
    width = listing.viewport().width()
    return listing.horizontalScrollBar().maximum() == 0 and all(
        listing.visualItemRect(listing.item(row)).right() <= width
        for row in range(listing.count()))


def test_a_debt_line_is_read_whole_in_the_payment_dialog_and_the_patron_panel(
        window, lib, owing, qtbot, app_look) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 720)
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, owing.card)
    qtbot.keyClick(field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.payment_dialog
    qtbot.waitUntil(lambda: dialog.amount.hasFocus())
    assert dialog.list.item(0).text().endswith("phải đền: 25.000 đ")
    assert read_whole(dialog.list)
    dialog.print_receipt.setChecked(False)
    qtbot.keyClicks(dialog.amount, "10.000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    panel = desk.patron_panel
    assert panel.fines.item(0).text().endswith("đã nộp 10.000 đ, còn nợ 15.000 đ")
    assert read_whole(panel.fines)


def test_the_patrons_view_shows_what_the_desk_took_meanwhile(
        window, lib, owing, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("patrons")
    qtbot.keyClicks(view.search_field, owing.card)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    view.table.selectRow(0)
    assert view.fines.title.text() == "Tiền phạt — chưa nộp: 25.000 đ"

    window.show_view("desk")  # the pupil pays at the desk, Ctrl+T, the whole debt
    desk = window.desk
    scan(qtbot, desk.scan_field, owing.card)
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.payment_dialog
    dialog.print_receipt.setChecked(False)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert desk.banner.text().endswith("Không còn nợ gì.")

    window.show_view("patrons")  # back to the reader still selected
    assert view.table.selectedItems()
    assert not view.fines.table.item(0, 5).text().startswith("đã nộp 10")
    assert "còn nợ" not in view.fines.table.item(0, 5).text()
    assert view.fines.title.text() == "Tiền phạt — chưa nộp: 0 đ"


def test_a_refusal_in_the_holds_dialog_is_read_to_its_last_line(
        window, lib, qtbot, app_look, monkeypatch: pytest.MonkeyPatch
        ) -> None:  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Cho tôi xin một vé đi tuổi thơ", authors=["Nguyễn Nhật Ánh"])
    lib.catalog.add_copies(record, 1)
    reader = lib.patrons.add("Trần Thị Bình", class_name="6B")
    lib.circulation.record_walk_ins(1)  # the library has written today
    assert datetime.now(UTC).year > 2009
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    view = window.show_view("catalog")
    view.open_record(record)
    dialog = view.show_holds()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.card, reader.card)
    qtbot.keyClick(dialog.card, Qt.Key.Key_Return)
    message = dialog.message
    assert message.text().startswith("Ngày trên máy tính đang là 01/01/2009")
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    assert message.geometry().bottom() < dialog.empty.geometry().top()


def test_the_session_names_a_scan_by_its_code_not_the_scanner_s_prefix(
        window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    desk = window.desk
    scan(qtbot, desk.scan_field, "]C1" + patron.card)
    scan(qtbot, desk.scan_field, "]C1" + barcodes[0])
    assert "Đã cho mượn" in desk.banner.text()
    assert [desk.session.item(row, 1).text() for row in (1, 0)] == [patron.card, barcodes[0]]


def test_the_red_strip_goes_with_the_first_scan_the_desk_takes_once_the_date_is_right(
        window, lib, stocked, qtbot, monkeypatch: pytest.MonkeyPatch
        ) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    assert lib.circulation.checkout(patron.card, barcodes[0]).ok
    desk = window.desk
    strip = desk.clock_banner
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    scan(qtbot, desk.scan_field, patron.card)
    assert strip.isVisible() and desk.banner.property("kind") == "bad"

    set_pc_clock(monkeypatch, datetime.now(UTC))  # the librarian sets the clock right
    scan(qtbot, desk.scan_field, patron.card)
    assert desk.banner.property("kind") != "bad", desk.banner.text()
    assert not strip.isVisible()  # not 20 s more of "lending is stopped" over a lent book


def test_waiving_a_partly_paid_charge_says_what_came_in_and_what_is_waived(
        lib, owing, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.patrons.fines_panel import FinesPanel

    [charge] = lib.circulation.fines.find(owing.id)
    lib.circulation.fines.pay(charge.id, 5000)
    panel = FinesPanel(lib)
    qtbot.addWidget(panel)
    panel.show_patron(owing.id)
    dialog = panel.waive_selected()
    qtbot.addWidget(dialog)
    [what] = [label.text() for label in dialog.findChildren(QLabel)
              if label.text().startswith(owing.full_name)]
    assert what.endswith("mất sách — 25.000 đ (đã nộp 5.000 đ, còn nợ 20.000 đ)")  # not 25.000


def test_a_reader_s_only_loan_is_renewed_from_the_keyboard_in_the_patrons_view(
        window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    assert lib.circulation.checkout(patron.card, barcodes[0]).ok
    view = window.show_view("patrons")
    qtbot.keyClicks(view.search_field, "Nguyen Van An")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    qtbot.keyClick(view.search_field, Qt.Key.Key_Down)  # the reader, then Tab to the loans
    panel = view.loans
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: panel.table.hasFocus())
    assert panel.renew_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # Gia hạn
    qtbot.waitUntil(lambda: panel.message.text() != "")
    assert "Dế Mèn phiêu lưu ký" in panel.message.text()


def test_a_charge_waived_after_a_part_payment_shows_what_came_in_and_the_whole_reason(
        window, lib, owing, qtbot) -> None:  # type: ignore[no-untyped-def]
    """5.000 đ paid, then the rest waived: the Patrons view said only 'đã miễn …: Gia đình
    kh…'. It says what had been paid, and the reason is read whole (its tooltip too)."""
    reason = "Gia đình khó khăn, nhà trường đề nghị miễn"
    [charge] = lib.circulation.fines.find(owing.id)
    lib.circulation.fines.pay(charge.id, 5000)
    waived = lib.circulation.fines.waive(charge.id, reason)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("patrons")
    qtbot.keyClicks(view.search_field, owing.card)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    view.table.selectRow(0)
    table = view.fines.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() == 1)
    cell = table.item(0, 5)
    from ui.format import display_date

    assert cell.text() == (f"đã miễn {display_date(waived.settled_at)} sau khi đã nộp "
                           f"5.000 đ: {reason}")
    assert cell.toolTip() == cell.text() and table.item(0, 2).toolTip() == LONG_TITLE
    needed = table.fontMetrics().horizontalAdvance(cell.text())
    assert table.columnWidth(5) >= needed  # not cut with "…"
    rect = table.visualRect(table.model().index(0, 5))
    assert rect.right() <= table.viewport().width()  # in sight, no horizontal scrolling
