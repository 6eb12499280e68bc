"""Copies in the catalog window: adding them with their register details, correcting one,
and taking out one entered by mistake."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ui.catalog.copy_dialogs import UNKNOWN_DAY


def _open(window, lib, title: str = "Tắt đèn"):  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record(title, authors=["Ngô Tất Tố"])
    view = window.show_view("catalog")
    view.open_record(record)
    return view, record


def test_copies_are_added_with_price_date_and_source(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, record = _open(window, lib)
    dialog = view.add_copies()
    assert dialog is not None
    dialog.count.setValue(3)
    dialog.details.price.setText("45.000đ")
    dialog.details.acquired.setDate(QDate(2025, 9, 5))
    dialog.details.source.setCurrentText("Biếu tặng")
    dialog.details.location.setText("Tủ 2")
    dialog.save()
    qtbot.waitUntil(lambda: view.detail.copies.rowCount() == 3, timeout=3000)
    items = lib.catalog.items_of(record)
    assert {(i.price, i.acquired_on, i.source, i.location) for i in items} == {
        (45000.0, "2025-09-05", "Biếu tặng", "Tủ 2")}
    tip = view.detail.copies.item(0, 0).toolTip()
    assert "05/09/2025" in tip and "Giá tiền: 45.000 đ" in tip and "Nguồn: Biếu tặng" in tip


def test_a_price_that_is_no_number_is_refused_and_nothing_is_added(  # type: ignore[no-untyped-def]
        window, lib, qtbot) -> None:
    view, record = _open(window, lib)
    dialog = view.add_copies()
    qtbot.addWidget(dialog)  # it stays open on a refusal: closed after the test
    dialog.details.price.setText("bốn lăm nghìn")
    dialog.save()
    assert "không phải giá tiền" in dialog.error.text() and dialog.isVisible()
    dialog.details.price.setText("45.000.000.000")  # a key held down
    dialog.save()
    assert dialog.error.text().startswith("“45.000.000.000” không phải giá tiền")
    assert lib.catalog.items_of(record) == []


def test_a_copy_is_corrected_from_its_row(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, record = _open(window, lib)
    lib.catalog.add_copies(record, 2, collection="TK", price=30000)
    view.open_record(record)
    edits = view.copy_edits
    assert not edits.edit_button.isEnabled()  # nothing selected yet
    view.detail.copies.selectRow(1)
    assert edits.edit_button.isEnabled() and edits.remove_button.isEnabled()
    dialog = edits.edit()
    assert dialog is not None and dialog.details.price.text() == "30.000"
    dialog.call_number.setText("895.9223 NG450T")
    dialog.details.price.setText("32.500")
    dialog.details.note.setText("Bìa rách nhẹ")
    dialog.save()
    qtbot.waitUntil(lambda: view.detail.copies.item(1, 4).text() == "895.9223 NG450T",
                    timeout=3000)
    second = lib.catalog.items_of(record)[1]
    assert (second.price, second.note, second.call_number) == (32500.0, "Bìa rách nhẹ",
                                                               "895.9223 NG450T")
    assert lib.catalog.items_of(record)[0].call_number is None  # the other copy unchanged
    assert view.detail.copies.currentRow() == 1  # still on the copy just corrected


def test_an_imported_copy_without_a_date_keeps_it_unknown(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, record = _open(window, lib)
    [item] = lib.catalog.add_copies(record, 1)
    lib.db.conn.execute("UPDATE items SET acquired_on = NULL WHERE id = ?", (item.id,))
    view.open_record(record)
    view.detail.copies.selectRow(0)
    assert "Không rõ ngày nhập" in view.detail.copies.item(0, 0).toolTip()
    dialog = view.copy_edits.edit()
    assert dialog.details.acquired.date() == UNKNOWN_DAY
    assert dialog.details.acquired.text() == "không rõ"
    dialog.details.location.setText("Tủ 1")
    dialog.save()
    assert lib.catalog.item(item.id).acquired_on is None
    assert lib.catalog.item(item.id).location == "Tủ 1"


def test_double_clicking_a_copy_opens_its_correction(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, record = _open(window, lib)
    lib.catalog.add_copies(record, 1)
    view.open_record(record)
    window.show()
    qtbot.waitExposed(window)
    view.detail.setCurrentIndex(2)
    cell = view.detail.copies.visualItemRect(view.detail.copies.item(0, 0)).center()
    viewport = view.detail.copies.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=cell)  # as a hand does: press
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=cell)  # first, then the double
    qtbot.waitUntil(lambda: view.copy_edits.dialog is not None
                    and view.copy_edits.dialog.isVisible(), timeout=3000)
    view.copy_edits.dialog.reject()


def test_a_copy_entered_by_mistake_is_removed_after_asking(window, lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                                           ) -> None:
    patron, _ = stocked
    view, record = _open(window, lib)
    lent, spare = lib.catalog.add_copies(record, 2)
    assert lib.circulation.checkout(patron.card, lent.barcode).ok
    assert lib.circulation.checkin(lent.barcode).ok
    view.open_record(record)
    edits = view.copy_edits

    view.detail.copies.selectRow(0)  # lent once: its history stays
    question = edits.ask_remove()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "đã từng được mượn" in edits.message.text(), timeout=3000)
    assert len(lib.catalog.items_of(record)) == 2

    view.detail.copies.selectRow(1)
    question = edits.ask_remove()
    assert spare.barcode in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.detail.copies.rowCount() == 1, timeout=3000)
    assert [i.barcode for i in lib.catalog.items_of(record)] == [lent.barcode]


def test_dates_received_are_the_library_s_day_not_this_pc_s(window, lib, monkeypatch  # type: ignore[no-untyped-def]
                                                             ) -> None:
    """A PC whose clock is set to another zone (often UTC or a US zone): the library's day
    (Vietnam's, as the desk counts it) is already tomorrow there. The form offers that day, and
    opening a copy received that day and saving it does not move its date back a day."""
    from datetime import UTC, datetime, timedelta

    from ui.format import qdate

    ahead = lambda: datetime.now(UTC) + timedelta(days=2)  # noqa: E731 (the library's clocks)
    monkeypatch.setattr(lib.circulation.context, "clock", ahead)
    monkeypatch.setattr("app.circulation.clock.system_clock", ahead)  # library_today()
    today = lib.circulation.today()
    view, record = _open(window, lib)
    dialog = view.add_copies()
    assert dialog.details.acquired.date() == qdate(today)
    dialog.reject()
    [item] = lib.catalog.add_copies(record, 1, acquired_on=today.isoformat())
    view.open_record(record)
    view.detail.copies.selectRow(0)
    edit = view.copy_edits.edit()
    assert edit.details.acquired.date() == qdate(today)
    edit.details.note.setText("Bìa rách nhẹ")
    edit.save()
    assert lib.catalog.item(item.id).acquired_on == today.isoformat()
    assert lib.catalog.item(item.id).note == "Bìa rách nhẹ"


def test_a_copy_s_status_and_the_column_titles_are_not_cut_off(window, lib, stocked, app_look  # type: ignore[no-untyped-def]
                                                               ) -> None:
    """The copies tab at the window's usual size and type: "đang cho mượn" and "Ký hiệu xếp
    giá" are read whole (equal columns showed "đang cho …" and "ý hiệu xếp g")."""
    patron, barcodes = stocked
    assert lib.circulation.checkout(patron.card, barcodes[0]).ok
    window.resize(1366, 768)
    view = window.show_view("catalog")
    view.open_record(lib.catalog.item_by_barcode(barcodes[0]).record_id)  # type: ignore[union-attr]
    copies = view.detail.copies
    view.detail.setCurrentIndex(2)
    header = copies.horizontalHeader()
    metrics = copies.fontMetrics()
    status = copies.item(0, 1).text()
    assert status == "đang cho mượn"
    assert copies.columnWidth(1) >= metrics.horizontalAdvance(status)
    for column in range(copies.columnCount()):
        title = copies.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), title
    # and on the panel, not behind the horizontal scroll bar, in a window of 1280×720 too,
    # for the longest status: a copy kept on the hold shelf
    # of a children's book ("Sách thiếu nhi") with a call number
    record_id = lib.catalog.item_by_barcode(barcodes[0]).record_id  # type: ignore[union-attr]
    for code in barcodes[1:]:
        assert lib.circulation.checkout(patron.card, code).ok
    child = lib.catalog.add_item(record_id, collection="TN", call_number="895.9223 NG450T")
    assert lib.circulation.checkout(patron.card, child.barcode).ok
    other = lib.patrons.add("Trần Thị Bình", class_name="6A")
    assert lib.circulation.place_hold(other.card, record_id).ok
    assert lib.circulation.checkin(child.barcode).ok
    window.resize(1280, 720)
    view.open_record(record_id)
    QApplication.processEvents()
    kept = [copies.item(r, 1).text() for r in range(copies.rowCount())]
    assert "đang giữ cho người đặt trước" in kept
    assert copies.columnViewportPosition(1) + copies.columnWidth(1) <= copies.viewport().width()


