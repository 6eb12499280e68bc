"""Settings typed without pressing "Lưu" are not lost silently: leaving the settings, or
closing the window, asks to save, discard or stay."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

Button = QMessageBox.StandardButton


def test_leaving_with_an_unsaved_name_asks_and_can_save_it(  # type: ignore[no-untyped-def]
        window, lib, asked) -> None:
    settings = window.show_view("settings")
    window.show_view("desk")
    assert asked.questions == []  # nothing typed: no question
    settings = window.show_view("settings")
    settings.library_name.setText("Thư viện Trường THCS Lê Lợi")
    asked.answer = Button.Cancel
    assert window.show_view("desk") is settings  # stays, the name still typed
    assert asked.questions == ["Bạn đã sửa cài đặt mà chưa bấm Lưu: “Thư viện”. Lưu ngay bây giờ?"]
    assert window.nav.currentRow() == 3
    asked.answer = Button.Save
    assert window.show_view("catalog") is not settings
    assert lib.settings.get("library_name") == "Thư viện Trường THCS Lê Lợi"
    window.show_view("settings")
    window.show_view("desk")
    assert len(asked.questions) == 2  # saved: not asked again


def test_a_refused_value_keeps_the_librarian_on_its_tab(  # type: ignore[no-untyped-def]
        window, lib, asked) -> None:
    settings = window.show_view("settings")
    settings.weekdays[5].setChecked(True)  # Saturday, on the calendar tab
    settings.school_year.setText("2025")  # not a school year: refused when saved
    asked.answer = Button.Save
    assert window.show_view("desk") is settings
    assert settings.currentIndex() == 0 and "2025-2026" in settings.library_message.text()
    settings.school_year.setText("2026-2027")
    assert window.show_view("desk") is window.desk
    assert lib.circulation.calendar.closed_weekdays() == [5, 6]  # both tabs saved (Sunday was)


def test_discard_throws_the_edits_away_and_closing_the_window_asks_too(  # type: ignore[no-untyped-def]
        window, lib, asked) -> None:
    settings = window.show_view("settings")
    settings.rules_page.table.item(0, 5).setText("9")
    settings.library_code.setText("THCS-MOI")
    asked.answer = Button.Discard
    window.show_view("desk")
    fresh = window.show_view("settings")
    assert fresh is not settings and fresh.library_code.text() == ""  # as stored
    assert lib.settings.get("library_code") in (None, "")
    fresh.library_code.setText("THCS-MOI")
    asked.answer = Button.Cancel
    window.close()
    assert window.isVisible()  # stayed open for the librarian to save
    asked.answer = Button.Save
    window.close()
    assert not window.isVisible() and lib.settings.get("library_code") == "THCS-MOI"


def test_a_scan_in_unsaved_settings_lends_nothing_unless_the_desk_is_shown(  # type: ignore[no-untyped-def]
        window, lib, stocked, asked) -> None:
    patron, barcodes = stocked
    lib.circulation.desk.scan(patron.card)
    settings = window.show_view("settings")
    settings.library_name.setText("Thư viện mới")
    asked.answer = Button.Cancel  # "stay and save first"
    window.scan_from_anywhere(barcodes[0])
    assert window.stack.currentWidget() is settings
    assert lib.catalog.item_by_barcode(barcodes[0]).status == "available"  # nothing out of sight
    asked.answer = Button.Save
    window.scan_from_anywhere(barcodes[0])
    assert window.stack.currentWidget() is window.desk
    # saved, the desk answers; a book scanned from another view starts without the reader
    # served before (test_scanner: never lent to the reader still shown at the desk)
    assert lib.circulation.desk.current_patron() is None
    assert lib.catalog.item_by_barcode(barcodes[0]).status == "available"
    window.scan_from_anywhere(patron.card)
    window.scan_from_anywhere(barcodes[0])
    assert lib.catalog.item_by_barcode(barcodes[0]).status == "on_loan"



def test_the_camera_tab_is_guarded_too(window, asked, pc_settings) -> None:  # type: ignore[no-untyped-def]
    from ui.camera.choice import load_choice

    settings = window.show_view("settings")
    camera = settings.camera_page
    before = load_choice().device
    camera.device.setValue(before + 3)
    asked.answer = Button.Cancel
    assert window.show_view("desk") is settings
    assert asked.questions[-1].endswith("“Camera”. Lưu ngay bây giờ?")
    asked.answer = Button.Save
    assert window.show_view("desk") is window.desk
    assert load_choice().device == before + 3
    window.show_view("settings")
    window.show_view("desk")
    assert len(asked.questions) == 2  # saved: not asked again


def test_a_typed_enrollment_code_is_not_lost_leaving_the_sync_tab(  # type: ignore[no-untyped-def]
        window, asked, qtbot) -> None:
    settings = window.show_view("settings")
    page = settings.sync_page
    qtbot.waitUntil(lambda: page.status is not None, timeout=10000)
    settings.setCurrentWidget(settings.camera_page)
    page.url_field.setText("https://thuvien.huyen.edu.vn")
    page.enroll_code.setText("K7Q2-MX4P")
    asked.answer = Button.Cancel
    assert window.show_view("desk") is settings
    assert "“Ghi danh với thư viện huyện”" in asked.questions[-1]
    asked.answer = Button.Save  # enrolling starts; the librarian stays to read how it goes
    assert window.show_view("desk") is settings
    assert settings.currentWidget() is page and page.message.text() == "Đang ghi danh…"
    qtbot.waitUntil(lambda: page.enroll_button.isEnabled(), timeout=20000)
    assert page.enroll_code.text() == "K7Q2-MX4P"  # refused (no server): still typed
    asked.answer = Button.Discard
    assert window.show_view("desk") is window.desk


def test_saved_loan_rules_are_not_called_unsaved_on_leaving(window, lib, asked, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A fine typed in the rule matrix and Lưu pressed ('Đã lưu.'): leaving asked 'Bạn đã sửa
    cài đặt mà chưa bấm Lưu: “Quy định mượn”' all the same (the rows shown before the save
    were still counted when the saved state was taken)."""
    settings = window.show_view("settings")
    page = settings.rules_page
    settings.setCurrentWidget(page)
    page.table.item(0, 8).setText("500")
    page.save_button.click()
    assert page.message.text() == "Đã lưu."
    qtbot.wait(50)  # the event loop turns (the old rows' widgets are gone by then)
    assert window.show_view("desk") is window.desk
    assert asked.questions == []
