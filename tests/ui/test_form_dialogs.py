"""Forms do not throw away what was typed: Esc, Cancel or the window's × on a form with
changes asks first (default No); an untouched form closes at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def test_esc_on_a_new_record_with_a_title_typed_asks_and_keeps_it(  # type: ignore[no-untyped-def]
        window, lib, qtbot, asked) -> None:
    view = window.show_view("catalog")
    form = view.new_record()
    qtbot.waitExposed(form)
    form.title.setText("Tắt đèn")  # typed with Unikey (QTest types ASCII only)
    qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    assert asked.questions == ["Những gì bạn vừa nhập trong biểu mẫu này chưa được lưu. Đóng biểu mẫu "
                     "và bỏ chúng đi?"]
    assert form.isVisible() and form.title.text() == "Tắt đèn"  # No: nothing lost
    form.close()  # the window's ×: asked again
    assert len(asked.questions) == 2 and form.isVisible()
    asked.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert lib.catalog.search("tat den").total == 0  # discarded, as asked


def test_an_untouched_form_closes_without_a_question(  # type: ignore[no-untyped-def]
        window, lib, qtbot, asked) -> None:
    record = lib.catalog.add_record("Số đỏ", authors=["Vũ Trọng Phụng"], year=1936)
    view = window.show_view("catalog")
    view.open_record(record)
    form = view.edit_record()  # opened filled: that is its starting point
    qtbot.waitExposed(form)
    qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    assert asked.questions == [] and not form.isVisible()
    new = view.new_record()
    qtbot.waitExposed(new)
    qtbot.keyClick(new.isbn, Qt.Key.Key_Escape)
    assert asked.questions == [] and not new.isVisible()


def test_a_changed_copy_or_patron_form_asks_too(  # type: ignore[no-untyped-def]
        window, lib, stocked, qtbot, asked) -> None:
    patron, barcodes = stocked
    view = window.show_view("catalog")
    view.open_record(lib.catalog.item_by_barcode(barcodes[0]).record_id)
    view.detail.setCurrentIndex(2)
    view.detail.copies.selectRow(0)
    dialog = view.copy_edits.edit()
    qtbot.waitExposed(dialog)
    dialog.details.location.setText("Tủ 3")
    dialog.reject()
    assert len(asked.questions) == 1 and dialog.isVisible()

    patrons = window.show_view("patrons")
    form = patrons.add_patron()
    qtbot.waitExposed(form)
    form.reject()  # only the class chosen on the left is filled in: nothing typed
    assert len(asked.questions) == 1 and not form.isVisible()
    form = patrons.add_patron()
    qtbot.waitExposed(form)
    form.set_photo(None)  # same as before: no change
    form.reject()
    assert len(asked.questions) == 1
    form = patrons.add_patron()
    qtbot.waitExposed(form)
    form.full_name.setText("Lê Thị Hoa")
    form.reject()
    assert len(asked.questions) == 2 and form.isVisible()


def test_tab_leaves_the_notes_of_a_record_for_the_next_field(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Found typing a new record with the keyboard only: Tab in "Ghi chú" typed a tab
    character, so the copies, price and source after it were typed into the notes."""
    view = window.show_view("catalog")
    form = view.new_record()
    qtbot.waitExposed(form)
    form.notes.setFocus()
    qtbot.keyClick(form.notes, Qt.Key.Key_Tab)
    assert form.notes.toPlainText() == ""
    assert form.focusWidget() is not form.notes
    form.reject()
