"""The shared print preview with the keyboard only: Enter prints (the print dialog comes up and
the pages go to the printer chosen there), Esc closes. Checked where librarians meet it: the
desk's loan slip (F6), the write-off dialog's list of copies, and the labels dialog."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.test_desk_documents import open_preview, scan


class PrintDialogs:
    """Stands in for the system print dialog: records that it was asked and answers "Print"
    with the printer writing a PDF file."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.asked: list[str] = []

    def __call__(self, printer, _parent=None):  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        outer = self

        class Dialog:
            def exec(self) -> QDialog.DialogCode:
                outer.asked.append(printer.docName())
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(outer.target))
                return QDialog.DialogCode.Accepted

        return Dialog()


@pytest.fixture
def print_dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> PrintDialogs:
    import PySide6.QtPrintSupport as support

    dialogs = PrintDialogs(tmp_path / "printed.pdf")
    monkeypatch.setattr(support, "QPrintDialog", dialogs)
    return dialogs


def _keys_to(preview, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The preview has the keys (there is no window manager to give them to it)."""
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)


def _press(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key)


def _pages(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return info.stdout.split("Pages:")[1].split()[0]


def test_enter_prints_the_loan_slip_and_esc_closes(  # type: ignore[no-untyped-def]
    window, lib, stocked, qtbot, print_dialogs
) -> None:
    patron, barcodes = stocked
    desk = window.desk
    scan(qtbot, desk.scan_field, patron.card)
    scan(qtbot, desk.scan_field, barcodes[0])
    preview = open_preview(desk, qtbot, Qt.Key.Key_F6)
    _keys_to(preview, qtbot)
    assert preview.print_button.isDefault() and preview.print_button.text() == "&In…"
    _press(qtbot, Qt.Key.Key_Return)
    assert print_dialogs.asked == [
        "PHIẾU MƯỢN SÁCH — Nguyễn Văn An"
    ]  # the print dialog came up, not a close
    qtbot.waitUntil(lambda: preview.status.text().startswith("Đã gửi"), timeout=30000)
    assert preview.status.text() == f"Đã gửi 1 trang tới {print_dialogs.target}"
    assert _pages(print_dialogs.target) == "1" and preview.isVisible()
    _keys_to(preview, qtbot)
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())
    assert print_dialogs.asked == ["PHIẾU MƯỢN SÁCH — Nguyễn Văn An"]  # Esc printed nothing more
    qtbot.waitUntil(lambda: window.focusWidget() is desk.scan_field)  # back to scanning


def test_enter_prints_the_write_off_list(window, lib, qtbot, print_dialogs) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_reports import _library

    _library(lib)
    dialog = window.show_view("stocktake").open_writeoff()
    _keys_to(dialog, qtbot)
    qtbot.keyClicks(dialog.number, "07/TL-2026")
    qtbot.keyClicks(dialog.scan_field, "TK.00002")
    qtbot.keyClick(dialog.scan_field, Qt.Key.Key_Return)
    dialog.make.click()
    preview = dialog.list_preview
    assert preview is not None
    qtbot.addWidget(preview)
    qtbot.waitExposed(preview)
    _keys_to(preview, qtbot)
    _press(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert (
        print_dialogs.asked == ["DANH SÁCH SÁCH THANH LÝ — Thư viện Trường THCS Kim Đồng"]
        and preview.isVisible()
    )
    qtbot.waitUntil(lambda: preview.status.text().startswith("Đã gửi"), timeout=30000)
    _keys_to(preview, qtbot)
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())


def test_enter_prints_the_labels(window, lib, qtbot, print_dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from tests.ui.test_labels_dialog import _copies, _open_preview
    from ui.labels.dialog import LabelsDialog

    settings = QSettings(str(tmp_path / "thuvien.ini"), QSettings.Format.IniFormat)
    dialog = LabelsDialog(lib, window.operations, _copies(lib, 3), window, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    preview = _open_preview(dialog, qtbot)
    _keys_to(preview, qtbot)
    _press(qtbot, Qt.Key.Key_Return)
    assert len(print_dialogs.asked) == 1 and preview.isVisible()
    qtbot.waitUntil(lambda: preview.status.text().startswith("Đã gửi"), timeout=30000)
    assert _pages(print_dialogs.target) == "1"
    _keys_to(preview, qtbot)
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())
