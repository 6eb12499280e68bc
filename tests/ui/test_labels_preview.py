"""The label preview and printing path that needs nothing outside the bundle (QPainter on the
recorded drawing): at 300 dpi every barcode scans back exactly once, everything lands where the
template (and the PDF) put it, a QPrinter's output scans back too, and the preview window shows
start-at-N and the printer offsets."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from app.labels import (
    CallNumber,
    CardData,
    LabelItem,
    PrintOptions,
    load_template,
    place,
)
from app.labels.documents import make_document
from app.labels.pdf import to_pdf
from app.labels.surface import Recording
from app.labels.templates import SheetTemplate
from tests.app.labels.raster import (
    DPI,
    Read,
    bar_top_mm,
    decode,
    ink_box,
    qimage_to_pil,
    render,
)

LIBRARY = "Thư viện Trường THCS Nguyễn Du"
TITLES = ["Mắt biếc", "Dế Mèn phiêu lưu ký", "Harry Potter và hòn đá phù thủy",
          "Tuyển tập truyện ngắn Việt Nam thế kỷ XX: những tác phẩm đặc sắc nhất"]
NAMES = ["Nguyễn Thị Thuỷ", "Trần Văn Đức", "Phạm Ngọc Ánh Dương Tôn Nữ Hoàng Thị Diệu Linh"]
# What a librarian accepts: a label that is 0.1 mm off is indistinguishable on the shelf; the
# sheet's die-cut tolerance is larger than that.
TOLERANCE_MM = 0.1


def _items(count: int) -> list[LabelItem]:
    return [LabelItem(f"TK.{n:05d}", TITLES[n % 4], LIBRARY,
                      CallNumber("895.9223", "ÁNH", "T.2" if n % 2 else "", "2019").lines())
            for n in range(1, count + 1)]


def _cards(count: int, tmp_path: Path) -> list[CardData]:
    photo = tmp_path / "photo.png"
    Image.new("RGB", (300, 400), (200, 170, 150)).save(photo)
    return [CardData(f"HS{n:06d}", NAMES[n % 3], "Trường THCS Nguyễn Du", "6A", "2025-2026",
                     photo=photo.read_bytes() if n % 2 else None) for n in range(count)]


@dataclass(frozen=True)
class Case:
    kind: str
    template: str
    count: int


CASES = [Case("items", "avery-l7651", 40), Case("spine", "avery-l7651", 40),
         Case("combined", "avery-l7654", 30), Case("cards", "cr80-10up", 8)]
OPTIONS = PrintOptions(start=3, offset_x=0.7, offset_y=-0.4)


def _document(case: Case, tmp_path: Path) -> tuple[Recording, SheetTemplate, list[str]]:
    template = load_template(case.template)
    if case.kind == "cards":
        values: list[LabelItem] | list[CardData] = _cards(case.count, tmp_path)
        codes = [c.card for c in values if isinstance(c, CardData)]
    else:
        values = _items(case.count)
        codes = [] if case.kind == "spine" else [i.barcode for i in values
                                                 if isinstance(i, LabelItem)]
    return make_document(case.kind, values, template, OPTIONS), template, codes


def _preview_page(document: Recording, page: int = 0) -> Image.Image:
    from ui.labels.painter import page_image

    return qimage_to_pil(page_image(document, page, DPI))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.kind)
def test_preview_at_300_dpi_scans_back_and_matches_the_pdf(qapp, case: Case,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    document, template, codes = _document(case, tmp_path)
    assert len(document.pages) == 1
    preview = _preview_page(document)
    reads = decode(preview)
    # exactly the printed codes, each once (spine labels carry no barcode: none may appear)
    assert Counter(r.text for r in reads) == Counter(codes)

    pdf_page = render(to_pdf(document), tmp_path / "pdf")[0]
    pdf_reads = {r.text: r for r in decode(pdf_page)}
    slots = place(template, case.count, OPTIONS.start, OPTIONS.offset_x, OPTIONS.offset_y)
    for read in reads:
        other: Read = pdf_reads[read.text]
        assert read.x_mm == pytest.approx(other.x_mm, abs=TOLERANCE_MM)
        assert read.left_mm == pytest.approx(other.left_mm, abs=TOLERANCE_MM)
    for index, slot in enumerate(slots):
        # the ink of every label (text, bars, photo) sits where the PDF puts it ...
        box = (slot.x, slot.y, slot.width, slot.height)
        ours, theirs = ink_box(preview, box), ink_box(pdf_page, box)
        assert ours is not None and theirs is not None, f"label {index + 1} is blank"
        for a, b in zip(ours, theirs, strict=True):
            assert a == pytest.approx(b, abs=TOLERANCE_MM), (index, ours, theirs)
        # ... which is inside its slot, moved by the offsets, and centred on barcode labels
        # and spine labels (centred text)
        assert slot.x <= ours[0] and ours[2] <= slot.x + slot.width
        assert slot.y <= ours[1] and ours[3] <= slot.y + slot.height
        if case.kind in ("items", "spine"):
            centre = slot.x + slot.width / 2
            assert (ours[0] + ours[2]) / 2 == pytest.approx(centre, abs=0.35)
    if case.kind in ("items", "combined"):
        by_code = {r.text: r for r in reads}
        for code, slot in zip(codes, slots, strict=True):
            assert slot.x < by_code[code].x_mm < slot.x + slot.width
            assert slot.y < by_code[code].y_mm < slot.y + slot.height
    # slots before the start label stay blank (a partly used sheet)
    for slot in range(1, OPTIONS.start):
        x, y = template.left + (slot - 1) * template.pitch_x, template.top
        assert ink_box(preview, (x, y, template.label_width, template.label_height)) is None


def test_barcode_labels_sit_on_the_template_within_a_tenth_of_a_millimetre(qapp) -> None:  # type: ignore[no-untyped-def]
    template = load_template("avery-l7654")
    items = _items(template.per_sheet - 6)
    plain = _preview_page(make_document("items", items, template, PrintOptions(start=7)))
    moved = _preview_page(make_document("items", items, template, PrintOptions(7, 1.5, -0.8)))
    reads_plain = {r.text: r for r in decode(plain)}
    reads_moved = {r.text: r for r in decode(moved)}
    expected = place(template, len(items), start=7)
    assert set(reads_plain) == set(reads_moved) == {i.barcode for i in items}
    for item, p in zip(items, expected, strict=True):
        here, there = reads_plain[item.barcode], reads_moved[item.barcode]
        assert here.x_mm == pytest.approx(p.x + p.width / 2, abs=TOLERANCE_MM)
        assert there.x_mm - here.x_mm == pytest.approx(1.5, abs=TOLERANCE_MM)
        # zxing's position is a scan line: the vertical shift is measured on the bars' top edge
        assert bar_top_mm(moved, there) - bar_top_mm(plain, here) == pytest.approx(
            -0.8, abs=TOLERANCE_MM)


def test_printing_on_a_qprinter_writes_pages_that_scan_back(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from ui.labels.printing import prepare_printer, print_document

    template = load_template("avery-l7651")
    items = _items(template.per_sheet + 3)  # two sheets
    document = make_document("combined", items, template, PrintOptions(start=4, offset_x=1.0))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    prepare_printer(printer, document)
    pages_done: list[int] = []
    print_document(document, printer, lambda done, _total: pages_done.append(done))
    assert pages_done == [1, 2]
    pages = render(out.read_bytes(), tmp_path / "img")
    assert len(pages) == 2
    reads = [decode(page) for page in pages]
    assert Counter(r.text for page in reads for r in page) == Counter(i.barcode for i in items)
    direct = {r.text: r for r in decode(_preview_page(document))}
    for read in reads[0]:  # the printer got what the preview shows, at the same place
        assert read.x_mm == pytest.approx(direct[read.text].x_mm, abs=TOLERANCE_MM)
        assert read.y_mm == pytest.approx(direct[read.text].y_mm, abs=0.5)
    # A4 in, A4 out: the page is not scaled to a printer's margins
    assert pages[0].size == (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI)) or \
        abs(pages[0].size[0] - 210 / 25.4 * DPI) <= 1


def test_cancel_stops_the_print_job_between_pages(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from ui.labels.printing import prepare_printer, print_document

    template = load_template("avery-l7651")
    document = make_document("items", _items(3 * template.per_sheet), template)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    prepare_printer(printer, document)
    painted: list[int] = []
    # the user presses Cancel while page 1 is being painted: pages 2 and 3 are never painted
    done = print_document(document, printer, lambda page, _total: painted.append(page),
                          lambda: bool(painted))
    assert done is False and painted == [1]


def test_calibration_page_cross_and_class_sheet_on_the_painter(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = load_template("avery-l7651")
    cal = _preview_page(make_document("calibration", [], template, PrintOptions(offset_x=1.0,
                                                                                 offset_y=0.5)))
    px = DPI / 25.4
    x, y = (template.left + 1.0) * px, (template.top + 0.5) * px
    # the top-left cross of slot 1 at (left + 1.0, top + 0.5) mm, as on the PDF
    assert min(cal.getpixel((round(x) + dx, round(y))) for dx in (-1, 0, 1)) < 128
    assert cal.getpixel((round(x + 4 * px), round(y + 4 * px))) > 200
    cards = [CardData(f"HS{n:06d}", f"Học sinh số {n}", "Trường THCS Nguyễn Du", "6A", "2025-2026")
             for n in range(30)]
    sheet = make_document("class_sheet", cards, load_template("a4-desk-3x9"))
    codes = Counter(r.text for page in range(len(sheet.pages))
                    for r in decode(_preview_page(sheet, page)))
    assert codes == Counter(c.card for c in cards)


def test_qt_calls_returning_nothing_do_not_eat_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt method that
    returns nothing; printing 1,000 labels makes ~50,000 such calls and the interpreter aborts
    mid-print ("Fatal Python error: none_dealloc"). 6.11.3 is fine. This fails until the
    installed PySide6 is one without the bug."""
    import sys

    from PySide6.QtGui import QColor

    color = QColor(0, 0, 0)
    before = sys.getrefcount(None)
    for _ in range(200):
        color.setRed(10)
    assert before - sys.getrefcount(None) < 20, (
        "this PySide6 leaks references to None: pin pyside6-essentials to a version without "
        "the bug (6.11.3 works) or run on Python >= 3.12")