def test_the_search_result_counts_the_copies_as_they_are_now(window, lib, qtbot  # type: ignore[no-untyped-def]
                                                             ) -> None:
    """The result row's "on the shelf / copies" follows copies added, lost and removed in the
    detail beside it (it kept the search's count: "1/1" after the only copy was removed)."""
    view, record = _open(window, lib)
    view.search_field.setText("tat den")
    view.run_search()
    qtbot.waitUntil(lambda: view.results.rowCount() == 1, timeout=3000)
    view.results.setCurrentCell(0, 0)
    count = view.results.item(0, 4)
    assert count.text() == "0/0"
    dialog = view.add_copies()
    dialog.count.setValue(2)
    dialog.save()
    assert count.text() == "2/2"
    lib.circulation.mark_lost(lib.catalog.items_of(record)[0].barcode)
    view.detail.copies.selectRow(1)
    question = view.copy_edits.ask_remove()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.detail.copies.rowCount() == 1, timeout=3000)
    assert count.text() == "0/1"  # the one left is lost


def test_back_from_the_desk_the_catalog_shows_the_copies_as_they_are(window, lib, stocked,  # type: ignore[no-untyped-def]
                                                                      qtbot) -> None:
    """A copy lent at the desk: going back to the catalog, the record's copies say "đang cho
    mượn" and its result row "2/3", with the same row still chosen."""
    patron, barcodes = stocked
    view = window.show_view("catalog")
    view.search_field.setText("de men")
    view.run_search()
    qtbot.waitUntil(lambda: view.results.rowCount() == 1, timeout=3000)
    view.results.setCurrentCell(0, 0)
    assert view.detail.copies.item(0, 1).text() == "trên giá"
    window.show_view("desk")
    assert lib.circulation.checkout(patron.card, barcodes[0]).ok
    window.show_view("catalog")
    assert view.detail.copies.item(0, 1).text() == "đang cho mượn"
    qtbot.waitUntil(lambda: view.results.item(0, 4).text() == "2/3", timeout=3000)
    qtbot.waitUntil(lambda: view.count_label.text() == "Tìm thấy 1", timeout=3000)
    assert view.results.currentRow() == 0 and view.current_id is not None


