"""The Reports view driven with the keyboard only, as a librarian does: Ctrl+6 to the view,
Alt letters to each control, a register chosen with the arrow keys, the days typed as
dd/mm/yyyy, and Enter: Enter shows the report (the main action, "Xem"), from a date field and
from a list alike, and never does something else (a scan sent to the desk, a file saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_reports import _library


def _alt(qtbot, window, letter: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, getattr(Qt.Key, f"Key_{letter}"),
                   Qt.KeyboardModifier.AltModifier)


def _reports(window, lib, qtbot):  # type: ignore[no-untyped-def]
    _library(lib)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    view = window.stack.currentWidget()
    assert type(view).__name__ == "ReportsView"
    return view


def _choose(qtbot, window, view, kind: str) -> None:  # type: ignore[no-untyped-def]
    _alt(qtbot, window, "S")  # Sổ
    assert QApplication.focusWidget() is view.kind
    while view.kind.currentData() != kind:
        qtbot.keyClick(view.kind, Qt.Key.Key_Down)


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_days_typed_then_enter_shows_the_report(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _reports(window, lib, qtbot)
    _choose(qtbot, window, view, "general")
    _alt(qtbot, window, "N")  # Từ ngày
    assert QApplication.focusWidget() is view.start
    _type(qtbot, view.start, "01/08/2025")
    _alt(qtbot, window, "Y")  # Đến ngày
    assert QApplication.focusWidget() is view.end
    _type(qtbot, view.end, "31/08/2025")
    assert view.preset.currentData() == "chosen"
    scans: list[str] = []
    window.scan_filter.scanned.connect(scans.append)
    qtbot.keyClick(view.end, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert scans == [] and window.stack.currentWidget() is view
    assert view.made.written is None  # shown, not saved
    assert view.end.text() == "31/08/2025" and view.start.text() == "01/08/2025"
    assert "Từ ngày 01/08/2025 đến ngày 31/08/2025" in view.made.report.scope
    assert view.status.text().startswith("Sổ đăng ký tổng quát: 1 trang")


def test_enter_on_a_list_shows_the_report(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _reports(window, lib, qtbot)
    _choose(qtbot, window, view, "individual")
    _alt(qtbot, window, "O")  # Kho
    assert QApplication.focusWidget() is view.collection
    while view.collection.currentData() != "TK":
        qtbot.keyClick(view.collection, Qt.Key.Key_Down)
    qtbot.keyClick(view.collection, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert view.status.text() == "Sổ đăng ký cá biệt: 1 trang, 3 dòng"


def test_a_bad_typed_day_is_said_after_enter(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _reports(window, lib, qtbot)
    _choose(qtbot, window, view, "statistics")
    _alt(qtbot, window, "N")
    _type(qtbot, view.start, "31/02/2025")
    qtbot.keyClick(view.start, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "31/02/2025" in view.error.text(), timeout=5000)
    assert view.made is None


def test_alt_x_shows_from_anywhere(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _reports(window, lib, qtbot)
    _choose(qtbot, window, view, "textbook")
    _alt(qtbot, window, "X")  # Xem
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert view.status.text().startswith("Sổ đăng ký sách giáo khoa: 1 trang")


def test_enter_on_a_button_reached_with_tab_presses_that_button(window, lib, qtbot,  # type: ignore[no-untyped-def]
                                                                monkeypatch, tmp_path) -> None:
    from tests.ui.test_reports import _save_as

    view = _reports(window, lib, qtbot)
    _choose(qtbot, window, view, "general")
    target = tmp_path / "tong-quat.pdf"
    _save_as(monkeypatch, target)
    _alt(qtbot, window, "O")  # Kho, then Tab to Xem, Tab to Lưu PDF
    qtbot.keyClick(view.collection, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.show_button
    qtbot.keyClick(view.show_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.pdf_button
    qtbot.keyClick(view.pdf_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert view.made.written == target and target.read_bytes().startswith(b"%PDF")
