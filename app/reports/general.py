"""Sổ đăng ký tổng quát (the general register).

* Part I, receipts: one line per delivery (lần nhập: copies acquired the same day from the
  same source) with its running number, day, source, number of titles and copies, total
  value and the copies of each collection. Copies with no acquisition day (an imported
  catalog) come first on one unnumbered line carried over (chuyển sang), so the part's total
  is every copy in the register; the deliveries keep their numbers 1, 2, 3…
* Part II, write-offs: one line per write-off record (number, day, reason, copies, value)
  with the copies of each collection, as the paper register splits them (GK, TK, NV, TN…),
  under the same collection columns as part I. The register of one collection lists only
  the records holding copies of it, with those copies and their value (the prices they had
  when written off).
* Part III, yearly inventory: the figures of each closed stocktake, per collection; the
  copies not found are split into those left for next time (still in the collection, looked
  for again) and those marked lost when it closed.

Parts II and III come from the stocktake and write-off records (:mod:`app.reports.writeoffs`);
while there are none, the part is printed with its heading and "no entries".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.i18n import Text
from app.reports.holdings import Copy, deliveries, load_copies, undated
from app.reports.period import Period
from app.reports.table import Cell, Column, Report, Section, columns_of
from app.reports.writeoffs import Inventory, WriteOff, inventories, write_offs

TITLE = Text("SỔ ĐĂNG KÝ TỔNG QUÁT", "GENERAL REGISTER")
PART_I = Text("Phần I — Tổng số sách nhập kho", "Part I — Receipts")
PART_II = Text("Phần II — Tổng số sách xuất kho (thanh lý)", "Part II — Write-offs")
PART_III = Text("Phần III — Kiểm kê hằng năm", "Part III — Yearly inventory")
NO_ENTRIES = Text("Chưa có lần nào.", "No entries.")
TOTAL = Text("Cộng", "Total")
NO_SOURCE = Text("(không ghi nguồn)", "(no source)")
CARRIED_OVER = Text("Chuyển sang (không rõ ngày nhập)", "Carried over (acquisition date unknown)")
HEADS_I = ((Text("Số TT\nvào sổ", "Reg.\nno."), 36, "number"),
           (Text("Ngày vào sổ", "Date"), 58, "date"),
           (Text("Nguồn cung cấp", "Source"), 150, "text"),
           (Text("Số tên sách", "Titles"), 46, "int"),
           (Text("Số bản", "Copies"), 46, "int"),
           (Text("Tổng giá tiền (đ)", "Total value (đ)"), 76, "money"))
HEADS_II = ((Text("Số TT", "No."), 36, "number"),
            (Text("Ngày xuất", "Date"), 58, "date"),
            (Text("Số biên bản", "Record no."), 90, "text"),
            (Text("Lý do xuất", "Reason"), 150, "text"),
            (Text("Số bản", "Copies"), 46, "int"),
            (Text("Giá tiền (đ)", "Value (đ)"), 76, "money"),
            (Text("Ghi chú", "Notes"), 150, "text"))
HEADS_III = ((Text("Ngày kiểm kê", "Date"), 64, "date"),
             (Text("Kho", "Collection"), 50, "text"),
             (Text("Số bản phải có", "Expected"), 70, "int"),
             (Text("Có trên giá", "Present"), 70, "int"),
             (Text("Đang cho mượn", "On loan"), 70, "int"),
             (Text("Chưa tìm thấy,\nđể lại lần sau", "Not found,\nleft for next time"), 70,
              "int"),
             (Text("Ghi mất", "Marked lost"), 50, "int"))


@dataclass(frozen=True)
class Receipt:
    """One line of part I: a delivery, or (*carried_over*, no number or day) the copies whose
    acquisition day is unknown."""

    number: int | None
    day: str | None
    source: str
    titles: int
    copies: int
    value: float
    by_collection: dict[str, int] = field(default_factory=dict)
    carried_over: bool = False

    @staticmethod
    def of(copies: list[Copy], number: int | None = None, day: str | None = None,
           source: str = "") -> Receipt:
        """The line for *copies*; without *number* and *day*, the carried-over line."""
        by_collection: dict[str, int] = {}
        for copy in copies:
            by_collection[copy.collection] = by_collection.get(copy.collection, 0) + 1
        return Receipt(number, day, source, len({c.record_id for c in copies}), len(copies),
                       sum(c.value for c in copies), by_collection, number is None)

    def label(self) -> str:
        """The source column as printed."""
        if self.carried_over:
            return CARRIED_OVER()
        return self.source or NO_SOURCE()

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class GeneralRegister:
    """The three parts."""

    receipts: list[Receipt]
    write_offs: list[WriteOff]
    inventories: list[Inventory]

    def collections(self) -> list[str]:
        """The collection codes part I breaks copies down by, in order."""
        return sorted({code for r in self.receipts for code in r.by_collection})

    def write_off_collections(self) -> list[str]:
        """The collection codes part II breaks copies down by, in order: part I's and any
        other a write-off record holds (a copy moved to another collection before it went)."""
        return sorted(set(self.collections()) |
                      {code for w in self.write_offs for code, _n in w.by_collection})

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"receipts": [r.to_dict() for r in self.receipts],
                "write_offs": [{**w.__dict__, "day": w.day.isoformat(),
                                "by_collection": dict(w.by_collection),
                                "value_by_collection": dict(w.value_by_collection)}
                               for w in self.write_offs],
                "inventories": [i.to_dict() for i in self.inventories]}


def general_register(conn: sqlite3.Connection, collection: str | None = None,
                     period: Period | None = None, today: date | None = None) -> GeneralRegister:
    """Parts I–III for the deliveries, write-offs and stocktakes in *period* (all when open);
    with *collection*, part I counts only that collection's copies (running numbers stay
    those of the whole register) and part II lists only the write-off records holding copies
    of it, with those copies and their value. Part I opens with the carried-over line of the copies with
    no acquisition day when the period is open (the whole register, as the individual register
    lists those copies only then): a period of days continues or ends pages already written,
    and those copies were not acquired in it."""
    period = period or Period()
    wanted = collection.strip().upper() if collection else None
    copies = load_copies(conn)
    receipts = []
    if period.contains(None):
        carried = [c for c in undated(copies) if not wanted or c.collection == wanted]
        if carried:
            receipts.append(Receipt.of(carried))
    for delivery in deliveries(copies):
        if not period.contains(delivery.day) and (period.start or period.end):
            continue
        members = [c for c in delivery.copies if not wanted or c.collection == wanted]
        if members:
            receipts.append(Receipt.of(members, delivery.number, delivery.day, delivery.source))
    last_year = (period.end or today or date.today()).year
    first_year = period.start.year if period.start else 1990
    records = write_offs(conn, period.start, period.end)
    if wanted is not None:
        records = [w for w in (r.of_collection(wanted) for r in records) if w is not None]
    return GeneralRegister(receipts, records,
                           inventories(conn, range(first_year, last_year + 1)))



def general_report(register: GeneralRegister, library: str, school_year: str,
                   scope: str) -> Report:
    """The register as a printable report, its three parts one after the other."""
    codes = register.collections()
    width = 40.0
    columns_i = columns_of(HEADS_I) + tuple(Column(code or "—", width, "int") for code in codes)
    rows_i: list[tuple[Cell, ...]] = [
        (r.number, date.fromisoformat(r.day) if r.day else None, r.label(), r.titles, r.copies,
         r.value, *(r.by_collection.get(code, 0) for code in codes)) for r in register.receipts]
    total_i: tuple[Cell, ...] = (TOTAL(), None, None,
                                 sum(r.titles for r in register.receipts),
                                 sum(r.copies for r in register.receipts),
                                 sum(r.value for r in register.receipts),
                                 *(sum(r.by_collection.get(c, 0) for r in register.receipts)
                                   for c in codes))
    codes_ii = register.write_off_collections()
    columns_ii = (*columns_of(HEADS_II[:-1]), *(Column(code or "—", width, "int")
                                               for code in codes_ii), *columns_of(HEADS_II[-1:]))
    split = [dict(w.by_collection) for w in register.write_offs]
    rows_ii: list[tuple[Cell, ...]] = [
        (index, w.day, w.number, w.reason, w.copies, w.value,
         *(counts.get(code, 0) for code in codes_ii), w.note)
        for index, (w, counts) in enumerate(zip(register.write_offs, split, strict=True),
                                            start=1)]
    total_ii: tuple[Cell, ...] = (TOTAL(), None, None, None,
                                  sum(w.copies for w in register.write_offs),
                                  sum(w.value for w in register.write_offs),
                                  *(sum(c.get(code, 0) for c in split) for code in codes_ii),
                                  None)
    rows_iii: list[tuple[Cell, ...]] = [
        (i.closed_on, i.collection or "—", i.expected, i.present, i.on_loan, i.left_unfound,
         i.lost_marked) for i in register.inventories]
    sections = [
        Section(PART_I(), columns_i, rows_i, total_i if rows_i else None, NO_ENTRIES(),
                sheet="I"),
        Section(PART_II(), columns_ii, rows_ii, total_ii if rows_ii else None,
                NO_ENTRIES(), sheet="II"),
        Section(PART_III(), columns_of(HEADS_III), rows_iii, None, NO_ENTRIES(), sheet="III"),
    ]
    return Report("general", TITLE(), library, school_year, scope, True, sections)
