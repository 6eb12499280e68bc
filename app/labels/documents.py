"""Whole documents as recordings: sheets of item, spine or combined labels, patron cards, the
per-class desk sheet of patron barcodes and the calibration page.

Each function draws once onto a :class:`~app.labels.surface.Recording`; the recording becomes
a PDF (:func:`app.labels.pdf.to_pdf`), a preview on screen or a print job (``ui.labels``).

    >>> from app.labels import LabelItem, load_template
    >>> doc = labels_document("items", [LabelItem("TK.00003", "Mắt biếc", "Thư viện")],
    ...                       load_template("avery-l7651"), PrintOptions(start=5))
    >>> len(doc.pages), (doc.width_mm, doc.height_mm)
    (1, (210.0, 297.0))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.errors import ValidationError
from app.i18n import Text
from app.labels.cards import draw_card, draw_desk_entry
from app.labels.draw import (
    Box,
    draw_combined_label,
    draw_item_label,
    draw_spine_label,
)
from app.labels.fonts import BOLD, REGULAR, register_fonts, text_width
from app.labels.layout import Placement, PrintOptions, check_options, place
from app.labels.model import CardData, LabelItem
from app.labels.surface import MM, Recording, Surface
from app.labels.templates import SheetTemplate
from app.text import nfc

KINDS: dict[str, Callable[[Surface, Box, LabelItem], None]] = {
    "items": draw_item_label,
    "spine": draw_spine_label,
    "combined": draw_combined_label,
}
NOTHING = Text("Không có gì để in: danh sách trống", "Nothing to print: the selection is empty")
BAD_KIND = Text("Loại nhãn “{kind}” không có (chọn: {choices})",
                "There is no “{kind}” label kind (choose: {choices})")
CLASS_HEADING = Text("Mã thẻ bạn đọc — lớp {class_name}", "Patron barcodes — class {class_name}")
YEAR = Text("Năm học {year}", "School year {year}")
PAGE = Text("Trang {page}/{pages}", "Page {page} of {pages}")
CAL_TITLE = Text("Trang căn chỉnh — {title}", "Calibration page — {title}")
CAL_HELP = Text(
    "In trang này trên giấy thường với độ lệch hiện tại (ngang {x} mm, dọc {y} mm), đặt lên tờ nhãn và soi "
    "ra ánh sáng. Đo khoảng cách từ dấu chữ thập đến góc nhãn thật: nhãn thật nằm bên phải/bên dưới thì "
    "cộng số mm đó vào độ lệch ngang/dọc, bên trái/bên trên thì trừ.",
    "Print this page on plain paper with the current offsets ({x} mm across, {y} mm down), lay it on a "
    "label sheet and hold both against the light. Measure from each cross to the real label corner: if "
    "the real label lies right/below, add that many mm to the across/down offset; left/above, subtract.",
)


def _document(template: SheetTemplate, title: str) -> Recording:
    register_fonts()  # text widths are measured while drawing
    return Recording(template.page_width, template.page_height, nfc(title))


def _box(template: SheetTemplate, p: Placement) -> Box:
    return Box(p.x * MM, (template.page_height - p.y - p.height) * MM, p.width * MM, p.height * MM)


# An office printer leaves the edges of the paper blank (about 4 mm on lasers, a little less on
# inkjets). On a sheet whose labels run to the paper's edge (Herma 4464, "tràn lề"), the top
# row's library name, the bottom row's title and the outer columns' text were drawn 0.5-1.5 mm
# from the edge and came out cut. Every label of such a sheet keeps what it shows that far in
# from its own edges (the same on every label, so a sheet looks even); the label's outline and
# position do not move. A page the size of a label or two goes to a label printer, which
# prints to its edges: no margin there.
PRINTER_MARGIN_MM = 4.0
_OWN_PAD_MM = 0.8  # what every label kind keeps in from its edges (marks above capitals rise into its 1.2 mm pad)
_SHEET_MIN_MM = 100.0


def printable(template: SheetTemplate, box: Box) -> Box:
    """*box* drawn inside what an office printer reaches on every label of *template*."""
    if min(template.page_width, template.page_height) < _SHEET_MIN_MM:
        return box
    t = template
    right = t.page_width - (t.left + (t.columns - 1) * t.pitch_x + t.label_width)
    bottom = t.page_height - (t.top + (t.rows - 1) * t.pitch_y + t.label_height)
    dx = max(0.0, PRINTER_MARGIN_MM - _OWN_PAD_MM - min(t.left, right))
    dy = max(0.0, PRINTER_MARGIN_MM - _OWN_PAD_MM - min(t.top, bottom))
    if not dx and not dy:
        return box
    return box.inset(dx * MM, dy * MM)


def _outline(s: Surface, template: SheetTemplate, box: Box) -> None:
    s.save()
    s.set_stroke(0.6)
    s.set_line_width(0.3)
    s.round_rect(box.x, box.y, box.w, box.h, template.corner_radius * MM)
    s.restore()


def _sheets(doc: Recording, template: SheetTemplate, options: PrintOptions, values: Sequence[object],
            draw: Callable[[Surface, Box, object], None],
            decorate: Callable[[Surface, int, int], None] | None = None) -> None:
    if not values:
        raise ValidationError("labels.empty", NOTHING)
    check_options(template, options)
    placements = place(template, len(values), options.start, options.offset_x, options.offset_y)
    pages = placements[-1].page + 1
    page = 0
    if decorate:
        decorate(doc, 0, pages)
    for value, p in zip(values, placements, strict=True):
        if p.page != page:
            doc.new_page()
            page = p.page
            if decorate:
                decorate(doc, page, pages)
        box = _box(template, p)
        if options.outlines:
            _outline(doc, template, box)
        draw(doc, printable(template, box), value)
    doc.new_page()


def labels_document(kind: str, items: Sequence[LabelItem], template: SheetTemplate,
                    options: PrintOptions | None = None) -> Recording:
    """*kind* labels (``"items"``, ``"spine"`` or ``"combined"``) for *items*, in order, on
    *template* sheets from slot ``options.start`` with the printer offsets applied."""
    if kind not in KINDS:
        raise ValidationError("labels.kind", BAD_KIND, kind=kind, choices=", ".join(KINDS))
    drawer = KINDS[kind]
    doc = _document(template, f"ThuVien — {kind} — {template.title}")

    def draw(surface: Surface, box: Box, value: object) -> None:
        assert isinstance(value, LabelItem)
        drawer(surface, box, value)

    _sheets(doc, template, options or PrintOptions(), items, draw)
    return doc


def cards_document(cards: Sequence[CardData], template: SheetTemplate,
                   options: PrintOptions | None = None) -> Recording:
    """CR80 patron cards (school, logo, photo, name, class, school year, barcode)."""
    doc = _document(template, f"ThuVien — cards — {template.title}")

    def draw(surface: Surface, box: Box, value: object) -> None:
        assert isinstance(value, CardData)
        draw_card(surface, box, value, template.corner_radius * MM)

    _sheets(doc, template, options or PrintOptions(), cards, draw)
    return doc


def class_sheet_document(cards: Sequence[CardData], template: SheetTemplate,
                         options: PrintOptions | None = None) -> Recording:
    """A plain-paper sheet for the desk: every patron of a class with name and card barcode,
    headed by the class, school year and school, with page numbers."""
    first = cards[0] if cards else CardData("", "")
    doc = _document(template, CLASS_HEADING(class_name=first.class_name))
    width, height = template.page_width * MM, template.page_height * MM

    def heading(s: Surface, page: int, pages: int) -> None:
        s.set_font(BOLD, 13)
        s.text(template.left * MM, height - 12 * MM, nfc(CLASS_HEADING(class_name=first.class_name)))
        s.set_font(REGULAR, 9)
        parts = [first.school_name] + ([YEAR(year=first.school_year)] if first.school_year else [])
        s.text(template.left * MM, height - 18 * MM, nfc(" · ".join(p for p in parts if p)))
        s.text(width - template.left * MM, height - 12 * MM, PAGE(page=page + 1, pages=pages),
               "right")

    def draw(surface: Surface, box: Box, value: object) -> None:
        assert isinstance(value, CardData)
        draw_desk_entry(surface, box, value)

    _sheets(doc, template, options or PrintOptions(), cards, draw, heading)
    return doc


def _ruler(s: Surface, width: float, height: float) -> None:
    s.set_line_width(0.25)
    s.set_font(REGULAR, 5)
    for i in range(0, int(width / MM) + 1):
        tick = 3 if i % 10 == 0 else (2 if i % 5 == 0 else 1)
        s.line(i * MM, height, i * MM, height - tick * MM)
        if i % 10 == 0 and 0 < i < width / MM - 3:
            s.text(i * MM, height - 5.2 * MM, str(i), "centre")
    for i in range(0, int(height / MM) + 1):
        tick = 3 if i % 10 == 0 else (2 if i % 5 == 0 else 1)
        s.line(0, height - i * MM, tick * MM, height - i * MM)
        if i % 10 == 0 and 0 < i < height / MM - 3:
            s.text(3.6 * MM, height - i * MM - 1.7, str(i))


def _cross(s: Surface, x: float, y: float, arm: float) -> None:
    s.line(x - arm, y, x + arm, y)
    s.line(x, y - arm, x, y + arm)


def calibration_document(template: SheetTemplate, options: PrintOptions | None = None) -> Recording:
    """A calibration page: millimetre rulers along the top and left page edges (not moved by the
    offsets), every label's outline, crosses on its corners and its slot number (moved by the
    offsets), and instructions for measuring the printer's offsets."""
    options = options or PrintOptions()
    check_options(template, options)
    doc = _document(template, CAL_TITLE(title=template.title))
    width, height = template.page_width * MM, template.page_height * MM
    _ruler(doc, width, height)
    arm = min(2.5, template.label_width / 4, template.label_height / 4) * MM
    for p in place(template, template.per_sheet, 1, options.offset_x, options.offset_y):
        box = _box(template, p)
        _outline(doc, template, box)
        doc.set_line_width(0.3)
        for x in (box.x, box.x + box.w):
            for y in (box.y, box.top):
                _cross(doc, x, y, arm)
        doc.set_font(BOLD, min(12.0, box.h * 0.3))
        doc.text(box.x + box.w / 2, box.y + box.h / 2 - min(12.0, box.h * 0.3) / 3, str(p.slot),
                 "centre")
    doc.set_font(REGULAR, 6.5)
    help_text = nfc(CAL_HELP(x=f"{options.offset_x:g}", y=f"{options.offset_y:g}"))
    doc.set_fill(1)
    doc.rect(10 * MM, 1 * MM, width - 20 * MM, 9 * MM, stroke=False, fill=True)
    doc.set_fill(0)
    doc.set_font(BOLD, 8)
    doc.text(12 * MM, 7 * MM, nfc(CAL_TITLE(title=template.title)))
    doc.text_lines(12 * MM, 4.2 * MM, _wrap(help_text, REGULAR, 5.2, width - 24 * MM), REGULAR, 5.2)
    doc.new_page()
    return doc


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


DOCUMENTS = ("items", "spine", "combined", "cards", "class_sheet", "calibration")


def make_document(kind: str, values: Sequence[LabelItem] | Sequence[CardData],
                  template: SheetTemplate, options: PrintOptions | None = None) -> Recording:
    """Any document by name: labels of *kind* for :class:`LabelItem` values, ``"cards"`` or
    ``"class_sheet"`` of :class:`CardData` values, or the ``"calibration"`` page (no values)."""
    if kind == "calibration":
        return calibration_document(template, options)
    if kind in ("cards", "class_sheet"):
        cards = [v for v in values if isinstance(v, CardData)]
        draw = cards_document if kind == "cards" else class_sheet_document
        return draw(cards, template, options)
    return labels_document(kind, [v for v in values if isinstance(v, LabelItem)], template, options)
