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


def parse_birth_date(value: object, *, today: date | None = None) -> str | None:
    """A birth date as the list or the librarian gives it: a whole date as :func:`parse_date`
    reads it, or only a year ("2012", an Excel number 2012) or a month and year ("09/2012"),
    stored in ISO 8601's shorter forms ``YYYY`` and ``YYYY-MM``: no day is invented.

    A number from 1900 to this year is a year, not an Excel date serial (1905); so is a
    number of one or two figures ("12", 12: 2012, taken in the last hundred years), never
    day 12 of Excel's calendar (11/01/1900).

    >>> parse_birth_date("2012"), parse_birth_date(2012.0), parse_birth_date("2012.0")
    ('2012', '2012', '2012')
    >>> parse_birth_date("9/2012"), parse_birth_date("09-2012")
    ('2012-09', '2012-09')
    >>> parse_birth_date("05/09/2013"), parse_birth_date("2012-09"), parse_birth_date("3012")
    ('2013-09-05', '2012-09', None)
    >>> parse_birth_date(12, today=date(2025, 1, 1)), parse_birth_date("98", today=date(2025, 1, 1))
    ('2012', '1998')
    """
    this_year = (today or library_today()).year
    if _part(value) and len(str(_part(value))) <= 2:  # "12", 12, 12.0: a two-figure year
        return _partial("", "", _part(value), this_year)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and \
            _FIRST_BIRTH_YEAR <= value <= this_year:
        return f"{value:04d}"
    if isinstance(value, str):
        text = _WHOLE_YEAR.sub(r"\1", value.strip())  # "2012.0": a number cell saved to CSV
        if text.isascii() and text.isdigit() and len(text) == 4:
            return text if _FIRST_BIRTH_YEAR <= int(text) <= this_year else None
        match = _MONTH_YEAR.match(text) or _ISO_MONTH.match(text)
        if match:
            month, year = (match[1], match[2]) if match.re is _MONTH_YEAR else (match[2], match[1])
            return _partial("", str(int(month)), year, this_year)
    return parse_date(value, today=today)


def birth_date_from_parts(day: object, month: object, year: object, *,
                          today: date | None = None) -> str | None:
    """One birth date from a list that splits it over "Ngày", "Tháng" and "Năm" columns
    (numbers or text; a two-digit year is taken in the last hundred years): the whole
    date, or ``YYYY-MM`` / ``YYYY`` when the day or the month is left blank. ``None`` when
    the parts make no date (no year, a day without a month, 31/02).

    >>> birth_date_from_parts(5, 9, 2013), birth_date_from_parts("", "9", "2013")
    ('2013-09-05', '2013-09')
    >>> birth_date_from_parts(None, None, 2012.0), birth_date_from_parts(5, None, 2013)
    ('2012', None)
    """
    this_year = (today or library_today()).year
    return _partial(_part(day), _part(month), _part(year), this_year)


_FIRST_BIRTH_YEAR = 1900
_WHOLE_YEAR = re.compile(r"^(\d{4})\.0+$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _part(value: object) -> str | None:
    """A date part as digits ("05", 5, 5.0 → "5"), "" for blank, None when not a number."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not text:
        return ""
    return str(int(text)) if text.isascii() and text.isdigit() else None


def _partial(day: str | None, month: str | None, year: str | None,
             this_year: int) -> str | None:
    if day is None or month is None or not year or not year.isdigit():
        return None
    number = int(year)
    if len(year) <= 2:
        number += 2000 if 2000 + number <= this_year else 1900
    if not _FIRST_BIRTH_YEAR <= number <= this_year or (day and not month):
        return None
    try:
        if day:
            return date(number, int(month), int(day)).isoformat()
        if month:
            return date(number, int(month), 1).isoformat()[:7]
    except ValueError:
        return None
    return f"{number:04d}"


def display_date(iso: str | None) -> str:
    """An ISO date shown as dd/mm/yyyy (empty for ``None``); a birth date kept as a year
    alone or a month and year shows just that.

    >>> display_date("2013-09-05"), display_date("2012"), display_date("2012-09")
    ('05/09/2013', '2012', '09/2012')
    """
    if not iso:
        return ""
    parts = iso[:10].split("-")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    y, m, d = parts
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
