"""Closing a class's textbook set ("Kết thúc đợt mượn") with "ghi mất các bản chưa trả"
ticked asks first, saying how many copies and which class: QA saw every copy still out
marked lost on one click. "No" is the default (Enter) and Esc; the keyboard reaches both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.class_sets import add_title, class_textbooks


def _class_with_two_books_out(window, lib, qtbot):  # type: ignore[no-untyped-def]
    students = [lib.patrons.add(f"Học sinh {n}", class_name="6A") for n in range(1, 4)]
    maths = lib.catalog.add_record("Toán 6 — Tập 1", year=2021)
    copies = lib.catalog.add_copies(maths, 3, collection="GK")
    dialog = class_textbooks(window, qtbot)
    add_title(dialog, qtbot, "toán 6")
    assert dialog.lend()
    assert lib.circulation.checkin(lib.circulation.open_loans(students[0].id).loans[0].barcode).ok
    return dialog, copies


def _ask(dialog, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    dialog.mark_lost.setChecked(True)
    assert dialog.close_session() is None  # nothing closed before the answer
    box = dialog.lost_question
    assert box is not None
    qtbot.waitExposed(box)
    return box


def _statuses(lib, copies) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(lib.catalog.item(c.id).status for c in copies)


def test_closing_with_mark_lost_asks_with_the_count_and_no_is_the_default(
        window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog, copies = _class_with_two_books_out(window, lib, qtbot)
    box = _ask(dialog, qtbot)
    assert box.text() == "Ghi mất 2 bản sách giáo khoa chưa trả của lớp 6A?"
    names = [b.text() for b in box.buttons()]
    assert "&Ghi mất 2 bản" in names and "&Không, quay lại" in names
    assert box.defaultButton().text() == "&Không, quay lại"
    assert box.escapeButton() is box.defaultButton()

    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: the safe answer
    qtbot.waitUntil(lambda: not box.isVisible())
    assert _statuses(lib, copies) == ["available", "on_loan", "on_loan"]
    assert dialog.selected_session().status == "open"
    assert dialog.close_button.isEnabled()

    box = _ask(dialog, qtbot)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc: the same
    qtbot.waitUntil(lambda: not box.isVisible())
    assert _statuses(lib, copies) == ["available", "on_loan", "on_loan"]
    assert dialog.selected_session().status == "open"

    box = _ask(dialog, qtbot)
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # keyboard only: to "Ghi mất 2 bản", then Space
    mark = next(b for b in box.buttons() if b.text() == "&Ghi mất 2 bản")
    qtbot.waitUntil(mark.hasFocus)
    qtbot.keyClick(mark, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert _statuses(lib, copies) == ["available", "lost", "lost"]
    assert dialog.message.text() == "Đã kết thúc đợt mượn: đã ghi mất 2 bản chưa trả."
    assert dialog.selected_session().status == "closed"


def test_closing_without_mark_lost_does_not_ask(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog, copies = _class_with_two_books_out(window, lib, qtbot)
    dialog.mark_lost.setChecked(False)
    assert dialog.close_session() is not None
    assert dialog.lost_question is None
    assert _statuses(lib, copies) == ["available", "on_loan", "on_loan"]
    assert dialog.message.text() == "Đã kết thúc đợt mượn: còn 2 bản chưa trả, chưa ghi mất."
