"""Stocktake (kiểm kê): scan every copy on the shelves, see what is missing, close.

Every scan is its own committed transaction (the service runs each call in one), so a
stocktake survives a crash or a power cut and goes on where it stopped, across days: there
is only ever one open stocktake and "reopening" is simply carrying on scanning.

A copy is *expected* when it lies within the stocktake's scope and is neither written off
nor already recorded lost. It is *found* when scanned, *on loan* (accounted for) when not
scanned and lent, and *missing* otherwise. Closing freezes the figures per collection
(:mod:`app.collection.registers` reads them for the register's part III) and either marks
the missing copies lost or leaves them for next time.

The functions run inside the caller's transaction and write the outbox row of every change.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from app.catalog.store import new_uuid
from app.circulation import holds
from app.circulation.clock import display_date
from app.circulation.codes import has_bad_check_digit, isbn_of, normalise
from app.circulation.refs import patron_by_card
from app.collection._items import LINE_SELECT, copy_line, set_status_of_many
from app.collection.messages import (
    ALREADY_OPEN,
    BAD_ACTION,
    EMPTY_SCOPE,
    NO_STOCKTAKE,
    SCAN,
    WHOLE_LIBRARY,
)
from app.collection.models import (
    MISSING_ACTIONS,
    CopyLine,
    Progress,
    ProgressLine,
    Stocktake,
    StocktakeLine,
)
from app.db.connection import in_chunks
from app.db.outbox import record_change, record_changes
from app.errors import ValidationError
from app.i18n import Text
from app.text import fold, nfc

#: Statuses of a copy the stocktake expects to account for.
EXPECTED_STATUSES = ("available", "on_loan", "on_hold_shelf", "damaged")
_EXPECTED_SQL = "i.status IN ('available', 'on_loan', 'on_hold_shelf', 'damaged')"
#: The copies scanned: joined on ``items i`` with the stocktake's id as its parameter.
_FOUND_JOIN = ("LEFT JOIN stocktake_items f ON f.stocktake_id = ? AND f.item_id = i.id "
               "AND f.outcome = 'found' AND f.deleted = 0")
_SELECT = ("id, uuid, started_on, collections, locations, status, closed_on, missing_action")


@dataclass(frozen=True)
class ScanAnswer:
    """The answer to one scan: ``counted`` when the copy is (now or already) accounted for;
    ``kind`` is how the screen shows it: ``ok`` (green), ``warn`` (amber), ``refused`` (red).
    ``code`` names the message (:data:`app.collection.messages.SCAN`)."""

    counted: bool
    kind: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    copy: CopyLine | None = None

    @property
    def message(self) -> str:
        """The answer in the current language."""
        return SCAN[self.code](**self.params)

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints."""
        return {"counted": self.counted, "kind": self.kind, "code": self.code,
                "message": self.message, "copy": self.copy.to_dict() if self.copy else None}


def _stocktake(row: sqlite3.Row | tuple[Any, ...]) -> Stocktake:
    sid, uuid, started, collections, locations, status, closed, action = row
    return Stocktake(int(sid), str(uuid), date.fromisoformat(started),
                     tuple(json.loads(collections)), tuple(json.loads(locations)), str(status),
                     date.fromisoformat(closed) if closed else None, action)


def current(conn: sqlite3.Connection) -> Stocktake | None:
    """The open stocktake, or None."""
    row = conn.execute(f"SELECT {_SELECT} FROM stocktakes WHERE status = 'open' "
                       f"AND deleted = 0").fetchone()
    return _stocktake(row) if row else None


def require_open(conn: sqlite3.Connection) -> Stocktake:
    """The open stocktake; a :class:`ValidationError` in words when there is none."""
    stocktake = current(conn)
    if stocktake is None:
        raise ValidationError("stocktake.none_open", NO_STOCKTAKE)
    return stocktake


def latest_closed(conn: sqlite3.Connection) -> Stocktake | None:
    """The stocktake closed last, or None."""
    row = conn.execute(f"SELECT {_SELECT} FROM stocktakes WHERE status = 'closed' AND "
                       f"deleted = 0 ORDER BY closed_on DESC, id DESC LIMIT 1").fetchone()
    return _stocktake(row) if row else None


