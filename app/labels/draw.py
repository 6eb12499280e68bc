"""Drawing one label's content into a box on a :class:`~app.labels.surface.Surface`.

Boxes are in PDF points with the origin at the bottom-left (ReportLab's convention). Sizes
adapt to the label: a 38.1 × 21.2 mm sticker and a 99 × 38 mm one both come out readable.
Every string is normalised to NFC before it is measured or drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import Text
from app.labels.code128 import QUIET_MODULES, code128_bars
from app.labels.fonts import BOLD, REGULAR, text_width
from app.labels.model import LabelItem
from app.labels.surface import MM, Surface
from app.text import nfc

MIN_MODULE_MM = 0.16  # narrowest bar that still scans reliably from a 300 dpi laser print
MAX_MODULE_MM = 0.40
ELLIPSIS = "…"
TOO_SMALL = Text(
    "Mã vạch “{value}” quá dài cho nhãn này (vạch hẹp {module} mm < {minimum} mm): hãy chọn mẫu nhãn lớn hơn",
    "Barcode “{value}” is too long for this label (bars {module} mm < {minimum} mm): choose a larger label",
)


@dataclass(frozen=True)
class Box:
    """A rectangle in points; (x, y) is its bottom-left corner."""

    x: float
    y: float
    w: float
    h: float

    def inset(self, dx: float, dy: float | None = None) -> Box:
        """The box shrunk by *dx* left and right and *dy* (default *dx*) top and bottom."""
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    @property
    def top(self) -> float:
        """y of the top edge."""
        return self.y + self.h


def clean(text: str) -> str:
    """NFC, single spaces, and no trailing ISBD punctuation (" /", " :", " ;", " =", ".")."""
    text = " ".join(nfc(text).split())
    while text and text[-1] in "/:;=,." and not text.endswith("..."):
        text = text[:-1].rstrip()
    return text


def fit_text(text: str, font: str, size: float, width: float, min_size: float | None = None
             ) -> tuple[str, float]:
    """Shrink *text* down to *min_size* points to fit *width*; if still too wide, cut it at a
    word boundary (or inside a very long word) and end it with "…"."""
    text = clean(text)
    min_size = size if min_size is None else min_size
    if text_width(text, font, size) <= width:
        return text, size
    shrunk = max(min_size, size * width / max(text_width(text, font, size), 1e-6))
    if text_width(text, font, shrunk) <= width:
        return text, shrunk
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",.:;/-–") + ELLIPSIS
        if text_width(candidate, font, min_size) <= width and len(" ".join(words)) >= len(text) // 3:
            return candidate, min_size
    cut = text
    while cut and text_width(cut + ELLIPSIS, font, min_size) > width:
        cut = cut[:-1]
    return (cut.rstrip() + ELLIPSIS) if cut else "", min_size


def draw_centered(c: Surface, text: str, font: str, size: float, box: Box, baseline: float,
                  min_size: float | None = None) -> None:
    """Draw *text* centred in *box* at *baseline*, shrunk or cut to fit its width."""
    shown, used = fit_text(text, font, size, box.w, min_size)
    if shown:
        c.set_font(font, used)
        c.text(box.x + box.w / 2, baseline, shown, "centre")


def draw_barcode(c: Surface, code: str, box: Box, max_module_mm: float = MAX_MODULE_MM) -> float:
    """Draw *code* as Code 128 centred in *box* (quiet zones inside the box); returns the module
    (narrow bar) width in mm. Raises :class:`ValidationError` when the box is too narrow to scan."""
    bars, modules = code128_bars(code)
    module = min(box.w / (modules + 2 * QUIET_MODULES), max_module_mm * MM)
    if module < MIN_MODULE_MM * MM - 1e-9:
        raise ValidationError("labels.barcode.too_small", TOO_SMALL, value=code,
                              module=f"{module / MM:.2f}", minimum=f"{MIN_MODULE_MM:.2f}")
    left = box.x + (box.w - modules * module) / 2
    c.bars(left, box.y, module, box.h, bars)
    return float(module) / float(MM)


def _scale(box: Box, reference_mm: float, cap: float) -> float:
    return float(min(cap, max(0.75, box.h / (reference_mm * MM))))


def draw_item_label(c: Surface, box: Box, item: LabelItem) -> None:
    """Library name, Code 128 barcode, the accession number in bold and a short title."""
    s = _scale(box, 21.2, 1.5)
    pad = min(1.2 * MM, box.h * 0.06)
    inner = box.inset(pad * 1.2, pad)
    small, number = 5.6 * s, 7.8 * s
    y = inner.top - small * 0.8
    if item.library_name:
        draw_centered(c, item.library_name, REGULAR, small, inner, y, small * 0.8)
        y -= small * 0.35
    show_title = bool(item.title) and box.h >= 15 * MM
    bottom = inner.y + (small * 1.1 if show_title else 0)
    number_base = bottom + number * 0.22
    bar_bottom = number_base + number * 0.85
    draw_barcode(c, item.barcode, Box(inner.x, bar_bottom, inner.w, y - bar_bottom))
    draw_centered(c, item.barcode, BOLD, number, inner, number_base)
    if show_title:
        draw_centered(c, item.title, REGULAR, small, inner, inner.y + small * 0.2, small * 0.85)


def draw_spine_label(c: Surface, box: Box, item: LabelItem) -> None:
    """The call number's parts on separate, centred bold lines, as large as the label allows."""
    lines = [clean(line) for line in item.spine if clean(line)] or [item.barcode]
    pad = min(1.5 * MM, box.h * 0.07)
    inner = box.inset(pad)
    # Size as if there were at least 4 lines, so a shelf of spines looks even.
    size = min(14.0, inner.h / (max(len(lines), 4) * 1.18))
    widest = max(text_width(line, BOLD, size) for line in lines)
    if widest > inner.w:
        size = max(5.0, size * inner.w / widest)
    block = len(lines) * size * 1.18
    baseline = inner.y + (inner.h + block) / 2 - size * 0.98
    for line in lines:
        draw_centered(c, line, BOLD, size, inner, baseline)
        baseline -= size * 1.18


def draw_combined_label(c: Surface, box: Box, item: LabelItem) -> None:
    """Spine part on the left, a thin rule, barcode part on the right: one sticker per book."""
    split = box.w * 0.34
    draw_spine_label(c, Box(box.x, box.y, split, box.h), item)
    c.set_line_width(0.4)
    c.line(box.x + split, box.y + box.h * 0.12, box.x + split, box.top - box.h * 0.12)
    draw_item_label(c, Box(box.x + split, box.y, box.w - split, box.h), item)
