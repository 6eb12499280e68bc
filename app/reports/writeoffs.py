"""What the general register and the statistics know about write-offs and stocktakes, read
from :mod:`app.collection.registers` (the write-off records and closed stocktakes) as the
small values below, so that the registers depend on that module's functions only, never on
its tables.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from app.collection.registers import copies_written_off, stocktake_results, writeoff_lines

FAR_FUTURE = date(9999, 12, 31)
EARLIEST = date(1900, 1, 1)


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
    value_by_collection: tuple[tuple[str, float], ...] = ()

    def of_collection(self, code: str) -> WriteOff | None:
        """The record as a register of the collection *code* lists it: only that
        collection's copies and their value (the prices they had when written off); None
        when it holds none."""
        copies = dict(self.by_collection).get(code, 0)
        value = dict(self.value_by_collection).get(code, 0.0)
        if not copies:
            return None
        return WriteOff(self.number, self.day, self.reason, copies, value, ((code, copies),),
                        self.note, ((code, value),))


@dataclass(frozen=True)
class Inventory:
    """A closed stocktake's figures for one collection, as part III lists them: ``missing``
    copies were not found; ``lost_marked`` of them were marked lost when it closed, the
    others (``left_unfound``) were left as they were, to be looked for next time."""

    closed_on: date
    collection: str
    expected: int
    present: int
    on_loan: int
    missing: int
    lost_marked: int = 0

    @property
    def left_unfound(self) -> int:
        """Copies not found and left for next time (not lost, still in the collection)."""
        return self.missing - self.lost_marked

    def to_dict(self) -> dict[str, object]:
        """JSON form."""
        return {**self.__dict__, "closed_on": self.closed_on.isoformat(),
                "left_unfound": self.left_unfound}


def write_offs(conn: sqlite3.Connection, start: date | None = None,
               end: date | None = None) -> list[WriteOff]:
    """The write-off records dated in *start*…*end* (open sides: all), oldest first."""
    return [WriteOff(line.number, line.day, line.reason_text, line.copies, line.total_value,
                     line.by_collection, line.note or "", line.value_by_collection)
            for line in writeoff_lines(conn, start or EARLIEST, end or FAR_FUTURE)]


def written_off(conn: sqlite3.Connection) -> dict[int, tuple[date, str]]:
    """item id → (day, record number) of every copy on a write-off record, in one query."""
    return copies_written_off(conn)


def inventories(conn: sqlite3.Connection, years: range) -> list[Inventory]:
    """Figures of the stocktakes closed in *years*, oldest first, one line per collection."""
    out: list[Inventory] = []
    for year in years:
        for result in stocktake_results(conn, year):
            out.extend(Inventory(result.closed_on, line.collection, line.expected,
                                 line.present, line.on_loan, line.missing,
                                 line.lost_marked)
                       for line in result.lines)
    return out
