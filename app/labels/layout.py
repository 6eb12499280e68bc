"""Where each label goes: sheet, slot and position, with start-at-N and printer offsets applied.

Labels fill a sheet left to right, then top to bottom (slot 1 is the top-left label). Printing
may start at slot N of a partly used first sheet; later sheets start at slot 1. The printer's
offsets move everything: positive ``offset_x`` to the right, positive ``offset_y`` down.

    >>> from app.labels.templates import SheetTemplate
    >>> t = SheetTemplate("t", "t", 2, 2, 50, 20, 10, 10, 60, 25)
    >>> [(p.page, p.slot, p.x, p.y) for p in place(t, 3, start=3)]
    [(0, 3, 10.0, 35.0), (0, 4, 70.0, 35.0), (1, 1, 10.0, 10.0)]
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import Text
from app.labels.templates import SheetTemplate

BAD_START = Text("Nhãn bắt đầu phải từ 1 đến {last} (tờ này có {last} nhãn), không phải {start}",
                 "The first label must be from 1 to {last} (this sheet has {last} labels), not {start}")
BAD_OFFSET = Text("Độ lệch máy in phải trong khoảng ±20 mm (đang là {x} mm ngang, {y} mm dọc)",
                  "Printer offsets must be within ±20 mm (they are {x} mm across, {y} mm down)")
MAX_OFFSET = 20.0


@dataclass(frozen=True)
class PrintOptions:
    """How to place labels on the sheets: first slot (1-based) and printer offsets in mm."""

    start: int = 1
    offset_x: float = 0.0
    offset_y: float = 0.0
    outlines: bool = False  # draw each label's outline (for plain-paper test prints)


@dataclass(frozen=True)
class Placement:
    """One label's place: sheet index (0-based), slot on the sheet (1-based) and its box in mm
    from the page's top-left corner, offsets included."""

    page: int
    slot: int
    x: float
    y: float
    width: float
    height: float


def check_options(template: SheetTemplate, options: PrintOptions) -> None:
    """Raise :class:`ValidationError` for a start slot off the sheet or an implausible offset."""
    if not 1 <= options.start <= template.per_sheet:
        raise ValidationError("labels.start", BAD_START, start=options.start, last=template.per_sheet)
    if abs(options.offset_x) > MAX_OFFSET or abs(options.offset_y) > MAX_OFFSET:
        raise ValidationError("labels.offset", BAD_OFFSET, x=options.offset_x, y=options.offset_y)


def slot_box(template: SheetTemplate, slot: int, offset_x: float = 0.0,
             offset_y: float = 0.0) -> tuple[float, float]:
    """Top-left corner (mm) of *slot* (1-based, row by row) on a sheet, offsets applied."""
    row, column = divmod(slot - 1, template.columns)
    return (template.left + column * template.pitch_x + offset_x,
            template.top + row * template.pitch_y + offset_y)


def place(template: SheetTemplate, count: int, start: int = 1, offset_x: float = 0.0,
          offset_y: float = 0.0) -> list[Placement]:
    """Placements for *count* labels starting at slot *start* of the first sheet."""
    check_options(template, PrintOptions(start, offset_x, offset_y))
    out: list[Placement] = []
    per = template.per_sheet
    for i in range(count):
        index = start - 1 + i
        page, slot = divmod(index, per)
        x, y = slot_box(template, slot + 1, offset_x, offset_y)
        out.append(Placement(page, slot + 1, x, y, template.label_width, template.label_height))
    return out
