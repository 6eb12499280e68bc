"""What the general register (sổ đăng ký tổng quát) reads: write-off records for part II and
closed stocktakes' figures for part III. Read-only; see /work/notes/collection_api.md.

    >>> writeoff_lines(lib.db.conn, date(2026, 1, 1), date(2026, 12, 31))  # doctest: +SKIP
    >>> stocktake_results(lib.db.conn, 2026)                               # doctest: +SKIP
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date

from app.collection.messages import REASONS
from app.collection.models import StocktakeLine, StocktakeResult, WriteoffCopy, WriteoffLine

_WRITEOFF = ("SELECT w.id, w.uuid, w.number, w.day, w.reason, w.approved_by, w.note "
             "FROM writeoffs w")
_COPIES = ("SELECT x.writeoff_id, coalesce(x.collection, ''), x.item_type, x.price "
           "FROM writeoff_items x JOIN writeoffs w ON w.id = x.writeoff_id "
           "WHERE x.deleted = 0 AND w.deleted = 0")


def _line(row: tuple[object, ...], copies: list[tuple[str, str, float | None]]) -> WriteoffLine:
    _id, uuid, number, day, reason, approved, note = row
    reason_text = REASONS.get(str(reason))
    values: dict[str, float] = {}
    for code, _t, price in copies:
        values[code] = values.get(code, 0.0) + float(price or 0)
    return WriteoffLine(
        str(uuid), str(number), date.fromisoformat(str(day)), str(reason),
        reason_text() if reason_text else str(reason),
        None if approved is None else str(approved), None if note is None else str(note),
        len(copies), float(sum(price or 0 for _c, _t, price in copies)),
        sum(1 for _c, _t, price in copies if price is None),
        tuple(sorted(Counter(c for c, _t, _p in copies).items())),
        tuple(sorted(Counter(t for _c, t, _p in copies).items())),
        tuple(sorted(values.items())))


def _lines(conn: sqlite3.Connection, where: str, params: tuple[object, ...]) -> list[WriteoffLine]:
    """The write-off records matching *where* (over ``w``), oldest first: two queries, the
    records and all their copies, whatever their number."""
    heads = conn.execute(f"{_WRITEOFF} WHERE w.deleted = 0 AND {where} "
                         f"ORDER BY w.day, w.number, w.id", params).fetchall()
    copies: dict[int, list[tuple[str, str, float | None]]] = {}
    for writeoff_id, code, kind, price in conn.execute(f"{_COPIES} AND {where}", params):
        copies.setdefault(int(writeoff_id), []).append(
            (str(code), str(kind), None if price is None else float(price)))
    return [_line(row, copies.get(int(row[0]), [])) for row in heads]


def writeoff_lines(conn: sqlite3.Connection, start: date, end: date) -> list[WriteoffLine]:
    """Write-off records dated *start* to *end* (inclusive), oldest first, one line each
    with its copies counted per collection and type and their value (in all and per
    collection, from the prices the copies had when written off)."""
    return _lines(conn, "w.day BETWEEN ? AND ?", (start.isoformat(), end.isoformat()))


def writeoff_line(conn: sqlite3.Connection, uuid: str) -> WriteoffLine | None:
    """The write-off record *uuid* as a register line, or None."""
    found = _lines(conn, "w.uuid = ?", (uuid,))
    return found[0] if found else None


def writeoff_copies(conn: sqlite3.Connection, writeoff_uuid: str) -> list[WriteoffCopy]:
    """The copies of the write-off record *writeoff_uuid*, by accession number, with their
    collection, type and price when written off."""
    rows = conn.execute(
        "SELECT i.id, i.barcode, r.title, i.call_number, x.collection, x.item_type, x.price "
        "FROM writeoffs w JOIN writeoff_items x ON x.writeoff_id = w.id AND x.deleted = 0 "
        "JOIN items i ON i.id = x.item_id JOIN records r ON r.id = i.record_id "
        "WHERE w.uuid = ? ORDER BY i.barcode", (writeoff_uuid,)).fetchall()
    return [WriteoffCopy(int(i), str(b), str(t or ""), c, col, str(k),
                         None if p is None else float(p)) for i, b, t, c, col, k, p in rows]


def stocktake_results(conn: sqlite3.Connection, year: int) -> list[StocktakeResult]:
    """Stocktakes closed in *year* (the library's calendar), oldest first, with the figures
    per collection frozen when each closed."""
    rows = conn.execute(
        "SELECT id, uuid, started_on, closed_on, collections, locations, missing_action "
        "FROM stocktakes WHERE status = 'closed' AND deleted = 0 AND closed_on BETWEEN ? AND ? "
        "ORDER BY closed_on, id", (f"{year:04d}-01-01", f"{year:04d}-12-31")).fetchall()
    results = []
    for sid, uuid, started, closed, collections, locations, action in rows:
        lines = conn.execute(
            "SELECT collection, expected, present, on_loan, missing, lost_marked "
            "FROM stocktake_results WHERE stocktake_id = ? AND deleted = 0 ORDER BY collection",
            (sid,)).fetchall()
        results.append(StocktakeResult(
            str(uuid), date.fromisoformat(started), date.fromisoformat(closed),
            tuple(json.loads(collections)), tuple(json.loads(locations)), str(action),
            tuple(StocktakeLine(str(c), int(e), int(p), int(o), int(m), int(lm))
                  for c, e, p, o, m, lm in lines)))
    return results


def all_writeoffs(conn: sqlite3.Connection) -> list[WriteoffLine]:
    """Every write-off record, oldest first."""
    return _lines(conn, "1 = 1", ())


def copies_written_off(conn: sqlite3.Connection) -> dict[int, tuple[date, str]]:
    """Item id → (the record's day, its number) of every copy on a write-off record, in one
    query (the individual register's "written off" column for a whole collection); a copy
    on two records (a record deleted and made again elsewhere) keeps the oldest."""
    found: dict[int, tuple[date, str]] = {}
    for item_id, day, number in conn.execute(
            "SELECT x.item_id, w.day, w.number FROM writeoff_items x JOIN writeoffs w "
            "ON w.id = x.writeoff_id WHERE x.deleted = 0 AND w.deleted = 0 "
            "ORDER BY w.day, w.number, w.id"):
        found.setdefault(int(item_id), (date.fromisoformat(day), str(number)))
    return found
