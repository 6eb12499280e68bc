"""The desk's printed documents — loan slips and overdue letters by class — drawn on the label
drawing surface (:mod:`app.labels.surface`), so the same recording becomes the PDF
(:func:`app.labels.pdf.to_pdf`), the preview on screen and the print job (``ui.labels``).

A4 portrait, the bundled font (Vietnamese glyphs), text in NFC. Each group (one slip, one class
letter) starts on a new page; a group longer than a page repeats its heading and the patron
line on the next one and numbers its pages ("Trang 1/2"), since each letter goes to a different
teacher. Kept apart from :mod:`app.circulation.documents` so the circulation service does not
load ReportLab until something is printed.

    >>> from datetime import date
    >>> from app.circulation.refs import PatronRef
    >>> from app.circulation.documents import PatronLoans
    >>> patron = PatronRef(1, "u1", "Nguyễn Văn An", "student", "6A", 6, "HS000001", "active", None)
    >>> doc = slip_document(PatronLoans(patron), "Thư viện", date(2025, 9, 8))
    >>> len(doc.pages), doc.title
    (1, 'PHIẾU MƯỢN SÁCH — Nguyễn Văn An')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.circulation.clock import display_date
from app.circulation.documents import ClassLetter, LoanLine, PatronLoans
from app.i18n import Text
from app.labels.fonts import BOLD, REGULAR, register_fonts, text_width
from app.labels.surface import Recording, Surface
from app.text import nfc

SLIP_TITLE = Text("PHIẾU MƯỢN SÁCH", "LOAN SLIP")
LETTER_TITLE = Text("THÔNG BÁO SÁCH QUÁ HẠN — LỚP {class_name}", "OVERDUE BOOKS — CLASS {class_name}")
# The last column is a count of days: its head says so (a bare "Quá hạn" over "3" read as
# three weeks or a third reminder).
HEADERS = Text("ĐKCB|Tên sách|Ngày mượn|Hạn trả|Quá hạn (ngày)",
               "Acc. no.|Title|Loaned|Due|Days late")
PRINTED = Text("{library} — in ngày {day}", "{library} — printed {day}")
STUDENT = Text("Bạn đọc: {name}   Lớp: {class_name}   Thẻ: {card}",
               "Patron: {name}   Class: {class_name}   Card: {card}")
NO_CLASS_PATRON = Text("Bạn đọc: {name}   Thẻ: {card}", "Patron: {name}   Card: {card}")
NO_CLASS_TITLE = Text("THÔNG BÁO SÁCH QUÁ HẠN — BẠN ĐỌC KHÔNG THEO LỚP",
                      "OVERDUE BOOKS — PATRONS WITHOUT A CLASS")
ON_LOAN = Text("Tổng số: {count} cuốn đang mượn.", "In all: {count} books on loan.")
BORROWER = Text("NGƯỜI MƯỢN", "BORROWER")
LIBRARIAN = Text("CÁN BỘ THƯ VIỆN", "LIBRARIAN")
NAME_HINT = Text("(Ký, ghi rõ họ tên)", "(signature and full name)")
DATED = Text("ngày {day} tháng {month} năm {year}", "{day}/{month}/{year}")
NOTHING = Text("Không có sách đang mượn.", "No books on loan.")
LETTER_NOTE = Text(
    "Kính gửi thầy/cô chủ nhiệm lớp {class_name}: các em dưới đây đang giữ sách của thư viện đã "
    "quá hạn trả. Nhờ thầy/cô nhắc các em mang sách đến trả thư viện. Xin cảm ơn.",
    "To the homeroom teacher of class {class_name}: the students below have library books past "
    "their due date. Please remind them to bring the books back to the library. Thank you.")
NOTHING_OVERDUE = Text("Không có sách quá hạn.", "Nothing is overdue.")
CONTINUED = Text("(tiếp)", "(continued)")
PAGE = Text("Trang {page}/{pages}", "Page {page} of {pages}")
LETTERS_TITLE = Text("Thông báo sách quá hạn theo lớp", "Overdue letters by class")

A4_MM = (210.0, 297.0)
PAGE_HEIGHT = A4_MM[1] * 72 / 25.4
LEFT, RIGHT = 40.0, 555.0  # points: the table spans the A4 width less 40 pt each side
TOP = PAGE_HEIGHT - 50
BOTTOM = 56.0
ROW = 13.0
# Left edges of barcode, title, loaned and due; days late is right-aligned on RIGHT (its head,
# "Quá hạn (ngày)", is 70 pt wide in bold 9: the due date column ends before it).
COLUMNS = (LEFT, 110.0, 355.0, 420.0)
TITLE_WIDTH = COLUMNS[2] - COLUMNS[1] - 10
ELLIPSIS = "…"
SIGNATURE_SPACE = 90.0  # the date line, who signs, and room to sign


@dataclass(frozen=True)
class DeskGroup:
    """One part of a desk document: its heading, a note under the heading (first page only),
    the patrons with their loans, and what to say when there are none."""

    title: str
    patrons: Sequence[PatronLoans]
    note: str = ""
    empty: str = ""
    signers: tuple[str, ...] = ()
    count_loans: bool = False


def fit(text: str, font: str, size: float, width: float) -> str:
    """*text* (NFC) cut with an ellipsis so that it is at most *width* points wide."""
    text = nfc(text)
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """*text* (NFC) broken between words into lines at most *width* points wide."""
    lines: list[str] = []
    current = ""
    for word in nfc(text).split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def printed_line(library_name: str, today: date, reserve: float = 70.0) -> tuple[str, float]:
    """The top line "library — in ngày dd/mm/yyyy" and its size, fitting the page width less
    *reserve* (the page number): the date is kept whole, a long library name is set smaller
    and cut with "…" only past 7 points."""
    day = display_date(today)
    for size in (9.0, 8.0, 7.0):
        room = RIGHT - LEFT - reserve - text_width(PRINTED(library="", day=day), REGULAR, size)
        if text_width(nfc(library_name), REGULAR, size) <= room:
            break
    return PRINTED(library=fit(library_name, REGULAR, size, room), day=day), size


def titles_of(title: str) -> list[str]:
    """A title in the title column: whole over one or two lines (a slip that settles a
    dispute names the book), cut with "…" only past the second."""
    lines = wrap(title, REGULAR, 9, TITLE_WIDTH) or [""]
    if len(lines) <= 2:
        return lines
    return [lines[0], fit(" ".join(lines[1:]), REGULAR, 9, TITLE_WIDTH)]


class _GroupWriter:
    """Draws one group page by page onto a recording, without page numbers (they need the
    page count, known at the end)."""

    def __init__(self, group: DeskGroup, library_name: str, today: date) -> None:
        self.group = group
        self.today = today
        self.printed, self.heading_size = printed_line(library_name, today)
        self.doc = Recording(*A4_MM)
        self.y = self._heading(first=True)

    def _heading(self, first: bool) -> float:
        s = self.doc
        s.set_font(REGULAR, self.heading_size)
        s.text(LEFT, TOP, self.printed)
        s.set_font(BOLD, 14)
        s.text((LEFT + RIGHT) / 2, TOP - 24, fit(self.group.title, BOLD, 14, RIGHT - LEFT),
               "centre")
        y = TOP - 52
        if first and self.group.note:
            lines = wrap(self.group.note, REGULAR, 10, RIGHT - LEFT)
            s.text_lines(LEFT, y, lines, REGULAR, 10)
            y -= len(lines) * 12 + 10
        return y

    def _new_page(self) -> None:
        self.doc.new_page()
        self.y = self._heading(first=False)

    def _patron(self, entry: PatronLoans, continued: bool) -> None:
        s, p = self.doc, entry.patron
        line = (STUDENT(name=p.full_name, class_name=p.class_name, card=p.card) if p.class_name
                else NO_CLASS_PATRON(name=p.full_name, card=p.card))
        if continued:
            line = f"{line}   {CONTINUED()}"
        s.set_font(BOLD, 10)
        s.text(LEFT, self.y, fit(line, BOLD, 10, RIGHT - LEFT))
        self.y -= 16
        s.set_font(BOLD, 9)
        heads = HEADERS().split("|")
        for x, head in zip(COLUMNS, heads, strict=False):
            s.text(x, self.y, head)
        s.text(RIGHT, self.y, heads[-1], "right")
        s.save()
        s.set_stroke(0.55)
        s.set_line_width(0.5)
        s.line(LEFT, self.y - 3.5, RIGHT, self.y - 3.5)
        s.restore()
        self.y -= ROW + 1
        s.set_font(REGULAR, 9)

    def _row(self, line: LoanLine, titles: list[str]) -> None:
        s = self.doc
        cells = (line.barcode, titles[0], display_date(line.loaned_on), display_date(line.due))
        for x, cell in zip(COLUMNS, cells, strict=True):
            s.text(x, self.y, cell)
        if line.days_overdue:
            s.set_font(BOLD, 9)
            s.text(RIGHT, self.y, str(line.days_overdue), "right")
            s.set_font(REGULAR, 9)
        for more in titles[1:]:
            self.y -= ROW
            s.text(COLUMNS[1], self.y, more)
        self.y -= ROW

    def _signatures(self) -> None:
        """The date line, then each signer side by side with room to sign."""
        signers = self.group.signers
        if not signers:
            return
        if self.y - SIGNATURE_SPACE < BOTTOM:
            self._new_page()
        self.y = signatures(self.doc, self.y, signers, self.today)

    def write(self) -> Recording:
        """Every page of the group."""
        if not self.group.patrons and self.group.empty:
            self.doc.set_font(REGULAR, 10)
            self.doc.text(LEFT, self.y, nfc(self.group.empty))
        last = self.group.patrons[-1] if self.group.patrons else None
        for entry in self.group.patrons:
            # The patron's line, the column heads and the first loan stay on one page; the
            # last patron goes over with the signatures, which never stand alone on a page.
            needed = 16 + (ROW + 1) + ROW
            if entry is last and self.group.signers:
                whole = (16 + (ROW + 1) + 12 + SIGNATURE_SPACE + (ROW + 2) * self.group.count_loans
                         + ROW * sum(len(titles_of(line.title)) for line in entry.loans) + ROW)
                if whole <= TOP - 52 - BOTTOM:
                    needed = whole
            if self.y - needed < BOTTOM:
                self._new_page()
            self._patron(entry, continued=False)
            if not entry.loans:
                self.doc.text(COLUMNS[0], self.y, NOTHING())
                self.y -= ROW
            tail = max(1, len(entry.loans) - 2)  # the last two loans go over with the signatures
            for index, line in enumerate(entry.loans):
                titles = titles_of(line.title)
                needed = ROW * (len(titles) - 1)
                if entry is last and self.group.signers and index == tail:
                    needed = (ROW * sum(len(titles_of(x.title)) for x in entry.loans[index:])
                              + (ROW + 2) * self.group.count_loans + 12 + SIGNATURE_SPACE)
                if self.y - needed < BOTTOM:
                    self._new_page()
                    self._patron(entry, continued=True)
                self._row(line, titles)
            if self.group.count_loans and entry.loans:
                self.doc.set_font(BOLD, 9)
                self.doc.text(LEFT, self.y - 2, ON_LOAN(count=len(entry.loans)))
                self.y -= ROW + 2
            self.y -= 12
        self._signatures()
        self.doc.new_page()
        return self.doc


def signatures(s: Surface, y: float, signers: Sequence[str], today: date) -> float:
    """Below *y*: the date line "ngày … tháng … năm …", then each of *signers* side by side
    with "(Ký, ghi rõ họ tên)" and room to sign. Returns the height left under them."""
    width = (RIGHT - LEFT) / max(len(signers), 2)
    centres = [LEFT + width * (index + 0.5 + max(2 - len(signers), 0))
               for index in range(len(signers))]
    s.set_font(REGULAR, 10)
    s.text(centres[-1], y - 6, DATED(day=f"{today.day:02d}", month=f"{today.month:02d}",
                                     year=str(today.year)), "centre")
    for centre, role in zip(centres, signers, strict=True):
        s.set_font(BOLD, 10)
        s.text(centre, y - 24, role, "centre")
        s.set_font(REGULAR, 9)
        s.text(centre, y - 36, NAME_HINT(), "centre")
    return y - SIGNATURE_SPACE


def desk_document(groups: Sequence[DeskGroup], library_name: str, today: date,
                  title: str = "") -> Recording:
    """A4 pages for *groups*, each group from a new page, headed by *library_name* and the
    print date *today*, with "page i of n" on groups longer than one page."""
    register_fonts()  # text widths are measured while drawing
    doc = Recording(*A4_MM, title=nfc(title))
    for group in groups:
        part = _GroupWriter(group, library_name, today).write()
        count = len(part.pages)
        for index in range(count):
            part.replay(index, doc)
            if count > 1:
                _page_number(doc, index + 1, count)
            doc.new_page()
    return doc


def _page_number(s: Surface, page: int, pages: int) -> None:
    s.set_fill(0)
    s.set_font(REGULAR, 9)
    s.text(RIGHT, TOP, PAGE(page=page, pages=pages), "right")


def slip_document(slip: PatronLoans, library_name: str, today: date) -> Recording:
    """The loan slip of one patron: what they have on loan now, with due dates."""
    group = DeskGroup(SLIP_TITLE(), [slip], signers=(BORROWER(), LIBRARIAN()),
                      count_loans=True)
    return desk_document([group], library_name, today,
                         f"{SLIP_TITLE()} — {slip.patron.full_name}")


def letters_document(letters: Sequence[ClassLetter], library_name: str, today: date) -> Recording:
    """Overdue letters for homeroom teachers: one class per page (or more pages when long);
    a single page saying nothing is overdue when *letters* is empty."""
    # Patrons without a class (staff, teachers) have no homeroom teacher to write to.
    groups = [DeskGroup(LETTER_TITLE(class_name=letter.class_name) if letter.class_name
                        else NO_CLASS_TITLE(), letter.students,
                        LETTER_NOTE(class_name=letter.class_name) if letter.class_name else "",
                        signers=(LIBRARIAN(),))
              for letter in letters]
    if not groups:
        groups = [DeskGroup(LETTER_TITLE(class_name="—"), [], empty=NOTHING_OVERDUE())]
    return desk_document(groups, library_name, today, LETTERS_TITLE())