def scope_choices(conn: sqlite3.Connection
                  ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The collections and the locations a stocktake may cover, each with its number of
    copies to account for ("" for copies without a collection)."""
    query = (f"SELECT coalesce(i.{{0}}, ''), count(*) FROM items i WHERE i.deleted = 0 "
             f"AND {_EXPECTED_SQL} GROUP BY 1 ORDER BY 1")
    collections = [(str(n), int(c)) for n, c in conn.execute(query.format("collection"))]
    locations = [(str(n), int(c)) for n, c in conn.execute(query.format("location")) if n]
    return collections, locations


def scope_words(stocktake: Stocktake) -> str:
    """The scope in words: "GK, TK; Giá 1" or "toàn thư viện"."""
    parts = [", ".join(part) for part in (stocktake.collections, stocktake.locations) if part]
    return "; ".join(parts) or WHOLE_LIBRARY()


def _payload(conn: sqlite3.Connection, stocktake_id: int) -> dict[str, Any]:
    row = conn.execute("SELECT uuid, started_on, collections, locations, status, closed_on, "
                       "missing_action, updated_at, deleted FROM stocktakes WHERE id = ?",
                       (stocktake_id,)).fetchone()
    keys = ("uuid", "started_on", "collections", "locations", "status", "closed_on",
            "missing_action", "updated_at", "deleted")
    payload = dict(zip(keys, row, strict=True))
    payload["collections"] = json.loads(payload["collections"])
    payload["locations"] = json.loads(payload["locations"])
    payload["deleted"] = bool(payload["deleted"])
    return payload


def start(conn: sqlite3.Connection, library_id: str, collections: list[str],
          locations: list[str], today: date, now: str) -> Stocktake:
    """Open a stocktake of *collections* and *locations* (empty lists: all); refused while
    another is open, or when no copy lies within the scope."""
    opened = current(conn)
    if opened is not None:
        raise ValidationError("stocktake.already_open", ALREADY_OPEN,
                              day=display_date(opened.started_on))
    chosen = sorted({nfc(c).strip().upper() for c in collections if c.strip()})
    places = sorted({nfc(p).strip() for p in locations if p.strip()})
    uuid = new_uuid()
    cur = conn.execute(
        "INSERT INTO stocktakes(uuid, library_id, created_at, updated_at, started_on, "
        "collections, locations) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (uuid, library_id, now, now, today.isoformat(), json.dumps(chosen, ensure_ascii=False),
         json.dumps(places, ensure_ascii=False)))
    stocktake_id = int(cur.lastrowid or 0)
    stocktake = Stocktake(stocktake_id, uuid, today, tuple(chosen), tuple(places), "open",
                          None, None)
    scope, params = _scope(stocktake)
    inside = conn.execute(f"SELECT count(*) FROM items i WHERE {scope} AND {_EXPECTED_SQL}",
                          params).fetchone()
    if not inside[0]:
        raise ValidationError("stocktake.empty_scope", EMPTY_SCOPE, scope=scope_words(stocktake))
    record_change(conn, "stocktake", uuid, "insert", _payload(conn, stocktake_id))
    return stocktake


def _scope(stocktake: Stocktake) -> tuple[str, list[str]]:
    """The stocktake's scope as SQL over ``items i``, with its parameters."""
    sql: list[str] = ["i.deleted = 0"]
    params: list[str] = []
    for column, chosen in (("collection", stocktake.collections),
                           ("location", stocktake.locations)):
        if chosen:
            sql.append(f"coalesce(i.{column}, '') IN ({', '.join('?' * len(chosen))})")
            params.extend(chosen)
    return " AND ".join(sql), params


def _in_scope(stocktake: Stocktake, collection: str | None, location: str | None) -> bool:
    return ((not stocktake.collections or (collection or "") in stocktake.collections)
            and (not stocktake.locations or (location or "") in stocktake.locations))


def _answer(counted: bool, kind: str, answer: str, copy: CopyLine | None = None, /,
            **params: Any) -> ScanAnswer:
    if copy is not None:
        params = {"barcode": copy.barcode, "title": copy.title, **params}
    return ScanAnswer(counted, kind, answer, params, copy)


def _isbn_copy(conn: sqlite3.Connection, stocktake: Stocktake, isbn: str
               ) -> CopyLine | ScanAnswer:
    scope, params = _scope(stocktake)
    rows = conn.execute(
        f"SELECT {LINE_SELECT} FROM record_isbns x JOIN items i ON i.record_id = x.record_id "
        f"JOIN records r ON r.id = i.record_id "
        f"WHERE x.isbn = ? AND {scope} AND i.status <> 'withdrawn'", (isbn, *params)).fetchall()
    if len(rows) > 1:
        return _answer(False, "refused", "isbn_many", isbn=isbn, count=len(rows))
    if not rows:
        return _answer(False, "refused", "isbn_none", isbn=isbn)
    return copy_line(rows[0])


def scan(conn: sqlite3.Connection, stocktake: Stocktake, code: str, library_id: str,
         now: str) -> ScanAnswer:
    """Account for the copy scanned as *code* (its accession number, or an ISBN that
    matches one copy within the scope); a copy scanned twice counts once. A copy outside
    the scope, written off, recorded lost, or unknown is answered with the reason and not
    counted."""
    code = normalise(code)
    row = conn.execute(f"SELECT {LINE_SELECT} FROM items i JOIN records r ON r.id = i.record_id "
                       f"WHERE i.barcode = ? AND i.deleted = 0", (code,)).fetchone()
    if row is not None:
        copy = copy_line(row)
    else:
        isbn = isbn_of(code)
        if isbn is None:
            card = patron_by_card(conn, code)  # a reader's card scanned instead of a book
            if card is not None:
                return _answer(False, "refused", "patron_card", code=code, name=card.full_name)
            kind = "bad_check_digit" if has_bad_check_digit(code) else "unknown"
            return _answer(False, "refused", kind, code=code)
        found = _isbn_copy(conn, stocktake, isbn)
        if isinstance(found, ScanAnswer):
            return found
        copy = found
    if copy.status == "withdrawn":
        return _answer(False, "refused", "withdrawn", copy)
    if not _in_scope(stocktake, copy.collection, copy.location):
        return _answer(False, "refused", "out_of_scope", copy,
                       collection=copy.collection or "–", location=copy.location or "–")
    if copy.status == "lost":
        return _answer(False, "refused", "recorded_lost", copy)
    uuid = new_uuid()
    cur = conn.execute(
        "INSERT OR IGNORE INTO stocktake_items(uuid, library_id, created_at, updated_at, "
        "stocktake_id, item_id, outcome) VALUES (?, ?, ?, ?, ?, ?, 'found')",
        (uuid, library_id, now, now, stocktake.id, copy.item_id))
    if not cur.rowcount:
        return _answer(True, "warn", "already_found", copy)
    record_change(conn, "stocktake_item", uuid, "insert", {
        "uuid": uuid, "stocktake_uuid": stocktake.uuid, "item_uuid": _item_uuid(conn, copy),
        "outcome": "found", "updated_at": now, "deleted": False})
    if copy.status == "on_loan":
        due = conn.execute("SELECT due_on FROM loans WHERE item_id = ? AND returned_at IS NULL",
                           (copy.item_id,)).fetchone()
        return _answer(True, "warn", "found_on_loan", copy,
                       due=display_date(due[0]) if due else "–")
    return _answer(True, "ok", "found", copy)


def _item_uuid(conn: sqlite3.Connection, copy: CopyLine) -> str:
    return str(conn.execute("SELECT uuid FROM items WHERE id = ?", (copy.item_id,)).fetchone()[0])


def progress(conn: sqlite3.Connection, stocktake: Stocktake) -> Progress:
    """Expected, found, on loan and missing copies per collection and location, now."""
    scope, params = _scope(stocktake)
    rows = conn.execute(
        f"SELECT coalesce(i.collection, ''), coalesce(i.location, ''), count(*), "
        f"count(f.id), sum(f.id IS NULL AND i.status = 'on_loan'), "
        f"sum(f.id IS NULL AND i.status <> 'on_loan') "
        f"FROM items i {_FOUND_JOIN} WHERE {scope} AND {_EXPECTED_SQL} "
        f"GROUP BY 1, 2 ORDER BY 1, 2", (stocktake.id, *params)).fetchall()
    return Progress(stocktake, tuple(ProgressLine(c, loc, int(e), int(f), int(o), int(m))
                                     for c, loc, e, f, o, m in rows))


_NUMBER = re.compile(r"(\d+)")


def shelf_key(copy: CopyLine) -> tuple[Any, ...]:
    """The order copies stand on the shelves: location, then call number (numbers compared
    as numbers: "8" before "10"), then accession number."""
    return (_folded(copy.location or ""), _natural(copy.call_number or ""),
            _natural(copy.barcode))


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)  # few distinct locations: folded once each


