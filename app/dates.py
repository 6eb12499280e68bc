"""Reading the dates a librarian types: day first, as Vietnamese write them.

One reader for the window, the command line and the label lists, so that the same text
means the same day everywhere: ``19/09/2025``, ``19-09-2025`` and ``19.09.2025`` are read
day first, and the stored ISO form ``2025-09-19`` is accepted too.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

_DAY_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
_WIDE = re.compile("[\u3000\uff01-\uffee]+")  # full-width forms typed with a Windows IME


def parse_day(text: str) -> date | None:
    """The day written in *text*, or None when it is not a date.

    >>> parse_day("01/09/2025"), parse_day("2025-09-01"), parse_day("31/02/2025")
    (datetime.date(2025, 9, 1), datetime.date(2025, 9, 1), None)
    >>> parse_day("０１/０９/２０２５")  # full-width figures from a Windows IME
    datetime.date(2025, 9, 1)
    """
    text = _WIDE.sub(lambda wide: unicodedata.normalize("NFKC", wide[0]), text).strip()
    for fmt in _DAY_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_fixed_due(text: str) -> str | None:
    """A loan rule's fixed due date as stored: ``31/05`` → ``--05-31`` (every year),
    ``31/05/2026`` → ``2026-05-31``; the stored forms are kept; empty → None.

    Raises ValueError for anything else.

    >>> parse_fixed_due("31/05"), parse_fixed_due("31/05/2026"), parse_fixed_due("--05-31")
    ('--05-31', '2026-05-31', '--05-31')
    """
    text = text.strip()
    if not text:
        return None
    if text.startswith("--"):
        return text
    parts = text.replace("-", "/").replace(".", "/").split("/")
    if len(parts) == 2 and all(part.isdigit() for part in parts):
        day, month = int(parts[0]), int(parts[1])
        date(2024, month, day)  # a leap year: 29/02 is a real day once in four years
        return f"--{month:02d}-{day:02d}"
    parsed = parse_day(text)
    if parsed is None:
        raise ValueError(text)
    return parsed.isoformat()


def display_fixed_due(value: str | None) -> str:
    """A loan rule's fixed due date as written: ``--05-31`` → ``31/05`` (every year),
    ``2026-05-31`` → ``31/05/2026``; empty for None.

    >>> display_fixed_due("--05-31"), display_fixed_due("2026-05-31")
    ('31/05', '31/05/2026')
    """
    if not value:
        return ""
    if value.startswith("--"):
        return f"{value[5:7]}/{value[2:4]}"
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value  # not a date: shown as stored
