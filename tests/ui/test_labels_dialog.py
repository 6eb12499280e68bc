"""The label dialog and its preview in a real window: start-at-N and printer offsets reach the
page the preview shows (scanned back at 300 dpi), the used labels of a partly used sheet are
greyed, printing and Save PDF write pages that scan back, and each printer keeps its offsets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from app.labels import load_template, place
from tests.app.labels.raster import DPI, decode, ink_box, qimage_to_pil, render


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "thuvien.ini"), QSettings.Format.IniFormat)


def _copies(lib, count: int):  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], classification="895.9223",
                                    year=2019)
    return lib.catalog.add_copies(record, count, collection="TK")


def _open_preview(dialog, qtbot):  # type: ignore[no-untyped-def]
    from ui.labels.document_view import DocumentPreviewDialog

    operation = dialog.make_document()
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    preview = dialog.preview
    assert isinstance(preview, DocumentPreviewDialog), dialog.error.text()
    qtbot.addWidget(preview)
    qtbot.waitExposed(preview)
    return preview


def test_preview_window_shows_start_and_offsets_and_prints(window, lib, qtbot, settings,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from ui.labels.dialog import LabelsDialog

    items = _copies(lib, 6)
    dialog = LabelsDialog(lib, window.operations, items, window, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("items"))
    dialog.template.setCurrentIndex(dialog.template.findData("avery-l7654"))
    assert dialog.start.maximum() == 40  # the sheet's labels, no more
    dialog.start.setValue(5)
    dialog.offset_x.setValue(1.5)
    dialog.offset_y.setValue(-1.0)
    preview = _open_preview(dialog, qtbot)
    assert preview.isVisible() and len(preview.pages) == 1
    assert preview.status.text() == ("1 trang · 6 nhãn, bắt đầu từ nhãn số 5 "
                                     "(các nhãn tô xám là nhãn đã dùng)")

    # the page as the window paints it, at 300 dpi
    view = preview.pages[0]
    view.set_scale(DPI / 72)
    page = qimage_to_pil(view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))
    template = load_template("avery-l7654")
    expected = place(template, 6, start=5, offset_x=1.5, offset_y=-1.0)
    reads = {r.text: r for r in decode(page)}
    assert set(reads) == {item.barcode for item in items}
    for item, p in zip(items, expected, strict=True):
        assert reads[item.barcode].x_mm == pytest.approx(p.x + p.width / 2, abs=0.1)
        assert p.y < reads[item.barcode].y_mm < p.y + p.height
    # labels 1-4 of the partly used sheet are shown greyed and stay empty
    rgb = view.grab().toImage()
    scale = DPI / 25.4
    for slot in range(1, 5):
        x = template.left + (slot - 1) % template.columns * template.pitch_x + 5
        y = template.top + (slot - 1) // template.columns * template.pitch_y + 5
        assert rgb.pixelColor(round(x * scale), round(y * scale)).getRgb()[:3] == (226, 232, 240)
        box = (x - 4, y - 4, template.label_width - 2, template.label_height - 2)
        assert ink_box(page, box) is None
    # zoom: 200 % is twice the actual size; "fit width" fits the window again
    preview.zoom.setCurrentIndex(preview.zoom.findData("actual"))
    actual = view.width()
    preview.zoom.setCurrentIndex(preview.zoom.findData(2.0))
    assert view.width() == pytest.approx(2 * actual, abs=2)
    preview.zoom.setCurrentIndex(preview.zoom.findData("fit"))
    assert view.width() <= preview.pages_area.viewport().width() < view.width() + 60

    # print on a (PDF) printer and save a PDF: both scan back with the same codes
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    from ui.labels.printing import prepare_printer

    prepare_printer(printer, preview.document)
    operation = preview.print_to(printer)  # off the GUI thread, with a progress dialog
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert preview.error.text() == ""
    assert preview.status.text() == f"Đã gửi 1 trang tới {tmp_path / 'printed.pdf'}"
    printed = decode(render((tmp_path / "printed.pdf").read_bytes(), tmp_path / "p")[0])
    assert sorted(r.text for r in printed) == sorted(reads)
    operation = preview.save_pdf_to(tmp_path / "saved.pdf")
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    saved = decode(render((tmp_path / "saved.pdf").read_bytes(), tmp_path / "s")[0])
    assert sorted(r.text for r in saved) == sorted(reads)
    assert "saved.pdf" in preview.status.text()
    preview.close()


def test_sheets_offered_suit_what_is_printed(window, lib, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from ui.labels.dialog import LabelsDialog

    dialog = LabelsDialog(lib, window.operations, _copies(lib, 1), window, settings=settings)
    qtbot.addWidget(dialog)
    names = {dialog.template.itemData(i) for i in range(dialog.template.count())}
    assert "avery-l7651" in names and not any(n.startswith("cr80") for n in names)
    dialog.kind.setCurrentIndex(dialog.kind.findData("spine"))
    assert dialog.template.findData("avery-l4732") >= 0  # the spine-only sheet
    cards = LabelsDialog(lib, window.operations, (), window, class_name="6A", settings=settings)
    qtbot.addWidget(cards)
    names = {cards.template.itemData(i) for i in range(cards.template.count())}
    assert {"cr80-10up", "cr80-8up"} <= names and "avery-l7651" not in names


def test_each_printer_keeps_its_own_offsets(settings) -> None:  # type: ignore[no-untyped-def]
    from ui.labels.printing import load_offsets, save_offsets

    assert load_offsets("HP LaserJet P1102", settings) == (0.0, 0.0)
    save_offsets("HP LaserJet P1102", 1.25, -0.5, settings)
    save_offsets(r"\\THUVIEN-PC\Canon LBP2900", -2.0, 0.75, settings)
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert load_offsets("HP LaserJet P1102", again) == (1.25, -0.5)
    assert load_offsets(r"\\THUVIEN-PC\Canon LBP2900", again) == (-2.0, 0.75)


def test_calibration_page_through_the_dialog(window, lib, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from ui.labels.dialog import LabelsDialog

    dialog = LabelsDialog(lib, window.operations, _copies(lib, 1), window, settings=settings)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("calibration"))
    assert not dialog.start.isEnabled()
    dialog.template.setCurrentIndex(dialog.template.findData("avery-l7651"))
    dialog.offset_x.setValue(1.0)
    preview = _open_preview(dialog, qtbot)
    view = preview.pages[0]
    view.set_scale(150 / 72)
    page = qimage_to_pil(view.grab().toImage())
    template = load_template("avery-l7651")
    px = 150 / 25.4
    x, y = (template.left + 1.0) * px, template.top * px
    assert min(page.getpixel((round(x) + dx, round(y))) for dx in (-1, 0, 1)) < 128
    # plain paper: the preview adds no sheet outlines (white inside the labels, not tinted)
    colour = view.grab().toImage().pixelColor(round(x + 8 * px), round(y + 3 * px))
    assert colour.getRgb()[:3] == (255, 255, 255)
    preview.close()


@pytest.mark.skipif(sys.platform == "win32", reason="the CUPS path; Windows uses winspool")
def test_thermal_labels_go_raw_to_the_printer_chosen(window, lib, qtbot, settings, tmp_path,  # type: ignore[no-untyped-def]
                                                     monkeypatch) -> None:
    from app.labels.selection import items_by_barcodes
    from app.labels.thermal import ThermalMedia, tspl_job, zpl_job
    from tests.app.labels.test_label_rawprint import fake_lp
    from ui.labels.dialog import LabelsDialog

    folder = fake_lp(tmp_path / "bin", monkeypatch)
    items = _copies(lib, 3)
    dialog = LabelsDialog(lib, window.operations, items, window, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("combined"))
    dialog.output.setCurrentIndex(dialog.output.findData("thermal"))
    # a roll has no sheet and no start label; the dialog prints instead of previewing
    assert dialog.thermal.width.isVisible() and not dialog.template.isVisible()
    assert not dialog.start.isVisible()
    assert dialog.send_button.isVisible() and not dialog.preview_button.isVisible()
    dialog.thermal.height.setValue(25)
    dialog.printer.setCurrentText("Xprinter_XP365B")
    dialog.offset_x.setValue(1.0)
    operation = dialog.send_thermal()
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    assert dialog.error.text() == ""
    labels = items_by_barcodes(lib, [i.barcode for i in items])
    expected = tspl_job("combined", labels, ThermalMedia(50, 25, 2, 203, offset_x_mm=1.0))
    assert (folder / "stdin.bin").read_bytes() == expected
    argv = json.loads((folder / "argv.json").read_text())
    assert argv[:4] == ["-d", "Xprinter_XP365B", "-o", "raw"]
    assert dialog.message.text() == "Đã gửi 3 nhãn tới Xprinter_XP365B."
    assert dialog.sent == (3, "Xprinter_XP365B-42")

    # the roll, the language and the printer's offsets are remembered for next time
    dialog.thermal.language.setCurrentIndex(dialog.thermal.language.findData("zpl"))
    operation = dialog.save_thermal_job_to(str(tmp_path / "job.zpl"))
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    zpl = zpl_job("combined", labels, ThermalMedia(50, 25, 2, 203, offset_x_mm=1.0))
    assert (tmp_path / "job.zpl").read_bytes() == zpl
    again = LabelsDialog(lib, window.operations, items, window, settings=settings)
    qtbot.addWidget(again)
    assert again.output.currentData() == "thermal"
    assert again.thermal.job_language() == "zpl" and again.thermal.height.value() == 25
    assert again.printer_name() == "Xprinter_XP365B" and again.offset_x.value() == 1.0


@pytest.mark.skipif(sys.platform == "win32", reason="the CUPS path; Windows uses winspool")
def test_a_printer_that_refuses_says_why(window, lib, qtbot, settings, tmp_path,  # type: ignore[no-untyped-def]
                                         monkeypatch) -> None:
    from tests.app.labels.test_label_rawprint import fake_lp
    from ui.labels.dialog import LabelsDialog

    fake_lp(tmp_path / "bin", monkeypatch, fail=True)
    dialog = LabelsDialog(lib, window.operations, _copies(lib, 1), window, settings=settings)
    qtbot.addWidget(dialog)
    dialog.output.setCurrentIndex(dialog.output.findData("thermal"))
    dialog.printer.setCurrentText("Gone")
    operation = dialog.send_thermal()
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    assert "không nhận lệnh in" in dialog.error.text() and "does not exist" in dialog.error.text()
    assert dialog.message.text() == ""


def test_a_lost_card_is_printed_for_one_patron_and_scans_back(window, lib, qtbot,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    """Patrons → a pupil found by name → Print cards…: only that pupil's card, which scans."""
    lib.patrons.add("Nguyễn Văn An", class_name="6A")
    lost = lib.patrons.add("Trần Thị Bình", class_name="6A")
    view = window.show_view("patrons")
    view.show_class(None)
    view.search_field.setText("Trần Thị Bình")
    view.run_search()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    view.table.selectRow(0)
    view.print_cards()
    dialog = view.cards_dialog
    assert dialog is not None and dialog.who.currentData() == lost.id
    qtbot.addWidget(dialog)
    preview = _open_preview(dialog, qtbot)
    saved = tmp_path / "card.pdf"
    operation = preview.save_pdf_to(saved)
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    reads = decode(render(saved.read_bytes(), tmp_path / "c")[0])
    assert [r.text for r in reads] == [lost.card]


def test_the_card_preview_names_itself_once_and_every_button_has_an_alt_letter(  # type: ignore[no-untyped-def]
        window, lib, qtbot, monkeypatch) -> None:
    """Its title said 'Thẻ bạn đọc — Thẻ bạn đọc'; In…, Lưu PDF…, Đóng had no Alt letter; and
    Save PDF… proposed the folder ThuVien was started from instead of Documents."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QAbstractButton, QFileDialog

    lib.patrons.add("Nguyễn Văn An", class_name="6A")
    view = window.show_view("patrons")
    view.show_class("6A")
    view.print_cards()
    dialog = view.cards_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    preview = _open_preview(dialog, qtbot)
    assert preview.windowTitle() == "Thẻ bạn đọc"
    texts = sorted(b.text() for b in preview.findChildren(QAbstractButton) if b.text())
    assert texts == ["&In…", "&Lưu PDF…", "Đó&ng"]
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _p, _t, path, _f: (asked.append(path), ("", ""))[1]))
    preview.save_pdf()
    documents = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))
    assert asked and Path(asked[0]).parent == (documents if documents.is_dir() else Path.home())