def test_a_worn_copy_is_withdrawn_from_its_row(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, record = _open(window, lib)
    lib.catalog.add_copies(record, 2)
    view.open_record(record)
    edits = view.copy_edits
    view.detail.copies.selectRow(0)
    assert edits.withdraw_button.isEnabled()
    dialog = edits.withdraw()
    assert dialog is not None
    dialog.reference.setText("BB số 12/2026")
    assert dialog.reason.currentText() == "Rách nát, hư hỏng"  # the usual reason comes first
    dialog.reason.setCurrentIndex(dialog.reason.findData("outdated"))
    dialog.save()
    qtbot.waitUntil(lambda: view.detail.copies.item(0, 1).text() == "đã thanh lý", timeout=3000)
    assert "Đã thanh lý bản sách" in edits.message.text()
    first = lib.catalog.items_of(record)[0]
    assert first.status == "withdrawn" and first.note.endswith(": BB số 12/2026")
    from datetime import date

    from app.collection.registers import writeoff_lines

    [line] = writeoff_lines(lib.db.conn, date(2000, 1, 1), date(2100, 1, 1))
    assert (line.number, line.reason, line.copies) == ("BB số 12/2026", "outdated", 1)
    view.detail.copies.selectRow(0)
    assert not edits.withdraw_button.isEnabled()  # once is enough

    # a copy recorded lost is written off as lost (it offered "Rách nát, hư hỏng")
    second = lib.catalog.items_of(record)[1]
    assert lib.circulation.mark_lost(second.barcode).ok
    view.open_record(record)
    view.detail.copies.selectRow(1)
    lost = edits.withdraw()
    assert lost is not None and lost.reason.currentText() == "Mất"
    QDialog.reject(lost)
