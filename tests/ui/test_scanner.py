"""Scanner input: the IME is bypassed in the scan field; bursts from other widgets are scans."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QInputMethodQueryEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit


def ime_enabled(widget) -> bool:  # type: ignore[no-untyped-def]
    """What Qt's input-method machinery asks a focus widget before composing text into it."""
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(widget, query)
    return bool(query.value(Qt.InputMethodQuery.ImEnabled))


def test_scan_field_bypasses_the_input_method(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = window.desk.scan_field
    ordinary = QLineEdit()
    qtbot.addWidget(ordinary)
    assert ime_enabled(ordinary) is True  # an ordinary field would let Unikey compose
    assert ime_enabled(field) is False
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)

    # Raw keys arrive untouched: DD stays DD, AA stays AA (Telex would make Đ and Â).
    qtbot.keyClicks(field, "DD01AA")
    assert field.text() == "DD01AA"
    # What an IME would send if it composed anyway: the scan field refuses it.
    composed = QInputMethodEvent()
    composed.setCommitString("Đ")
    QApplication.sendEvent(field, composed)
    assert field.text() == "DD01AA"
    QApplication.sendEvent(ordinary, composed)
    assert ordinary.text() == "Đ"  # the same event does change an ordinary field


def test_ime_safe_code_reaches_the_desk(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron = lib.patrons.add("Trần Thị Bình", class_name="7B", card="DD01AA")
    field = window.desk.scan_field
    qtbot.keyClicks(field, "DD01AA")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.desk.patron_panel.patron_id == patron.id
    assert window.desk.banner.property("kind") == "ok"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def type_with_gaps(qtbot, widget, text: str, clock: FakeClock, gap: float) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        clock.now += gap
        qtbot.keyClick(widget, char)
    clock.now += gap
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_burst_in_another_widget_is_a_scan(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, _barcodes = stocked
    clock = FakeClock()
    window.scan_filter.clock = clock
    catalog = window.show_view("catalog")
    search = catalog.search_field
    search.setFocus()
    assert QApplication.focusWidget() is search
    with qtbot.waitSignal(window.scan_filter.scanned) as caught:
        type_with_gaps(qtbot, search, patron.card, clock, 0.008)
    assert caught.args == [patron.card]
    assert search.text() == ""  # nothing of the scan is left in the search field
    assert window.stack.currentWidget() is window.desk
    assert window.desk.patron_panel.patron_id == patron.id
    assert window.desk.scan_field.hasFocus()


def test_a_book_scanned_from_the_catalog_is_not_lent_to_the_reader_still_at_the_desk(
        window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    """QA pass 5: the librarian served a reader, went to the catalog and scanned a book to
    look it up: the book was lent to that reader. Now the desk answers the scan without the
    reader from before (no loan); a card scanned from elsewhere still brings its reader."""
    patron, barcodes = stocked
    window.desk.scan(patron.card)
    window.desk.scan(barcodes[0])
    assert lib.catalog.item_by_barcode(barcodes[0]).status == "on_loan"
    clock = FakeClock()
    window.scan_filter.clock = clock
    catalog = window.show_view("catalog")
    catalog.search_field.setFocus()
    with qtbot.waitSignal(window.scan_filter.scanned):
        type_with_gaps(qtbot, catalog.search_field, barcodes[1], clock, 0.008)
    assert window.stack.currentWidget() is window.desk
    assert lib.catalog.item_by_barcode(barcodes[1]).status == "available"
    assert window.desk.patron_panel.patron_id is None
    window.desk.scan(patron.card)  # at the desk itself the reader's session goes on
    window.desk.scan(barcodes[2])
    assert lib.catalog.item_by_barcode(barcodes[2]).status == "on_loan"


def test_typing_at_human_speed_is_left_alone(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    window.scan_filter.clock = clock
    catalog = window.show_view("catalog")
    search = catalog.search_field
    search.setFocus()
    scans: list[str] = []
    window.scan_filter.scanned.connect(scans.append)
    type_with_gaps(qtbot, search, "toan 6", clock, 0.15)
    assert scans == []
    assert search.text() == "toan 6"
    assert window.stack.currentWidget() is catalog


def test_short_fast_burst_is_replayed_to_its_widget(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    window.scan_filter.clock = clock
    catalog = window.show_view("catalog")
    search = catalog.search_field
    search.setFocus()
    for char in "ab":
        clock.now += 0.005
        qtbot.keyClick(search, char)
    assert search.text() == "a"  # "b" is held: it might be part of a scan
    clock.now += 0.5
    qtbot.keyClick(search, "c")  # a pause, then a new key: the held one comes back first
    assert search.text() == "abc"
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(search, key)
    assert window.stack.currentWidget() is catalog


def test_a_code_typed_fast_then_a_click_reaches_the_field_whole(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The catalog search typed at a scanner's speed and the search button clicked at once:
    the held keys are given back before the click acts (it used to see only the first)."""
    clock = FakeClock()
    window.scan_filter.clock = clock
    catalog = window.show_view("catalog")
    search = catalog.search_field
    search.setFocus()
    for char in "toan6":
        clock.now += 0.008
        qtbot.keyClick(search, char)
    qtbot.mouseClick(catalog, Qt.MouseButton.LeftButton)
    assert search.text() == "toan6"


def test_fast_typing_in_the_settings_is_never_taken_for_a_scan(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """An enrollment code typed fast (xdotool, a practised typist) and Enter: the settings
    expect no scan, so the code stays in its field and the window stays there."""
    clock = FakeClock()
    window.scan_filter.clock = clock
    settings = window.show_view("settings")
    page = settings.sync_page
    settings.setCurrentWidget(page)
    page.enroll_code.setFocus()
    scans: list[str] = []
    window.scan_filter.scanned.connect(scans.append)
    type_with_gaps(qtbot, page.enroll_code, "K7Q2MX4P", clock, 0.008)
    assert scans == [] and page.enroll_code.text() == "K7Q2MX4P"
    assert window.stack.currentWidget() is settings
