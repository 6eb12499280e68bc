"""Print jobs for thermal label printers: TSPL (TSC, Xprinter and clones) and ZPL (Zebra).

Printer fonts have no Vietnamese letters, so all text of a label is rendered with the bundled
font into one 1-bit bitmap (TSPL ``BITMAP``, ZPL ``^GFA``); the barcode uses the printer's own
Code 128 command (TSPL ``BARCODE ... "128"``, ZPL ``^BC``) so it prints at full sharpness.
One job holds one label per item, in order.

    >>> job = tspl_job("items", [LabelItem("TK.00003", "Mắt biếc", "Thư viện")])  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from app.errors import ValidationError
from app.i18n import Text
from app.labels.code128 import QUIET_MODULES, check_code, code128_bars
from app.labels.draw import fit_text, owner_name, spine_layout
from app.labels.fonts import BOLD, REGULAR, font_path, register_fonts
from app.labels.model import LabelItem

UNSAFE = Text("Mã vạch “{value}” có ký tự máy in nhiệt không nhận ({chars})",
              "Barcode “{value}” has characters a thermal printer job cannot carry ({chars})")
BAD_MEDIA = Text("Khổ nhãn nhiệt {width} × {height} mm không hợp lệ (rộng 20–120 mm, cao 10–200 mm)",
                 "Thermal label size {width} × {height} mm is not valid (20–120 mm wide, 10–200 mm tall)")
NOTHING = Text("Không có nhãn nào để in", "There are no labels to print")
_UNSAFE_CHARS = '"\\^~>'


@dataclass(frozen=True)
class ThermalMedia:
    """A roll of die-cut labels: label size and gap in mm, printer resolution, offsets in mm."""

    width_mm: float = 50.0
    height_mm: float = 30.0
    gap_mm: float = 2.0
    dpi: int = 203
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0

    @property
    def dots_per_mm(self) -> float:
        """Printer dots per millimetre (8 at 203 dpi, 12 at 300 dpi)."""
        return self.dpi / 25.4

    def dots(self, value_mm: float) -> int:
        """*value_mm* in printer dots."""
        return round(value_mm * self.dots_per_mm)


@dataclass(frozen=True)
class ThermalLayout:
    """One label drawn for a thermal printer: the text bitmap (covering the whole label, 1-bit,
    black = 1) and where the printer must draw the barcode, in dots."""

    bitmap: Image.Image
    code: str | None
    barcode_x: int = 0
    barcode_y: int = 0
    barcode_height: int = 0
    narrow: int = 2


def _font(size_px: float, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), max(6, round(size_px)))


def _text_line(draw: ImageDraw.ImageDraw, text: str, px: float, bold: bool, box: tuple[int, int, int],
               min_px: float | None = None) -> int:
    """Draw *text* centred between x0 and x1 with its top at y, shrunk to *min_px*, then
    shortened between words (:func:`~app.labels.draw.fit_text`, the PDF's rule) to fit.
    Returns the y below the line."""
    x0, x1, y = box
    shown, size = fit_text(text, BOLD if bold else REGULAR, px, x1 - x0, min_px)
    font = _font(int(size), bold)  # whole pixels, rounded down: never wider than measured
    width = draw.textlength(shown, font=font)
    draw.text((x0 + (x1 - x0 - width) / 2, y), shown, font=font, fill=1)
    return y + round(px * 1.2)


def _check(code: str) -> None:
    check_code(code)
    bad = sorted({c for c in code if c in _UNSAFE_CHARS})
    if bad:
        raise ValidationError("labels.thermal.chars", UNSAFE, value=code, chars=" ".join(bad))


def layout_label(kind: str, item: LabelItem, media: ThermalMedia, subset_b: bool = False) -> ThermalLayout:
    """Render the text of one *kind* label (``items``, ``spine``, ``combined``) for *media*.
    *subset_b*: the printer encodes the whole code in code set B (ZPL ``>:``), a wider symbol."""
    if not (20 <= media.width_mm <= 120 and 10 <= media.height_mm <= 200):
        raise ValidationError("labels.thermal.media", BAD_MEDIA, width=media.width_mm, height=media.height_mm)
    register_fonts()  # the library name is measured with the PDF's metrics
    width, height = media.dots(media.width_mm), media.dots(media.height_mm)
    image = Image.new("1", (width, height), 0)
    draw = ImageDraw.Draw(image)
    pad = media.dots(1.5)
    pt = media.dpi / 72  # pixels per typographic point
    spine_right = pad
    if kind in ("spine", "combined"):
        right = width - pad if kind == "spine" else round(width * 0.27)
        room, tall = right - pad // 2 - pad, height - 2 * pad
        # the PDF's layout, in points: one size for every line, a call number never cut
        lines, size = spine_layout(item.spine or (item.barcode,), room / pt, tall / pt, item.barcode)
        px = size * pt
        y = (height - round(px * 1.2) * len(lines)) // 2
        for line in lines:
            y = _text_line(draw, line, px, True, (pad, right - pad // 2, y), px)
        if kind == "spine":
            return ThermalLayout(image, None)
        draw.line([(right, pad * 2), (right, height - pad * 2)], fill=1, width=max(1, media.dots(0.25)))
        spine_right = right + pad
    _check(item.barcode)
    x0, x1 = spine_right, width - pad
    small, number = 6.5 * pt, 9 * pt
    y = pad
    if item.library_name:
        name = owner_name(item.library_name, REGULAR, 5, (x1 - x0) / pt)  # in points
        y = _text_line(draw, name, small, False, (x0, x1, y), 5 * pt)
    bottom = height - pad
    if item.title and media.height_mm >= 20:
        bottom -= round(small * 1.2)
        _text_line(draw, item.title, small, False, (x0, x1, bottom), 5 * pt)
    bottom -= round(number * 1.2)
    _text_line(draw, item.barcode, number, True, (x0, x1, bottom))
    modules = 11 * (len(item.barcode) + 2) + 13 if subset_b else code128_bars(item.barcode)[1]
    narrow = max(1, (x1 - x0) // (modules + 2 * QUIET_MODULES))
    narrow = min(narrow, 4)
    bar_x = x0 + (x1 - x0 - modules * narrow) // 2
    return ThermalLayout(image, item.barcode, bar_x, y + media.dots(0.5), bottom - y - media.dots(1.0), narrow)


def _packed(image: Image.Image, black_is_one: bool) -> tuple[int, int, bytes]:
    """Row-major packed bits, each row padded to whole bytes: (bytes per row, rows, data)."""
    # Pillow's "1" mode packs a set pixel as a 1 bit, most significant bit first, rows padded.
    source = image if black_is_one else image.convert("L").point(lambda v: 255 - v).convert(
        "1", dither=Image.Dither.NONE)
    data = source.tobytes()
    return (image.width + 7) // 8, image.height, data


def tspl_job(kind: str, items: Sequence[LabelItem], media: ThermalMedia | None = None,
             copies: int = 1) -> bytes:
    """A TSPL job: SIZE/GAP/DIRECTION once, then per label CLS, one BITMAP with all the text
    (bit 0 = printed dot, TSPL's convention), the native ``BARCODE "128"`` and PRINT."""
    media = media or ThermalMedia()
    if not items:
        raise ValidationError("labels.empty", NOTHING)
    ox, oy = media.dots(media.offset_x_mm), media.dots(media.offset_y_mm)
    out = bytearray(
        f"SIZE {media.width_mm:g} mm,{media.height_mm:g} mm\r\nGAP {media.gap_mm:g} mm,0 mm\r\n"
        "DIRECTION 1\r\nREFERENCE 0,0\r\n".encode("ascii"))
    for item in items:
        layout = layout_label(kind, item, media)
        row, rows, data = _packed(layout.bitmap, black_is_one=False)
        out += f"CLS\r\nBITMAP {max(0, ox)},{max(0, oy)},{row},{rows},0,".encode("ascii") + data + b"\r\n"
        if layout.code is not None:
            out += (f'BARCODE {max(0, layout.barcode_x + ox)},{max(0, layout.barcode_y + oy)},"128",'
                    f'{layout.barcode_height},0,0,{layout.narrow},{layout.narrow},"{layout.code}"\r\n'
                    ).encode("ascii")
        out += f"PRINT 1,{copies}\r\n".encode("ascii")
    return bytes(out)


def zpl_job(kind: str, items: Sequence[LabelItem], media: ThermalMedia | None = None,
            copies: int = 1) -> bytes:
    """A ZPL job: per label ``^XA``, print width and length, the text as ``^GFA`` (ASCII hex,
    bit 1 = printed dot), the barcode as ``^BY``/``^BC`` in code set B, ``^PQ`` and ``^XZ``."""
    media = media or ThermalMedia()
    if not items:
        raise ValidationError("labels.empty", NOTHING)
    ox, oy = media.dots(media.offset_x_mm), media.dots(media.offset_y_mm)
    parts: list[str] = []
    for item in items:
        layout = layout_label(kind, item, media, subset_b=True)
        row, rows, data = _packed(layout.bitmap, black_is_one=True)
        total = row * rows
        parts.append(f"^XA^PW{layout.bitmap.width}^LL{layout.bitmap.height}^LH{max(0, ox)},{max(0, oy)}")
        parts.append(f"^FO0,0^GFA,{total},{total},{row},{data.hex().upper()}^FS")
        if layout.code is not None:
            parts.append(f"^FO{layout.barcode_x},{layout.barcode_y}^BY{layout.narrow}"
                         f"^BCN,{layout.barcode_height},N,N,N,N^FD>:{layout.code}^FS")
        parts.append(f"^PQ{copies}^XZ\n")
    return "".join(parts).encode("ascii")
