"""Phiếu thống kê lượt đọc (the reading-room tally) of a period, usually a month.

One line per day: visits (cards scanned at the desk, one per reader per day, and readers
without a card counted with F12 / ``thuvien walk-in``) for students, teachers and staff and
the others (readers from outside the school and visitors without a card); in-library readings
(copies read in the room, counted at the desk) and loans (copies lent home). Then the period's
totals by reader group, with how many different readers came, and by item type.

Everything comes from what the desk recorded (:mod:`app.circulation.usage` and the loans): the
category a reader had on the day is kept with each count, so the figures do not move when
the school year rolls over. The period ends on its last day, or today when it runs past; an
open start means the first day of the last day's month.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.circulation.rules import CATEGORY_NAMES, ITEM_TYPE_NAMES
from app.circulation.usage import VISIT_GROUP_NAMES, WALK_IN
from app.i18n import Text
from app.reports.period import Period, loans_lent
from app.reports.signatures import FORM_MAKER, signers
from app.reports.table import Cell, Column, Report, Section

#: The day lines' reader columns: students, teachers and staff, everyone else.
COLUMN_GROUPS = ("student", "staff", "other")
GROUP_ORDER = ("student", "teacher", "staff", "community", WALK_IN, "")
TITLE = Text("PHIẾU THỐNG KÊ LƯỢT ĐỌC", "READING-ROOM TALLY")
BY_DAY = Text("1. Theo ngày", "1. By day")
BY_GROUP = Text("2. Cộng theo nhóm bạn đọc", "2. Totals by reader group")
BY_TYPE = Text("3. Lượt sách theo loại tài liệu", "3. Copies used, by item type")
DAY = Text("Ngày", "Day")
WEEKDAY = Text("Thứ", "Weekday")
VISITS_OF = Text("Lượt đến:\n{group}", "Visits:\n{group}")
STUDENTS = Text("học sinh", "students")
STAFF = Text("GV, NV", "teachers, staff")
OTHERS = Text("khác", "others")
VISITS = Text("Cộng lượt đến", "Visits")
IN_LIBRARY = Text("Lượt sách đọc tại chỗ", "Read in the library")
LOANS = Text("Lượt sách mượn về", "Lent home")
USED = Text("Cộng lượt sách", "Copies used")
GROUP = Text("Nhóm bạn đọc", "Reader group")
READERS = Text("Số bạn đọc", "Readers")
ITEM_TYPE = Text("Loại tài liệu", "Item type")
TOTAL = Text("Cộng", "Total")
NONE = Text("Không có.", "None.")
UNKNOWN = Text("(không ghi bạn đọc)", "(no reader recorded)")
WEEKDAYS = (Text("T2", "Mon"), Text("T3", "Tue"), Text("T4", "Wed"), Text("T5", "Thu"),
            Text("T6", "Fri"), Text("T7", "Sat"), Text("CN", "Sun"))


def column_group(category: str | None) -> str:
    """Which day column a reader category is counted in.

    >>> column_group("teacher"), column_group("walk_in"), column_group(None)
    ('staff', 'other', 'other')
    """
    if category == "student":
        return "student"
    if category in ("teacher", "staff"):
        return "staff"
    return "other"


@dataclass
class TallyDay:
    """One day's counts: visits per column group, in-library readings, loans."""

    day: date
    visits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLUMN_GROUPS, 0))
    in_library: int = 0
    loans: int = 0

    @property
    def total_visits(self) -> int:
        """Visits of every group."""
        return sum(self.visits.values())


@dataclass
class GroupTotal:
    """A reader category's totals; *readers* is None for visitors without a card."""

    group: str
    visits: int = 0
    in_library: int = 0
    loans: int = 0
    readers: int | None = 0