def _natural(text: str) -> tuple[Any, ...]:
    # casefold, not fold: call and accession numbers are codes (fold costs 10x more, and a
    # missing list of 18,000 copies took 5 s to sort with it)
    return tuple(int(p) if p.isdigit() else p for p in _NUMBER.split(text.casefold()))


def _unfound(conn: sqlite3.Connection, stocktake: Stocktake, on_loan: bool) -> list[CopyLine]:
    wanted = "=" if on_loan else "<>"
    due = ("(SELECT due_on FROM loans l WHERE l.item_id = i.id AND l.returned_at IS NULL)"
           if on_loan else "NULL")
    scope, params = _scope(stocktake)
    rows = conn.execute(
        f"SELECT {LINE_SELECT}, {due} FROM items i JOIN records r ON r.id = i.record_id "
        f"{_FOUND_JOIN} WHERE {scope} AND {_EXPECTED_SQL} AND f.id IS NULL "
        f"AND i.status {wanted} 'on_loan'", (stocktake.id, *params)).fetchall()
    return sorted((copy_line(row[:-1], row[-1]) for row in rows), key=shelf_key)


def missing(conn: sqlite3.Connection, stocktake: Stocktake) -> list[CopyLine]:
    """Copies within the scope neither scanned nor on loan, in shelf order."""
    return _unfound(conn, stocktake, on_loan=False)


