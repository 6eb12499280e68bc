"""Class loan sessions: one textbook set lent to every student of a class, and its return.

A session names the class, the records of the set and the due date (end of school year by
the textbook rule unless given). Students get copies by scanning (the desk with the
session active: card, then each copy), by an explicit list (student → accession numbers),
or automatically (:func:`auto_assign`: the next available copy of each record per student,
students in class-register order — print the loan slips to hand the books out). At year
end the copies come back through ordinary check-in; :func:`report` says, per student, what
is still missing.

Limits and overdue checks are skipped for class lending (it is an administrative
distribution); blocked or departed students, and unavailable copies, are still refused.
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuidlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.circulation import loans
from app.circulation.context import CircContext
from app.circulation.refs import (
    PATRON_COLUMNS,
    ItemRef,
    PatronRef,
    item_by_barcode,
    items_of_records,
)
from app.circulation.results import DeskResult, Refusal, refuse
from app.db.outbox import record_change
from app.text import sort_key


@dataclass(frozen=True)
class ClassLoanSession:
    """A textbook set lent to a class."""

    id: int
    uuid: str
    class_name: str
    school_year: str | None
    record_ids: tuple[int, ...]
    due: str
    status: str


@dataclass(frozen=True)
class StudentLine:
    """One student's part of a class loan: copies lent, returned and still missing."""

    patron: PatronRef
    lent: list[tuple[str, str]] = field(default_factory=list)      # (barcode, title)
    returned: list[tuple[str, str]] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    not_lent: list[str] = field(default_factory=list)               # titles never handed out


@dataclass(frozen=True)
class ClassLoanReport:
    """What came back from a class loan, per student (class-register order)."""

    session: ClassLoanSession
    students: list[StudentLine]

    @property
    def missing_count(self) -> int:
        """Copies still out."""
        return sum(len(s.missing) for s in self.students)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"class": self.session.class_name, "due": self.session.due,
                "missing": self.missing_count,
                "students": [{"patron": s.patron.to_dict(),
                              "lent": [b for b, _ in s.lent],
                              "returned": [b for b, _ in s.returned],
                              "missing": [{"barcode": b, "title": t} for b, t in s.missing],
                              "not_lent": s.not_lent} for s in self.students]}


def _session(row: Any) -> ClassLoanSession:
    return ClassLoanSession(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), row[5],
                            row[6])


_SELECT = ("SELECT id, uuid, class_name, school_year, record_ids, due_on, status "
           "FROM class_loans WHERE deleted = 0 AND ")


def _changed(conn: sqlite3.Connection, session_id: int, op: str) -> None:
    row = conn.execute("SELECT uuid, updated_at, class_name, school_year, due_on, status, "
                       "closed_at, record_ids FROM class_loans WHERE id = ?",
                       (session_id,)).fetchone()
    record_uuids = [r[0] for r in conn.execute(
        "SELECT uuid FROM records WHERE id IN (SELECT value FROM json_each(?))", (row[7],))]
    record_change(conn, "class_loan", row[0], op, {
        "uuid": row[0], "updated_at": row[1], "deleted": False, "class_name": row[2],
        "school_year": row[3], "due_on": row[4], "status": row[5], "closed_at": row[6],
        "record_uuids": record_uuids})


def get(conn: sqlite3.Connection, session_id: int) -> ClassLoanSession:
    """The session *session_id* (refused as not found otherwise)."""
    row = conn.execute(_SELECT + "id = ?", (session_id,)).fetchone()
    if row is None:
        raise refuse("class_loan_not_found", session=session_id)
    return _session(row)


def sessions(conn: sqlite3.Connection, class_name: str | None = None) -> list[ClassLoanSession]:
    """Class loan sessions, newest first (optionally of one class)."""
    if class_name:
        rows = conn.execute(_SELECT + "class_name = ? ORDER BY id DESC", (class_name,))
    else:
        rows = conn.execute(_SELECT + "1 ORDER BY id DESC")
    return [_session(r) for r in rows]


def start(ctx: CircContext, conn: sqlite3.Connection, class_name: str, record_ids: Sequence[int],
          *, due: date | None = None, school_year: str | None = None) -> ClassLoanSession:
    """Open a session lending the records *record_ids* to *class_name*."""
    _, now, today = ctx.now()
    if not students(conn, class_name):
        raise refuse("class_empty", class_name=class_name)
    if due is None:
        rule = ctx.rules.rule_for("student", "textbook")
        due = ctx.calendar.open_days(today).next_open(rule.due_date(today))
    uuid = str(uuidlib.uuid4())
    cur = conn.execute(
        "INSERT INTO class_loans(uuid, library_id, created_at, updated_at, class_name, school_year, "
        "record_ids, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (uuid, ctx.library_id, now, now, class_name, school_year, json.dumps(list(record_ids)),
         due.isoformat()))
    session_id = int(cur.lastrowid or 0)
    _changed(conn, session_id, "insert")
    return get(conn, session_id)


