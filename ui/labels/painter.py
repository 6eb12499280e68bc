"""The label drawing surface on a QPainter: the screen preview and printers get the very same
drawing as the PDF, with nothing outside the application bundle (no poppler, no PDF engine).

A recorded document (:class:`app.labels.surface.Recording`) is replayed onto a
:class:`PainterSurface`. Text is drawn as glyph runs of the bundled TTF (``QRawFont`` from the
file itself, so no installed font can stand in for it) placed with the PDF's own advance widths;
barcode bars are filled rectangles; sizes follow the device's resolution exactly.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGlyphRun, QImage, QPainter, QPen, QRawFont

from app.labels.fonts import BOLD, REGULAR, font_path, register_fonts
from app.labels.surface import MM, Align, Bars, Color, ImageSource, Recording


def _color(value: Color) -> QColor:
    if isinstance(value, tuple):
        return QColor.fromRgbF(*value)
    return QColor.fromRgbF(value, value, value)


@dataclass(frozen=True)
class _State:
    font: str = REGULAR
    size: float = 12.0
    fill: QColor = field(default_factory=lambda: QColor(0, 0, 0))
    stroke: QColor = field(default_factory=lambda: QColor(0, 0, 0))
    line_width: float = 1.0
    dash: tuple[float, float] | None = None


_local = threading.local()


def _raw_font(name: str) -> QRawFont:
    """The bundled face as a QRawFont, one per thread (QRawFont is not shared across threads)."""
    fonts: dict[str, QRawFont] = getattr(_local, "fonts", None) or {}
    _local.fonts = fonts
    if name not in fonts:
        data = font_path(bold=name == BOLD).read_bytes()
        fonts[name] = QRawFont(data, 12.0, QFont.HintingPreference.PreferNoHinting)
    return fonts[name]


@lru_cache(maxsize=65536)
def _advance(font: str, char: str) -> float:
    """Advance width of *char* in thousandths of an em, as the PDF positions it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(char, font, 1000))


@lru_cache(maxsize=64)
def _qimage(source: ImageSource, transparent: bool) -> QImage | None:
    """Decode with Pillow (as the PDF does), so no Qt image plugin is needed."""
    try:
        with Image.open(io.BytesIO(source) if isinstance(source, bytes) else Path(source)) as image:
            rgba = image.convert("RGBA" if transparent else "RGB").convert("RGBA")
    except Exception:  # an unreadable image is left out, as the PDF leaves out a damaged photo
        return None
    data = rgba.tobytes()
    return QImage(data, rgba.width, rgba.height, 4 * rgba.width,
                  QImage.Format.Format_RGBA8888).copy()


