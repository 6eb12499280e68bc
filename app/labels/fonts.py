"""The bundled font (DejaVu Sans Condensed, full Vietnamese coverage) for PDFs and bitmaps.

ReportLab's built-in fonts have no Vietnamese glyphs, so every label uses this one; ReportLab
embeds the subset a document uses.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR = "ThuVienSans"
BOLD = "ThuVienSans-Bold"
_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}


def font_path(bold: bool = False) -> Path:
    """The TTF file of the regular or bold face (also used by Pillow for thermal bitmaps)."""
    return FONT_DIR / _FILES[BOLD if bold else REGULAR]


def register_fonts() -> tuple[str, str]:
    """Register the bundled faces with ReportLab once; returns (regular, bold) font names."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name, file in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    return REGULAR, BOLD


def text_width(text: str, font: str, size: float) -> float:
    """Width of *text* in points."""
    return float(pdfmetrics.stringWidth(text, font, size))
