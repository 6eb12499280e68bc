"""A search that finds nothing says so in words ("Không tìm thấy tài liệu nào"), not
"Tìm thấy 0"; the patrons' search says it too, with what to try."""

from __future__ import annotations


def test_the_catalog_says_nothing_was_found(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)
    view = window.show_view("catalog")
    view.search_field.setFocus()
    qtbot.keyClicks(view.search_field, "khong co sach nay")
    # Fast keys are held a moment (a scanner types as fast), then land in the field.
    qtbot.waitUntil(lambda: view.search_field.text() == "khong co sach nay", timeout=3000)
    view.run_search()
    qtbot.waitUntil(lambda: view.count_label.text() == "Không tìm thấy tài liệu nào",
                    timeout=5000)
    assert view.results.rowCount() == 0
    view.search_field.clear()
    qtbot.keyClicks(view.search_field, "tat den")
    view.run_search()
    qtbot.waitUntil(lambda: view.results.rowCount() == 1, timeout=5000)
    assert view.count_label.text() == "Tìm thấy 1"


def test_the_patrons_search_says_nothing_was_found(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.patrons.add("Nguyễn Văn An", class_name="6A")
    view = window.show_view("patrons")
    view.search_field.setFocus()
    qtbot.keyClicks(view.search_field, "Hoang")
    qtbot.waitUntil(lambda: view.search_field.text() == "Hoang", timeout=3000)
    view.run_search()
    qtbot.waitUntil(lambda: "“Hoang”" in view.search_note.text(), timeout=5000)
    assert view.search_note.isVisible() and view.table.rowCount() == 0
    assert view.search_note.text() == ("Không tìm thấy bạn đọc nào với “Hoang”. Thử gõ một phần "
                                       "họ tên, mã thẻ hoặc mã học sinh.")
    view.search_field.clear()
    qtbot.keyClicks(view.search_field, "An")
    qtbot.waitUntil(lambda: view.search_field.text() == "An", timeout=3000)
    view.run_search()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    assert not view.search_note.isVisible()
