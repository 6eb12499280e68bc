"""Figures for a period (a month, a school year): what the school reports each year and the
district asks for.

* the collection at the end of the period (copies acquired by then and not written off by
  then), by collection code and by item type: titles, copies, value;
* acquisitions and write-offs in the period;
* loans in the period by reader category, by item type and by class (the category and class
  the reader had when borrowing), with how many readers borrowed;
* active readers (borrowed or came in at least once), visits and in-library readings (the
  reading-room tally, :mod:`app.circulation.usage`);
* loans overdue at the end of the period (lent by then, not back by then, due before).

"The end" is the period's last day, or today when the period runs past it. Every figure is a
count of rows: nothing is estimated.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.circulation.clock import local_day
from app.circulation.usage import tally
from app.reports.holdings import Copy, load_copies
from app.reports.period import EARLIEST, Period, loans_lent
from app.reports.writeoffs import write_offs, written_off


@dataclass(frozen=True)
class Holding:
    """Titles, copies and value of one group of copies (a collection, an item type)."""

    group: str
    titles: int
    copies: int
    value: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class LoanCount:
    """Loans of one reader category or class, and how many readers they were."""

    group: str
    loans: int
    readers: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return dict(self.__dict__)


@dataclass
class Statistics:
    """The figures of one period (see the module's text)."""

    start: date | None
    end: date
    collection_by_code: list[Holding] = field(default_factory=list)
    collection_by_type: list[Holding] = field(default_factory=list)
    collection_total: Holding = field(default_factory=lambda: Holding("", 0, 0, 0.0))
    acquired_by_code: list[Holding] = field(default_factory=list)
    acquired_total: Holding = field(default_factory=lambda: Holding("", 0, 0, 0.0))
    write_off_records: int = 0
    written_off_by_code: list[Holding] = field(default_factory=list)
    written_off_total: Holding = field(default_factory=lambda: Holding("", 0, 0, 0.0))
    loans_by_category: list[LoanCount] = field(default_factory=list)
    loans_by_type: list[LoanCount] = field(default_factory=list)
    loans_by_class: list[LoanCount] = field(default_factory=list)
    loans_total: LoanCount = field(default_factory=lambda: LoanCount("", 0, 0))
    active_readers: int = 0
    active_by_category: dict[str, int] = field(default_factory=dict)
    visits: int = 0
    visits_by_category: dict[str, int] = field(default_factory=dict)
    in_library: int = 0
    in_library_by_type: dict[str, int] = field(default_factory=dict)
    overdue_loans: int = 0
    overdue_readers: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON form (ISO days)."""
        out: dict[str, Any] = {}
        for name, value in self.__dict__.items():
            if isinstance(value, date):
                out[name] = value.isoformat()
            elif isinstance(value, list):
                out[name] = [v.to_dict() for v in value]
            elif isinstance(value, Holding | LoanCount):
                out[name] = value.to_dict()
            else:
                out[name] = value
        return out


def holdings(copies: list[Copy], key: str) -> tuple[list[Holding], Holding]:
    """*copies* grouped by the attribute *key* ("collection", "item_type"), sorted by group,
    and their total."""
    groups: dict[str, list[Copy]] = {}
    for copy in copies:
        groups.setdefault(str(getattr(copy, key) or ""), []).append(copy)
    return ([_holding(name, members) for name, members in sorted(groups.items())],
            _holding("", copies))


def _holding(name: str, copies: list[Copy]) -> Holding:
    return Holding(name, len({c.record_id for c in copies}), len(copies),
                   sum(c.value for c in copies))


def collection_on(copies: list[Copy], end: str,
                  gone: dict[int, tuple[date, str]]) -> list[Copy]:
    """The copies of *copies* in the collection at the end of the ISO day *end*: acquired by
    then and not written off by then (*gone*: :func:`app.reports.writeoffs.written_off`)."""
    return [c for c in copies if _in_collection(c, end, gone)]


def _in_collection(copy: Copy, end: str, gone: dict[int, tuple[date, str]]) -> bool:
    if copy.acquired_on and copy.acquired_on[:10] > end:
        return False
    if copy.item_id in gone:
        return gone[copy.item_id][0].isoformat() > end
    # written off without a record saying when: out of the collection
    return copy.status != "withdrawn"


def _loans(conn: sqlite3.Connection, stats: Statistics, first: str, end: date) -> set[int]:
    # every loan lent by the end: those lent before the period count only if still overdue
    rows = loans_lent(conn, EARLIEST, end,
                      "l.patron_id, coalesce(l.patron_category, p.category), l.patron_class, "
                      "coalesce(l.item_type, i.item_type), l.returned_at, l.due_on",
                      "LEFT JOIN patrons p ON p.id = l.patron_id "
                      "LEFT JOIN items i ON i.id = l.item_id")
    last = end.isoformat()
    by_category: dict[str, tuple[int, set[int]]] = {}
    by_class: dict[str, tuple[int, set[int]]] = {}
    by_type: dict[str, tuple[int, set[int]]] = {}
    readers: set[int] = set()
    overdue_readers: set[int] = set()
    for lent, (patron_id, category, class_name, item_type, returned_at, due_on) in rows:
        back = local_day(returned_at) if returned_at else None
        if due_on < last and (back is None or back > last):
            stats.overdue_loans += 1
            if patron_id is not None:
                overdue_readers.add(patron_id)
        if lent < first:
            continue
        for table, name in ((by_category, category or ""), (by_class, class_name or ""),
                            (by_type, item_type or "")):
            count, people = table.get(name, (0, set()))
            if patron_id is not None:
                people.add(patron_id)
            table[name] = (count + 1, people)
        if patron_id is not None:
            readers.add(patron_id)
    stats.overdue_readers = len(overdue_readers)
    stats.loans_by_category = [LoanCount(k, n, len(p)) for k, (n, p) in sorted(by_category.items())]
    stats.loans_by_class = [LoanCount(k, n, len(p)) for k, (n, p) in sorted(by_class.items())]
    stats.loans_by_type = [LoanCount(k, n, len(p)) for k, (n, p) in sorted(by_type.items())]
    stats.loans_total = LoanCount("", sum(x.loans for x in stats.loans_by_category), len(readers))
    return readers


def _usage(conn: sqlite3.Connection, stats: Statistics, first: str, end: str,
           readers: set[int]) -> None:
    for count in tally(conn, first, end):  # the reading-room tally, per day
        table = stats.visits_by_category if count.kind == "visit" else stats.in_library_by_type
        table[count.group or ""] = table.get(count.group or "", 0) + count.count
    for table in (stats.visits_by_category, stats.in_library_by_type):
        ordered = sorted(table.items())
        table.clear()
        table.update(ordered)
    stats.visits = sum(stats.visits_by_category.values())
    stats.in_library = sum(stats.in_library_by_type.values())
    readers |= {r[0] for r in conn.execute(
        "SELECT DISTINCT patron_id FROM usage_events WHERE deleted = 0 AND patron_id IS NOT NULL "
        "AND day BETWEEN ? AND ?", (first, end))}
    stats.active_readers = len(readers)
    if readers:
        marks = ",".join("?" * len(readers))
        for category, count in conn.execute(
                f"SELECT category, count(*) FROM patrons WHERE id IN ({marks}) GROUP BY 1 "
                f"ORDER BY 1", tuple(readers)):
            stats.active_by_category[str(category)] = int(count)


def statistics(conn: sqlite3.Connection, period: Period, today: date,
               copies: list[Copy] | None = None,
               gone: dict[int, tuple[date, str]] | None = None) -> Statistics:
    """The figures of *period* (an open start: since the beginning; an open end: today).
    *copies* and *gone* are :func:`load_copies` and :func:`written_off` when the caller has
    read them already."""
    end_day = min(period.end, today) if period.end else today
    end = end_day.isoformat()
    first = period.first()
    stats = Statistics(period.start, end_day)
    copies = load_copies(conn) if copies is None else copies
    gone = written_off(conn) if gone is None else gone
    held = collection_on(copies, end, gone)
    stats.collection_by_code, stats.collection_total = holdings(held, "collection")
    stats.collection_by_type, _ = holdings(held, "item_type")
    acquired = [c for c in copies if c.acquired_on and first <= c.acquired_on[:10] <= end]
    stats.acquired_by_code, stats.acquired_total = holdings(acquired, "collection")
    records = write_offs(conn, period.start, end_day)
    stats.write_off_records = len(records)
    out = [c for c in copies if c.item_id in gone and first <= gone[c.item_id][0].isoformat() <= end]
    stats.written_off_by_code, stats.written_off_total = holdings(out, "collection")
    readers = _loans(conn, stats, first, end_day)
    _usage(conn, stats, first, end, readers)
    return stats
