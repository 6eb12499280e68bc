"""The list of copies of a write-off record (danh sách sách thanh lý) from the Reports view:
the record chosen by its number and date (newest first, with its copies and value), saved as
PDF and Excel with the keyboard only, on a real library with write-offs made through its API."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.app.labels.raster import pdf_text
from tests.ui.test_reports import _open


def _write_off(lib, number: str, day: date, *codes: str) -> None:  # type: ignore[no-untyped-def]
    ids = [lib.collection.writeoff_copy(code).item_id for code in codes]
    lib.collection.create_writeoff(number, "worn", ids, day=day, approved_by="Nguyễn Văn Hiệu")


def _alt(window, qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)


def _active(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The dialog has the keys (there is no window manager to give them to it)."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_the_write_off_list_chosen_by_its_record_and_saved(window, lib, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    view = _open(window, lib, qtbot)
    _write_off(lib, "01/TL-2025", date(2025, 10, 15), "TK.00001", "GK.00001")  # 45.000 + 18.000
    _write_off(lib, "02/TL-2026", date(2026, 3, 10), "GK.00002")
    asked: list[str] = []
    target = tmp_path / "thanh-ly.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _parent, _title, name, _filter: (asked.append(name), (str(target), ""))[1]))

    view.kind.setFocus()
    qtbot.keyClick(view.kind, Qt.Key.Key_End)  # the last register: the write-off list
    assert view.kind.currentText() == "Danh sách sách thanh lý"
    assert not any(f.isEnabled() for f in (view.preset, view.start, view.end, view.year,
                                           view.collection))
    records = [view.writeoff.itemText(n) for n in range(view.writeoff.count())]
    assert records == ["02/TL-2026, 10/03/2026: 1 bản, 18.000 đ",
                       "01/TL-2025, 15/10/2025: 2 bản, 63.000 đ"]  # newest first
    assert view.writeoff.view().minimumWidth() > view.writeoff.fontMetrics().horizontalAdvance(
        records[1])  # the list shows each record whole
    _alt(window, qtbot, Qt.Key.Key_B)  # "&Biên bản thanh lý:"
    assert QApplication.focusWidget() is view.writeoff
    qtbot.keyClick(view.writeoff, Qt.Key.Key_Down)  # the older record
    _alt(window, qtbot, Qt.Key.Key_P)  # "Lưu &PDF…"
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert [Path(name).name for name in asked] == ["danh-sach-thanh-ly-01-TL-2025.pdf"]
    text = " ".join(pdf_text(target.read_bytes(), tmp_path).split())
    assert "DANH SÁCH SÁCH THANH LÝ" in text
    assert "Kèm theo biên bản thanh lý số 01/TL-2025 ngày 15/10/2025" in text
    assert "TK.00001" in text and "GK.00001" in text and "GK.00002" not in text
    assert "Tổng cộng: 2 bản, trị giá 63.000 đồng." in text and "HIỆU TRƯỞNG" in text
    assert view.status.text() == f"Đã lưu {target} (1 trang, 2 dòng)"

    # a record made while the window is open is offered the next time the view is shown
    _write_off(lib, "03/TL-2026", date(2026, 4, 2), "GK.00003", "GK.00004")
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(window.nav.count() - 1)
    assert view.writeoff.itemText(0) == "03/TL-2026, 02/04/2026: 2 bản, 36.000 đ"
    assert view.writeoff.currentText().startswith("01/TL-2025")  # the choice is kept
    view.writeoff.setFocus()
    qtbot.keyClick(view.writeoff, Qt.Key.Key_Home)
    book = tmp_path / "thanh-ly.xlsx"
    target = book
    view.made = None
    _alt(window, qtbot, Qt.Key.Key_E)  # "Lưu &Excel…"
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    cells = [c.value for ws in load_workbook(book).worksheets for row in ws.iter_rows()
             for c in row if c.value is not None]
    assert "GK.00003" in cells and "GK.00004" in cells and "TK.00001" not in cells
    assert 36000 in cells


def test_no_write_off_record_yet_says_so(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _open(window, lib, qtbot)
    view.kind.setCurrentIndex(view.kind.findData("writeoff"))
    assert view.writeoff.currentText() == "Chưa có biên bản thanh lý nào"
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.error.text() != "", timeout=20000)
    assert view.error.text() == "Chưa có biên bản thanh lý nào."


def test_the_write_off_dialog_shows_the_list_ready_to_print(window, lib, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    """Once the record is made, its list of copies comes up with Print… and Save PDF…; unticked,
    nothing comes up."""
    from tests.ui.test_reports import _library

    _library(lib)
    view = window.show_view("stocktake")
    dialog = view.open_writeoff()
    _active(dialog, qtbot)
    assert dialog.print_list.isChecked() and dialog.print_list.text() == "Sau đó &in danh sách"
    qtbot.keyClicks(dialog.number, "07/TL-2026")
    for code in ("TK.00002", "GK.00005"):
        qtbot.keyClicks(dialog.scan_field, code)
        qtbot.keyClick(dialog.scan_field, Qt.Key.Key_Return)
    _alt(dialog, qtbot, Qt.Key.Key_B)  # "Lập &biên bản" (an animated click: 100 ms)
    qtbot.waitUntil(lambda: dialog.made is not None)
    assert not dialog.isVisible()
    preview = dialog.list_preview
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle() == "Danh sách sách thanh lý"
    assert preview.status.text() == "1 trang · 2 bản, trị giá 63.000 đ"
    target = tmp_path / "ds.pdf"
    names: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _parent, _title, name, _filter: (names.append(name), (str(target), ""))[1]))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and preview.status.text().startswith("Đã lưu"),
                    timeout=20000)
    assert names[0].endswith("danh-sach-thanh-ly-07-TL-2026.pdf")
    text = " ".join(pdf_text(target.read_bytes(), tmp_path).split())
    assert "Kèm theo biên bản thanh lý số 07/TL-2026" in text
    assert "TK.00002" in text and "GK.00005" in text
    assert "Tổng cộng: 2 bản, trị giá 63.000 đồng." in text
    preview.reject()

    again = view.open_writeoff()
    _active(again, qtbot)
    qtbot.keyClicks(again.number, "08/TL-2026")
    qtbot.keyClicks(again.scan_field, "GK.00006")
    qtbot.keyClick(again.scan_field, Qt.Key.Key_Return)
    _alt(again, qtbot, Qt.Key.Key_I)  # "Sau đó &in danh sách": unticked
    qtbot.waitUntil(lambda: not again.print_list.isChecked())
    again.make.click()
    assert again.made is not None and again.list_preview is None