def on_loan(conn: sqlite3.Connection, stocktake: Stocktake) -> list[CopyLine]:
    """Copies within the scope not scanned and on loan (accounted for), in shelf order,
    each with its due date."""
    return _unfound(conn, stocktake, on_loan=True)


def close(conn: sqlite3.Connection, stocktake: Stocktake, action: str, library_id: str,
          today: date, now: str) -> tuple[StocktakeLine, ...]:
    """Close *stocktake*: the missing copies are marked lost (*action* ``"lost"``) or left
    as they are for next time (``"leave"``); the figures per collection are kept. Returns
    them."""
    if action not in MISSING_ACTIONS:
        raise ValidationError("stocktake.bad_action", BAD_ACTION, action=action)
    totals: dict[str, list[int]] = {}
    for line in progress(conn, stocktake).lines:
        figures = totals.setdefault(line.collection, [0, 0, 0, 0])
        for index, value in enumerate((line.expected, line.found, line.on_loan, line.missing)):
            figures[index] += value
    outcome = "lost" if action == "lost" else "left"
    lacking_copies = missing(conn, stocktake)
    ids = [copy.item_id for copy in lacking_copies]
    if action == "lost":
        for copy in lacking_copies:
            if copy.status == "on_hold_shelf":  # its reader's hold waits for another copy
                holds.release_item(conn, copy.item_id, now)
        item_uuids = set_status_of_many(conn, ids, "lost", now)
    else:
        item_uuids = {int(i): str(u) for chunk in in_chunks(ids) for i, u in conn.execute(
            f"SELECT id, uuid FROM items WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    rows = [(new_uuid(), item_id) for item_id in ids]
    conn.executemany("INSERT INTO stocktake_items(uuid, library_id, created_at, updated_at, "
                     "stocktake_id, item_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(uuid, library_id, now, now, stocktake.id, item_id, outcome)
                      for uuid, item_id in rows])
    record_changes(conn, [("stocktake_item", uuid, "insert", {
        "uuid": uuid, "stocktake_uuid": stocktake.uuid, "item_uuid": item_uuids[item_id],
        "outcome": outcome, "updated_at": now, "deleted": False}) for uuid, item_id in rows])
    lines: list[StocktakeLine] = []
    for collection, (expected, present, lent, lacking) in sorted(totals.items()):
        kept = StocktakeLine(collection, expected, present, lent, lacking,
                             lacking if action == "lost" else 0)
        lines.append(kept)
        uuid = new_uuid()
        conn.execute("INSERT INTO stocktake_results(uuid, library_id, created_at, updated_at, "
                     "stocktake_id, collection, expected, present, on_loan, missing, "
                     "lost_marked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (uuid, library_id, now, now, stocktake.id, collection, expected, present,
                      lent, lacking, kept.lost_marked))
        record_change(conn, "stocktake_result", uuid, "insert", {
            "uuid": uuid, "stocktake_uuid": stocktake.uuid, "collection": collection,
            "expected": expected, "present": present, "on_loan": lent, "missing": lacking,
            "lost_marked": kept.lost_marked, "updated_at": now, "deleted": False})
    conn.execute("UPDATE stocktakes SET status = 'closed', closed_on = ?, missing_action = ?, "
                 "updated_at = ? WHERE id = ?", (today.isoformat(), action, now, stocktake.id))
    record_change(conn, "stocktake", stocktake.uuid, "update", _payload(conn, stocktake.id))
    return tuple(lines)


def describe(stocktake: Stocktake) -> str:
    """One line about *stocktake*: start day and scope."""
    return STOCKTAKE_LINE(day=display_date(stocktake.started_on), scope=scope_words(stocktake))


STOCKTAKE_LINE = Text("Kiểm kê từ {day} ({scope})", "Stocktake since {day} ({scope})")
