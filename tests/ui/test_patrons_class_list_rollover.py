"""The patrons' class list after the school-year rollover: the graduating class is not left
there as "9A (0)" year after year (QA saw it); its students are listed apart, under
"Ra trường, chuyển đi (n)". Undoing the rollover brings 9A back with its students."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def _entries(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.classes.item(i).text() for i in range(view.classes.count())]


def _in_rollover_dialog(view, qtbot, monkeypatch, action: str) -> None:  # type: ignore[no-untyped-def]
    """Patrons → Lên lớp…, apply or undo (its question answered Yes), close the dialog."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog = view.rollover()
    qtbot.addWidget(dialog)
    getattr(dialog, action)()
    dialog.reject()  # "Đóng": the view reads the classes again


def test_a_graduated_class_leaves_the_list_and_comes_back_on_undo(
        window, lib, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name, klass in (("An", "6A"), ("Bình", "6A"), ("Chi", "9A"), ("Dũng", "9A"),
                        ("Giang", "9A")):
        lib.patrons.add(f"Nguyễn {name}", class_name=klass)
    lib.patrons.add("Trần Hà", class_name="8B", status="blocked")  # still in 8B
    view = window.show_view("patrons")
    assert _entries(view) == ["Tất cả bạn đọc", "6A (2)", "8B (0)", "9A (3)"]

    _in_rollover_dialog(view, qtbot, monkeypatch, "apply")
    entries = _entries(view)
    assert entries == ["Tất cả bạn đọc", "7A (2)", "9B (0)", "Ra trường, chuyển đi (3)"]
    assert not any(e.startswith("9A") for e in entries)
    # it fits the 190 px list even with a school's worth of graduates
    room = view.classes.viewport().width() - 8
    assert view.classes.fontMetrics().horizontalAdvance("Ra trường, chuyển đi (1280)") <= room
    view.classes.setCurrentRow(entries.index("Ra trường, chuyển đi (3)"))
    shown = [(view.table.item(r, 0).text(), view.table.item(r, 1).text())
             for r in range(view.table.rowCount())]
    assert shown == [("Nguyễn Chi", "9A"), ("Nguyễn Dũng", "9A"), ("Nguyễn Giang", "9A")]
    assert not view.textbooks_button.isEnabled()  # not a class to lend a set to

    _in_rollover_dialog(view, qtbot, monkeypatch, "undo")
    assert _entries(view) == ["Tất cả bạn đọc", "6A (2)", "8B (0)", "9A (3)"]
    view.show_class("9A")
    assert view.table.rowCount() == 3
