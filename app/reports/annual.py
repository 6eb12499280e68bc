"""Báo cáo năm (the annual report of a school year) for the school's head and the district:
one document summing up the year.

The school year is the one the app uses everywhere (1 August to 31 July,
:meth:`app.reports.period.Period.school_year`); a year still running ends today. In order:

0. a summary (the figures a head of school reads first);
1. the collection at the start (the day before the year began) and at the end, by collection
   code: titles, copies, value;
2. acquisitions: the deliveries of the year as part I of the general register numbers them;
3. write-offs: the write-off records of the year (part II);
4. stocktakes closed in the year (part III);
5. loans by month and reader group (the category the reader had when borrowing);
6. readers: loans, borrowers, active readers and visits per group, and the share of the
   school's students who borrowed or came in (students on the roll: every student reader not
   erased, entered before the year ended and not gone before it began, and every student who
   borrowed or came in during the year, whatever the day their entry carries);
7. the most borrowed titles;
8. at the end of the year: loans overdue, and copies reported lost during the year.

Every figure is a count of rows already in the database (:mod:`app.reports.statistics`,
:mod:`app.reports.general`); nothing is typed in for the report.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.circulation.clock import display_date, local_day
from app.circulation.rules import CATEGORY_NAMES
from app.circulation.usage import VISIT_GROUP_NAMES
from app.i18n import Text
from app.reports import statistics_report as stats_text
from app.reports.general import HEADS_I, HEADS_II, HEADS_III, Receipt, general_register
from app.reports.holdings import load_copies
from app.reports.loanbook import title_of
from app.reports.period import Period, loans_lent
from app.reports.signatures import REPORT_MAKER, signers
from app.reports.statistics import Holding, Statistics, collection_on, holdings, statistics
from app.reports.statistics_report import BORROWERS, LOANS, NO_CODE, UNKNOWN
from app.reports.table import Cell, Column, Report, Section, columns_of
from app.reports.writeoffs import Inventory, WriteOff, inventories, written_off
from app.text import nfc, sort_key

TOP = 10
MAIN_GROUPS = ("student", "teacher", "staff")
TITLE = Text("BÁO CÁO CÔNG TÁC THƯ VIỆN NĂM HỌC {year}", "LIBRARY ANNUAL REPORT {year}")
SUMMARY = Text("Tóm tắt", "Summary")
S_COLLECTION = Text("1. Vốn tài liệu đầu năm và cuối năm, theo kho",
                    "1. Collection at the start and end of the year, by collection")
S_ACQUIRED = Text("2. Bổ sung trong năm (sổ đăng ký tổng quát, phần I)",
                  "2. Acquisitions (general register, part I)")
S_WRITTEN_OFF = Text("3. Thanh lý trong năm (sổ đăng ký tổng quát, phần II)",
                     "3. Write-offs (general register, part II)")
S_STOCKTAKE = Text("4. Kiểm kê trong năm (sổ đăng ký tổng quát, phần III)",
                   "4. Stocktakes (general register, part III)")
S_MONTHS = Text("5. Lượt mượn theo tháng và nhóm bạn đọc", "5. Loans by month and reader group")
S_READERS = Text("6. Bạn đọc", "6. Readers")
S_TOP = Text("7. Sách được mượn nhiều nhất", "7. Most borrowed titles")
S_END = Text("8. Cuối năm: sách quá hạn, sách mất", "8. At the end: overdue and lost")
NO_ENTRIES = Text("Không có.", "None.")
MEASURE = Text("Chỉ tiêu", "Measure")
NUMBER = Text("Số lượng", "Number")
VALUE = Text("Giá trị (đ)", "Value (đ)")
COLLECTION = Text("Kho", "Collection")
AT_START = Text("Đầu năm {day}:\n{what}", "At {day}:\n{what}")
AT_END = Text("Cuối năm {day}:\n{what}", "At {day}:\n{what}")
TITLES = Text("số tên", "titles")
COPIES = Text("số bản", "copies")
WORTH = Text("giá trị (đ)", "value (đ)")
MONTH = Text("Tháng", "Month")
TOTAL = Text("Cộng", "Total")
OTHER = Text("Khác", "Other")
GROUP = Text("Nhóm bạn đọc", "Reader group")
ACTIVE = Text("Bạn đọc tích cực", "Active readers")
VISITS = Text("Lượt đến", "Visits")
NUMBER_COL = Text("STT", "No.")
BOOK = Text("Tên sách", "Title")
AUTHOR = Text("Tác giả", "Author")
SHARE = Text("Học sinh có mượn sách hoặc đến thư viện: {active} / {roll} em ({share}).",
             "Students who borrowed or came in: {active} of {roll} ({share}).")
NO_ROLL = Text("Chưa có danh sách học sinh.", "No students on the roll.")
ROW_START = Text("Vốn tài liệu đầu năm (đến {day})", "Collection at the start ({day})")
ROW_ACQUIRED = Text("Bổ sung trong năm", "Acquired in the year")
ROW_OUT = Text("Thanh lý trong năm ({records} biên bản)",
               "Written off in the year ({records} records)")
ROW_END = Text("Vốn tài liệu cuối năm (đến {day})", "Collection at the end ({day})")
ROW_LOANS = Text("Lượt mượn trong năm", "Loans in the year")
ROW_SHARE = Text("Tỉ lệ học sinh là bạn đọc tích cực", "Share of students who are active readers")
ROW_OVERDUE = Text("Lượt mượn quá hạn cuối năm", "Loans overdue at the end")
ROW_OVERDUE_READERS = Text("Bạn đọc có sách quá hạn cuối năm",
                           "Readers with overdue loans at the end")
ROW_LOST = Text("Bản sách báo mất trong năm (khi đang mượn)",
                "Copies reported lost in the year (while lent)")


@dataclass
class Annual:
    """The figures of one school year (see the module's text)."""

    year: str
    start: date
    end: date
    stats: Statistics
    start_by_code: list[Holding]
    start_total: Holding
    receipts: list[Receipt]
    write_offs: list[WriteOff]
    inventories: list[Inventory]
    months: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    students_on_roll: int = 0
    active_students: int = 0
    top_titles: list[tuple[str, str, int, int]] = field(default_factory=list)
    lost_in_year: int = 0

    @property
    def student_share(self) -> float | None:
        """Active students as a share of the students on the roll (None with no roll)."""
        if not self.students_on_roll:
            return None
        return min(1.0, self.active_students / self.students_on_roll)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (ISO days)."""
        return {
            "year": self.year, "from": self.start.isoformat(), "to": self.end.isoformat(),
            "collection_start": [h.to_dict() for h in self.start_by_code],
            "collection_start_total": self.start_total.to_dict(),
            "statistics": self.stats.to_dict(),
            "receipts": [r.to_dict() for r in self.receipts],
            "write_offs": [{**w.__dict__, "day": w.day.isoformat(),
                            "by_collection": dict(w.by_collection)} for w in self.write_offs],
            "inventories": [i.to_dict() for i in self.inventories],
            "loans_by_month": [{"month": m, **counts} for m, counts in self.months],
            "students_on_roll": self.students_on_roll, "active_students": self.active_students,
            "top_titles": [{"title": t, "author": a, "loans": n, "readers": r}
                           for t, a, n, r in self.top_titles],
            "lost_in_year": self.lost_in_year}


def school_year_period(year: str) -> Period:
    """The days of school year *year* ("2025-2026"): 01/08/2025–31/07/2026."""
    return Period.school_year(int(year[:4]))


def _months(start: date, end: date) -> list[str]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(f"{day.year:04d}-{day.month:02d}")
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def _loans(conn: sqlite3.Connection, annual: Annual) -> set[int]:
    """Loans by month and group, the most borrowed titles; the students who borrowed."""
    months = {m: dict.fromkeys(MAIN_GROUPS, 0) for m in _months(annual.start, annual.end)}
    titles: dict[int, list[Any]] = {}
    students: set[int] = set()
    for lent, (category, patron_id, record_id, title, volume, edition, authors, resp) in \
            loans_lent(conn, annual.start, annual.end,
                       "coalesce(l.patron_category, p.category, ''), l.patron_id, i.record_id, "
                       "r.title, r.volume, r.edition, r.authors, r.responsibility",
                       "LEFT JOIN patrons p ON p.id = l.patron_id JOIN items i "
                       "ON i.id = l.item_id JOIN records r ON r.id = i.record_id"):
        counts = months[lent[:7]]
        counts[category] = counts.get(category, 0) + 1
        entry = titles.setdefault(record_id, [title_of(title, volume, edition),
                                              _authors(authors, resp), 0, set()])
        entry[2] += 1
        if patron_id is not None:
            entry[3].add(patron_id)
            if category == "student":
                students.add(patron_id)
    annual.months = list(months.items())
    ranked = sorted(titles.values(), key=lambda e: (-e[2], sort_key(e[0])))
    annual.top_titles = [(e[0], e[1], e[2], len(e[3])) for e in ranked[:TOP]]
    return students


def _authors(authors: str | None, responsibility: str | None) -> str:
    try:
        names = [str(a) for a in json.loads(authors or "[]")]
    except ValueError:
        names = []
    return nfc("; ".join(names) if names else (responsibility or ""))


def annual_figures(conn: sqlite3.Connection, year: str, today: date) -> Annual:
    """The figures of school year *year* ("2025-2026"); a running year ends *today*."""
    period = school_year_period(year)
    assert period.start is not None and period.end is not None
    end = min(period.end, today)
    copies = load_copies(conn)
    gone = written_off(conn)
    stats = statistics(conn, Period(period.start, end), today, copies, gone)
    before = (period.start - timedelta(days=1)).isoformat()
    start_by_code, start_total = holdings(collection_on(copies, before, gone), "collection")
    register = general_register(conn, None, Period(period.start, end), today)
    stocktakes = [i for i in inventories(conn, range(period.start.year, end.year + 1))
                  if period.start <= i.closed_on <= end]
    annual = Annual(year, period.start, end, stats, start_by_code, start_total,
                    [r for r in register.receipts if not r.carried_over],  # not acquired
                    register.write_offs, stocktakes)
    first, last = period.start.isoformat(), end.isoformat()
    students = _loans(conn, annual)
    students |= {r[0] for r in conn.execute(
        "SELECT DISTINCT patron_id FROM usage_events WHERE deleted = 0 AND patron_id IS NOT NULL "
        "AND patron_category = 'student' AND day BETWEEN ? AND ?", (first, last))}
    annual.active_students = len(students)
    annual.students_on_roll = len(_on_roll(conn, first, last) | students)
    low = (period.start - timedelta(days=1)).isoformat()
    high = (end + timedelta(days=2)).isoformat()
    annual.lost_in_year = sum(
        1 for (back,) in conn.execute(
            "SELECT returned_at FROM loans WHERE deleted = 0 AND outcome = 'lost' "
            "AND returned_at >= ? AND returned_at < ?", (low, high))
        if first <= local_day(back) <= last)
    return annual


def _on_roll(conn: sqlite3.Connection, first: str, last: str) -> set[int]:
    """The students (not erased) on the roll of the year *first* … *last* (ISO days) by what
    was entered: not gone before it began and entered by its end (the library's day). The
    caller adds those who borrowed or came in: they were there, whatever their entry says."""
    return {int(patron_id) for patron_id, created in conn.execute(
        "SELECT id, created_at FROM patrons WHERE deleted = 0 AND category = 'student' "
        "AND (left_on IS NULL OR left_on >= ?)", (first,)) if local_day(created) <= last}


def _percent(share: float | None) -> str:
    """A share as Vietnamese write it: comma decimals.

    >>> _percent(0.4523), _percent(None)
    ('45,2 %', '—')
    """
    return "—" if share is None else f"{share * 100:.1f} %".replace(".", ",")


def _name(key: str) -> str:
    name = CATEGORY_NAMES.get(key)
    return name() if name else (key or UNKNOWN())



def annual_report(annual: Annual, labels: dict[str, str], library: str) -> Report:
    """The annual report as a printable document (A4 portrait)."""
    stats = annual.stats
    before, end = display_date(annual.start - timedelta(days=1)), display_date(annual.end)
    names = {code: f"{code} — {label}" if label else code for code, label in labels.items()}
    summary: list[tuple[Cell, ...]] = [
        (ROW_START(day=before), annual.start_total.copies, annual.start_total.value),
        (ROW_ACQUIRED(), stats.acquired_total.copies, stats.acquired_total.value),
        (ROW_OUT(records=stats.write_off_records), stats.written_off_total.copies,
         stats.written_off_total.value),
        (ROW_END(day=end), stats.collection_total.copies, stats.collection_total.value),
        (ROW_LOANS(), stats.loans_total.loans, None),
        (stats_text.ACTIVE(), stats.active_readers, None),
        (ROW_SHARE(), _percent(annual.student_share), None),
        (stats_text.VISITS(), stats.visits, None),
        (stats_text.IN_LIBRARY(), stats.in_library, None),
        (ROW_OVERDUE(), stats.overdue_loans, None),
        (ROW_LOST(), annual.lost_in_year, None),
    ]
    # 1. collection at the start and at the end
    codes = sorted({h.group for h in annual.start_by_code} |
                   {h.group for h in stats.collection_by_code})
    at_start = {h.group: h for h in annual.start_by_code}
    at_end = {h.group: h for h in stats.collection_by_code}
    empty = Holding("", 0, 0, 0.0)
    collection_columns = (Column(COLLECTION(), 120), *(
        Column(head(day=day, what=what()), 58, kind)  # type: ignore[arg-type]
        for head, day in ((AT_START, before), (AT_END, end))
        for what, kind in ((TITLES, "int"), (COPIES, "int"), (WORTH, "money"))))
    collection_rows: list[tuple[Cell, ...]] = []
    for code in codes:
        a, b = at_start.get(code, empty), at_end.get(code, empty)
        collection_rows.append((names.get(code, code) or NO_CODE(), a.titles, a.copies, a.value,
                                b.titles, b.copies, b.value))
    s, e = annual.start_total, stats.collection_total
    collection_total: tuple[Cell, ...] = (TOTAL(), s.titles, s.copies, s.value, e.titles,
                                          e.copies, e.value)
    # 2–4. the general register's parts for the year
    receipts: list[tuple[Cell, ...]] = [
        (r.number, date.fromisoformat(r.day) if r.day else None, r.label(), r.titles,
         r.copies, r.value) for r in annual.receipts]
    receipts_total: tuple[Cell, ...] = (TOTAL(), None, None,
                                        sum(r.titles for r in annual.receipts),
                                        sum(r.copies for r in annual.receipts),
                                        sum(r.value for r in annual.receipts))
    write_offs: list[tuple[Cell, ...]] = [
        (n, w.day, w.number, w.reason, w.copies, w.value, w.note)
        for n, w in enumerate(annual.write_offs, start=1)]
    write_offs_total: tuple[Cell, ...] = (TOTAL(), None, None, None,
                                          sum(w.copies for w in annual.write_offs),
                                          sum(w.value for w in annual.write_offs), None)
    stocktakes: list[tuple[Cell, ...]] = [
        (i.closed_on, i.collection or "—", i.expected, i.present, i.on_loan, i.left_unfound,
         i.lost_marked) for i in annual.inventories]
    # 5. loans by month
    groups = list(MAIN_GROUPS) + sorted({k for _, counts in annual.months for k, n in
                                         counts.items() if n and k not in MAIN_GROUPS})
    month_columns = (Column(MONTH(), 70), *(Column(_name(g), 60, "int") for g in groups),
                     Column(TOTAL(), 60, "int"))
    month_rows: list[tuple[Cell, ...]] = [
        (f"{m[5:]}/{m[:4]}", *(counts.get(g, 0) for g in groups), sum(counts.values()))
        for m, counts in annual.months]
    month_total: tuple[Cell, ...] = (
        TOTAL(), *(sum(c.get(g, 0) for _, c in annual.months) for g in groups),
        sum(sum(c.values()) for _, c in annual.months))
    # 6. readers by group
    loans = {x.group: x for x in stats.loans_by_category}
    keys = sorted(set(loans) | set(stats.active_by_category) | set(stats.visits_by_category),
                  key=lambda k: (MAIN_GROUPS + ("community", "walk_in")).index(k)
                  if k in MAIN_GROUPS + ("community", "walk_in") else 99)
    reader_rows: list[tuple[Cell, ...]] = []
    for key in keys:
        count = loans.get(key)
        people = key != "walk_in"  # visitors without a card are counted, not known
        reader_rows.append((_walk_in_name(key), count.loans if count else 0,
                            (count.readers if count else 0) if people else None,
                            stats.active_by_category.get(key, 0) if people else None,
                            stats.visits_by_category.get(key, 0)))
    reader_total: tuple[Cell, ...] = (TOTAL(), stats.loans_total.loans, stats.loans_total.readers,
                                      stats.active_readers, stats.visits)
    share = (SHARE(active=annual.active_students, roll=annual.students_on_roll,
                   share=_percent(annual.student_share)) if annual.students_on_roll
             else NO_ROLL())
    # 7. most borrowed; 8. at the end
    top: list[tuple[Cell, ...]] = [(n, t, a, loans_, readers) for n, (t, a, loans_, readers)
                                   in enumerate(annual.top_titles, start=1)]
    at_the_end: list[tuple[Cell, ...]] = [
        (ROW_OVERDUE(), stats.overdue_loans), (ROW_OVERDUE_READERS(), stats.overdue_readers),
        (ROW_LOST(), annual.lost_in_year)]
    measure = (Column(MEASURE(), 300), Column(NUMBER(), 90, "int"), Column(VALUE(), 110, "money"))
    sections = [
        Section(SUMMARY(), measure, summary, sheet="Tóm tắt"),
        Section(S_COLLECTION(), collection_columns, collection_rows,
                collection_total if collection_rows else None, NO_ENTRIES(), sheet="Vốn TL"),
        Section(S_ACQUIRED(), columns_of(HEADS_I), receipts, receipts_total if receipts else None,
                NO_ENTRIES(), sheet="Bổ sung"),
        Section(S_WRITTEN_OFF(), columns_of(HEADS_II), write_offs,
                write_offs_total if write_offs else None, NO_ENTRIES(), sheet="Thanh lý"),
        Section(S_STOCKTAKE(), columns_of(HEADS_III), stocktakes, None, NO_ENTRIES(),
                sheet="Kiểm kê"),
        Section(S_MONTHS(), month_columns, month_rows, month_total, NO_ENTRIES(),
                sheet="Lượt mượn"),
        Section(S_READERS(), (Column(GROUP(), 150), Column(LOANS(), 60, "int"),
                              Column(BORROWERS(), 70, "int"), Column(ACTIVE(), 70, "int"),
                              Column(VISITS(), 60, "int")),
                reader_rows, reader_total if reader_rows else None, NO_ENTRIES(),
                lines=(share,), sheet="Bạn đọc"),
        Section(S_TOP(), (Column(NUMBER_COL(), 30, "number"), Column(BOOK(), 220),
                          Column(AUTHOR(), 120), Column(LOANS(), 55, "int"),
                          Column(BORROWERS(), 65, "int")),
                top, None, NO_ENTRIES(), sheet="Mượn nhiều"),
        Section(S_END(), (Column(MEASURE(), 300), Column(NUMBER(), 90, "int")), at_the_end,
                sheet="Cuối năm"),
    ]
    scope = Period(annual.start, annual.end).label()
    return Report("annual", TITLE(year=annual.year), library, annual.year, scope, False,
                  sections, signatures=signers(REPORT_MAKER, head=True))


def _walk_in_name(key: str) -> str:
    name = VISIT_GROUP_NAMES.get(key)
    return name() if name else (key or UNKNOWN())