def lend_in_session(ctx: CircContext, conn: sqlite3.Connection, session_id: int,
                    patron: PatronRef, item: ItemRef) -> DeskResult:
    """Lend *item* to *patron* as part of the session (the desk calls this when active)."""
    session = get(conn, session_id)
    if session.status != "open":
        raise refuse("session_closed", class_name=session.class_name)
    if patron.class_name != session.class_name:  # the card of a student of another class
        raise refuse("not_in_class", patron=patron, item=item, name=patron.full_name,
                     patron_class=patron.class_name or "—", class_name=session.class_name)
    if item.record_id not in session.record_ids:
        raise refuse("not_in_session", patron=patron, item=item, title=item.title,
                     class_name=session.class_name)
    return loans.checkout(ctx, conn, patron, item, force=True, class_loan_id=session.id,
                          due=date.fromisoformat(session.due))


def students(conn: sqlite3.Connection, class_name: str) -> list[PatronRef]:
    """Active students of *class_name* in class-register (Vietnamese name) order."""
    rows = conn.execute(f"SELECT {PATRON_COLUMNS} FROM patrons WHERE class_name = ? "
                        "AND deleted = 0 AND status = 'active' AND category = 'student'",
                        (class_name,)).fetchall()
    found = [PatronRef(*r) for r in rows]
    return sorted(found, key=lambda p: (sort_key(p.full_name.split()[-1] if p.full_name else ""),
                                        sort_key(p.full_name)))


def _has_copy(conn: sqlite3.Connection, session_id: int, patron_id: int, record_id: int) -> bool:
    return conn.execute(
        "SELECT 1 FROM loans l JOIN items i ON i.id = l.item_id WHERE l.class_loan_id = ? "
        "AND l.patron_id = ? AND i.record_id = ? AND l.returned_at IS NULL",
        (session_id, patron_id, record_id)).fetchone() is not None


def _held_copy(conn: sqlite3.Connection, patron_id: int, record_id: int
               ) -> tuple[str, str] | None:
    """A copy of *record_id* the patron has on loan (any session or none): barcode, title."""
    row = conn.execute(
        "SELECT i.barcode, r.title FROM loans l JOIN items i ON i.id = l.item_id "
        "JOIN records r ON r.id = i.record_id WHERE l.patron_id = ? AND i.record_id = ? "
        "AND l.returned_at IS NULL ORDER BY i.barcode LIMIT 1", (patron_id, record_id)).fetchone()
    return (str(row[0]), str(row[1])) if row is not None else None


def assign(ctx: CircContext, conn: sqlite3.Connection, session_id: int,
           assignments: Mapping[int, Sequence[str]]) -> list[DeskResult]:
    """Lend by list: patron id → accession numbers. Returns one result per copy (refusals
    included; a refused copy does not stop the others)."""
    results = []
    for patron_id, barcodes in assignments.items():
        from app.circulation.refs import patron_by_id

        patron = patron_by_id(conn, patron_id)
        for barcode in barcodes:
            item = item_by_barcode(conn, barcode)
            try:
                if patron is None:
                    raise refuse("patron_not_found", code=str(patron_id))
                if item is None:
                    raise refuse("item_not_found", patron=patron, code=barcode)
                results.append(lend_in_session(ctx, conn, session_id, patron, item))
            except Refusal as refusal:
                results.append(refusal.result)
    return results


def auto_assign(ctx: CircContext, conn: sqlite3.Connection, session_id: int) -> list[DeskResult]:
    """Give each student of the class one available copy of every record of the set they do
    not have yet (copies in accession order). A record that runs out of copies is reported
    for the remaining students as ``class_set_short`` (with how many copies it has)."""
    session = get(conn, session_id)
    if session.status != "open":
        raise refuse("session_closed", class_name=session.class_name)
    pool: dict[int, list[ItemRef]] = {rid: [] for rid in session.record_ids}
    for copy in items_of_records(conn, list(session.record_ids)):
        if copy.status == "available":
            pool[copy.record_id].append(copy)
    results = []
    for patron in students(conn, session.class_name):
        for record_id in session.record_ids:
            if _has_copy(conn, session.id, patron.id, record_id):
                continue
            held = _held_copy(conn, patron.id, record_id)
            if held is not None:  # kept from last year, or lent at the desk: not a second one
                results.append(DeskResult(False, "class_has_copy", {
                    "name": patron.full_name, "title": held[1], "barcode": held[0]}, patron))
                continue
            if not pool[record_id]:
                title, copies = conn.execute(
                    "SELECT r.title, (SELECT count(*) FROM items i WHERE i.record_id = r.id "
                    "AND i.deleted = 0) FROM records r WHERE r.id = ?", (record_id,)).fetchone()
                results.append(DeskResult(False, "class_set_short" if copies else
                                          "class_set_no_copy",
                                          {"title": title, "copies": copies}, patron))
                continue
            copy = pool[record_id].pop(0)
            try:
                results.append(lend_in_session(ctx, conn, session.id, patron, copy))
            except Refusal as refusal:  # e.g. an expired card: the copy goes to the next one
                results.append(refusal.result)
                pool[record_id].insert(0, copy)
    return results


