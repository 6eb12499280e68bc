"""The desk's documents in a real window on a real library: F6 previews the current patron's loan
slip and F8 the overdue letters by class, painted from the drawing itself (no poppler: the
preview works with nothing on PATH, as on Windows). Save PDF gives the text (read back with
pdftotext); the preview and a QPrinter's pages match the saved PDF's pages ink for ink."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.app.labels.raster import pdf_text, qimage_to_pil, render
from tests.support.scanner import scan

LIBRARY = "Thư viện Trường THCS Nguyễn Du"


def strings(document) -> str:  # type: ignore[no-untyped-def]
    """Every string the document draws, page by page (what the preview paints)."""
    return "\n\f".join("\n".join(op[1][2] for op in page if op[0] == "text")
                       for page in document.pages)


def open_preview(desk, qtbot, key: Qt.Key):  # type: ignore[no-untyped-def]
    from ui.labels.document_view import DocumentPreviewDialog

    desk.document_preview = None
    qtbot.keyClick(desk.scan_field, key)
    qtbot.waitUntil(lambda: desk.document_preview is not None, timeout=20000)
    preview = desk.document_preview
    assert isinstance(preview, DocumentPreviewDialog)
    qtbot.addWidget(preview)
    qtbot.waitExposed(preview)
    return preview


def same_ink(got: Image.Image, want: Image.Image) -> float:
    """How much of the ink of each image lies within a pixel of the other's (the smaller of the
    two shares): 1.0 for the same drawing, about 0.7 for the same page moved by 1.5 mm."""
    assert got.size == want.size

    def ink(image: Image.Image) -> np.ndarray:  # type: ignore[type-arg]
        return np.asarray(image.convert("L")) < 128

    def near(image: Image.Image) -> np.ndarray:  # type: ignore[type-arg]
        return np.asarray(image.convert("L").filter(ImageFilter.MinFilter(3))) < 128

    a, b = ink(got), ink(want)
    assert a.sum() > 1000 and b.sum() > 1000  # pages with text on them
    return float(min((a & near(want)).sum() / a.sum(), (b & near(got)).sum() / b.sum()))


def ink(view) -> int:  # type: ignore[no-untyped-def]
    image = view.grab().toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).lightness() < 110)


def save(preview, qtbot, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    operation = preview.save_pdf_to(target)
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    assert preview.error.text() == ""
    return pdf_text(target.read_bytes(), target.parent / f"{target.stem}-text").split("\f")[:-1]


def test_loan_slip_preview_needs_no_poppler(window, lib, stocked, qtbot, tmp_path,  # type: ignore[no-untyped-def]
                                            monkeypatch) -> None:
    patron, barcodes = stocked
    lib.settings.set("library_name", LIBRARY)
    path = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(tmp_path))  # no poppler, nothing: a Windows PC
    assert shutil.which("pdftoppm") is None
    desk = window.desk
    scan(qtbot, desk.scan_field, patron.card)
    for barcode in barcodes[:2]:
        scan(qtbot, desk.scan_field, barcode)
    preview = open_preview(desk, qtbot, Qt.Key.Key_F6)
    assert preview.windowTitle() == "Phiếu mượn"
    assert preview.status.text() == "1 trang · Nguyễn Văn An: đang mượn 2 cuốn"
    drawn = strings(preview.document)
    assert "PHIẾU MƯỢN SÁCH" in drawn and "Bạn đọc: Nguyễn Văn An   Lớp: 6A" in drawn
    assert all(b in drawn for b in barcodes[:2]) and barcodes[2] not in drawn
    assert drawn.count("Dế Mèn phiêu lưu ký") == 2
    assert ink(preview.pages[0]) > 300  # the page is painted, not left blank
    # named in Vietnamese, as the registers are ("so-muon-hoc-sinh.pdf"), not "loan-slip-…"
    assert preview.file_name == f"phieu-muon-{patron.card}.pdf"

    # Save PDF: the reader's text is the preview's
    monkeypatch.setenv("PATH", path)
    [page] = save(preview, qtbot, tmp_path / "slip.pdf")
    assert "PHIẾU MƯỢN SÁCH" in page and "Nguyễn Văn An" in page and patron.card in page
    assert all(b in page for b in barcodes[:2]) and barcodes[2] not in page
    preview.reject()  # Close
    # back to scanning: the scan field is the window's focus again
    qtbot.waitUntil(lambda: window.focusWidget() is desk.scan_field)


def test_slip_needs_a_patron(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    desk = window.desk
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_F6)
    assert desk.banner.property("kind") == "bad" and "quét thẻ bạn đọc" in desk.banner.text()
    assert desk.document_preview is None


def _overdue(lib) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Three students in two classes with books due in the past; returns name -> class."""
    students = {"Nguyễn Thị Thuỷ": "6A", "Trần Văn Đức": "7B", "Phạm Ngọc Ánh": "6A"}
    record = lib.catalog.add_record("Đất rừng phương Nam", authors=["Đoàn Giỏi"])
    items = lib.catalog.add_copies(record, len(students) + 1, collection="TK")
    for (name, class_name), item in zip(students.items(), items, strict=False):
        patron = lib.patrons.add(name, class_name=class_name)
        lib.circulation.checkout(patron.card, item.barcode)
    with lib.db.transaction() as conn:  # due two weeks ago: overdue today
        conn.execute("UPDATE loans SET due_on = date('now', '-14 days')")
    late = lib.patrons.add("Lê Minh Anh", class_name="8C")
    lib.circulation.checkout(late.card, items[-1].barcode)  # due later: not in the letters
    return students


