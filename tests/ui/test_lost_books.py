"""A lost book, as the librarian meets it: F9 twice at the desk, or the buttons under a
record's copies in the catalog; the reader is charged where the library says so, and the
charge goes away when the book turns up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.scanner import scan


def priced_copy(lib, price: float = 45000) -> str:  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Tiếng Việt 6 tập 1", year=2021)
    return str(lib.catalog.add_item(record, collection="GK", price=price).barcode)


def test_f9_twice_marks_the_book_just_lent_lost_and_charges_the_reader(  # type: ignore[no-untyped-def]
        window, lib, stocked, qtbot) -> None:
    lib.circulation.fines.set_lost_charge_percent(100)
    patron, _ = stocked
    barcode = priced_copy(lib)
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    scan(qtbot, field, barcode)
    assert "Đã cho mượn" in desk.banner.text()

    qtbot.keyClick(field, Qt.Key.Key_F9)
    assert desk.banner.text().startswith(f"Ghi mất {barcode}?")
    assert desk.banner.property("kind") == "warn"
    assert lib.catalog.items_of(lib.catalog.item_by_barcode(barcode).record_id)[0].status \
        == "on_loan"  # the first press only asks

    qtbot.keyClick(field, Qt.Key.Key_F9)
    assert desk.banner.text().endswith("Người mượn: Nguyễn Văn An. Tiền đền sách: 45.000 đ.")
    assert desk.banner.property("kind") == "warn"  # amber: money to collect
    panel = desk.patron_panel
    assert panel.fines.isVisibleTo(desk)
    assert "mất sách, phải đền: 45.000 đ" in panel.fines.item(0).text()
    assert panel.loans.rowCount() == 0  # the loan is closed
    assert field.hasFocus()


def test_a_scan_between_the_two_presses_cancels_the_question(  # type: ignore[no-untyped-def]
        window, lib, stocked, qtbot) -> None:
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    scan(qtbot, field, barcodes[0])
    qtbot.keyClick(field, Qt.Key.Key_F9)
    scan(qtbot, field, barcodes[1])  # the next book: the question is forgotten
    qtbot.keyClick(field, Qt.Key.Key_F9)
    assert desk.banner.text().startswith(f"Ghi mất {barcodes[1]}?")
    statuses = {i.barcode: i.status for i in lib.catalog.items_of(
        lib.catalog.item_by_barcode(barcodes[0]).record_id)}
    assert statuses[barcodes[0]] == "on_loan" and statuses[barcodes[1]] == "on_loan"


def test_esc_answers_the_question_no_and_keeps_the_reader(  # type: ignore[no-untyped-def]
        window, lib, stocked, qtbot) -> None:
    """Found at the desk: the question says "Esc to cancel", but Esc also cleared the reader,
    so the next book scanned for them was taken back instead of lent."""
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    scan(qtbot, field, barcodes[0])
    qtbot.keyClick(field, Qt.Key.Key_F9)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert desk.banner.text() == f"Không ghi mất {barcodes[0]}."
    assert lib.circulation.desk.current_patron().id == patron.id  # still this reader's turn
    qtbot.keyClick(field, Qt.Key.Key_F9)  # asks again: the first answer was no
    assert desk.banner.text().startswith(f"Ghi mất {barcodes[0]}?")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # a second Esc clears the reader, as before
    assert lib.circulation.desk.current_patron() is None
    assert lib.catalog.item_by_barcode(barcodes[0]).status == "on_loan"


def test_f9_with_nothing_to_mark_says_so(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    desk = window.desk
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_F9)
    assert "chọn một lượt mượn hoặc quét sách" in desk.banner.text()
    assert desk.banner.property("kind") == "bad"


def test_catalog_copy_buttons_lost_then_found(window, lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                              ) -> None:
    lib.circulation.fines.set_lost_charge_percent(100)
    patron, _ = stocked
    barcode = priced_copy(lib, 32000)
    assert lib.circulation.checkout(patron.card, barcode).ok
    view = window.show_view("catalog")
    record_id = lib.catalog.item_by_barcode(barcode).record_id
    view.open_record(record_id)
    actions = view.copy_actions
    assert view.detail.copies.item(0, 3).text() == "Sách giáo khoa"  # GK: the type in words
    assert not actions.lost_button.isEnabled()  # no copy selected yet
    view.detail.copies.selectRow(0)
    assert actions.lost_button.isEnabled() and not actions.found_button.isEnabled()

    question = actions.ask_lost()
    assert question is not None and barcode in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: actions.last_result is not None, timeout=3000)
    assert "Tiền đền sách: 32.000 đ." in actions.message.text()
    assert view.detail.copies.item(0, 1).text() == "mất"
    assert actions.found_button.isEnabled() and not actions.lost_button.isEnabled()
    assert lib.circulation.fines.outstanding(patron.id) == (32000, 1)

    actions.found_button.click()
    assert "Đã huỷ tiền đền 32.000 đ chưa nộp." in actions.message.text()
    assert view.detail.copies.item(0, 1).text() == "trên giá"
    assert lib.circulation.fines.outstanding(patron.id) == (0, 0)


def test_the_lost_charge_is_set_in_the_loan_rules_tab(window, lib, qtbot  # type: ignore[no-untyped-def]
                                                      ) -> None:
    settings = window.show_view("settings")
    page = settings.rules_page
    assert page.lost_percent.value() == 0 and page.lost_percent.text() == "không thu"
    page.lost_percent.setValue(120)
    page.save()
    assert lib.circulation.fines.lost_charge_percent() == 120


def test_arrow_keys_choose_the_loan_for_f5_and_f9(window, lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                                  ) -> None:
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    for barcode in barcodes:
        scan(qtbot, field, barcode)
    panel = desk.patron_panel
    assert panel.loans.rowCount() == 3 and panel.selected_barcode() is None
    qtbot.keyClick(field, Qt.Key.Key_Down)
    first = panel.selected_barcode()
    qtbot.keyClick(field, Qt.Key.Key_Down)
    second = panel.selected_barcode()
    assert first and second and first != second and field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert panel.selected_barcode() == first
    qtbot.keyClick(field, Qt.Key.Key_F9)
    qtbot.keyClick(field, Qt.Key.Key_F9)
    assert desk.banner.text().startswith("Đã ghi mất") and f"({first})" in desk.banner.text()
    assert panel.loans.rowCount() == 2
    left = {panel.loans.item(r, 0).text() for r in range(2)}
    assert first not in left and second in left