def report(conn: sqlite3.Connection, session_id: int) -> ClassLoanReport:
    """Per student of the class (and anyone else who got a copy): lent, returned, missing.

    Once the session is closed, only the students who got a copy are listed: the class may
    by then hold other students (a rollover moved it on, or a new year's class took its
    name), who had nothing to do with this set."""
    session = get(conn, session_id)
    roster = students(conn, session.class_name) if session.status == "open" else []
    lines: dict[int, StudentLine] = {p.id: StudentLine(p) for p in roster}
    rows = conn.execute(
        f"SELECT l.patron_id, i.barcode, r.title, i.record_id, l.returned_at, l.outcome, "
        f"{', '.join('p.' + c.strip() for c in PATRON_COLUMNS.split(','))} "
        "FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id "
        "JOIN patrons p ON p.id = l.patron_id WHERE l.class_loan_id = ? ORDER BY i.barcode",
        (session_id,)).fetchall()
    got: dict[int, set[int]] = {}
    for row in rows:
        patron_id, barcode, title, record_id, returned_at, outcome = row[:6]
        line = lines.setdefault(patron_id, StudentLine(PatronRef(*row[6:])))
        line.lent.append((barcode, title))
        got.setdefault(patron_id, set()).add(record_id)
        if returned_at is not None and outcome == "returned":
            line.returned.append((barcode, title))
        else:
            line.missing.append((barcode, title))
    titles = dict(conn.execute(
        "SELECT id, title FROM records WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(session.record_ids)),)).fetchall())
    for patron_id, line in lines.items():
        line.not_lent.extend(titles.get(rid, str(rid)) for rid in session.record_ids
                             if rid not in got.get(patron_id, set()))
    return ClassLoanReport(session, list(lines.values()))


def close(ctx: CircContext, conn: sqlite3.Connection, session_id: int, *,
          mark_missing_lost: bool = False) -> ClassLoanReport:
    """End the session; optionally mark every copy still out as lost (the borrower stays on
    its loan). Returns the final report."""
    _, now, _today = ctx.now()
    session = get(conn, session_id)
    if session.status != "open":
        raise refuse("session_closed", class_name=session.class_name)
    if mark_missing_lost:
        for (item_id,) in conn.execute(
                "SELECT item_id FROM loans WHERE class_loan_id = ? AND returned_at IS NULL",
                (session_id,)).fetchall():
            from app.circulation.refs import item_by_id

            item = item_by_id(conn, item_id)
            if item is not None:
                loans.mark_lost(ctx, conn, item)
    conn.execute("UPDATE class_loans SET status = 'closed', closed_at = ?, updated_at = ? "
                 "WHERE id = ?", (now, now, session_id))
    _changed(conn, session_id, "update")
    return report(conn, session_id)


def follow_rollover(conn: sqlite3.Connection, moves: Mapping[str, str | None], now: str
                    ) -> list[dict[str, Any]]:
    """At the school-year rollover, open sessions follow their class: the set lent to 6A is
    then 7A's (the same students, whose copies are still out), so it is found, reported and
    collected from the class; a graduating class's session (``moves[class] is None``) is
    closed, its copies still out staying on each student's loan. Sessions of other classes
    are untouched. Returns each change as ``{"id", "before", "after"}`` for
    :func:`undo_rollover`."""
    changes = []
    for session in sessions(conn):
        if session.status != "open" or session.class_name not in moves:
            continue
        to_class = moves[session.class_name]
        before = {"class_name": session.class_name, "status": "open", "closed_at": None}
        after = (dict(before, status="closed", closed_at=now) if to_class is None
                 else dict(before, class_name=to_class))
        _set(conn, session.id, after, now)
        changes.append({"id": session.id, "before": before, "after": after})
    return changes


def undo_rollover(conn: sqlite3.Connection, changes: Sequence[Mapping[str, Any]],
                  now: str) -> None:
    """Put sessions back as they were before the rollover that made *changes*."""
    for change in changes:
        _set(conn, int(change["id"]), dict(change["before"]), now)


def _set(conn: sqlite3.Connection, session_id: int, values: Mapping[str, Any], now: str) -> None:
    conn.execute("UPDATE class_loans SET class_name = ?, status = ?, closed_at = ?, "
                 "updated_at = ? WHERE id = ?",
                 (values["class_name"], values["status"], values["closed_at"], now, session_id))
    _changed(conn, session_id, "update")