class PainterSurface:
    """A :class:`~app.labels.surface.Surface` on *painter*: *scale* device pixels per point,
    the page's top-left corner at device (0, 0) and the page *page_height* points tall."""

    def __init__(self, painter: QPainter, scale: float, page_height: float) -> None:
        register_fonts()
        self.painter = painter
        self.scale = scale
        self.page_height = page_height
        self._state = _State()
        self._stack: list[_State] = []
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)

    def _x(self, x: float) -> float:
        return x * self.scale

    def _y(self, y: float) -> float:
        return (self.page_height - y) * self.scale

    def _rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self._x(x), self._y(y + h), w * self.scale, h * self.scale)

    def _pen(self) -> QPen:
        s = self._state
        pen = QPen(s.stroke, s.line_width * self.scale, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin)
        if s.dash is not None and s.line_width > 0:
            pen.setDashPattern([s.dash[0] / s.line_width, s.dash[1] / s.line_width])
        return pen

    def _shape_pens(self, stroke: bool, fill: bool) -> None:
        self.painter.setPen(self._pen() if stroke else Qt.PenStyle.NoPen)
        self.painter.setBrush(self._state.fill if fill else Qt.BrushStyle.NoBrush)

    # -- state -------------------------------------------------------------------------------
    def set_font(self, name: str, size: float) -> None:
        """See :meth:`Surface.set_font`."""
        self._state = replace(self._state, font=name if name in (REGULAR, BOLD) else REGULAR,
                              size=size)

    def set_fill(self, color: Color) -> None:
        """See :meth:`Surface.set_fill`."""
        self._state = replace(self._state, fill=_color(color))

    def set_stroke(self, color: Color) -> None:
        """See :meth:`Surface.set_stroke`."""
        self._state = replace(self._state, stroke=_color(color))

    def set_line_width(self, width: float) -> None:
        """See :meth:`Surface.set_line_width`."""
        self._state = replace(self._state, line_width=width)

    def set_dash(self, on: float, off: float) -> None:
        """See :meth:`Surface.set_dash`."""
        self._state = replace(self._state, dash=(on, off))

    def save(self) -> None:
        """See :meth:`Surface.save`."""
        self._stack.append(self._state)

    def restore(self) -> None:
        """See :meth:`Surface.restore`."""
        if self._stack:
            self._state = self._stack.pop()

    # -- drawing -----------------------------------------------------------------------------
    def text(self, x: float, y: float, text: str, align: Align = "left") -> None:
        """See :meth:`Surface.text`."""
        if not text:
            return
        font, size = self._state.font, self._state.size
        advances = [_advance(font, ch) * size / 1000 for ch in text]
        width = sum(advances)
        left = x - (width / 2 if align == "centre" else width if align == "right" else 0.0)
        raw = _raw_font(font)
        raw.setPixelSize(size * self.scale)
        glyphs = raw.glyphIndexesForString(text)
        if len(glyphs) != len(text):  # characters outside the BMP: let the font place them
            positions = [QPointF(0, 0)]
            for step in raw.advancesForGlyphIndexes(glyphs)[:-1]:
                positions.append(positions[-1] + step)
        else:
            positions, pen = [], 0.0
            for advance in advances:
                positions.append(QPointF(pen * self.scale, 0))
                pen += advance
        run = QGlyphRun()
        run.setRawFont(raw)
        run.setGlyphIndexes(glyphs)
        run.setPositions(positions)
        self.painter.setPen(QPen(self._state.fill))
        self.painter.drawGlyphRun(QPointF(self._x(left), self._y(y)), run)

    def text_lines(self, x: float, y: float, lines: Sequence[str], font: str, size: float) -> None:
        """See :meth:`Surface.text_lines`."""
        kept = self._state
        self.set_font(font, size)
        for index, line in enumerate(lines):
            self.text(x, y - index * size * 1.2, line)
        self._state = kept

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """See :meth:`Surface.line`."""
        self.painter.setPen(self._pen())
        self.painter.drawLine(QPointF(self._x(x1), self._y(y1)), QPointF(self._x(x2), self._y(y2)))

    def rect(self, x: float, y: float, w: float, h: float, stroke: bool = True,
             fill: bool = False) -> None:
        """See :meth:`Surface.rect`."""
        self._shape_pens(stroke, fill)
        self.painter.drawRect(self._rect(x, y, w, h))

    def round_rect(self, x: float, y: float, w: float, h: float, radius: float,
                   stroke: bool = True, fill: bool = False) -> None:
        """See :meth:`Surface.round_rect`."""
        self._shape_pens(stroke, fill)
        r = radius * self.scale
        self.painter.drawRoundedRect(self._rect(x, y, w, h), r, r)

    def bars(self, x: float, y: float, module: float, height: float, bars: Bars) -> None:
        """See :meth:`Surface.bars`."""
        top, bottom = self._y(y + height), self._y(y)
        rects = []
        for start, width in bars:
            left = self._x(x + start * module)
            right = self._x(x + (start + width) * module)
            rects.append(QRectF(left, top, right - left, bottom - top))
        self._shape_pens(stroke=False, fill=True)
        self.painter.drawRects(rects)  # one call per symbol: a short print spool

    def image(self, source: ImageSource, x: float, y: float, w: float, h: float,
              transparent: bool = False) -> None:
        """See :meth:`Surface.image`."""
        image = _qimage(source, transparent)
        if image is None or image.isNull():
            return
        fit = min(w / image.width(), h / image.height())
        dw, dh = image.width() * fit, image.height() * fit
        self.painter.drawImage(self._rect(x + (w - dw) / 2, y + (h - dh) / 2, dw, dh), image)


def paint_page(painter: QPainter, document: Recording, page: int, scale: float) -> None:
    """Replay *page* of *document* with its top-left corner at the painter's origin, *scale*
    device pixels per point."""
    document.replay(page, PainterSurface(painter, scale, document.height_mm * MM))


def page_image(document: Recording, page: int, dpi: float) -> QImage:
    """*page* of *document* as a white RGB image at *dpi* (what a printer at *dpi* receives)."""
    scale = dpi / 72
    image = QImage(round(document.width_mm * MM * scale), round(document.height_mm * MM * scale),
                   QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        paint_page(painter, document, page, scale)
    finally:
        painter.end()
    return image
