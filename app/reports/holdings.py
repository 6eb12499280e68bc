"""The copies the registers list, read once with their records' details, in accession order,
and the deliveries (lần nhập) they came in.

A delivery is the copies acquired on the same day from the same source (the source compared
folded, so "Mua" and "mua " are one). Deliveries are numbered 1, 2, 3… in date order across
the whole library: that number is the line of part I of the general register (số vào sổ
tổng quát) and is printed beside each copy in the individual register. Copies with no
acquisition day (a catalog imported from MARC often has none) belong to no delivery: part I
carries them over on one unnumbered first line (:func:`undated`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from app.text import fold, nfc

_NUMBERED = re.compile(r"^(.*?)(\d+)$")
_SELECT = """
SELECT i.id, i.record_id, i.barcode, i.collection, i.item_type, i.call_number, i.status,
       i.price, i.acquired_on, i.source, i.note,
       r.title, r.responsibility, r.authors, r.publisher, r.place, r.year, r.edition, r.volume,
       r.classification
FROM items i JOIN records r ON r.id = i.record_id
WHERE i.deleted = 0
"""


@dataclass(frozen=True)
class Copy:
    """One copy (not removed) with what the registers print about it."""

    item_id: int
    record_id: int
    barcode: str
    collection: str
    item_type: str
    call_number: str | None
    status: str
    price: float | None
    acquired_on: str | None
    source: str | None
    note: str | None
    title: str
    responsibility: str | None
    authors: tuple[str, ...]
    publisher: str | None
    place: str | None
    year: int | None
    edition: str | None
    volume: str | None
    classification: str | None

    @property
    def sequence(self) -> str:
        """The accession sequence the copy is numbered in: its barcode's prefix
        ("TK." for TK.00012), upper case; "" for numbers without one."""
        match = _NUMBERED.match(self.barcode)
        return (match.group(1) if match else self.barcode).upper()

    @property
    def number(self) -> int | None:
        """The running number inside the barcode (12 for TK.00012), None if none."""
        match = _NUMBERED.match(self.barcode)
        return int(match.group(2)) if match else None

    @property
    def delivery_key(self) -> tuple[str, str] | None:
        """(day, folded source) of the delivery it came in; None when its day is unknown."""
        if not self.acquired_on:
            return None
        return self.acquired_on[:10], fold(self.source or "")

    @property
    def value(self) -> float:
        """Its price, 0 when unknown."""
        return self.price or 0.0


def accession_order(copy: Copy) -> tuple[str, int, str]:
    """Sort key: sequence, then running number, then the barcode itself."""
    number = copy.number
    return copy.sequence, number if number is not None else -1, copy.barcode.upper()


def _copy(row: tuple[object, ...]) -> Copy:
    values = list(row)
    try:
        authors = tuple(str(a) for a in json.loads(str(values[13] or "[]")))
    except ValueError:
        authors = ()
    values[13] = authors
    values[3] = str(values[3] or "").upper()
    values[11] = nfc(str(values[11] or ""))
    return Copy(*values)  # type: ignore[arg-type]


def load_copies(conn: sqlite3.Connection) -> list[Copy]:
    """Every copy not removed (withdrawn and lost ones included), in accession order."""
    return sorted((_copy(r) for r in conn.execute(_SELECT)), key=accession_order)


@dataclass(frozen=True)
class Delivery:
    """One lần nhập: its running number, day, source (as first written) and copies."""

    number: int
    day: str
    source: str
    copies: tuple[Copy, ...]


def deliveries(copies: Iterable[Copy]) -> list[Delivery]:
    """The deliveries of *copies* numbered from 1 by day, then by the first copy entered;
    copies with no acquisition day belong to none."""
    groups: dict[tuple[str, str], list[Copy]] = {}
    for copy in sorted(copies, key=lambda c: c.item_id):
        key = copy.delivery_key
        if key is not None:
            groups.setdefault(key, []).append(copy)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], kv[1][0].item_id))
    return [Delivery(index, key[0], nfc((members[0].source or "").strip()),
                     tuple(sorted(members, key=accession_order)))
            for index, (key, members) in enumerate(ordered, start=1)]


def delivery_numbers(found: Iterable[Delivery]) -> dict[int, int]:
    """item id → running number of the delivery it came in."""
    return {copy.item_id: d.number for d in found for copy in d.copies}


def undated(copies: Iterable[Copy]) -> list[Copy]:
    """The copies with no acquisition day, in accession order: the stock part I carries over
    (chuyển sang) on its first line, since no delivery can be told for them."""
    return sorted((c for c in copies if c.delivery_key is None), key=accession_order)
