"""What the general register and the statistics know about write-offs and stocktakes, read
from :mod:`app.collection.registers` (stocktake and write-off records) when that module is
there, as the small values below: nothing in this package depends on its tables.
"""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

FAR_FUTURE = date(9999, 12, 31)
EARLIEST = date(1900, 1, 1)


def _registers() -> Any | None:
    """:mod:`app.collection.registers`, or None while it is not installed (looked up by name:
    this package must work, and type-check, without it)."""
    try:
        return importlib.import_module("app.collection.registers")
    except ImportError:
        return None


@dataclass(frozen=True)
class WriteOff:
    """One write-off record (biên bản thanh lý) as part II lists it."""

    number: str
    day: date
    reason: str
    copies: int
    value: float
    by_collection: tuple[tuple[str, int], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Inventory:
    """A closed stocktake's figures for one collection, as part III lists them."""

    closed_on: date
    collection: str
    expected: int
    present: int
    on_loan: int
    missing: int


def write_offs(conn: sqlite3.Connection, start: date | None = None,
               end: date | None = None) -> list[WriteOff]:
    """The write-off records dated in *start*…*end* (open sides: all), oldest first; none
    while the collection module is not installed."""
    registers = _registers()
    if registers is None:
        return []
    return [WriteOff(str(line.number), line.day, str(line.reason_text), int(line.copies),
                     float(line.total_value), tuple(line.by_collection), str(line.note or ""))
            for line in registers.writeoff_lines(conn, start or EARLIEST, end or FAR_FUTURE)]


def written_off(conn: sqlite3.Connection) -> dict[int, tuple[date, str]]:
    """item id → (day, record number) of every copy on a write-off record."""
    registers = _registers()
    if registers is None:
        return {}
    found: dict[int, tuple[date, str]] = {}
    for line in registers.writeoff_lines(conn, EARLIEST, FAR_FUTURE):
        for copy in registers.writeoff_copies(conn, line.uuid):
            found.setdefault(int(copy.item_id), (line.day, str(line.number)))
    return found


def inventories(conn: sqlite3.Connection, years: range) -> list[Inventory]:
    """Figures of the stocktakes closed in *years*, oldest first, one per collection."""
    registers = _registers()
    if registers is None:
        return []
    out: list[Inventory] = []
    for year in years:
        for result in registers.stocktake_results(conn, year):
            out.extend(Inventory(result.closed_on, line.collection, line.expected,
                                 line.present, line.on_loan, line.missing)
                       for line in result.lines)
    return out
