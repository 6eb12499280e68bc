"""The drawing surface labels and cards are drawn on, and a recording of it.

Drawing code (:mod:`app.labels.draw`, :mod:`app.labels.cards`, :mod:`app.labels.documents`)
talks to a :class:`Surface`: a small, stateful subset of a PDF page (font, colours, line
width, strings, lines, rectangles, barcode bars, images). Lengths are PDF points with the
origin at the page's bottom-left corner. Two surfaces implement it:

* :class:`app.labels.pdf.PdfSurface` writes to a ReportLab canvas (the PDF files);
* ``ui.labels.painter.PainterSurface`` paints with a QPainter (screen preview, printers).

A :class:`Recording` is a surface that keeps every call, page by page, so a document is drawn
once (off the GUI thread) and replayed onto the PDF, the screen or a printer: the three show
exactly the same drawing.

    >>> rec = Recording(210, 297, "demo")
    >>> rec.set_font("ThuVienSans", 9)
    >>> rec.text(10, 20, "Thư viện", "centre")
    >>> rec.new_page()
    >>> len(rec.pages), rec.pages[0][-1]
    (1, ('text', (10, 20, 'Thư viện', 'centre')))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

Align = Literal["left", "centre", "right"]
Color = float | tuple[float, float, float]  # a grey level 0..1, or (r, g, b) each 0..1
Bars = Sequence[tuple[int, int]]  # (start, width) in modules, as app.labels.code128 gives them
ImageSource = bytes | Path


class Surface(Protocol):
    """One page at a time; state (font, colours, line width, dash) persists until changed or
    until :meth:`restore`, and resets to the defaults on every new page (font regular 12 pt,
    black, line width 1 pt, solid lines)."""

    def set_font(self, name: str, size: float) -> None:
        """Use the bundled face *name* (``fonts.REGULAR`` or ``fonts.BOLD``) at *size* points."""

    def set_fill(self, color: Color) -> None:
        """Colour of text and filled shapes."""

    def set_stroke(self, color: Color) -> None:
        """Colour of lines and outlines."""

    def set_line_width(self, width: float) -> None:
        """Width of lines and outlines in points."""

    def set_dash(self, on: float, off: float) -> None:
        """Dashed lines: *on* points drawn, *off* points left out."""

    def save(self) -> None:
        """Push the current state."""

    def restore(self) -> None:
        """Pop the state pushed by the matching :meth:`save`."""

    def text(self, x: float, y: float, text: str, align: Align = "left") -> None:
        """One line of *text* with its baseline at *y*; *x* is its left end, centre or right end."""

    def text_lines(self, x: float, y: float, lines: Sequence[str], font: str, size: float) -> None:
        """Left-aligned lines from baseline *y* downwards, 1.2 × *size* apart, in *font*."""

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """A straight line."""

    def rect(self, x: float, y: float, w: float, h: float, stroke: bool = True,
             fill: bool = False) -> None:
        """A rectangle with (x, y) its bottom-left corner."""

    def round_rect(self, x: float, y: float, w: float, h: float, radius: float,
                   stroke: bool = True, fill: bool = False) -> None:
        """A rectangle with rounded corners of *radius* points."""

    def bars(self, x: float, y: float, module: float, height: float, bars: Bars) -> None:
        """Filled barcode bars: bar (start, width) covers x + start·module … x + (start+width)·module
        and y … y + height."""

    def image(self, source: ImageSource, x: float, y: float, w: float, h: float,
              transparent: bool = False) -> None:
        """An image (file or encoded bytes) fitted into the box, aspect kept, centred; with
        *transparent* its alpha channel is honoured."""


MM = 72 / 25.4  # points per millimetre (the same value as ReportLab's units.mm)
Op = tuple[str, tuple[Any, ...]]


@dataclass
class Recording:
    """A :class:`Surface` that records calls. ``pages`` holds the finished pages (call
    :meth:`new_page` after each, including the last), sizes are in millimetres."""

    width_mm: float
    height_mm: float
    title: str = ""
    pages: list[list[Op]] = field(default_factory=list)
    _current: list[Op] = field(default_factory=list, repr=False)

    def new_page(self) -> None:
        """Finish the current page."""
        self.pages.append(self._current)
        self._current = []

    def replay(self, page: int, surface: Surface) -> None:
        """Draw page *page* (0-based) onto *surface*."""
        for name, args in self.pages[page]:
            getattr(surface, name)(*args)

    def _op(self, name: str, *args: Any) -> None:
        self._current.append((name, args))

    def set_font(self, name: str, size: float) -> None:
        """Recorded :meth:`Surface.set_font`."""
        self._op("set_font", name, size)

    def set_fill(self, color: Color) -> None:
        """Recorded :meth:`Surface.set_fill`."""
        self._op("set_fill", color)

    def set_stroke(self, color: Color) -> None:
        """Recorded :meth:`Surface.set_stroke`."""
        self._op("set_stroke", color)

    def set_line_width(self, width: float) -> None:
        """Recorded :meth:`Surface.set_line_width`."""
        self._op("set_line_width", width)

    def set_dash(self, on: float, off: float) -> None:
        """Recorded :meth:`Surface.set_dash`."""
        self._op("set_dash", on, off)

    def save(self) -> None:
        """Recorded :meth:`Surface.save`."""
        self._op("save")

    def restore(self) -> None:
        """Recorded :meth:`Surface.restore`."""
        self._op("restore")

    def text(self, x: float, y: float, text: str, align: Align = "left") -> None:
        """Recorded :meth:`Surface.text`."""
        self._op("text", x, y, text, align)

    def text_lines(self, x: float, y: float, lines: Sequence[str], font: str, size: float) -> None:
        """Recorded :meth:`Surface.text_lines`."""
        self._op("text_lines", x, y, tuple(lines), font, size)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """Recorded :meth:`Surface.line`."""
        self._op("line", x1, y1, x2, y2)

    def rect(self, x: float, y: float, w: float, h: float, stroke: bool = True,
             fill: bool = False) -> None:
        """Recorded :meth:`Surface.rect`."""
        self._op("rect", x, y, w, h, stroke, fill)

    def round_rect(self, x: float, y: float, w: float, h: float, radius: float,
                   stroke: bool = True, fill: bool = False) -> None:
        """Recorded :meth:`Surface.round_rect`."""
        self._op("round_rect", x, y, w, h, radius, stroke, fill)

    def bars(self, x: float, y: float, module: float, height: float, bars: Bars) -> None:
        """Recorded :meth:`Surface.bars`."""
        self._op("bars", x, y, module, height, tuple(bars))

    def image(self, source: ImageSource, x: float, y: float, w: float, h: float,
              transparent: bool = False) -> None:
        """Recorded :meth:`Surface.image`."""
        self._op("image", source, x, y, w, h, transparent)
