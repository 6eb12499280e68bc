"""Parsing the values people type for a patron: dates, gender, school year.

All raise nothing: they return ``None`` when the text cannot be understood, so callers
(the service, the class-list import) decide what error to report.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.circulation.clock import library_today
from app.text import fold

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")
_YEAR = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)

GENDERS = {
    "nam": "male", "m": "male", "male": "male", "trai": "male", "boy": "male",
    "nu": "female", "f": "female", "female": "female", "gai": "female", "girl": "female",
    "x": "other", "khac": "other", "other": "other",
}


def parse_date(value: object, *, today: date | None = None) -> str | None:
    """An ISO date from dd/mm/yyyy, d/m/yy, ISO text, a date/datetime or an Excel serial.

    Two-digit years are taken in the last hundred years (birth dates).

    >>> parse_date("05/09/2013"), parse_date("5/9/13", today=date(2025, 1, 1))
    ('2013-09-05', '2013-09-05')
    >>> parse_date("2013-09-05"), parse_date(41522), parse_date("41522")
    ('2013-09-05', '2013-09-05', '2013-09-05')
    >>> parse_date("31/02/2013") is None
    True
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80000:
            return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
        return None
    text = str(value).strip()
    if not text:
        return None
    if text.isascii() and text.isdigit() and len(text) == 5:
        return parse_date(int(text))  # a date cell saved to CSV as its Excel serial
    try:
        match = _ISO.match(text)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        match = _DMY.match(text)
        if match:
            year = int(match[3])
            if len(match[3]) == 2:
                now = (today or library_today()).year
                year += 2000 if 2000 + year <= now else 1900
            return date(year, int(match[2]), int(match[1])).isoformat()
    except ValueError:
        return None
    return None


def display_date(iso: str | None) -> str:
    """An ISO date shown as dd/mm/yyyy (empty for ``None``).

    >>> display_date("2013-09-05")
    '05/09/2013'
    """
    if not iso:
        return ""
    y, m, d = iso[:10].split("-")
    return f"{d}/{m}/{y}"


def parse_gender(text: object) -> str | None:
    """``"male"``, ``"female"`` or ``"other"`` from Nam/Nữ/M/F/…; ``None`` when unknown.

    >>> parse_gender("Nữ"), parse_gender("nam"), parse_gender("?")
    ('female', 'male', None)
    """
    if text is None:
        return None
    return GENDERS.get(fold(str(text)))


def current_school_year(today: date | None = None) -> str:
    """The school year containing *today*; a new year starts in August.

    >>> current_school_year(date(2025, 9, 5)), current_school_year(date(2026, 3, 1))
    ('2025-2026', '2025-2026')
    """
    day = today or library_today()
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


def next_school_year(year: str) -> str | None:
    """The school year after *year* ("2025-2026" → "2026-2027"), ``None`` if unparseable.

    >>> next_school_year("2025 - 2026")
    '2026-2027'
    """
    match = _YEAR.match(year.strip())
    if not match:
        return None
    return f"{int(match[1]) + 1}-{int(match[2]) + 1}"


def normalize_school_year(year: str | None) -> str | None:
    """Store school years as ``YYYY-YYYY`` ("2025–2026", "2025/2026" accepted).

    >>> normalize_school_year("2025–2026")
    '2025-2026'
    """
    if year is None or not year.strip():
        return None
    match = _YEAR.match(year.strip())
    return f"{match[1]}-{match[2]}" if match else year.strip()
