"""The desk on a 1024 × 768 school PC: the scan field, the patron with their loans and the
session list all readable at once, each session answer on one or two lines (beside the
patron the list was about 120 px wide and an answer took 5-9 lines)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _scan(qtbot, field, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _lend_and_return(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron = lib.patrons.add("Nguyễn Thị Thanh Hương", class_name="6A", student_code="S1")
    codes = []
    for title in ("Dế Mèn phiêu lưu ký", "Những ngôi sao xa xôi", "Truyện Kiều"):
        record = lib.catalog.add_record(title)
        codes.append(lib.catalog.add_copies(record, 1)[0].barcode)
    field = window.desk.scan_field
    for code in (patron.card, *codes, "TK.99999", codes[0]):  # an unknown code, a return
        _scan(qtbot, field, code)


def test_session_answers_take_one_or_two_lines_at_1024(  # type: ignore[no-untyped-def]
        window, lib, qtbot, app_look) -> None:
    window.resize(1024, 768)
    desk = window.show_view("desk")
    qtbot.waitUntil(lambda: desk.width() < 900)
    _lend_and_return(window, lib, qtbot)
    session = desk.session
    qtbot.waitUntil(lambda: session.rowCount() == 6)
    answers = [session.item(r, 2).text() for r in range(6)]
    assert "Đã nhận trả" in answers[0] and "TK.99999" in answers[1]
    two_lines = 2 * session.fontMetrics().lineSpacing() + 12
    qtbot.waitUntil(lambda: all(session.rowHeight(r) <= two_lines for r in range(6)),
                    timeout=2000)  # was 5-9 lines each
    assert session.columnWidth(2) >= 450
    # the patron and every one of their loans still in sight above it, the scan field wide
    panel = desk.patron_panel
    assert panel.name.text() == "Nguyễn Thị Thanh Hương"
    assert panel.name.width() >= panel.name.fontMetrics().horizontalAdvance(panel.name.text())
    loans = panel.loans
    assert loans.rowCount() == 2
    last = loans.visualRect(loans.model().index(1, 1))
    assert last.bottom() <= loans.viewport().height()
    assert session.viewport().height() >= 3 * session.rowHeight(0)
    field = desk.scan_field
    assert field.width() >= 300 and field.hasFocus()
    hint = field.placeholderText()  # whole, not "Quét thẻ bạn đọc ho…"
    assert hint == "Quét thẻ hoặc sách…"
    assert field.fontMetrics().horizontalAdvance(hint) <= field.width() - 24


def test_the_desk_at_1366_keeps_the_session_beside_the_patron(  # type: ignore[no-untyped-def]
        window, lib, qtbot, app_look) -> None:
    window.resize(1366, 768)
    desk = window.show_view("desk")
    qtbot.waitUntil(lambda: desk.width() > 1100)
    _lend_and_return(window, lib, qtbot)
    panel_right = desk.patron_panel.mapTo(desk, desk.patron_panel.rect().topRight()).x()
    assert desk.session.mapTo(desk, desk.session.rect().topLeft()).x() > panel_right
    assert desk.camera.parentWidget() is desk.session.parentWidget()
    assert desk.scan_field.placeholderText() == "Quét thẻ bạn đọc hoặc mã sách…"
    window.resize(1024, 768)  # and back from narrow: the camera returns above the list
    qtbot.waitUntil(lambda: desk.narrow)
    assert desk.camera.parentWidget() is not desk.session.parentWidget()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not desk.narrow)
    assert desk.camera.parentWidget() is desk.session.parentWidget()
    assert desk.camera.isVisible()
