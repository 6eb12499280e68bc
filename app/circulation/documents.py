"""Data for printed circulation documents: the overdue list, a per-student loan slip and
overdue letters grouped by class (for homeroom teachers), and each as a recorded A4 document
(:mod:`app.circulation.printed`) that becomes a PDF here or a preview and a print job in
``ui.labels``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.circulation.clock import local_day
from app.circulation.refs import PATRON_COLUMNS, PatronRef
from app.text import sort_key

if TYPE_CHECKING:
    from app.labels.surface import Recording

_P = ", ".join(f"p.{c.strip()}" for c in PATRON_COLUMNS.split(","))
_LOANS = ("SELECT l.id, i.barcode, r.title, l.loaned_at, l.due_on, l.renewals, " + _P +
          " FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id "
          "JOIN patrons p ON p.id = l.patron_id WHERE l.returned_at IS NULL AND l.deleted = 0 AND ")


@dataclass(frozen=True)
class LoanLine:
    """One open loan as printed: copy, title, dates (ISO) and days overdue (0 if not)."""

    loan_id: int
    barcode: str
    title: str
    loaned_on: str
    due: str
    days_overdue: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"loan_id": self.loan_id, "barcode": self.barcode, "title": self.title,
                "loaned_on": self.loaned_on, "due": self.due, "days_overdue": self.days_overdue}


@dataclass(frozen=True)
class PatronLoans:
    """A patron with their open (or overdue) loans."""

    patron: PatronRef
    loans: list[LoanLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"patron": self.patron.to_dict(), "loans": [x.to_dict() for x in self.loans]}


@dataclass(frozen=True)
class ClassLetter:
    """Overdue loans of one class, for its homeroom teacher."""

    class_name: str
    students: list[PatronLoans]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"class": self.class_name, "students": [s.to_dict() for s in self.students]}


def _line(row: Any, today: date) -> LoanLine:
    due = date.fromisoformat(row[4])
    return LoanLine(row[0], row[1], row[2], local_day(row[3]), row[4],
                    max(0, (today - due).days))


def _patron_order(p: PatronRef) -> tuple[Any, ...]:
    given = p.full_name.split()[-1] if p.full_name.split() else ""
    return (sort_key(p.class_name or "~"), sort_key(given), sort_key(p.full_name), p.id)


def _group(rows: list[Any], today: date) -> list[PatronLoans]:
    by_patron: dict[int, PatronLoans] = {}
    for row in rows:
        patron = PatronRef(*row[6:])
        by_patron.setdefault(patron.id, PatronLoans(patron)).loans.append(_line(row, today))
    return sorted(by_patron.values(), key=lambda pl: _patron_order(pl.patron))


def overdue(conn: sqlite3.Connection, today: date) -> list[PatronLoans]:
    """Patrons with loans due before *today*, by class then class-register order."""
    rows = conn.execute(_LOANS + "l.due_on < ? ORDER BY l.due_on", (today.isoformat(),)).fetchall()
    return _group(rows, today)


def loan_slip(conn: sqlite3.Connection, patron_id: int, today: date) -> PatronLoans | None:
    """What *patron_id* has on loan now, with due dates (the slip parents ask for)."""
    rows = conn.execute(_LOANS + "l.patron_id = ? ORDER BY l.due_on, i.barcode",
                        (patron_id,)).fetchall()
    if rows:
        return _group(rows, today)[0]
    from app.circulation.refs import patron_by_id

    patron = patron_by_id(conn, patron_id)
    return PatronLoans(patron) if patron else None


def overdue_letters(conn: sqlite3.Connection, today: date) -> list[ClassLetter]:
    """The overdue list grouped by class (patrons without a class go under "")."""
    letters: dict[str, ClassLetter] = {}
    for entry in overdue(conn, today):
        name = entry.patron.class_name or ""
        letters.setdefault(name, ClassLetter(name, [])).students.append(entry)
    return list(letters.values())


# -- PDF ------------------------------------------------------------------------------------
# Drawn by app.circulation.printed (loaded on first use: it brings ReportLab along).


def slip_document(slip: PatronLoans, library_name: str, today: date) -> Recording:
    """The loan slip of *slip*'s patron as a recorded A4 document (PDF, preview, printer)."""
    from app.circulation import printed

    return printed.slip_document(slip, library_name, today)


def letters_document(letters: list[ClassLetter], library_name: str, today: date) -> Recording:
    """Overdue letters, one class per page, as a recorded A4 document (PDF, preview, printer)."""
    from app.circulation import printed

    return printed.letters_document(letters, library_name, today)


def write_pdf(path: Path, document: Recording) -> Path:
    """Write a recorded document to *path* as a PDF with the bundled font embedded."""
    from app.labels.pdf import to_pdf

    path.write_bytes(to_pdf(document))
    return path


def slip_pdf(path: Path, slip: PatronLoans, library_name: str, today: date) -> Path:
    """A4 loan slip of one patron."""
    return write_pdf(path, slip_document(slip, library_name, today))


def letters_pdf(path: Path, letters: list[ClassLetter], library_name: str, today: date) -> Path:
    """Overdue letters, one class per page."""
    return write_pdf(path, letters_document(letters, library_name, today))
