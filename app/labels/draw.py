"""Drawing one label's content into a box on a :class:`~app.labels.surface.Surface`.

Boxes are in PDF points with the origin at the bottom-left (ReportLab's convention). Sizes
adapt to the label: a 38.1 × 21.2 mm sticker and a 99 × 38 mm one both come out readable.
Every string is normalised to NFC before it is measured or drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from app.errors import ValidationError
from app.i18n import Text
from app.labels.code128 import QUIET_MODULES, code128_bars
from app.labels.fonts import BOLD, REGULAR, font_path, text_width
from app.labels.model import LabelItem
from app.labels.surface import MM, Surface
from app.text import nfc

MIN_MODULE_MM = 0.16  # narrowest bar that still scans reliably from a 300 dpi laser print
MAX_MODULE_MM = 0.40
ELLIPSIS = "…"
SPINE_LEADING = 1.18
REFERENCE_CLASS = "895.9223"  # Vietnamese literature: the commonest class number in a school
SPINE_SHRINK = 0.85  # a longer line may shrink this far before it is broken
SPINE_MIN_PT = 5.0  # smallest call number printed: below it a long author mark is broken at its hyphen
TITLE_MIN_PT = 5.0  # smallest title on an item label: a title that does not fit at it is shortened
_FIT_MARGIN = 0.9999
_CLASS_NUMBER = re.compile(r"^(\d+\.)(\d+)$")
GENERIC_PREFIXES = ("thư viện", "trường")  # casefolded; dropped from a name too long to fit
# school levels as their initials (longest first), as stamps and signs write them
SCHOOL_LEVELS = (("Phổ thông dân tộc nội trú", "PTDTNT"), ("Phổ thông dân tộc bán trú", "PTDTBT"),
                 ("Tiểu học và Trung học cơ sở", "TH&THCS"), ("Trung học cơ sở", "THCS"),
                 ("Trung học phổ thông", "THPT"), ("Tiểu học", "TH"), ("Mầm non", "MN"))
TOO_SMALL = Text(
    "Mã vạch “{value}” quá dài cho nhãn này (vạch hẹp {module} mm < {minimum} mm): hãy chọn mẫu nhãn lớn hơn",
    "Barcode “{value}” is too long for this label (bars {module} mm < {minimum} mm): choose a larger label",
)
SPINE_TOO_SMALL = Text(
    "Ký hiệu xếp giá “{value}” của bản {barcode} không vừa nhãn này ở cỡ chữ {size} pt trở lên: "
    "hãy chọn mẫu nhãn lớn hơn",
    "Call number “{value}” of copy {barcode} does not fit this label at {size} pt or more: "
    "choose a larger label",
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
    """Shrink *text* down to *min_size* points to fit *width*; if still too wide, cut it after
    the last whole word that fits and end it with "…" (inside the word only when even the
    first word does not fit).

    >>> from app.labels.fonts import register_fonts
    >>> _ = register_fonts()
    >>> fit_text("Tuyển tập truyện ngắn Nam Cao", REGULAR, 6, 60, 5)
    ('Tuyển tập truyện ngắn…', 5)
    """
    text = clean(text)
    min_size = size if min_size is None else min_size
    if text_width(text, font, size) <= width:
        return text, size
    # a hair under the exact ratio: the exact one measures a rounding error too wide, and the
    # text came out cut at the smallest size (or the same name smaller on every other card)
    shrunk = max(min_size, size * width / max(text_width(text, font, size), 1e-6) * _FIT_MARGIN)
    if text_width(text, font, shrunk) <= width:
        return text, shrunk
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",.:;/-–") + ELLIPSIS
        if text_width(candidate, font, min_size) <= width:
            return candidate, min_size
    cut = text
    while cut and text_width(cut + ELLIPSIS, font, min_size) > width:
        cut = cut[:-1]
    return (cut.rstrip() + ELLIPSIS) if cut else "", min_size


def owner_name(name: str, font: str, size: float, width: float) -> str:
    """The library's name as it fits *width* at *size*: whole if it fits, else shortened the
    way a school's stamp is, keeping its distinctive part (which comes last): the address after
    the first comma goes ("…, xã Phước Hiệp"), then the school level is written as its usual
    initials ("Trung học cơ sở" → "THCS"), then the generic words it starts with ("Thư viện",
    then "Trường"). What still does not fit is cut by :func:`fit_text`.

    >>> from app.labels.fonts import register_fonts
    >>> _ = register_fonts()
    >>> [owner_name("Thư viện Trường THCS Nguyễn Du", REGULAR, 5, w) for w in (80, 60, 40)]
    ['Thư viện Trường THCS Nguyễn Du', 'Trường THCS Nguyễn Du', 'THCS Nguyễn Du']
    >>> owner_name("Thư viện Trường Trung học cơ sở Nguyễn Văn Trỗi, xã Phước Hiệp", REGULAR, 5, 70)
    'Trường THCS Nguyễn Văn Trỗi'
    """
    name = clean(name)
    if text_width(name, font, size) > width and "," in name:
        name = clean(name.split(",", 1)[0])
    for level, initials in SCHOOL_LEVELS:
        if text_width(name, font, size) <= width:
            break
        name = re.sub(rf"\b{level}\b", initials, name, flags=re.IGNORECASE)
    while text_width(name, font, size) > width:
        folded = name.casefold()
        prefix = next((p for p in GENERIC_PREFIXES if folded.startswith(p + " ")), None)
        if prefix is None:
            break
        name = name[len(prefix) + 1:].lstrip()
    return name


def draw_centered(c: Surface, text: str, font: str, size: float, box: Box, baseline: float,
                  min_size: float | None = None) -> None:
    """Draw *text* centred in *box* at *baseline*, shrunk or cut to fit its width."""
    shown, used = fit_text(text, font, size, box.w, min_size)
    if shown:
        c.set_font(font, used)
        c.text(box.x + box.w / 2, baseline, shown, "centre")


@lru_cache(maxsize=4096)
def ink_top(text: str, font: str) -> float:
    """How far above the baseline *text* inks, in ems of its size: about 0.88 for "Trường",
    1.06 for capitals carrying stacked marks ("NGUYỄN")."""
    face = ImageFont.truetype(str(font_path(font == BOLD)), 1000)
    return -float(face.getbbox(nfc(text), anchor="ls")[1]) / 1000 if text.strip() else 0.0


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
        name = owner_name(item.library_name, REGULAR, small * 0.8, inner.w)
        shown, used = fit_text(name, REGULAR, small, inner.w, small * 0.8)
        # the marks stacked on a capital ("NGUYỄN") stay inside the margin, off the label's edge
        y = inner.top - max(small * 0.8, used * ink_top(shown, REGULAR))
        draw_centered(c, shown, REGULAR, used, inner, y, used)
        y -= small * 0.35
    show_title = bool(item.title) and box.h >= 15 * MM
    title = max(small, TITLE_MIN_PT)  # shrinks to TITLE_MIN_PT, then is shortened between words
    bottom = inner.y + (title * 1.1 if show_title else 0)
    number_base = bottom + number * 0.22
    bar_bottom = number_base + number * 0.85
    draw_barcode(c, item.barcode, Box(inner.x, bar_bottom, inner.w, y - bar_bottom))
    draw_centered(c, item.barcode, BOLD, number, inner, number_base)
    if show_title:
        draw_centered(c, item.title, REGULAR, title, inner, inner.y + title * 0.2, TITLE_MIN_PT)


def split_line(text: str, fits: Callable[[str], bool], hyphens: bool = False) -> list[str]:
    """*text* as one or more lines that each *fit*: a class number breaks after its decimal
    point's groups of three digits (``895.922`` / ``30108``), other text between words and,
    with *hyphens*, after a hyphen (``HƯỚNG-`` / ``DẪN``). A call number is never cut short;
    a piece that still does not fit is left to be shrunk.

    >>> split_line("895.92230108", lambda t: len(t) <= 8)
    ['895.922', '30108']
    >>> split_line("HƯỚNG-DẪN", lambda t: len(t) <= 6, hyphens=True)
    ['HƯỚNG-', 'DẪN']
    """
    if fits(text):
        return [text]
    number = _CLASS_NUMBER.match(text)
    if number:
        whole, decimals = number.groups()
        cuts = [len(whole) + k for k in range(3, len(decimals), 3)]
    else:
        cuts = [i for i, ch in enumerate(text) if ch == " "]
        if hyphens and not any(fits(text[:c]) for c in cuts):
            cuts += [i + 1 for i, ch in enumerate(text[:-1]) if ch == "-" and i > 0]
            cuts.sort()
    if not cuts:
        return [text]
    cut = max((c for c in cuts if fits(text[:c].rstrip())), default=cuts[0])
    return [text[:cut].rstrip(), *split_line(text[cut:].strip(), fits, hyphens)]


def spine_layout(spine: Sequence[str], width: float, height: float, barcode: str = ""
                 ) -> tuple[list[str], float]:
    """The lines of a call number and the one size (points) they are drawn at in a *width* ×
    *height* point box, every line whole. The size is the one at which a typical class number
    (``895.9223``) fills the width and four lines the height; a longer line shrinks a little
    (to 85 %), then is broken (:func:`split_line`), then shrinks to what the box allows down to
    :data:`SPINE_MIN_PT`, then a long author mark is broken after its hyphen. Raises
    :class:`ValidationError` naming the call number and the copy's *barcode* when it does not
    fit even so: it is never cut."""
    lines = [clean(line) for line in spine if clean(line)]
    even = min(14.0, height / (max(len(lines), 4) * SPINE_LEADING),
               width / text_width(REFERENCE_CLASS, BOLD, 1.0))

    def size_of(pieces: list[str]) -> float:
        size = min(even, height / (len(pieces) * SPINE_LEADING))
        widest = max(text_width(piece, BOLD, size) for piece in pieces)
        return size * min(1.0, width / widest * _FIT_MARGIN)

    def fits_at(size: float) -> Callable[[str], bool]:
        return lambda text: text_width(text, BOLD, size) <= width

    pieces = [piece for line in lines for piece in split_line(line, fits_at(even * SPINE_SHRINK))]
    if size_of(pieces) < SPINE_MIN_PT:
        pieces = [piece for line in lines
                  for piece in split_line(line, fits_at(SPINE_MIN_PT), hyphens=True)]
    size = size_of(pieces)
    if size < SPINE_MIN_PT - 1e-6:
        raise ValidationError("labels.spine.too_small", SPINE_TOO_SMALL, value=" ".join(lines),
                              barcode=barcode, size=f"{SPINE_MIN_PT:g}")
    return pieces, size


def draw_spine_label(c: Surface, box: Box, item: LabelItem) -> None:
    """The call number's parts on separate, centred bold lines, as large as the label allows
    and the same size on every label of a kind (a shelf of spines looks even), laid out by
    :func:`spine_layout`: whole, never cut with "…"."""
    pad = min(1.5 * MM, box.h * 0.07)
    inner = box.inset(pad)
    lines, size = spine_layout(item.spine or (item.barcode,), inner.w, inner.h, item.barcode)
    block = len(lines) * size * SPINE_LEADING
    baseline = inner.y + (inner.h + block) / 2 - size * 0.98
    c.set_font(BOLD, size)
    for line in lines:
        c.text(inner.x + inner.w / 2, baseline, line, "centre")
        baseline -= size * SPINE_LEADING


def draw_combined_label(c: Surface, box: Box, item: LabelItem) -> None:
    """Spine part on the left, a thin rule, barcode part on the right: one sticker per book."""
    split = box.w * 0.34
    draw_spine_label(c, Box(box.x, box.y, split, box.h), item)
    c.set_line_width(0.4)
    c.line(box.x + split, box.y + box.h * 0.12, box.x + split, box.top - box.h * 0.12)
    draw_item_label(c, Box(box.x + split, box.y, box.w - split, box.h), item)
