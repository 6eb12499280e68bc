"""Data for printed circulation documents: the overdue list, a per-student loan slip and
overdue letters grouped by class (for homeroom teachers), plus a simple A4 PDF of each.

The PDF uses the bundled font of app.labels (Vietnamese glyphs; ReportLab's built-in fonts
have none).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.circulation.clock import display_date
from app.circulation.refs import PATRON_COLUMNS, PatronRef
from app.i18n import Text
from app.text import sort_key

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
    return LoanLine(row[0], row[1], row[2], row[3][:10], row[4], max(0, (today - due).days))


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
SLIP_TITLE = Text("PHIẾU MƯỢN SÁCH", "LOAN SLIP")
LETTER_TITLE = Text("THÔNG BÁO SÁCH QUÁ HẠN — LỚP {class_name}", "OVERDUE BOOKS — CLASS {class_name}")
HEADERS = Text("ĐKCB|Tên sách|Ngày mượn|Hạn trả|Quá hạn", "Acc. no.|Title|Loaned|Due|Days late")
PRINTED = Text("{library} — in ngày {day}", "{library} — printed {day}")
STUDENT = Text("Bạn đọc: {name}   Lớp: {class_name}   Thẻ: {card}",
               "Patron: {name}   Class: {class_name}   Card: {card}")
NOTHING = Text("Không có sách đang mượn.", "No books on loan.")


def _font() -> str:
    # The same bundled font as labels and cards: Windows has no DejaVu of its own.
    from app.labels.fonts import register_fonts

    return register_fonts()[0]


def write_pdf(path: Path, pages: list[tuple[str, list[PatronLoans]]], library_name: str,
              today: date) -> Path:
    """Write one A4 page per (title, patrons) group: a heading, then per patron a table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    font = _font()
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    columns = (40, 110, 380, 450, 510)
    for title, entries in pages:
        y = height - 50
        canvas.setFont(font, 9)
        canvas.drawString(40, y, PRINTED(library=library_name, day=display_date(today)))
        y -= 24
        canvas.setFont(font, 14)
        canvas.drawCentredString(width / 2, y, title)
        y -= 28
        for entry in entries:
            if y < 120:
                canvas.showPage()
                y = height - 50
            p = entry.patron
            canvas.setFont(font, 10)
            canvas.drawString(40, y, STUDENT(name=p.full_name, class_name=p.class_name or "",
                                             card=p.card))
            y -= 16
            canvas.setFont(font, 9)
            for x, head in zip(columns, HEADERS().split("|"), strict=True):
                canvas.drawString(x, y, head)
            y -= 13
            if not entry.loans:
                canvas.drawString(columns[0], y, NOTHING())
                y -= 13
            for line in entry.loans:
                if y < 60:
                    canvas.showPage()
                    canvas.setFont(font, 9)
                    y = height - 50
                cells = (line.barcode, line.title[:48], display_date(line.loaned_on),
                         display_date(line.due), str(line.days_overdue or ""))
                for x, cell in zip(columns, cells, strict=True):
                    canvas.drawString(x, y, cell)
                y -= 13
            y -= 12
        canvas.showPage()
    canvas.save()
    return path


def slip_pdf(path: Path, slip: PatronLoans, library_name: str, today: date) -> Path:
    """A4 loan slip of one patron."""
    return write_pdf(path, [(SLIP_TITLE(), [slip])], library_name, today)


def letters_pdf(path: Path, letters: list[ClassLetter], library_name: str, today: date) -> Path:
    """Overdue letters, one class per page."""
    pages = [(LETTER_TITLE(class_name=letter.class_name or "—"), letter.students)
             for letter in letters]
    return write_pdf(path, pages or [(LETTER_TITLE(class_name="—"), [])], library_name, today)
