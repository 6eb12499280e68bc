"""On a small screen (a 1024 × 768 school PC) the window fits it, and the patrons view keeps
room to type a name with its buttons whole."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def test_the_window_fits_a_screen_smaller_than_its_usual_size(lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    win = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(win)
    room = win.screen().availableGeometry()
    assert room.width() < 1280  # the test screen (offscreen: 800 × 600) is the small one
    win.show_fitted()
    qtbot.waitExposed(win)
    assert win.width() <= max(room.width(), win.minimumWidth())
    assert win.height() <= max(room.height(), win.minimumHeight())
    assert win.x() >= room.x() and win.y() >= room.y()
    win.close()


def test_the_patrons_buttons_go_below_the_search_field_at_1024(  # type: ignore[no-untyped-def]
        window, qtbot, app_look) -> None:
    window.resize(1024, 768)
    view = window.show_view("patrons")
    qtbot.waitUntil(lambda: view.width() < 900)
    qtbot.waitUntil(lambda: view.search_field.width() >= 320, timeout=2000)  # was 40: "T…"
    for button in view.findChildren(QPushButton):
        if button.isVisible() and button.parent() is view:
            text = button.text().replace("&", "")
            needed = button.fontMetrics().horizontalAdvance(text)
            assert button.width() >= needed, text  # "…ên lớp năm học mới.." was cut
            assert button.geometry().right() <= view.width(), text
    assert view.edit_button.y() > view.search_field.y()  # the buttons on a row below it
    window.resize(1600, 768)  # room enough: back beside it
    qtbot.waitUntil(lambda: view.edit_button.y() <= view.search_field.y() + 5, timeout=2000)
    assert view.search_field.width() >= 320


def _buttons_whole(view) -> list[str]:  # type: ignore[no-untyped-def]
    cut = []
    for button in view.findChildren(QPushButton):
        if button.isVisible() and button.parent() is view:
            text = button.text().replace("&", "")
            if (button.width() < button.fontMetrics().horizontalAdvance(text)
                    or button.geometry().right() > view.width()):
                cut.append(text)
    return cut


def test_names_stay_readable_in_the_patrons_list_at_1024(  # type: ignore[no-untyped-def]
        window, lib, qtbot, app_look, english_window) -> None:
    """The name column was squeezed to "Nguyễn Thị…" (Vietnamese) and "…" (English) by the
    other columns' headers; the other columns now give up width first."""
    name = "Nguyễn Thị Thanh Hương"
    lib.patrons.add(name, class_name="6A", student_code="0123456789",
                    birth_date="2014-03-02")
    window.resize(1024, 768)
    view = window.show_view("patrons")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=3000)
    qtbot.waitUntil(lambda: view.table.columnWidth(0) >= view.table.fontMetrics()
                    .horizontalAdvance(name), timeout=2000)
    total = sum(view.table.columnWidth(c) for c in range(view.table.columnCount()))
    assert total <= view.table.viewport().width()  # every column in sight, no scrolling

    en = english_window()
    en_view = en.show_view("patrons")
    qtbot.waitUntil(lambda: en_view.table.rowCount() == 1, timeout=3000)
    qtbot.waitUntil(lambda: en_view.search_field.width() >= 320, timeout=2000)
    assert _buttons_whole(en_view) == []  # "Textbooks for the class…" ran off the edge
    assert en_view.table.columnWidth(0) >= en_view.table.fontMetrics().horizontalAdvance(
        name)


def test_catalog_results_show_every_column_at_1024(window, lib, qtbot, app_look) -> None:  # type: ignore[no-untyped-def]
    """Only the title and the author were in sight; the year, call number and copies on the
    shelf ("2/3") were behind a scroll bar."""
    record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019,
                                    classification="895.9223")
    lib.catalog.add_copies(record, 3, collection="TK")
    window.resize(1024, 768)
    view = window.show_view("catalog")
    qtbot.keyClicks(view.search_field, "de men")
    qtbot.waitUntil(lambda: view.results.rowCount() == 1, timeout=5000)
    table = view.results
    qtbot.waitUntil(lambda: sum(table.columnWidth(c) for c in range(5))
                    <= table.viewport().width(), timeout=2000)
    metrics = table.fontMetrics()
    assert table.columnWidth(0) >= metrics.horizontalAdvance("Dế Mèn phiêu lưu ký")
    assert table.columnWidth(4) >= metrics.horizontalAdvance("3/3")
    assert table.columnWidth(2) >= metrics.horizontalAdvance("2019")
