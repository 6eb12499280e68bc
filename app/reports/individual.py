"""Sổ đăng ký cá biệt (the individual register): one line per copy in accession order.

Lines are numbered 1, 2, 3… within each accession sequence (each collection's prefix, e.g.
GK. and TK., when the library numbers per collection; one sequence when it numbers all
copies together). A line keeps its number whatever is asked for: a register printed for one
term goes on from the pages printed before. A copy written off or lost stays in the register
with a note saying so (a written-off copy: the day and the write-off record, once).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.catalog.copies import WITHDRAWN_NOTE, status_words
from app.circulation.clock import display_date
from app.i18n import Text
from app.reports.holdings import Copy, deliveries, delivery_numbers, load_copies
from app.reports.period import Period
from app.reports.table import Column, Report, Section, columns_of
from app.reports.writeoffs import written_off

TITLE = Text("SỔ ĐĂNG KÝ CÁ BIỆT", "INDIVIDUAL REGISTER")
SECTION = Text("Kho {code}{label}", "Collection {code}{label}")
NO_COLLECTION = Text("Không ghi kho", "No collection")
NOTHING = Text("Không có bản sách nào trong phạm vi đã chọn.", "No copies in the range chosen.")
COLLECTION = Text("Kho {code}", "Collection {code}")
# Said after the title of each of a collection's sequences when it has several (legacy or
# imported numbers beside GK.00001…): the heads were the same and each list began at 1.
SEQUENCE = Text(" (số ĐKCB {prefix}…)", " (accession numbers {prefix}…)")
NUMERIC_SEQUENCE = Text(" (số ĐKCB chỉ gồm chữ số)", " (numeric accession numbers)")
HEADS = (
    (Text("STT", "No."), 30, "number"),
    (Text("Ngày vào sổ", "Date entered"), 54, "date"),
    (Text("Số ĐKCB", "Acc. no."), 60, "text"),
    (Text("Tên sách", "Title"), 170, "text"),
    (Text("Tác giả", "Author"), 96, "text"),
    (Text("Nơi XB – Nhà XB", "Place – publisher"), 100, "text"),
    (Text("Năm XB", "Year"), 34, "number"),
    (Text("Giá tiền (đ)", "Price (đ)"), 54, "money"),
    (Text("Môn loại / KHPL", "Class / call no."), 62, "text"),
    (Text("Số vào sổ TQ", "General reg. no."), 42, "number"),
    (Text("Ghi chú", "Notes"), 92, "text"),
)
QUIET_STATUSES = ("available", "on_loan", "on_hold_shelf")
WRITTEN_OFF = Text("Thanh lý ngày {day}", "Written off on {day}")
WRITTEN_OFF_BY = Text("Thanh lý ngày {day}, {record}", "Written off on {day}, {record}")
RECORD = Text("BB số {number}", "record {number}")


@dataclass(frozen=True)
class IndividualLine:
    """One line of the individual register."""

    number: int
    sequence: str
    collection: str
    acquired_on: str | None
    barcode: str
    title: str
    author: str
    publication: str
    year: int | None
    price: float | None
    call_number: str
    general_number: int | None
    note: str
    status: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return dict(self.__dict__)


def book_title(copy: Copy) -> str:
    """The title as the register writes it: title, volume, edition."""
    parts = [copy.title]
    if copy.volume:
        parts.append(copy.volume)
    if copy.edition:
        parts.append(copy.edition)
    return ". ".join(p.strip(" .") for p in parts if p and p.strip(" ."))


def author_of(copy: Copy) -> str:
    """The authors, else the statement of responsibility."""
    return "; ".join(copy.authors) if copy.authors else (copy.responsibility or "")


def publication(copy: Copy) -> str:
    """"Place – publisher" (either alone when the other is unknown)."""
    return " – ".join(p for p in (copy.place, copy.publisher) if p)


def note_of(copy: Copy, record: tuple[date, str] | None = None) -> str:
    """What the notes column says: the copy's state when it is no longer on the shelves
    (lost, damaged), its write-off once — the day and the record (day, number) it is on, as
    "Thanh lý ngày 10/03/2026, BB số 02/TL-2026" — and its own note, without the line the
    write-off added to it (the same day and number again).

    >>> from types import SimpleNamespace as Copy
    >>> gone = Copy(status="withdrawn", note="Bìa rách\\nThanh lý ngày 10/03/2026: 02/TL-2026")
    >>> note_of(gone, (date(2026, 3, 10), "02/TL-2026"))  # type: ignore[arg-type]
    'Thanh lý ngày 10/03/2026, BB số 02/TL-2026; Bìa rách'
    """
    own = [line.strip() for line in (copy.note or "").splitlines() if line.strip()]
    quiet = copy.status in QUIET_STATUSES
    if record is None:
        # withdrawn with no record: the status, unless the note says it already
        said = copy.status == "withdrawn" and any(_says_written_off(line) for line in own)
        parts = [] if quiet or said else [status_words(copy.status).capitalize()]
        return "; ".join(parts + own)
    day, number = display_date(record[0]), record[1]
    own = [line for line in own if not _says_written_off(line, day, number)]
    parts = [] if quiet or copy.status == "withdrawn" else [status_words(copy.status).capitalize()]
    parts.append(WRITTEN_OFF_BY(day=day, record=_record(number)) if number
                 else WRITTEN_OFF(day=day))
    return "; ".join(parts + own)


def _record(number: str) -> str:
    """The record's number as a reference: "BB số 02/TL-2026"; a number that says it is a
    record already ("BB 02/2026", "Biên bản 3") as it is."""
    if number.lower().startswith(("bb", "biên bản", "record")):
        return number
    return RECORD(number=number)


def _says_written_off(line: str, day: str | None = None, number: str = "") -> bool:
    """True when *line* is the one a write-off adds to a copy's note ("Thanh lý ngày
    10/03/2026: 02/TL-2026", in either language): of *day* and *number* when given."""
    for template in (WITHDRAWN_NOTE.vi, WITHDRAWN_NOTE.en):
        if day is None:
            if line.startswith(template.split("{", 1)[0]):
                return True
            continue
        said = template.format(day=day)
        if line in (said, f"{said}: {number}" if number else said):
            return True
    return False