@dataclass
class Tally:
    """The tally of one period (see the module's text)."""

    start: date
    end: date
    days: list[TallyDay]
    groups: list[GroupTotal]
    by_type: list[tuple[str, int, int]]  # item type, in-library readings, loans

    def total(self) -> TallyDay:
        """The period's totals as one line."""
        out = TallyDay(self.end)
        for day in self.days:
            for key, count in day.visits.items():
                out.visits[key] += count
            out.in_library += day.in_library
            out.loans += day.loans
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON form (ISO days)."""
        return {"from": self.start.isoformat(), "to": self.end.isoformat(),
                "days": [{"day": d.day.isoformat(), "visits": d.visits,
                          "in_library": d.in_library, "loans": d.loans} for d in self.days],
                "groups": [dict(g.__dict__) for g in self.groups],
                "by_type": [{"item_type": t, "in_library": n, "loans": m}
                            for t, n, m in self.by_type]}


def tally_period(period: Period, today: date) -> tuple[date, date]:
    """The first and last day a tally of *period* lists (see the module's text)."""
    end = min(period.end, today) if period.end else today
    start = period.start or end.replace(day=1)
    return start, max(start, end)


def reading_tally(conn: sqlite3.Connection, period: Period, today: date) -> Tally:
    """The tally of *period*, from the desk's counts and the loans."""
    start, end = tally_period(period, today)
    days = {start + timedelta(days=n): TallyDay(start + timedelta(days=n))
            for n in range((end - start).days + 1)}
    groups = {key: GroupTotal(key) for key in GROUP_ORDER}
    people: dict[str, set[int]] = {key: set() for key in GROUP_ORDER}
    types: dict[str, list[int]] = {}
    first, last = start.isoformat(), end.isoformat()
    for day, kind, category, item_type, patron_id, count in conn.execute(
            "SELECT day, kind, coalesce(patron_category, ''), coalesce(item_type, ''), "
            "patron_id, sum(count) FROM usage_events WHERE deleted = 0 AND day BETWEEN ? AND ? "
            "GROUP BY 1, 2, 3, 4, 5", (first, last)):
        line = days[date.fromisoformat(day[:10])]
        group = groups.setdefault(category, GroupTotal(category))
        if kind == "visit":
            line.visits[column_group(category)] += count
            group.visits += count
        else:
            line.in_library += count
            group.in_library += count
            types.setdefault(item_type, [0, 0])[0] += count
        if patron_id is not None:
            people.setdefault(category, set()).add(patron_id)
    for lent, (category, item_type, patron_id) in loans_lent(
            conn, start, end, "coalesce(l.patron_category, p.category, ''), "
            "coalesce(l.item_type, i.item_type, ''), l.patron_id",
            "LEFT JOIN patrons p ON p.id = l.patron_id LEFT JOIN items i ON i.id = l.item_id"):
        days[date.fromisoformat(lent)].loans += 1
        groups.setdefault(category, GroupTotal(category)).loans += 1
        types.setdefault(item_type, [0, 0])[1] += 1
        if patron_id is not None:
            people.setdefault(category, set()).add(patron_id)
    for key, group in groups.items():
        group.readers = None if key == WALK_IN else len(people.get(key, ()))
    used = [g for g in groups.values() if g.visits or g.in_library or g.loans]
    order = {key: index for index, key in enumerate(GROUP_ORDER)}
    used.sort(key=lambda g: (order.get(g.group, len(order)), g.group))
    by_type = sorted(((t, n[0], n[1]) for t, n in types.items()), key=lambda x: x[0])
    return Tally(start, end, list(days.values()), used, by_type)


def _group_name(key: str) -> str:
    if not key:
        return UNKNOWN()
    name = VISIT_GROUP_NAMES.get(key) or CATEGORY_NAMES.get(key)
    return name() if name else key


def tally_report(tally: Tally, library: str, school_year: str, scope: str) -> Report:
    """The tally as a printable report (A4 portrait): days, then the totals."""
    day_columns = (Column(DAY(), 58, "date"), Column(WEEKDAY(), 28), *(Column(VISITS_OF(group=g()), 50, "int")
                                        for g in (STUDENTS, STAFF, OTHERS)),
                   Column(VISITS(), 50, "int"), Column(IN_LIBRARY(), 56, "int"),
                   Column(LOANS(), 56, "int"), Column(USED(), 50, "int"))

    def figures(line: TallyDay) -> tuple[Cell, ...]:
        return (*(line.visits[g] for g in COLUMN_GROUPS), line.total_visits, line.in_library,
                line.loans, line.in_library + line.loans)

    rows: list[tuple[Cell, ...]] = [
        (d.day, WEEKDAYS[d.day.weekday()](), *figures(d))
        for d in tally.days]
    total = tally.total()
    group_columns = (Column(GROUP(), 150), Column(VISITS(), 60, "int"),
                     Column(IN_LIBRARY(), 70, "int"), Column(LOANS(), 70, "int"),
                     Column(READERS(), 60, "int"))
    group_rows: list[tuple[Cell, ...]] = [
        (_group_name(g.group), g.visits, g.in_library, g.loans, g.readers) for g in tally.groups]
    group_total: tuple[Cell, ...] = (TOTAL(), sum(g.visits for g in tally.groups),
                                     sum(g.in_library for g in tally.groups),
                                     sum(g.loans for g in tally.groups),
                                     sum(g.readers or 0 for g in tally.groups))
    type_rows: list[tuple[Cell, ...]] = []
    for key, reads, loans in tally.by_type:
        name = ITEM_TYPE_NAMES.get(key)
        type_rows.append((name() if name else (key or UNKNOWN()), reads, loans, reads + loans))
    type_total: tuple[Cell, ...] = (TOTAL(), total.in_library, total.loans,
                                    total.in_library + total.loans)
    sections = [
        Section(BY_DAY(), day_columns, rows, (TOTAL(), None, *figures(total)), NONE(),
                sheet="Ngày"),
        Section(BY_GROUP(), group_columns, group_rows, group_total if group_rows else None,
                NONE(), sheet="Cộng"),
        Section(BY_TYPE(), (Column(ITEM_TYPE(), 150), Column(IN_LIBRARY(), 70, "int"),
                            Column(LOANS(), 70, "int"), Column(USED(), 60, "int")),
                type_rows, type_total if type_rows else None, NONE(), sheet="Cộng"),
    ]
    return Report("tally", TITLE(), library, school_year, scope, False, sections,
                  signatures=signers(FORM_MAKER, head=False))
