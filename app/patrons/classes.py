"""Class names ("6A", "10A1", "Lớp 6A", "6/1"): normalising, grade, promotion.

A class name is a grade number (1–12) followed by a section: letters and digits such as
``A``, ``A1``, ``/1`` or ``.2``. A leading "Lớp"/"Lop"/"Class" is dropped when storing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.text import nfc

_PREFIX = re.compile(r"^\s*(?:lớp|lop|class|grade)\s*[:.]?\s*", re.IGNORECASE)
_CLASS = re.compile(r"^(?P<grade>\d{1,2})(?P<sep>[\s/._-]?)(?P<section>[0-9A-Za-zĐđ]{0,4})$")
MAX_GRADE = 12


@dataclass(frozen=True, slots=True)
class ClassName:
    """A parsed class name: ``grade`` 1–12 and the section text after it."""

    grade: int
    sep: str
    section: str

    def __str__(self) -> str:
        return f"{self.grade}{self.sep}{self.section}"

    def promoted(self) -> ClassName:
        """The same section one grade up ("6A" → "7A", "10A1" → "11A1")."""
        return ClassName(self.grade + 1, self.sep, self.section)


def _strip_prefix(text: str) -> str:
    return _PREFIX.sub("", nfc(text).strip(), count=1)


def parse_class(text: str) -> ClassName | None:
    """Parse a class name, or ``None`` when it does not look like one.

    >>> str(parse_class("Lớp 6a"))
    '6A'
    >>> parse_class("10A1").grade
    10
    >>> parse_class("6/1").promoted().__str__()
    '7/1'
    >>> parse_class("Toán") is None
    True
    """
    body = _strip_prefix(text).replace(" ", "")
    match = _CLASS.match(body)
    if match is None:
        return None
    grade = int(match["grade"])
    if not 1 <= grade <= MAX_GRADE:
        return None
    sep = match["sep"]
    if sep in (" ", "_"):
        sep = ""
    return ClassName(grade, sep, match["section"].upper())


def normalize_class(text: str | None) -> str | None:
    """The stored form of a class name ("Lớp 6a" → "6A"); unparseable names kept as typed.

    >>> normalize_class(" lớp 10a1 ")
    '10A1'
    >>> normalize_class("") is None
    True
    """
    if text is None or not text.strip():
        return None
    parsed = parse_class(text)
    return str(parsed) if parsed else nfc(text).strip()


def grade_of(text: str | None) -> int | None:
    """The grade of a class name, or ``None``.

    >>> grade_of("Lớp 9B")
    9
    """
    parsed = parse_class(text) if text else None
    return parsed.grade if parsed else None