def test_overdue_letters_preview_save_and_print(window, lib, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from ui.labels.printing import prepare_printer

    students = _overdue(lib)
    desk = window.desk
    preview = open_preview(desk, qtbot, Qt.Key.Key_F8)
    assert preview.windowTitle() == "Thư báo quá hạn"
    assert preview.status.text() == "2 trang · 2 lớp, 3 bạn đọc có sách quá hạn"
    assert len(preview.pages) == 2 and all(ink(view) > 300 for view in preview.pages)
    assert preview.file_name.startswith("thu-bao-qua-han-")  # not "overdue-letters-…"

    pages = save(preview, qtbot, tmp_path / "letters.pdf")
    assert len(pages) == 2  # one page per class
    for page, class_name in zip(pages, ("6A", "7B"), strict=True):
        assert f"THÔNG BÁO SÁCH QUÁ HẠN — LỚP {class_name}" in page
        for name, where in students.items():
            assert (name in page) == (where == class_name), (name, class_name)
        assert "Lê Minh Anh" not in page

    # printing on a QPrinter (a PDF file here) off the GUI thread: both pages, the same text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    prepare_printer(printer, preview.document)
    operation = preview.print_to(printer)
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert preview.error.text() == ""
    assert preview.status.text() == f"Đã gửi 2 trang tới {out}"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info and "595 x 842 pts (A4)" in info  # A4 portrait
    # Qt's PDF engine writes the glyphs as outlines (no text to extract): the printed pages
    # must match the saved PDF's pages, whose text was read above, ink for ink.
    printed = render(out.read_bytes(), tmp_path / "printed", dpi=100)
    saved = render((tmp_path / "letters.pdf").read_bytes(), tmp_path / "saved", dpi=100)
    assert len(printed) == 2
    for got, want in zip(printed, saved, strict=True):
        assert same_ink(got, want) > 0.98
    # and so does the preview, painted at 100 dpi
    view = preview.pages[1]
    view.set_scale(100 / 72)
    shown = qimage_to_pil(view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))
    assert same_ink(shown.crop((2, 2, shown.width - 2, shown.height - 2)),
                    saved[1].crop((2, 2, shown.width - 2, shown.height - 2))) > 0.98
    preview.close()


def test_nothing_overdue_opens_no_letters(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    desk = window.desk
    desk.letters_button.click()
    assert "Không có sách quá hạn" in desk.banner.text()
    assert desk.document_preview is None


def test_the_letters_preview_fits_on_the_screen(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a small screen (1366 × 768 in a school) the preview and its Print / Save PDF / Close
    buttons stay within the screen's free area, title bar included."""
    _overdue(lib)
    preview = open_preview(window.desk, qtbot, Qt.Key.Key_F8)
    room = preview.screen().availableGeometry()
    assert preview.height() + 40 <= room.height() and preview.width() <= room.width()
    bottom = preview.save_button.mapTo(preview, preview.save_button.rect().bottomLeft()).y()
    assert preview.save_button.isVisible() and bottom < preview.height()
