"""A report as data: a heading and sections of tables, which :mod:`app.reports.pdf` draws
and :mod:`app.reports.xlsx` writes. The registers and statistics build one; neither output
knows which register it is.

    >>> col = Column("Số bản", 1.0, "int")
    >>> section = Section("Phần I", (col,), [(3,), (4,)], total=(7,))
    >>> Report("demo", "SỔ", "Thư viện", "2025-2026", "", False, [section]).row_count()
    2
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Cell = str | int | float | date | None
Kind = Literal["text", "int", "number", "money", "date"]


@dataclass(frozen=True)
class Column:
    """One column: its heading (may hold line breaks), its share of the table's width, and
    what its cells hold: text, counts (``int``: printed 20.000), numbers that name a line or
    a year (``number``: printed 20000), đồng, days."""

    title: str
    width: float
    kind: Kind = "text"


def columns_of(heads: Iterable[tuple[Callable[[], str], float, str]]) -> tuple[Column, ...]:
    """The columns of a register's *heads* (heading, share of the width, kind), the headings
    in the current language."""
    return tuple(Column(title(), width, kind) for title, width, kind in heads)  # type: ignore[arg-type]


@dataclass
class Section:
    """One table under a heading. *lines* are printed under the heading (a textbook's
    details); *empty* is said when there are no rows; *new_page* starts it on a new page in
    the PDF; rows of sections with the same *sheet* share one XLSX worksheet."""

    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    total: tuple[Cell, ...] | None = None
    empty: str = ""
    lines: tuple[str, ...] = ()
    new_page: bool = False
    sheet: str = ""


@dataclass(frozen=True)
class Signature:
    """A signature place under a report: who signs (``HIỆU TRƯỞNG``) and the hint printed
    under it (``(Ký tên, đóng dấu)``)."""

    role: str
    hint: str


@dataclass
class Report:
    """A register or statistic ready to print: *kind* names it for files ("individual"…),
    *title* is its heading, *scope* what it covers (collection, period); *signatures* are
    signed under the last table, below the place-and-date line, as a report handed to the
    school's head or the inspector is."""

    kind: str
    title: str
    library: str
    school_year: str
    scope: str
    landscape: bool
    sections: list[Section] = field(default_factory=list)
    printed_on: date | None = None
    signatures: tuple[Signature, ...] = ()

    def row_count(self) -> int:
        """Rows in every section (totals not counted)."""
        return sum(len(s.rows) for s in self.sections)
