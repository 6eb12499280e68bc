"""The patrons view: class-list import wizard on a real CSV, rollover preview/apply/undo, edit."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox

from app.legacy_text import encode_tcvn3


def write_class_list(path: Path) -> Path:
    """A class list as a school exports it: title row, header, a TCVN3 name column, one bad row."""
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["DANH SÁCH HỌC SINH LỚP 6A - NĂM HỌC 2025-2026"])
        out.writerow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp", "Mã học sinh"])
        for n, name in enumerate(names, start=1):
            out.writerow([n, encode_tcvn3(name), f"0{n}/03/2014", "Nam" if n % 2 else "Nữ", "6A",
                          f"HS60{n}"])
        out.writerow([5, encode_tcvn3("Đỗ Minh Em"), "31/02/2014", "Nam", "6A", "HS605"])
    return path


def test_class_list_import_wizard(window, lib, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    wizard.file_page.file.setText(str(write_class_list(tmp_path / "lop6a.csv")))
    wizard.next()
    assert wizard.currentPage() is wizard.columns_page
    fields = {k: c.currentData() for k, c in wizard.columns_page.combos.items()}
    assert fields["Họ và tên"] == "full_name" and fields["Ngày sinh"] == "birth_date"
    encodings = [wizard.columns_page.table.item(r, 3).text()
                 for r in range(wizard.columns_page.table.rowCount())]
    assert any("TCVN3" in e for e in encodings)  # the legacy-font column is detected
    assert lib.patrons.list_patrons() == []  # nothing written by the dry run

    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    table = wizard.preview_page.table
    assert table.rowCount() == 5
    names = [table.item(r, 2).text() for r in range(5)]
    assert "Nguyễn Văn An" in names  # converted from TCVN3 before the preview
    bad = [r for r in range(5) if table.item(r, 1).text() == "lỗi"]
    assert len(bad) == 1 and "31/02/2014" in table.item(bad[0], 5).text()
    assert table.item(bad[0], 0).foreground().color() == QColor("#7f1d1d")
    assert "4 mới" in wizard.preview_page.summary.text()

    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    wizard.accept()  # the Import (Finish) button
    qtbot.waitUntil(lambda: not wizard.isVisible())
    imported = lib.patrons.list_patrons(class_name="6A")
    assert sorted(p.full_name for p in imported) == sorted(names[r] for r in range(5)
                                                           if r not in bad)
    assert view.classes.count() == 2  # "All patrons" and 6A
    view.show_class("6A")
    assert view.table.rowCount() == 4


def test_rollover_preview_apply_undo(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.patrons.rollover_dialog import RolloverDialog

    for name, klass in (("An", "6A"), ("Bình", "6A"), ("Cường", "9B")):
        lib.patrons.add(f"Nguyễn {name}", class_name=klass)
    dialog = RolloverDialog(lib, window, confirm=False)
    qtbot.addWidget(dialog)
    assert dialog.last_grade.value() == 9
    moves = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
             for r in range(dialog.table.rowCount())}
    assert moves == {"6A": "7A", "9B": "ra trường"}
    assert "2 học sinh lên lớp" in dialog.summary.text()
    assert {p.class_name for p in lib.patrons.list_patrons()} == {"6A", "9B"}  # preview only

    dialog.apply()
    assert {p.class_name for p in lib.patrons.list_patrons(status="active")} == {"7A"}
    assert "Xong" in dialog.message.text()
    dialog.undo()
    assert {p.class_name for p in lib.patrons.list_patrons(status="active")} == {"6A", "9B"}


def test_edit_a_patron_with_a_photo(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron = lib.patrons.add("Võ Thị Giang", class_name="8C")
    view = window.show_view("patrons")
    view.show_class("8C")
    view.table.setCurrentCell(0, 0)
    dialog = view.edit_selected()
    qtbot.waitExposed(dialog)
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    dialog.set_photo(bytes(data))
    dialog.birth_date.setText("07/11/2012")
    dialog.birth_date.setFocus()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = lib.patrons.get(patron.id)
    assert stored.birth_date == "2012-11-07" and stored.photo == bytes(data)
    assert view.table.item(0, 4).text() == "07/11/2012"
