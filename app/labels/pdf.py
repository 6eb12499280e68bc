"""PDF documents: sheets of item, spine or combined labels; patron cards; the per-class desk
sheet of patron barcodes; the calibration page. Each function returns the PDF as bytes.

    >>> from app.labels import LabelItem, PrintOptions, load_template, render_labels
    >>> pdf = render_labels("items", [LabelItem("TK.00003", "Mắt biếc", "Thư viện")],
    ...                     load_template("avery-l7651"), PrintOptions(start=5))  # doctest: +SKIP
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.errors import ValidationError
from app.i18n import Text
from app.labels.cards import draw_card, draw_desk_entry
from app.labels.draw import Box, draw_combined_label, draw_item_label, draw_spine_label
from app.labels.fonts import BOLD, REGULAR, register_fonts
from app.labels.layout import Placement, PrintOptions, check_options, place
from app.labels.model import CardData, LabelItem
from app.labels.templates import SheetTemplate
from app.text import nfc

LabelKind = Literal["items", "spine", "combined"]
KINDS: dict[str, Callable[[Canvas, Box, LabelItem], None]] = {
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


def _canvas(buffer: io.BytesIO, template: SheetTemplate, title: str) -> Canvas:
    register_fonts()
    c = Canvas(buffer, pagesize=(template.page_width * mm, template.page_height * mm),
               pageCompression=1)
    c.setTitle(nfc(title))
    c.setCreator("ThuVien")
    return c


def _box(template: SheetTemplate, p: Placement) -> Box:
    return Box(p.x * mm, (template.page_height - p.y - p.height) * mm, p.width * mm, p.height * mm)


def _outline(c: Canvas, template: SheetTemplate, box: Box) -> None:
    c.saveState()
    c.setStrokeGray(0.6)
    c.setLineWidth(0.3)
    c.roundRect(box.x, box.y, box.w, box.h, template.corner_radius * mm, stroke=1, fill=0)
    c.restoreState()


def _sheets(c: Canvas, template: SheetTemplate, options: PrintOptions, values: Sequence[object],
            draw: Callable[[Canvas, Box, object], None],
            decorate: Callable[[Canvas, int, int], None] | None = None) -> None:
    if not values:
        raise ValidationError("labels.empty", NOTHING)
    check_options(template, options)
    placements = place(template, len(values), options.start, options.offset_x, options.offset_y)
    pages = placements[-1].page + 1
    page = 0
    if decorate:
        decorate(c, 0, pages)
    for value, p in zip(values, placements, strict=True):
        if p.page != page:
            c.showPage()
            page = p.page
            if decorate:
                decorate(c, page, pages)
        box = _box(template, p)
        if options.outlines:
            _outline(c, template, box)
        draw(c, box, value)
    c.showPage()


def render_labels(kind: str, items: Sequence[LabelItem], template: SheetTemplate,
                  options: PrintOptions | None = None) -> bytes:
    """A PDF of *kind* labels (``"items"``, ``"spine"`` or ``"combined"``) for *items*, in order,
    on *template* sheets from slot ``options.start`` with the printer offsets applied."""
    if kind not in KINDS:
        raise ValidationError("labels.kind", BAD_KIND, kind=kind, choices=", ".join(KINDS))
    drawer = KINDS[kind]
    buffer = io.BytesIO()
    c = _canvas(buffer, template, f"ThuVien — {kind} — {template.title}")

    def draw(canvas: Canvas, box: Box, value: object) -> None:
        assert isinstance(value, LabelItem)
        drawer(canvas, box, value)

    _sheets(c, template, options or PrintOptions(), items, draw)
    c.save()
    return buffer.getvalue()


def render_cards(cards: Sequence[CardData], template: SheetTemplate,
                 options: PrintOptions | None = None) -> bytes:
    """A PDF of CR80 patron cards (school, logo, photo, name, class, school year, barcode)."""
    buffer = io.BytesIO()
    c = _canvas(buffer, template, f"ThuVien — cards — {template.title}")

    def draw(canvas: Canvas, box: Box, value: object) -> None:
        assert isinstance(value, CardData)
        draw_card(canvas, box, value, template.corner_radius * mm)

    _sheets(c, template, options or PrintOptions(), cards, draw)
    c.save()
    return buffer.getvalue()


def render_class_sheet(cards: Sequence[CardData], template: SheetTemplate,
                       options: PrintOptions | None = None) -> bytes:
    """A plain-paper sheet for the desk: every patron of a class with name and card barcode,
    headed by the class, school year and school, with page numbers."""
    buffer = io.BytesIO()
    first = cards[0] if cards else CardData("", "")
    c = _canvas(buffer, template, CLASS_HEADING(class_name=first.class_name))
    width, height = template.page_width * mm, template.page_height * mm

    def heading(canvas: Canvas, page: int, pages: int) -> None:
        canvas.setFont(BOLD, 13)
        canvas.drawString(template.left * mm, height - 12 * mm,
                          nfc(CLASS_HEADING(class_name=first.class_name)))
        canvas.setFont(REGULAR, 9)
        parts = [first.school_name] + ([YEAR(year=first.school_year)] if first.school_year else [])
        canvas.drawString(template.left * mm, height - 18 * mm, nfc(" · ".join(p for p in parts if p)))
        canvas.drawRightString(width - template.left * mm, height - 12 * mm,
                               PAGE(page=page + 1, pages=pages))

    def draw(canvas: Canvas, box: Box, value: object) -> None:
        assert isinstance(value, CardData)
        draw_desk_entry(canvas, box, value)

    _sheets(c, template, options or PrintOptions(), cards, draw, heading)
    c.save()
    return buffer.getvalue()


def _ruler(c: Canvas, width: float, height: float) -> None:
    c.setLineWidth(0.25)
    c.setFont(REGULAR, 5)
    for i in range(0, int(width / mm) + 1):
        tick = 3 if i % 10 == 0 else (2 if i % 5 == 0 else 1)
        c.line(i * mm, height, i * mm, height - tick * mm)
        if i % 10 == 0 and 0 < i < width / mm - 3:
            c.drawCentredString(i * mm, height - 5.2 * mm, str(i))
    for i in range(0, int(height / mm) + 1):
        tick = 3 if i % 10 == 0 else (2 if i % 5 == 0 else 1)
        c.line(0, height - i * mm, tick * mm, height - i * mm)
        if i % 10 == 0 and 0 < i < height / mm - 3:
            c.drawString(3.6 * mm, height - i * mm - 1.7, str(i))


def _cross(c: Canvas, x: float, y: float, arm: float) -> None:
    c.line(x - arm, y, x + arm, y)
    c.line(x, y - arm, x, y + arm)


def render_calibration(template: SheetTemplate, options: PrintOptions | None = None) -> bytes:
    """A calibration page: millimetre rulers along the top and left page edges (not moved by the
    offsets), every label's outline, crosses on its corners and its slot number (moved by the
    offsets), and instructions for measuring the printer's offsets."""
    options = options or PrintOptions()
    check_options(template, options)
    buffer = io.BytesIO()
    c = _canvas(buffer, template, CAL_TITLE(title=template.title))
    width, height = template.page_width * mm, template.page_height * mm
    _ruler(c, width, height)
    arm = min(2.5, template.label_width / 4, template.label_height / 4) * mm
    for p in place(template, template.per_sheet, 1, options.offset_x, options.offset_y):
        box = _box(template, p)
        _outline(c, template, box)
        c.setLineWidth(0.3)
        for x in (box.x, box.x + box.w):
            for y in (box.y, box.top):
                _cross(c, x, y, arm)
        c.setFont(BOLD, min(12.0, box.h * 0.3))
        c.drawCentredString(box.x + box.w / 2, box.y + box.h / 2 - min(12.0, box.h * 0.3) / 3,
                            str(p.slot))
    c.setFont(REGULAR, 6.5)
    text = c.beginText(12 * mm, 4.2 * mm)
    help_text = nfc(CAL_HELP(x=f"{options.offset_x:g}", y=f"{options.offset_y:g}"))
    c.setFillGray(1)
    c.rect(10 * mm, 1 * mm, width - 20 * mm, 9 * mm, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont(BOLD, 8)
    c.drawString(12 * mm, 7 * mm, nfc(CAL_TITLE(title=template.title)))
    text.setFont(REGULAR, 5.2)
    for line in _wrap(help_text, REGULAR, 5.2, width - 24 * mm):
        text.textLine(line)
    c.drawText(text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from app.labels.fonts import text_width

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
