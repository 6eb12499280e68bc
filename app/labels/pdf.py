"""PDF documents: sheets of item, spine or combined labels; patron cards; the per-class desk
sheet of patron barcodes; the calibration page. Each ``render_*`` function returns the PDF as
bytes; :func:`to_pdf` turns any recorded document (:mod:`app.labels.documents`) into a PDF.

    >>> from app.labels import LabelItem, PrintOptions, load_template, render_labels
    >>> pdf = render_labels("items", [LabelItem("TK.00003", "Mắt biếc", "Thư viện")],
    ...                     load_template("avery-l7651"), PrintOptions(start=5))  # doctest: +SKIP
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.labels.documents import (
    calibration_document,
    cards_document,
    class_sheet_document,
    labels_document,
)
from app.labels.fonts import register_fonts
from app.labels.layout import PrintOptions
from app.labels.model import CardData, LabelItem
from app.labels.surface import MM, Align, Bars, Color, ImageSource, Recording
from app.labels.templates import SheetTemplate

LabelKind = Literal["items", "spine", "combined"]


class PdfSurface:
    """The :class:`~app.labels.surface.Surface` of a ReportLab canvas (one call, one canvas
    operation: PDF units and origin are the surface's own)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas

    def set_font(self, name: str, size: float) -> None:
        """See :meth:`Surface.set_font`."""
        self.canvas.setFont(name, size)

    def set_fill(self, color: Color) -> None:
        """See :meth:`Surface.set_fill`."""
        if isinstance(color, tuple):
            self.canvas.setFillColorRGB(*color)
        else:
            self.canvas.setFillGray(color)

    def set_stroke(self, color: Color) -> None:
        """See :meth:`Surface.set_stroke`."""
        if isinstance(color, tuple):
            self.canvas.setStrokeColorRGB(*color)
        else:
            self.canvas.setStrokeGray(color)

    def set_line_width(self, width: float) -> None:
        """See :meth:`Surface.set_line_width`."""
        self.canvas.setLineWidth(width)

    def set_dash(self, on: float, off: float) -> None:
        """See :meth:`Surface.set_dash`."""
        self.canvas.setDash(on, off)

    def save(self) -> None:
        """See :meth:`Surface.save`."""
        self.canvas.saveState()

    def restore(self) -> None:
        """See :meth:`Surface.restore`."""
        self.canvas.restoreState()

    def text(self, x: float, y: float, text: str, align: Align = "left") -> None:
        """See :meth:`Surface.text`."""
        if align == "centre":
            self.canvas.drawCentredString(x, y, text)
        elif align == "right":
            self.canvas.drawRightString(x, y, text)
        else:
            self.canvas.drawString(x, y, text)

    def text_lines(self, x: float, y: float, lines: Sequence[str], font: str, size: float) -> None:
        """See :meth:`Surface.text_lines`."""
        block = self.canvas.beginText(x, y)
        block.setFont(font, size)
        for line in lines:
            block.textLine(line)
        self.canvas.drawText(block)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """See :meth:`Surface.line`."""
        self.canvas.line(x1, y1, x2, y2)

    def rect(self, x: float, y: float, w: float, h: float, stroke: bool = True,
             fill: bool = False) -> None:
        """See :meth:`Surface.rect`."""
        self.canvas.rect(x, y, w, h, stroke=int(stroke), fill=int(fill))

    def round_rect(self, x: float, y: float, w: float, h: float, radius: float,
                   stroke: bool = True, fill: bool = False) -> None:
        """See :meth:`Surface.round_rect`."""
        self.canvas.roundRect(x, y, w, h, radius, stroke=int(stroke), fill=int(fill))

    def bars(self, x: float, y: float, module: float, height: float, bars: Bars) -> None:
        """See :meth:`Surface.bars`."""
        # In a coordinate system of one module across and the bar height up, every bar is an
        # integer rectangle: one "re" per bar and a single fill, cheap to write and exact.
        ops = " ".join(f"{start} 0 {width} 1 re" for start, width in bars)
        self.canvas.addLiteral(f"q {module:.4f} 0 0 {height:.4f} {x:.4f} {y:.4f} cm {ops} f Q")

    def image(self, source: ImageSource, x: float, y: float, w: float, h: float,
              transparent: bool = False) -> None:
        """See :meth:`Surface.image`."""
        image = str(source) if not isinstance(source, bytes) else ImageReader(io.BytesIO(source))
        self.canvas.drawImage(image, x, y, w, h, preserveAspectRatio=True, anchor="c",
                              mask="auto" if transparent else None)


def to_pdf(document: Recording) -> bytes:
    """The PDF of a recorded document: one page per recorded page, the bundled font embedded."""
    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(document.width_mm * MM, document.height_mm * MM), pageCompression=1)
    c.setTitle(document.title)
    c.setCreator("ThuVien")
    surface = PdfSurface(c)
    for page in range(len(document.pages)):
        document.replay(page, surface)
        c.showPage()
    c.save()
    return buffer.getvalue()


def render_labels(kind: str, items: Sequence[LabelItem], template: SheetTemplate,
                  options: PrintOptions | None = None) -> bytes:
    """A PDF of *kind* labels (``"items"``, ``"spine"`` or ``"combined"``) for *items*, in order,
    on *template* sheets from slot ``options.start`` with the printer offsets applied."""
    return to_pdf(labels_document(kind, items, template, options))


def render_cards(cards: Sequence[CardData], template: SheetTemplate,
                 options: PrintOptions | None = None) -> bytes:
    """A PDF of CR80 patron cards (school, logo, photo, name, class, school year, barcode)."""
    return to_pdf(cards_document(cards, template, options))


def render_class_sheet(cards: Sequence[CardData], template: SheetTemplate,
                       options: PrintOptions | None = None) -> bytes:
    """A plain-paper sheet for the desk: every patron of a class with name and card barcode,
    headed by the class, school year and school, with page numbers."""
    return to_pdf(class_sheet_document(cards, template, options))


def render_calibration(template: SheetTemplate, options: PrintOptions | None = None) -> bytes:
    """A calibration page: millimetre rulers along the top and left page edges (not moved by the
    offsets), every label's outline, crosses on its corners and its slot number (moved by the
    offsets), and instructions for measuring the printer's offsets."""
    return to_pdf(calibration_document(template, options))