def individual_lines(conn: sqlite3.Connection, collection: str | None = None,
                     period: Period | None = None) -> list[IndividualLine]:
    """The register's lines, numbered per accession sequence over every copy, then kept to
    *collection* (a code such as "TK") and copies acquired in *period*."""
    copies = load_copies(conn)
    general = delivery_numbers(deliveries(copies))
    records = written_off(conn)
    counters: dict[str, int] = {}
    lines: list[IndividualLine] = []
    wanted = collection.strip().upper() if collection else None
    for copy in copies:
        counters[copy.sequence] = counters.get(copy.sequence, 0) + 1
        if wanted and copy.collection != wanted:
            continue
        if period and (period.start or period.end) and not period.contains(copy.acquired_on):
            continue
        lines.append(IndividualLine(
            counters[copy.sequence], copy.sequence, copy.collection, copy.acquired_on,
            copy.barcode, book_title(copy), author_of(copy), publication(copy), copy.year,
            copy.price, copy.call_number or copy.classification or "",
            general.get(copy.item_id), note_of(copy, records.get(copy.item_id)), copy.status))
    return lines


def columns() -> tuple[Column, ...]:
    """The register's columns in the current language."""
    return columns_of(HEADS)


def _row(line: IndividualLine) -> tuple[Any, ...]:
    acquired = date.fromisoformat(line.acquired_on[:10]) if line.acquired_on else None
    return (line.number, acquired, line.barcode, line.title, line.author, line.publication,
            line.year, line.price, line.call_number, line.general_number, line.note)


def individual_report(lines: list[IndividualLine], labels: dict[str, str], library: str,
                      school_year: str, scope: str) -> Report:
    """The register as a printable report: one section per accession sequence (each starting
    on a new page); *labels* names collections ("TK" → "Sách tham khảo")."""
    sequences: dict[str, list[IndividualLine]] = {}
    for line in lines:
        sequences.setdefault(line.sequence, []).append(line)
    titles: dict[str, str] = {}
    sheets: dict[str, str] = {}
    for sequence, members in sequences.items():
        codes = sorted({m.collection for m in members if m.collection})
        sheets[sequence] = codes[0] if len(codes) == 1 else "ĐKCB"
        if len(codes) == 1:
            label = labels.get(codes[0], "")
            titles[sequence] = SECTION(code=codes[0], label=f" — {label}" if label else "")
        else:
            titles[sequence] = NO_COLLECTION() if not codes else COLLECTION(code=", ".join(codes))
    repeated = {t for t in titles.values() if list(titles.values()).count(t) > 1}
    sections: list[Section] = []
    for sequence, members in sequences.items():
        title = titles[sequence]
        if title in repeated:
            title += SEQUENCE(prefix=sequence) if sequence else NUMERIC_SEQUENCE()
        sections.append(Section(title, columns(), [_row(m) for m in members],
                                new_page=bool(sections), sheet=sheets[sequence]))
    if not sections:
        sections.append(Section("", columns(), [], empty=NOTHING(), sheet="ĐKCB"))
    return Report("individual", TITLE(), library, school_year, scope, True, sections)
