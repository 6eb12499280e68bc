"""How long a reader's card is valid: the library's default per patron category, and the
dates it gives.

The setting ``card_validity`` maps a category to a policy::

    {"student": {"kind": "school_year"}, "community": {"kind": "months", "months": 12}}

``school_year``: to the end of the school year (``card_school_year_end``, default 31/05, of
the year the school year ends in); ``months``: N months from the day the card is issued or
renewed; ``none`` (or a category left out): no expiry. Nothing is set in a new library, so
cards have no expiry until the library chooses one.

A card is valid through its ``expires_on`` day; the desk refuses lending from the next day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import Text

SETTING = "card_validity"
SETTING_YEAR_END = "card_school_year_end"  # "MM-DD", default "05-31"
SETTING_NOTICE_DAYS = "card_expiry_notice_days"
DEFAULT_YEAR_END = "05-31"
DEFAULT_NOTICE_DAYS = 14
KINDS = ("none", "school_year", "months")

KIND_NAMES = {"none": Text("không có hạn", "no expiry"),
              "school_year": Text("đến hết năm học", "to the end of the school year"),
              "months": Text("{months} tháng", "{months} months")}


@dataclass(frozen=True)
class Validity:
    """The default validity of one category's cards: *kind* is one of :data:`KINDS`."""

    kind: str = "none"
    months: int = 12

    def to_json(self) -> dict[str, Any]:
        """The setting's form."""
        return {"kind": self.kind, "months": self.months}

    def describe(self) -> str:
        """In words ("12 tháng", "đến hết năm học", "không có hạn")."""
        return KIND_NAMES[self.kind](months=self.months)


def _validity(value: Any) -> Validity:
    if not isinstance(value, dict) or value.get("kind") not in KINDS:
        return Validity()
    try:
        months = max(1, min(120, int(value.get("months") or 12)))
    except (TypeError, ValueError):
        months = 12
    return Validity(str(value["kind"]), months)


def policies(setting: Any) -> dict[str, Validity]:
    """Every category's validity from the stored setting (missing or bad: no expiry)."""
    from app.patrons.model import CATEGORIES

    stored = setting if isinstance(setting, dict) else {}
    return {category: _validity(stored.get(category)) for category in CATEGORIES}


def add_months(day: date, months: int) -> date:
    """*day* moved *months* later (the 31st becomes the month's last day).

    >>> add_months(date(2026, 1, 31), 1), add_months(date(2026, 11, 22), 12)
    (datetime.date(2026, 2, 28), datetime.date(2027, 11, 22))
    """
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def school_year_end(school_year: str, year_end: str = DEFAULT_YEAR_END) -> date | None:
    """The last day of *school_year* ("2025-2026" → 31/05/2026), None when unparseable.

    >>> school_year_end("2025-2026")
    datetime.date(2026, 5, 31)
    """
    try:
        end_year = int(school_year.strip()[-4:])
        month, day = (int(part) for part in year_end.split("-"))
        return date(end_year, month, day)
    except (ValueError, AttributeError):
        return None


def expiry_for(validity: Validity, today: date, school_year: str,
               year_end: str = DEFAULT_YEAR_END, *, start: date | None = None) -> date | None:
    """The expiry a card issued (or renewed) on *today* gets; None for no expiry.

    *start* is where a ``months`` period counts from (a card renewed before it expires keeps
    its remaining days: the old expiry); a ``school_year`` card issued after its year's end
    (in the summer before the rollover) runs to the end of the next school year.

    >>> expiry_for(Validity("school_year"), date(2025, 9, 8), "2025-2026")
    datetime.date(2026, 5, 31)
    >>> expiry_for(Validity("school_year"), date(2026, 6, 20), "2025-2026")
    datetime.date(2027, 5, 31)
    >>> expiry_for(Validity("months", 12), date(2026, 11, 22), "2026-2027")
    datetime.date(2027, 11, 22)
    """
    if validity.kind == "months":
        return add_months(max(today, start or today), validity.months)
    if validity.kind == "school_year":
        end = school_year_end(school_year, year_end)
        if end is None:
            return None
        while end < today:
            end = date(end.year + 1, end.month, end.day)
        return end
    return None
