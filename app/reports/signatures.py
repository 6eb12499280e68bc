"""Who signs a report handed to the school's head or the inspector: the one who made it
(with their full name) and, for the reports that leave the library, the head of the school
(signature and the school's stamp), as Vietnamese school forms have them.

    >>> [s.role for s in signers(REPORT_MAKER, head=True)]
    ['NGƯỜI LẬP BÁO CÁO', 'HIỆU TRƯỞNG']
"""

from __future__ import annotations

from datetime import date

from app.i18n import Text
from app.reports.table import Signature

REPORT_MAKER = Text("NGƯỜI LẬP BÁO CÁO", "PREPARED BY")
FORM_MAKER = Text("NGƯỜI LẬP BIỂU", "PREPARED BY")
HEAD = Text("HIỆU TRƯỞNG", "HEAD OF SCHOOL")
NAME_HINT = Text("(Ký, ghi rõ họ tên)", "(signature and full name)")
STAMP_HINT = Text("(Ký tên, đóng dấu)", "(signature and stamp)")
SIGNED_ON = Text("……………………, ngày {day} tháng {month} năm {year}", "……………………, {day}/{month}/{year}")
BLANK = "……"


def dated_line(day: date | None) -> str:
    """The place-and-date line over the signatures; the place is left dotted for the hand,
    the date is *day* (dotted too when unknown).

    >>> dated_line(date(2026, 5, 25)).split(", ", 1)[1]
    'ngày 25 tháng 05 năm 2026'
    """
    if day is None:
        return SIGNED_ON(day=BLANK, month=BLANK, year=BLANK)
    return SIGNED_ON(day=f"{day.day:02d}", month=f"{day.month:02d}", year=str(day.year))


def signers(maker: Text, head: bool) -> tuple[Signature, ...]:
    """The signature places: *maker* (the librarian who made it), then the head of the
    school when *head*."""
    places = [Signature(maker(), NAME_HINT())]
    if head:
        places.append(Signature(HEAD(), STAMP_HINT()))
    return tuple(places)
