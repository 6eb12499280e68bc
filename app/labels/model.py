"""What gets printed, as plain data: the renderers never touch the database.

:mod:`app.labels.selection` maps catalog items and patrons to these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class LabelItem:
    """One physical copy's label: its barcode (the accession number, e.g. ``"TK.00003"``),
    the title, the library's name and the spine lines of its call number."""

    barcode: str
    title: str = ""
    library_name: str = ""
    spine: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class CardData:
    """One patron card: card barcode, name, class and school year, the school and optional images.

    ``photo`` holds image bytes (JPEG/PNG, as stored in ``patrons.photo``); ``logo`` a file path;
    ``expires_on`` the card's last valid day (ISO date; empty: the card has no expiry).
    """

    card: str
    full_name: str
    school_name: str = ""
    class_name: str = ""
    school_year: str = ""
    category: str = "student"
    photo: bytes | None = None
    logo: Path | None = None
    expires_on: str = ""


@dataclass(frozen=True)
class CallNumber:
    """The parts of a call number printed on a spine label, one per line.

    >>> CallNumber("895.9223", "ÁNH", "T.1", "2019").lines()
    ('895.9223', 'ÁNH', 'T.1', '2019')
    """

    classification: str = ""
    author_mark: str = ""
    volume: str = ""
    year: str = ""

    def lines(self) -> tuple[str, ...]:
        """The non-empty parts, in spine order."""
        return tuple(p.strip() for p in (self.classification, self.author_mark, self.volume, self.year)
                     if p and p.strip())
