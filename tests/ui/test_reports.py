"""The Reports view in the real window: reachable from the navigation, keyboard letters,
pages shown on screen, and PDF / Excel files made through its own buttons."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from tests.app.labels.raster import pdf_text


def _library(lib) -> None:  # type: ignore[no-untyped-def]
    lib.settings.set("library_name", "Thư viện Trường THCS Kim Đồng")
    toan = lib.catalog.add_record("Toán 6", volume="Tập 1", year=2021)
    lib.catalog.add_copies(toan, 30, collection="GK", acquired_on="2025-08-20",
                           source="NXB Giáo dục", price=18000)
    novel = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2020)
    lib.catalog.add_copies(novel, 3, collection="TK", acquired_on="2025-09-02", source="Mua",
                           price=45000)


def _open(window, lib, qtbot):  # type: ignore[no-untyped-def]
    _library(lib)
    window.nav.setCurrentRow(window.nav.count() - 1)  # the navigation's last entry
    view = window.stack.currentWidget()
    assert type(view).__name__ == "ReportsView"
    assert window.nav.currentItem().text().startswith("Sổ sách, thống kê")
    return view


def _save_as(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_general_register_to_pdf_through_the_button(window, lib, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path) -> None:
    view = _open(window, lib, qtbot)
    view.kind.setCurrentIndex(view.kind.findData("general"))
    assert view.start.text() == "" and view.end.text() == ""  # a register: everything
    target = tmp_path / "tong-quat.pdf"
    _save_as(monkeypatch, target)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(target.read_bytes(), tmp_path).split())
    assert "SỔ ĐĂNG KÝ TỔNG QUÁT" in text and "NXB Giáo dục" in text and "Phần III" in text
    assert view.status.text() == f"Đã lưu {target} (1 trang, 2 dòng)"
    assert len(view.pages) == 1 and view.pages[0].width() > view.pages[0].height()  # landscape


def test_individual_register_shown_then_saved_as_excel(window, lib, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    view = _open(window, lib, qtbot)
    view.collection.setCurrentIndex(view.collection.findData("TK"))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert view.status.text() == "Sổ đăng ký cá biệt: 1 trang, 3 dòng"
    assert view.pages and view.pages[0].isVisible()
    target = tmp_path / "ca-biet.xlsx"
    _save_as(monkeypatch, target)
    view.made = None
    qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    sheet = load_workbook(target)["TK"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Số ĐKCB" in r for r in rows].count(True) == 1
    assert [r[2] for r in rows if isinstance(r[0], int)] == ["TK.00001", "TK.00002", "TK.00003"]


def test_statistics_period_and_a_bad_day(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _open(window, lib, qtbot)
    view.kind.setCurrentIndex(view.kind.findData("statistics"))
    assert not view.collection.isEnabled() and view.start.text().startswith("01/08/")
    qtbot.keyClicks(view.start, "31/02/2025")
    assert view.preset.currentData() == "chosen"
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert view.error.text().startswith("Ngày “")
    view.start.setText("01/08/2025")
    view.end.setText("30/09/2025")
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    stats = view.made.report
    assert stats.scope == "Từ ngày 01/08/2025 đến ngày 30/09/2025"
    assert stats.sections[0].total == ("Cộng", 2, 33, 30 * 18000 + 3 * 45000)


def test_every_control_has_its_own_alt_letter(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _open(window, lib, qtbot)
    texts = [b.text() for b in view.findChildren(QAbstractButton) if b.text()]
    texts += [label.text() for label in view.findChildren(QLabel) if label.buddy() is not None]
    letters = [m[1].upper() for t in texts if (m := re.search(r"&([^&])", t))]
    menus = [re.search(r"&([^&])", a.text())[1].upper()  # type: ignore[index]
             for a in window.menuBar().actions()]
    assert len(letters) == len(texts) == 11, texts
    assert len(set(letters + menus)) == len(letters + menus), texts


class _Cancelled:
    """What a work function sees once Cancel was pressed in its progress dialog."""

    def __init__(self) -> None:
        self.steps: list[tuple[int, int]] = []

    def report(self, done: int, total: int = 0) -> None:
        self.steps.append((done, total))

    def cancelled(self) -> bool:
        return True


def test_cancel_writes_no_file(lib, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.reports.period import Period
    from ui.reports.view import make_report

    _library(lib)
    target = tmp_path / "so.pdf"
    progress = _Cancelled()
    assert make_report(lib.path, "individual", None, Period(), pdf=target,
                       progress=progress) is None  # type: ignore[arg-type]
    assert not target.exists() and progress.steps == [(0, 3), (1, 3)]


def test_printing_a_wide_register_turns_the_page(window, lib, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Print… without its dialog: the printer is a PDF file, set up as the view sets up a
    real one (A4, landscape for the individual register)."""
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    view = _open(window, lib, qtbot)
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    view.prepare(printer, view.made.document)
    with qtbot.waitSignal(view.print_to(printer, view.made.document).finished, timeout=30000):
        pass
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width > height and round(width) == 842  # A4 turned
    pages = len(view.made.document.pages)
    assert pages == 3  # GK on two, TK from a new page
    assert view.status.text() == f"Đã gửi {pages} trang tới {out}"
    # Qt's PDF engine writes glyphs as outlines: the printed pages must match the saved PDF's,
    # ink for ink (the saved one's text is read back in the other tests)
    from app.labels.pdf import to_pdf
    from tests.app.labels.raster import render
    from tests.ui.test_desk_documents import same_ink

    printed = render(out.read_bytes(), tmp_path / "printed", dpi=100)
    saved = render(to_pdf(view.made.document), tmp_path / "saved", dpi=100)
    assert len(printed) == len(saved) == pages
    for got, want in zip(printed, saved, strict=True):
        assert same_ink(got, want) > 0.98
