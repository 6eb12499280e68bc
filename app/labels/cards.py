"""Drawing a CR80 patron card and one entry of the per-class desk sheet on a
:class:`~app.labels.surface.Surface`."""

from __future__ import annotations

import io

from PIL import Image

from app.circulation.clock import display_date
from app.errors import NotFoundError
from app.i18n import Text
from app.labels.draw import Box, draw_barcode, draw_centered, fit_text
from app.labels.fonts import BOLD, REGULAR, text_width
from app.labels.model import CardData
from app.labels.surface import MM, Surface
from app.text import nfc

CARD_TITLE = Text("THẺ THƯ VIỆN", "LIBRARY CARD")
TEACHER_TITLE = Text("THẺ THƯ VIỆN — GIÁO VIÊN", "LIBRARY CARD — STAFF")
CLASS = Text("Lớp: {name}", "Class: {name}")
YEAR = Text("Năm học: {year}", "School year: {year}")
VALID_UNTIL = Text("Có giá trị đến: {day}", "Valid until: {day}")
PHOTO = Text("Ảnh 3×4", "Photo")
NO_LOGO = Text("Không tìm thấy tệp logo {path}", "Logo file {path} not found")


def _readable(data: bytes) -> bool:
    """True when *data* is an image Pillow (and so ReportLab) can read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.size  # noqa: B018 (reading the header is the check)
        return True
    except Exception:  # a damaged photo must not stop a whole class's cards
        return False


def _name_lines(name: str, width: float, s: float) -> list[str]:
    """A patron's name on one line, or on two (split between words) when it is too long:
    a name on a card is never cut short."""
    name = nfc(" ".join(name.split()))
    if text_width(name, BOLD, 8 * s) <= width:
        return [name]
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        first = " ".join(words[:cut])
        if text_width(first, BOLD, 9 * s) <= width:
            return [first, " ".join(words[cut:])]
    return [name]


def _school_lines(name: str, width: float, s: float) -> tuple[list[str], float]:
    """The school's name on the card's top: one line when it fits at 7 points (scaled) or
    more, else two lines split between words where they come out most even, so that a long
    name ("…, huyện Hoằng Hoá, tỉnh Thanh Hoá") is printed whole."""
    name = nfc(" ".join(name.split()))
    if text_width(name, BOLD, 7 * s) <= width:
        return [name], min(8.5 * s, 8.5 * s * width / max(text_width(name, BOLD, 8.5 * s), 1e-6))
    words = name.split()
    cuts = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    if not cuts:
        return [name], 6 * s
    first, second = min(cuts, key=lambda pair: max(text_width(p, BOLD, 1) for p in pair))
    widest = max(text_width(first, BOLD, 1), text_width(second, BOLD, 1))
    return [first, second], max(6 * s, min(7.5 * s, width / widest))


def draw_card(c: Surface, box: Box, card: CardData, radius: float = 0.0) -> None:
    """School (and logo), card title, photo (or an empty 3×4 frame to paste one), name, class,
    school year and the Code 128 card barcode with its number."""
    s = box.h / (54 * MM)
    pad = 3 * MM * s
    c.save()
    c.set_stroke(0.55)
    c.set_line_width(0.3)
    c.round_rect(box.x, box.y, box.w, box.h, radius)
    c.restore()
    header = Box(box.x + pad, box.top - pad - 11 * MM * s, box.w - 2 * pad, 11 * MM * s)
    text_box = header
    if card.logo is not None:
        if not card.logo.is_file():
            raise NotFoundError("labels.logo", NO_LOGO, path=str(card.logo))
        c.image(card.logo, header.x, header.y, header.h, header.h, transparent=True)
        text_box = Box(header.x + header.h + 2 * MM, header.y, header.w - header.h - 2 * MM, header.h)
    school, size = _school_lines(card.school_name, text_box.w, s)
    baseline = text_box.top - size * 0.95
    for line in school:
        draw_centered(c, line, BOLD, size, text_box, baseline, 6 * s)
        baseline -= size * 1.15
    title = TEACHER_TITLE() if card.category == "teacher" else CARD_TITLE()
    c.set_fill((0.1, 0.25, 0.55))
    draw_centered(c, title, BOLD, 10 * s, text_box, text_box.y + 1.2 * s)
    c.set_fill(0)
    c.set_line_width(0.6)
    c.set_stroke((0.1, 0.25, 0.55))
    c.line(box.x + pad, header.y - 1.5 * MM * s, box.x + box.w - pad, header.y - 1.5 * MM * s)
    c.set_stroke(0)

    photo = Box(box.x + pad, box.y + pad, 22.5 * MM * s, 30 * MM * s)
    if card.photo and _readable(card.photo):
        c.image(card.photo, photo.x, photo.y, photo.w, photo.h)
    else:
        c.save()
        c.set_stroke(0.6)
        c.set_dash(2, 2)
        c.rect(photo.x, photo.y, photo.w, photo.h)
        c.set_fill(0.6)
        draw_centered(c, PHOTO(), REGULAR, 7 * s, photo, photo.y + photo.h / 2 - 2.5 * s)
        c.restore()

    info = Box(photo.x + photo.w + 3 * MM * s, box.y + pad, box.x + box.w - pad - (photo.x + photo.w + 3 * MM * s),
               photo.h)
    y = header.y - 6.5 * MM * s
    lines = _name_lines(card.full_name, info.w, s)
    size = min(fit_text(line, BOLD, 11 * s, info.w, 8 * s)[1] for line in lines)
    for line in lines:
        name, size = fit_text(line, BOLD, size, info.w, size)
        c.set_font(BOLD, size)
        c.text(info.x, y, name)
        y -= 11.2 * s
    y += 11.2 * s
    c.set_font(REGULAR, 8.5 * s)
    if card.class_name:
        y -= 10.5 * s
        c.text(info.x, y, nfc(CLASS(name=card.class_name)))
    if card.school_year:
        y -= 10.5 * s
        c.text(info.x, y, nfc(YEAR(year=card.school_year)))
    if card.expires_on:  # fits above the barcode even under a name on two lines
        y -= 10.5 * s
        c.text(info.x, y, nfc(VALID_UNTIL(day=display_date(card.expires_on))))
    number = 7.5 * s
    bar = Box(info.x, info.y + number * 1.25, info.w, 9.5 * MM * s)
    draw_barcode(c, card.card, bar)
    draw_centered(c, card.card, BOLD, number, bar, info.y + number * 0.1)


def draw_desk_entry(c: Surface, box: Box, card: CardData) -> None:
    """One patron on the desk sheet: name above the card barcode, card number below."""
    c.save()
    c.set_stroke(0.75)
    c.set_line_width(0.3)
    c.rect(box.x, box.y, box.w, box.h)
    c.restore()
    inner = box.inset(2 * MM, 1.5 * MM)
    name_size, number = 8.5, 7.5
    draw_centered(c, card.full_name, BOLD, name_size, inner, inner.top - name_size * 0.9, 5.5)
    bar = Box(inner.x, inner.y + number * 1.3, inner.w, inner.h - number * 1.3 - name_size * 1.4)
    draw_barcode(c, card.card, bar)
    draw_centered(c, card.card, REGULAR, number, inner, inner.y + number * 0.15)
