"""School-year rollover: every class moves up a grade, the last grade graduates.

``preview()`` says what each class becomes; ``apply()`` does it in one transaction (with
outbox rows) and keeps an undo log; ``undo()`` restores the latest rollover exactly (class,
grade, school year, status and leaving date of every patron it touched, and the library's
school year). Loans are not touched, so loan history stays complete. Textbook sets still
lent to a class (class loans) follow it: 6A's set is 7A's after the rollover; a graduating
class's set is closed (see :func:`app.circulation.classloans.follow_rollover`); undo puts
them back.

Only students who are active or blocked take part; patrons who left or graduated keep their
last class. Classes whose name has no grade ("Toán", "CLB") are listed and left alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from app.circulation import classloans
from app.circulation.clock import library_today
from app.circulation.clock_check import ClockCheck
from app.db import local_state
from app.db.connection import utc_now
from app.db.outbox import record_change
from app.errors import UserError, ValidationError
from app.i18n import Text
from app.patrons.classes import grade_of, parse_class
from app.patrons.fields import next_school_year
from app.patrons.model import outbox_payload
from app.patrons.validity import school_year_end
from app.text import sort_key

if TYPE_CHECKING:
    from app.patrons.service import PatronService

SETTING_LAST_GRADE = "patron_last_grade"
# What a rollover did to the textbook sets lent to classes (kept on this PC for its undo).
_SETS_KEY = "rollover.{id}.class_loans"
ROLLED_FIELDS = ("class_name", "grade", "school_year", "status", "left_on", "expires_on")

NOTHING_TO_UNDO = Text("Không có lần lên lớp nào để hoàn tác.", "There is no rollover to undo.")
ALREADY = Text(
    "Đã lên lớp sang năm học {year} rồi (ngày {day}). Hãy hoàn tác lần đó trước nếu muốn làm lại.",
    "The rollover to {year} was already applied (on {day}). Undo it first to do it again.")
BAD_YEAR = Text("Không hiểu năm học “{year}” (cần dạng 2025-2026).",
                "The school year “{year}” is not understood (expected e.g. 2025-2026).")
NO_GRADE = Text("Chưa biết khối cuối cấp: hãy đặt khối cuối (ví dụ 5, 9 hoặc 12).",
                "The last grade is unknown: set it (e.g. 5, 9 or 12).")


@dataclass
class ClassMove:
    """What one class becomes: ``to_class`` is None when its students graduate."""

    from_class: str
    to_class: str | None
    students: int

    @property
    def graduates(self) -> bool:
        """True when the class leaves the school."""
        return self.to_class is None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"from": self.from_class, "to": self.to_class, "students": self.students,
                "graduates": self.graduates}


@dataclass
class RolloverPlan:
    """A rollover's preview (or, after ``apply``/``undo``, what was done)."""

    from_year: str
    to_year: str
    last_grade: int
    moves: list[ClassMove] = field(default_factory=list)
    unknown_classes: list[tuple[str, int]] = field(default_factory=list)
    rollover_id: int | None = None
    # graduating students who still have books on loan: (name, class, card, books)
    graduates_with_loans: list[tuple[str, str, str, int]] = field(default_factory=list)
    # cards of students moving up extended to the new school year's end (ISO), and how many;
    # with extend_cards off, cards_until is None and cards_extended counts the cards left
    # to expire
    extend_cards: bool = False
    cards_until: str | None = None
    cards_extended: int = 0
    # today falls well inside from_year (before May of its last year): a rollover now is
    # almost surely a slip that moves every class up a year early
    early: bool = False
    # textbook sets still lent to a class taking part: (class, class it becomes or None when
    # it graduates, due date ISO); the rollover moves them with the class or closes them
    class_loans: list[tuple[str, str | None, str]] = field(default_factory=list)

    @property
    def graduate_books(self) -> int:
        """Books still on loan to students about to graduate."""
        return sum(n for *_, n in self.graduates_with_loans)

    @property
    def promoted(self) -> int:
        """Students moving up a grade."""
        return sum(m.students for m in self.moves if not m.graduates)

    @property
    def graduated(self) -> int:
        """Students leaving as graduates."""
        return sum(m.students for m in self.moves if m.graduates)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``thuvien rollover --json``)."""
        return {"from_year": self.from_year, "to_year": self.to_year,
                "last_grade": self.last_grade, "promoted": self.promoted,
                "graduated": self.graduated, "rollover_id": self.rollover_id,
                "classes": [m.to_dict() for m in self.moves],
                "unknown_classes": [{"class": c, "students": n} for c, n in self.unknown_classes],
                "graduates_with_loans": [{"name": name, "class": klass, "card": card,
                                          "books": n}
                                         for name, klass, card, n in self.graduates_with_loans],
                "extend_cards": self.extend_cards, "cards_until": self.cards_until,
                "cards_extended": self.cards_extended, "early": self.early,
                "class_loans": [{"class": c, "to": t, "due": d}
                                for c, t, d in self.class_loans]}


class Rollover:
    """The school-year rollover of one library's patrons (``lib.patrons.rollover``)."""

    def __init__(self, service: PatronService) -> None:
        self.service = service
        self.db = service.db
        # a PC back in 2009 would roll the classes over for the wrong year: refused then
        self._clock = ClockCheck(service.db)

    def _students(self) -> list[tuple[int, str]]:
        return [(int(i), str(c)) for i, c in self.db.conn.execute(
            "SELECT id, class_name FROM patrons WHERE deleted = 0 AND category = 'student' "
            "AND status IN ('active', 'blocked') AND class_name IS NOT NULL")]

    def last_grade(self) -> int:
        """The grade that graduates: setting ``patron_last_grade``, else the last grade of the
        school level its students are in (5 primary, 9 lower secondary, 12 upper secondary,
        judged by the highest grade present). Raises if there are no students."""
        configured = self.service.settings.get(SETTING_LAST_GRADE)
        if configured:
            return int(configured)
        grades = [g.grade for _, c in self._students() if (g := parse_class(c)) is not None]
        if not grades:
            raise ValidationError("rollover.no_last_grade", NO_GRADE)
        highest = max(grades)
        return 5 if highest <= 5 else 9 if highest <= 9 else 12

    def preview(self, last_grade: int | None = None, *,
                extend_cards: bool | None = None) -> RolloverPlan:
        """What each class becomes, and how many students move up or graduate.

        *extend_cards*: the cards (with an expiry) of students moving up run to the end of the
        new school year; by default only where student cards are valid to the end of the
        school year (setting ``card_validity``). Cards without an expiry stay so."""
        from_year = self.service.school_year()
        to_year = next_school_year(from_year)
        if to_year is None:
            raise ValidationError("rollover.bad_year", BAD_YEAR, year=from_year)
        students = self._students()
        grade = last_grade if last_grade is not None else (
            self.last_grade() if students else 12)
        counts: dict[str, int] = {}
        for _, klass in students:
            counts[klass] = counts.get(klass, 0) + 1
        plan = RolloverPlan(from_year, to_year, grade)
        for klass in sorted(counts, key=_class_order):
            parsed = parse_class(klass)
            if parsed is None:
                plan.unknown_classes.append((klass, counts[klass]))
            elif parsed.grade >= grade:
                plan.moves.append(ClassMove(klass, None, counts[klass]))
            else:
                plan.moves.append(ClassMove(klass, str(parsed.promoted()), counts[klass]))
        plan.graduates_with_loans = self._borrowers([m.from_class for m in plan.moves
                                                     if m.graduates])
        self._plan_cards(plan, extend_cards)
        plan.early = is_early(from_year, library_today())
        moves = {m.from_class: m.to_class for m in plan.moves}
        plan.class_loans = [(str(c), moves[str(c)], str(d)) for c, d in self.db.conn.execute(
            "SELECT class_name, due_on FROM class_loans WHERE deleted = 0 AND status = 'open' "
            "ORDER BY id") if c in moves]
        return plan

    def _plan_cards(self, plan: RolloverPlan, extend_cards: bool | None) -> None:
        """Which cards of students moving up the rollover extends, and to what day."""
        if extend_cards is None:
            extend_cards = self.service.validity()["student"].kind == "school_year"
        end = school_year_end(plan.to_year, self.service.year_end())
        plan.extend_cards = bool(extend_cards) and end is not None
        moving = {m.from_class for m in plan.moves if not m.graduates}
        if end is None or not moving:
            return
        plan.cards_until = end.isoformat() if plan.extend_cards else None
        plan.cards_extended = len(self._cards_to_extend(moving, end.isoformat()))

    def _cards_to_extend(self, classes: set[str], until: str) -> set[int]:
        return {int(i) for i, in self.db.conn.execute(
            "SELECT id FROM patrons WHERE deleted = 0 AND category = 'student' "
            "AND status IN ('active', 'blocked') AND expires_on IS NOT NULL AND expires_on < ? "
            "AND class_name IN (SELECT value FROM json_each(?))",
            (until, json.dumps(sorted(classes))))}

    def _borrowers(self, classes: list[str]) -> list[tuple[str, str, str, int]]:
        """Students of *classes* (taking part in the rollover) with books still on loan, by
        class and name: they are about to leave with them."""
        if not classes:
            return []
        rows = self.db.conn.execute(
            "SELECT p.full_name, p.class_name, p.card, count(*) FROM loans l "
            "JOIN patrons p ON p.id = l.patron_id WHERE l.returned_at IS NULL "
            "AND l.deleted = 0 AND p.deleted = 0 AND p.category = 'student' "
            "AND p.status IN ('active', 'blocked') AND p.class_name IN "
            "(SELECT value FROM json_each(?)) GROUP BY p.id", (json.dumps(classes),)).fetchall()
        return sorted(((str(n), str(c), str(k or ""), int(b)) for n, c, k, b in rows),
                      key=lambda r: (_class_order(r[1]), sort_key(r[0].split()[-1] if r[0]
                                                                  else ""), sort_key(r[0])))

    def apply(self, last_grade: int | None = None, *,
              extend_cards: bool | None = None) -> RolloverPlan:
        """Promote every class, graduate the last grade and advance the school year, in one
        transaction with outbox rows and an undo log (extending the cards of students moving
        up when the preview says so). Refused if already done this year, or while this PC's
        clock is behind (:class:`~app.circulation.clock_check.ClockBehind`)."""
        self._clock.require()
        with self.db.transaction() as conn:
            plan = self.preview(last_grade, extend_cards=extend_cards)
            done = conn.execute(
                "SELECT applied_at FROM patron_rollovers WHERE undone_at IS NULL AND to_year = ? "
                "ORDER BY id DESC LIMIT 1", (plan.from_year,)).fetchone()
            if done:
                raise UserError("rollover.already_done", ALREADY, year=plan.from_year,
                                day=_display_day(done[0]))
            now, today = utc_now(), library_today().isoformat()
            cur = conn.execute(
                "INSERT INTO patron_rollovers(applied_at, from_year, to_year, last_grade) "
                "VALUES (?, ?, ?, ?)", (now, plan.from_year, plan.to_year, plan.last_grade))
            rollover_id = int(cur.lastrowid or 0)
            moves = {m.from_class: m for m in plan.moves}
            extended = self._cards_to_extend(
                {m.from_class for m in plan.moves if not m.graduates},
                plan.cards_until) if plan.cards_until else set()
            for patron_id, klass in self._students():
                move = moves.get(klass)
                if move is None:
                    continue
                before = self._fields(patron_id)
                if move.to_class is None:
                    after = dict(before, status="graduated", left_on=today)
                else:
                    after = dict(before, class_name=move.to_class, grade=grade_of(move.to_class),
                                 school_year=plan.to_year)
                    if patron_id in extended:
                        after["expires_on"] = plan.cards_until
                self._write(conn, patron_id, after, now)
                conn.execute("INSERT INTO patron_rollover_log(rollover_id, patron_id, before, "
                             "after) VALUES (?, ?, ?, ?)",
                             (rollover_id, patron_id, json.dumps(before), json.dumps(after)))
            sets = classloans.follow_rollover(
                conn, {m.from_class: m.to_class for m in plan.moves}, now)
            local_state.put(conn, _SETS_KEY.format(id=rollover_id), sets)
            self.service.settings.set("school_year", plan.to_year)
            plan.rollover_id = rollover_id
            return plan

    def undo(self) -> RolloverPlan:
        """Undo the latest rollover: every patron it touched gets back exactly its class,
        grade, school year, status and leaving date; the school year goes back too. Refused
        while this PC's clock is behind, as :meth:`apply` is."""
        self._clock.require()
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id, from_year, to_year, last_grade FROM patron_rollovers "
                "WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                raise UserError("rollover.nothing_to_undo", NOTHING_TO_UNDO)
            rollover_id, from_year, to_year, last_grade = row
            now = utc_now()
            plan = RolloverPlan(from_year, to_year, last_grade, rollover_id=rollover_id)
            counts: dict[tuple[str, str | None], int] = {}
            for patron_id, before_json, after_json in conn.execute(
                    "SELECT patron_id, before, after FROM patron_rollover_log "
                    "WHERE rollover_id = ?", (rollover_id,)).fetchall():
                before, after = json.loads(before_json), json.loads(after_json)
                self._write(conn, patron_id, before, now)
                target = None if after["status"] == "graduated" else after["class_name"]
                key = (before["class_name"], target)
                counts[key] = counts.get(key, 0) + 1
            plan.moves = [ClassMove(f, t, n) for (f, t), n in sorted(counts.items(),
                                                                     key=lambda kv: kv[0][0])]
            sets = local_state.get(conn, _SETS_KEY.format(id=rollover_id))
            if isinstance(sets, list):
                classloans.undo_rollover(conn, sets, now)
                local_state.remove(conn, _SETS_KEY.format(id=rollover_id))
            conn.execute("UPDATE patron_rollovers SET undone_at = ? WHERE id = ?",
                         (now, rollover_id))
            self.service.settings.set("school_year", from_year)
            return plan

    def history(self) -> list[dict[str, Any]]:
        """Past rollovers, newest first."""
        return [{"id": i, "applied_at": a, "from_year": f, "to_year": t, "last_grade": g,
                 "undone_at": u} for i, a, f, t, g, u in self.db.conn.execute(
                    "SELECT id, applied_at, from_year, to_year, last_grade, undone_at "
                    "FROM patron_rollovers ORDER BY id DESC")]

    def _fields(self, patron_id: int) -> dict[str, Any]:
        row = self.db.conn.execute(
            f"SELECT {', '.join(ROLLED_FIELDS)} FROM patrons WHERE id = ?", (patron_id,)).fetchone()
        return dict(zip(ROLLED_FIELDS, row, strict=True))

    def _write(self, conn: Any, patron_id: int, values: dict[str, Any], now: str) -> None:
        # A rollover logged before cards had an expiry has no expires_on: left as it is.
        keys = [k for k in ROLLED_FIELDS if k in values]
        conn.execute(
            f"UPDATE patrons SET {', '.join(f'{k} = ?' for k in keys)}, updated_at = ? "
            "WHERE id = ?", [*(values[k] for k in keys), now, patron_id])
        uuid, payload = outbox_payload(conn, patron_id)
        record_change(conn, "patron", uuid, "update", payload)


def is_early(school_year: str, today: date) -> bool:
    """True when *today* is well inside *school_year*, before May of its last year: the
    classes have not finished it. A late rollover (the summer forgotten) is not early.

    >>> is_early("2026-2027", date(2026, 11, 22)), is_early("2025-2026", date(2026, 11, 22))
    (True, False)
    >>> is_early("2025-2026", date(2026, 6, 15))
    False
    """
    end = school_year_end(school_year, "05-01")
    return end is not None and today < end


def _display_day(stamp: str) -> str:
    return f"{stamp[8:10]}/{stamp[5:7]}/{stamp[0:4]}"


def _class_order(klass: str) -> tuple[int, str]:
    parsed = parse_class(klass)
    return (parsed.grade if parsed else 99, klass)
