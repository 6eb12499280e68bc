"""The loan rule matrix: patron category × item type → how an item may be lent.

A rule row names a patron category (``student``, ``teacher``, ``staff``, ``community``) or
``*`` for any, and an item type (``book``, ``textbook``, ``reference``, ``periodical``…) or
``*``. The most specific row wins, in this order: (category, type), (``*``, type),
(category, ``*``), (``*``, ``*``) — the item type decides first because it says what the
thing is (a reference book is never lent, whoever asks).

A loan lasts ``loan_days`` or runs to ``fixed_due``: an ISO date (``2026-05-31``) or a
yearly date written ``--05-31`` (the next 31 May — textbooks return at the end of the
school year). ``max_items`` counts the patron's open loans of the same item type.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

from app.db.connection import Database
from app.errors import ValidationError
from app.i18n import Text
from app.text import thousands

ANY = "*"
PATRON_CATEGORIES = ("student", "teacher", "staff", "community")
_FIXED = re.compile(r"^(--\d\d-\d\d|\d{4}-\d\d-\d\d)$")

CATEGORY_NAMES = {
    ANY: Text("Mọi bạn đọc", "Any reader"),
    "student": Text("Học sinh", "Student"),
    "teacher": Text("Giáo viên", "Teacher"),
    "staff": Text("Nhân viên", "Staff"),
    "community": Text("Bạn đọc ngoài trường", "Community reader"),
}
ITEM_TYPE_NAMES = {
    ANY: Text("Mọi loại tài liệu", "Any item type"),
    "book": Text("Sách", "Book"),
    "textbook": Text("Sách giáo khoa", "Textbook"),
    "reference": Text("Sách tra cứu", "Reference"),
    "periodical": Text("Báo, tạp chí", "Periodical"),
    "children": Text("Sách thiếu nhi", "Children's book"),
    "professional": Text("Sách nghiệp vụ", "Professional book"),
    "audiovisual": Text("Tài liệu nghe nhìn", "Audiovisual"),
}

BAD_RULE = Text("Quy tắc mượn không hợp lệ: {why}", "Invalid loan rule: {why}")
NO_READER_OR_TYPE = Text("chưa chọn loại bạn đọc hoặc loại tài liệu",
                         "the reader category or the item type is missing")
BAD_FIXED_DUE = Text("hạn trả cố định “{value}” phải viết 31/05 hoặc 31/05/2026",
                     "the fixed due date “{value}” must be written 31/05 or 31/05/2026")
NO_LOAN_LENGTH = Text("tài liệu cho mượn cần số ngày mượn (từ 1) hoặc hạn trả cố định",
                      "a loanable item needs loan days (1 or more) or a fixed due date")
OUT_OF_RANGE = Text("{field} phải từ {low} đến {high}, không phải {value}",
                    "{field} must be from {low} to {high}, not {value}")
#: The most a librarian may type as any amount of money (a fine per day, the debt that blocks
#: loans, a payment): 10.000.000 đ, far above any school's fine, far below a slip of the keys.
MAX_AMOUNT = 10_000_000
# The bounds keep a mistyped figure (an extra zero or five) from becoming a rule, and every
# stored value inside what SQLite's integers and date arithmetic can hold.
LIMITS: dict[str, tuple[Text, int, int]] = {
    "loan_days": (Text("Số ngày mượn", "Loan days"), 1, 3650),
    "max_items": (Text("Số tài liệu được mượn", "Items at once"), 0, 1000),
    "renewals": (Text("Số lần gia hạn", "Renewals"), 0, 100),
    "fine_per_day": (Text("Tiền phạt mỗi ngày", "Fine per day"), 0, MAX_AMOUNT),
}


@dataclass(frozen=True)
class LoanRule:
    """One cell of the rule matrix."""

    category: str
    item_type: str
    loanable: bool = True
    loan_days: int | None = 14
    fixed_due: str | None = None
    max_items: int = 3
    renewals: int = 1
    holds_allowed: bool = True
    fine_per_day: int = 0

    def due_date(self, today: date) -> date:
        """The due date (before closed-day adjustment) of a loan made on *today*.

        >>> LoanRule("*", "textbook", loan_days=None, fixed_due="--05-31").due_date(date(2025, 9, 5))
        datetime.date(2026, 5, 31)
        """
        if self.fixed_due:
            if self.fixed_due.startswith("--"):
                month, day = int(self.fixed_due[2:4]), int(self.fixed_due[5:7])
                due = date(today.year, month, day)
                return due if due > today else date(today.year + 1, month, day)
            return max(date.fromisoformat(self.fixed_due), today)
        return today + timedelta(days=self.loan_days or 0)

    def to_dict(self) -> dict[str, object]:
        """The rule as plain JSON-able values."""
        return asdict(self)


DEFAULT_RULES: tuple[LoanRule, ...] = (
    LoanRule(ANY, ANY, loan_days=14, max_items=3, renewals=1),
    LoanRule(ANY, "book", loan_days=14, max_items=3, renewals=1),
    LoanRule("teacher", "book", loan_days=30, max_items=10, renewals=2),
    LoanRule("staff", "book", loan_days=30, max_items=5, renewals=2),
    LoanRule(ANY, "children", loan_days=7, max_items=2, renewals=1),
    LoanRule("teacher", "professional", loan_days=60, max_items=10, renewals=2),
    LoanRule(ANY, "professional", loan_days=14, max_items=2, renewals=1),
    LoanRule(ANY, "textbook", loan_days=None, fixed_due="--05-31", max_items=20, renewals=0,
             holds_allowed=False),
    LoanRule(ANY, "reference", loanable=False, loan_days=0, max_items=0, renewals=0,
             holds_allowed=False),
    LoanRule(ANY, "periodical", loan_days=7, max_items=2, renewals=0, holds_allowed=False),
    LoanRule("teacher", "periodical", loan_days=14, max_items=5, renewals=1, holds_allowed=False),
)

_COLUMNS = ("category, item_type, loanable, loan_days, fixed_due, max_items, renewals, "
            "holds_allowed, fine_per_day")


def _from_row(row: tuple[object, ...]) -> LoanRule:
    cat, typ, loanable, days, fixed, max_items, renewals, holds, fine = row
    return LoanRule(str(cat), str(typ), bool(loanable), None if days is None else int(str(days)),
                    None if fixed is None else str(fixed), int(str(max_items)),
                    int(str(renewals)), bool(holds), int(str(fine)))


def validate(rule: LoanRule) -> LoanRule:
    """Check *rule* and return it; raise :class:`ValidationError` saying, in words, what is
    wrong (a missing loan length, a badly written fixed due date, a figure out of range)."""
    def bad(why: Text, **params: object) -> ValidationError:
        return ValidationError("rules.invalid", BAD_RULE, why=why(**params))

    if not rule.category or not rule.item_type:
        raise bad(NO_READER_OR_TYPE)
    if rule.fixed_due is not None:
        if not _FIXED.match(rule.fixed_due):
            raise bad(BAD_FIXED_DUE, value=rule.fixed_due)
        try:
            rule.due_date(date(2024, 1, 1))  # leap year: accepts --02-29 once
        except ValueError as exc:
            raise bad(BAD_FIXED_DUE, value=rule.fixed_due) from exc
    elif rule.loanable and (rule.loan_days is None or rule.loan_days < 1):
        raise bad(NO_LOAN_LENGTH)
    for name, (label, low, high) in LIMITS.items():
        value = getattr(rule, name)
        if value is None:
            continue
        if name == "loan_days" and (rule.fixed_due is not None or not rule.loanable):
            low = 0  # the days are not what decides the due date here
        if not low <= int(value) <= high:
            raise bad(OUT_OF_RANGE, field=label(), low=low,
                      high=thousands(high), value=value)
    if not rule.loanable:
        rule = replace(rule, holds_allowed=False)
    return rule


def seed_defaults(conn: sqlite3.Connection) -> None:
    """Insert :data:`DEFAULT_RULES` (used by the migration); existing rows are kept."""
    conn.executemany(
        f"INSERT OR IGNORE INTO loan_rules({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_params(r) for r in DEFAULT_RULES])


def _params(r: LoanRule) -> tuple[object, ...]:
    return (r.category, r.item_type, int(r.loanable), r.loan_days, r.fixed_due, r.max_items,
            r.renewals, int(r.holds_allowed), r.fine_per_day)


class LoanRules:
    """The editable rule matrix (``lib.circulation.rules``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[LoanRule]:
        """Every rule row, ``*`` rows first."""
        rows = self._db.conn.execute(
            f"SELECT {_COLUMNS} FROM loan_rules ORDER BY category != '*', category, "
            "item_type != '*', item_type").fetchall()
        return [_from_row(r) for r in rows]

    def rule_for(self, category: str, item_type: str) -> LoanRule:
        """The rule that applies to *category* borrowing an item of *item_type*.

        >>> lib.circulation.rules.rule_for("student", "reference").loanable  # doctest: +SKIP
        False
        """
        rows = self._db.conn.execute(
            f"SELECT {_COLUMNS} FROM loan_rules WHERE category IN (?, '*') AND item_type IN (?, '*')",
            (category, item_type)).fetchall()
        best: dict[tuple[bool, bool], LoanRule] = {}
        for row in rows:
            rule = _from_row(row)
            best[(rule.category == category, rule.item_type == item_type)] = rule
        for key in ((True, True), (False, True), (True, False), (False, False)):
            if key in best:
                return best[key]
        return LoanRule(ANY, ANY)

    def set(self, rule: LoanRule) -> LoanRule:
        """Create or replace the rule for its (category, item type) cell."""
        rule = validate(rule)
        with self._db.transaction() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO loan_rules({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _params(rule))
        return rule

    def delete(self, category: str, item_type: str) -> None:
        """Remove one cell (the ``*``/``*`` fallback cannot be removed)."""
        if category == ANY and item_type == ANY:
            raise ValidationError("rules.invalid", BAD_RULE, why="*/* is the fallback")
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM loan_rules WHERE category = ? AND item_type = ?",
                         (category, item_type))

    def reset_defaults(self) -> None:
        """Replace the whole matrix by the built-in defaults."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM loan_rules")
            seed_defaults(conn)
