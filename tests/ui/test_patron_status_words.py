"""A patron's status in the words a librarian uses for that kind of reader: a pupil is
"đang học", a teacher or staff member "đang công tác" (the list said "đang học" for a
teacher)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


def test_a_teacher_is_not_said_to_be_studying(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.patrons.add("Nguyễn Văn An", class_name="6A")
    lib.patrons.add("Cô Lê Thị Hạnh", category="teacher")
    gone = lib.patrons.add("Trần Văn Bảo", category="staff")
    lib.patrons.set_status(gone.id, "left")
    view = window.show_view("patrons")
    view.show_class(None)
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=3000)
    status_column = next(c for c in range(view.table.columnCount())
                         if view.table.horizontalHeaderItem(c).text() == "Trạng thái")
    shown = {view.table.item(r, 0).text(): view.table.item(r, status_column).text()
             for r in range(3)}
    assert shown == {"Nguyễn Văn An": "đang học", "Cô Lê Thị Hạnh": "đang công tác",
                     "Trần Văn Bảo": "đã chuyển công tác"}

    # The form's choices follow the category chosen.
    row = next(r for r in range(3) if view.table.item(r, 0).text() == "Cô Lê Thị Hạnh")
    view.table.setFocus()
    view.table.setCurrentCell(row, 0)
    dialog = view.edit_selected()
    assert dialog.status.currentText() == "Đang công tác"
    dialog.category.setCurrentIndex(dialog.category.findData("student"))
    assert dialog.status.currentText() == "Đang học"
    assert dialog.status.currentData() == "active"
    dialog.done(QDialog.DialogCode.Rejected)  # without "discard what you changed?"


def test_the_desk_says_a_staff_member_left_in_staff_words(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    gone = lib.patrons.add("Trần Văn Bảo", category="staff")
    lib.patrons.set_status(gone.id, "left")
    desk = window.desk
    window.show_view("desk")
    qtbot.keyClicks(desk.scan_field, gone.card)
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_Return)
    info = desk.patron_panel.info.text()
    assert "đã chuyển công tác" in info and "đang học" not in info
