"""Fines: overdue fines assessed when a late copy comes back, and charges for lost books
(đền sách); both are then paid or waived.

Policy (the decisions a librarian would ask about):

- A fine is assessed only where the loan rule sets ``fine_per_day`` above 0 (0 by default:
  most schools do not fine). With 0 nothing is written and no message changes.
- It is assessed once, when the copy is returned (or when an overdue loan is renewed: the
  days late so far are charged then and the renewed loan starts clean). Nothing accrues
  while a copy is still out, and a copy marked lost or damaged is not fined for lateness.
- Days late are **calendar days**, as Vietnamese libraries count them: Sundays, Tết and
  holidays in between count. A due date never falls on a closed day (checkout moves it to the
  next open day); should the library close on a due date afterwards (a closed day added
  later), the count starts from the first open day on or after the due date, so a reader is
  never fined for a day they could not have returned the book.
- Amount = days late × the rule's ``fine_per_day`` for the patron's category and the copy's
  item type at the time of return, in đồng (integers), shown "2.500 đ".
- A fine is ``outstanding`` until it is ``paid`` or ``waived`` (a reason is required); who
  settled it and when are kept. It may be paid in parts (a pupil owing 25.000 đ brings
  10.000 đ today): each sum received is a payment (table ``fine_payments``: amount, moment,
  who took it); the fine is ``paid`` once they reach its amount. More than is still owed is
  refused, as is any amount above :data:`~app.circulation.rules.MAX_AMOUNT`. What a reader
  owes is the amounts of their outstanding fines less what was paid on them; a waive cancels
  what was still owed (the parts paid stay received). What the library received, and when,
  is the payments (:meth:`Fines.received`).
- Outstanding fines do not block new loans (nor renewals) unless the library sets a
  threshold (setting ``fine_block_at`` in đồng, 0 = never block, the default): a patron whose
  outstanding total reaches it is refused (``has_fines``, ``renew_has_fines``; the librarian
  can force the loan or the renewal).
- A **lost-book charge** (kind ``lost``) is recorded when a copy on loan is marked lost, in a
  library that sets ``lost_charge_percent`` above 0 (0 by default: many schools ask for the
  same book instead of money, and the librarian then waives the charge). Amount = the copy's
  price × the percentage, rounded to 100 đồng; a copy without a price is not charged. Should
  the copy turn up (scanned in, or marked found), an unpaid charge (or its unpaid rest) is
  waived on its own with the date as the reason; what was paid stays paid and the message
  tells the librarian, who decides about a refund.
- Fines are the patron's personal data: their outbox rows (entities ``fine`` and
  ``fine_payment``) stay in the
  school (``app.sync.privacy`` sends no unknown entity), the patron's data export lists them
  and erasing the patron removes the waive reasons.
"""

from __future__ import annotations

import getpass
import re
import sqlite3
import uuid as uuidlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.circulation.calendar import OpenDays
from app.circulation.clock import display_date, local_day
from app.circulation.codes import normalise
from app.circulation.context import FINE_BLOCK_AT, LOST_CHARGE_PERCENT, CircContext
from app.circulation.refs import ItemRef, LoanRef, PatronRef
from app.circulation.rules import MAX_AMOUNT, OUT_OF_RANGE
from app.db.outbox import record_change, row_payload
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.text import nfc, thousands

STATUSES = ("outstanding", "paid", "waived")
KINDS = ("overdue", "lost")
#: The largest lost-book charge a library may set, in percent of the price.
MAX_LOST_PERCENT = 500

NOT_FOUND = Text("Không tìm thấy khoản phạt #{id}.", "Fine #{id} not found.")
ALREADY_SETTLED = Text("Khoản phạt #{id} đã được xử lý ({status}).",
                       "Fine #{id} is already settled ({status}).")
NO_REASON = Text("Cần ghi lý do miễn phạt.", "A reason is needed to waive a fine.")
BLOCK_FIELD = Text("Mức nợ chặn mượn", "The debt that blocks loans")
PAYMENT_FIELD = Text("Số tiền nộp", "The amount paid")
OVERPAID = Text("Khoản phạt #{id} chỉ còn nợ {owed} — không nhận {amount}.",
                "Fine #{id} has only {owed} left to pay — {amount} is more than that.")
OVERPAID_ALL = Text("{name} chỉ còn nợ {owed} — không nhận {amount}.",
                    "{name} owes only {owed} — {amount} is more than that.")
NOTHING_OWED = Text("Bạn đọc này không còn nợ khoản nào.", "This reader owes nothing.")
BAD_PERCENT = Text("Tỷ lệ đền sách không hợp lệ: {value} (0–{max} % giá sách, 0 = không thu).",
                   "Invalid lost-book charge: {value} (0–{max} % of the price, 0 = none).")
FOUND_REASON = Text("Đã tìm thấy sách ngày {date}", "Book found on {date}")
STATUS_NAMES = {"outstanding": Text("chưa nộp", "outstanding"),
                "paid": Text("đã nộp", "paid"), "waived": Text("đã miễn", "waived")}

#: What has been paid on fine ``f`` so far (đồng).
_PAID = ("coalesce((SELECT sum(fp.amount) FROM fine_payments fp WHERE fp.fine_id = f.id "
         "AND fp.deleted = 0), 0)")
_SELECT = (
    "SELECT f.id, f.uuid, f.patron_id, f.loan_id, i.barcode, r.title, f.kind, f.days_late, "
    "f.per_day, f.amount, f.status, f.assessed_on, f.settled_at, f.settled_by, f.reason, p.full_name, "
    f"p.card, p.class_name, {_PAID} FROM fines f JOIN loans l ON l.id = f.loan_id "
    "JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id "
    "LEFT JOIN patrons p ON p.id = f.patron_id WHERE f.deleted = 0 ")
_INSERT = (
    "INSERT INTO fines(uuid, library_id, created_at, updated_at, patron_id, loan_id, kind, "
    "days_late, per_day, amount, assessed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def format_dong(amount: int) -> str:
    """An amount of đồng as Vietnamese write it: dot thousands separator, "đ" after.

    >>> format_dong(2500), format_dong(0), format_dong(1234567)
    ('2.500 đ', '0 đ', '1.234.567 đ')
    """
    return thousands(amount) + " đ"


#: An amount as typed: figures (thousands grouped by dots, commas or spaces; a decimal part
#: after the other mark), then perhaps "k"/"nghìn"/"ngàn" or "tr"/"triệu", then perhaps the
#: currency ("đ", "VNĐ", "đồng").
_AMOUNT = re.compile(r"^(?P<sign>[-+\u2212]?)\s*(?P<figures>[0-9]+(?:[., \u00a0\u202f][0-9]+)*)"
                     r"\s*(?P<unit>k|nghìn|ngàn|ng|tr|triệu)?\s*(?:đ|d|vnđ|vnd|đồng|dong)?\.?$")
_UNITS = {"k": 1000, "nghìn": 1000, "ngàn": 1000, "ng": 1000, "tr": 1_000_000,
          "triệu": 1_000_000}
_MARK = re.compile(r"[., \u00a0\u202f]")


def _figures(figures: str, scaled: bool) -> Decimal | None:
    """The number *figures* write: thousands grouped by one mark ("10.000", "10 000"), a
    decimal part only after a different mark ("5.000,00") or before a unit (*scaled*:
    "1,5" of "1,5 triệu"); None when the grouping leaves it ambiguous ("10.00", "1.0000")."""
    marks = _MARK.findall(figures)
    groups = _MARK.split(figures)
    if not marks:
        return Decimal(figures)
    last, fraction = marks[-1], ""
    if last in ".," and (last not in marks[:-1] and len(set(marks)) > 1
                         or scaled and len(marks) == 1 and len(groups[-1]) != 3):
        fraction, groups = groups[-1], groups[:-1]
    if len(groups) > 1 and not (len(set(marks[:len(groups) - 1])) == 1
                                and 1 <= len(groups[0]) <= 3 and groups[0][0] != "0"
                                and all(len(g) == 3 for g in groups[1:])):
        return None  # not thousands groups: "10.00", "1.0000", "0.500"
    return Decimal("".join(groups) + ("." + fraction if fraction else ""))


def parse_dong(text: str) -> int | None:
    """An amount of đồng as typed ("10.000", "10000", "10.000 đ", "10,000", "10 000",
    "10k", "10 nghìn", "1,5 triệu", full-width figures from a Windows IME), however large
    (the setting or payment it is for says what range it takes); None when it is no whole
    number of đồng or could be read two ways ("10.00", "1.5"): money is never guessed.

    >>> parse_dong("10.000"), parse_dong("5000 đ"), parse_dong("99.999.999.999"), parse_dong("-5")
    (10000, 5000, 99999999999, -5)
    >>> parse_dong("10k"), parse_dong("10 nghìn đồng"), parse_dong("１０．０００"), parse_dong("5.000,00")
    (10000, 10000, 10000, 5000)
    >>> parse_dong("abc"), parse_dong("12,5"), parse_dong(""), parse_dong("10.00"), parse_dong("1e4")
    (None, None, None, None, None)
    """
    match = _AMOUNT.match(normalise(text).casefold())
    if not match:
        return None
    unit = match["unit"]
    value = _figures(match["figures"], unit is not None)
    if value is None:
        return None
    value *= _UNITS[unit] if unit else 1
    if value != value.to_integral_value():
        return None
    return -int(value) if match["sign"] in ("-", "\u2212") else int(value)


def days_late(due: date, returned: date, open_days: OpenDays) -> int:
    """Calendar days a copy came back late (0 when on time).

    Counted from the due date, or from the first open day after it when the library was
    closed on the due date itself.

    >>> sunday_closed = OpenDays(frozenset({6}), ())
    >>> days_late(date(2025, 9, 22), date(2025, 9, 27), sunday_closed)  # Mon → Sat
    5
    >>> days_late(date(2025, 9, 28), date(2025, 9, 29), sunday_closed)  # due on a closed Sunday
    0
    """
    if returned <= due:
        return 0
    return max(0, (returned - open_days.next_open(due)).days)


@dataclass(frozen=True)
class Fine:
    """One fine, with what it was for (copy, title) and whose it is."""

    id: int
    uuid: str
    patron_id: int | None
    loan_id: int
    barcode: str
    title: str
    kind: str  # "overdue" or "lost"
    days_late: int
    per_day: int
    amount: int
    status: str
    assessed_on: str
    settled_at: str | None
    settled_by: str | None
    reason: str | None
    patron_name: str | None
    patron_card: str | None
    patron_class: str | None
    paid: int = 0  # đồng received so far (the whole amount once paid)

    @property
    def amount_text(self) -> str:
        """The amount as shown: "2.500 đ"."""
        return format_dong(self.amount)

    @property
    def owed(self) -> int:
        """What is still to pay (đồng): the amount less the payments while outstanding,
        nothing once paid or waived."""
        return max(0, self.amount - self.paid) if self.status == "outstanding" else 0

    @property
    def partly_paid(self) -> bool:
        """Some of it paid, the rest still owed."""
        return self.status == "outstanding" and self.paid > 0

    @property
    def status_text(self) -> str:
        """The status in the current language."""
        return STATUS_NAMES[self.status]()

    def to_dict(self) -> dict[str, Any]:
        """JSON form (dates ISO, amounts in đồng)."""
        return {"id": self.id, "patron": {"id": self.patron_id, "name": self.patron_name,
                                          "card": self.patron_card, "class": self.patron_class},
                "loan_id": self.loan_id, "barcode": self.barcode, "title": self.title,
                "kind": self.kind, "days_late": self.days_late, "per_day": self.per_day,
                "amount": self.amount,
                "amount_text": self.amount_text, "paid": self.paid, "owed": self.owed,
                "status": self.status,
                "assessed_on": self.assessed_on, "settled_at": self.settled_at,
                "settled_by": self.settled_by, "reason": self.reason}


@dataclass(frozen=True)
class Payment:
    """One sum received for a fine: how much, when (UTC stamp), who took it, and what for."""

    id: int
    uuid: str
    fine_id: int
    amount: int
    paid_at: str
    received_by: str | None
    kind: str
    barcode: str
    title: str
    patron_name: str | None
    patron_card: str | None
    patron_class: str | None
    days_late: int = 0  # of the fine it pays (0 for a lost-book charge)

    @property
    def amount_text(self) -> str:
        """The sum as shown: "10.000 đ"."""
        return format_dong(self.amount)

    @property
    def day(self) -> str:
        """The library day (ISO) it was received."""
        return local_day(self.paid_at)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the moment as stored, the library day ISO, amounts in đồng)."""
        return {"id": self.id, "fine_id": self.fine_id, "amount": self.amount,
                "amount_text": self.amount_text, "paid_at": self.paid_at, "day": self.day,
                "received_by": self.received_by, "kind": self.kind, "barcode": self.barcode,
                "title": self.title, "patron": {"name": self.patron_name,
                                                "card": self.patron_card,
                                                "class": self.patron_class}}


_PAYMENTS = (
    "SELECT fp.id, fp.uuid, fp.fine_id, fp.amount, fp.paid_at, fp.received_by, f.kind, "
    "i.barcode, r.title, p.full_name, p.card, p.class_name, f.days_late FROM fine_payments fp "
    "JOIN fines f ON f.id = fp.fine_id JOIN loans l ON l.id = f.loan_id "
    "JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id "
    "LEFT JOIN patrons p ON p.id = f.patron_id WHERE fp.deleted = 0 AND f.deleted = 0 ")
_PAYMENT_PAYLOAD = (
    "SELECT fp.uuid, fp.updated_at, fp.deleted, f.uuid, fp.amount, fp.paid_at, fp.received_by "
    "FROM fine_payments fp JOIN fines f ON f.id = fp.fine_id WHERE fp.id = ?")
_PAYMENT_KEYS = ("uuid", "updated_at", "deleted", "fine_uuid", "amount", "paid_at",
                 "received_by")


def _fine(conn: sqlite3.Connection, fine_id: int) -> Fine | None:
    row = conn.execute(_SELECT + "AND f.id = ?", (fine_id,)).fetchone()
    return Fine(*row) if row else None


def _write_change(conn: sqlite3.Connection, fine_id: int, op: str) -> None:
    uuid, payload = row_payload(conn, _PAYLOAD, _PAYLOAD_KEYS, fine_id)
    record_change(conn, "fine", uuid, op, payload)


_PAYLOAD = (
    "SELECT f.uuid, f.updated_at, f.deleted, p.uuid, l.uuid, f.kind, f.days_late, f.per_day, "
    "f.amount, f.status, f.assessed_on, f.settled_at, f.settled_by, f.reason FROM fines f "
    "JOIN loans l ON l.id = f.loan_id LEFT JOIN patrons p ON p.id = f.patron_id WHERE f.id = ?")
_PAYLOAD_KEYS = ("uuid", "updated_at", "deleted", "patron_uuid", "loan_uuid", "kind",
                 "days_late", "per_day", "amount", "status", "assessed_on", "settled_at",
                 "settled_by", "reason")


def assess(ctx: CircContext, conn: sqlite3.Connection, loan: LoanRef, patron: PatronRef | None,
           item: ItemRef, today: date) -> Fine | None:
    """Record the fine for *loan* coming back (or renewed) on *today*, inside the caller's
    transaction; None when it is not late or the rule does not fine."""
    due = date.fromisoformat(loan.due)
    if today <= due or patron is None:
        return None  # the usual case costs no query
    rule = ctx.rules.rule_for(patron.category, item.item_type)
    if rule.fine_per_day <= 0:
        return None
    days = days_late(due, today, ctx.calendar.open_days(due))
    if days <= 0:
        return None
    _, now, _ = ctx.now()
    return _insert(ctx, conn, patron, loan, "overdue", days, rule.fine_per_day,
                   days * rule.fine_per_day, today)


def _insert(ctx: CircContext, conn: sqlite3.Connection, patron: PatronRef, loan: LoanRef,
            kind: str, days: int, per_day: int, amount: int, today: date) -> Fine | None:
    _, now, _ = ctx.now()
    cur = conn.execute(_INSERT, (str(uuidlib.uuid4()), ctx.library_id, now, now, patron.id,
                                 loan.id, kind, days, per_day, amount, today.isoformat()))
    fine_id = int(cur.lastrowid or 0)
    _write_change(conn, fine_id, "insert")
    return _fine(conn, fine_id)


def lost_charge(price: float | None, percent: int) -> int:
    """What a lost copy costs its borrower: *percent* of *price*, rounded to 100 đồng
    (0 without a price or a percentage).

    >>> lost_charge(45000, 100), lost_charge(32500, 150), lost_charge(None, 100)
    (45000, 48800, 0)
    """
    if not price or price <= 0 or percent <= 0:
        return 0
    return int(round(price * percent / 100 / 100)) * 100


def charge_lost(ctx: CircContext, conn: sqlite3.Connection, loan: LoanRef,
                patron: PatronRef | None, item: ItemRef, today: date) -> Fine | None:
    """Record what the borrower of *item*, just marked lost, owes for it, inside the caller's
    transaction; None when the library does not charge or the copy has no price."""
    if patron is None:
        return None
    amount = lost_charge(item.item.price, ctx.lost_charge_percent())
    if amount <= 0:
        return None
    return _insert(ctx, conn, patron, loan, "lost", 0, 0, amount, today)


def lost_charge_of_item(conn: sqlite3.Connection, item_id: int) -> Fine | None:
    """The lost-book charge of *item_id*'s latest lost loan, whatever its status (None when
    there is none)."""
    row = conn.execute(
        _SELECT + "AND f.kind = 'lost' AND l.item_id = ? ORDER BY l.id DESC, f.id DESC LIMIT 1",
        (item_id,)).fetchone()
    return Fine(*row) if row else None


def cancel_lost(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef,
                today: date) -> tuple[Fine | None, bool]:
    """*item*, marked lost, has turned up: waive its unpaid lost-book charge (reason: the
    date it was found), inside the caller's transaction. Returns the charge (None when there
    is none) and whether it was waived now (False when it was already paid or waived)."""
    charge = lost_charge_of_item(conn, item.id)
    if charge is None or charge.status != "outstanding":
        return charge, False
    _, now, _ = ctx.now()
    reason = FOUND_REASON(date=display_date(today))
    return _settle_in(conn, charge.id, "waived", _who(None), reason, now), True


def _settle_in(conn: sqlite3.Connection, fine_id: int, status: str, who: str,
               reason: str | None, now: str) -> Fine:
    """Mark fine *fine_id* paid or waived inside the caller's transaction; the fine as now."""
    conn.execute("UPDATE fines SET status = ?, settled_at = ?, settled_by = ?, reason = ?, "
                 "updated_at = ? WHERE id = ?", (status, now, who, reason, now, fine_id))
    _write_change(conn, fine_id, "update")
    settled = _fine(conn, fine_id)
    assert settled is not None
    return settled


def check_amount(amount: int, field: Text) -> int:
    """*amount* (đồng) if it lies in 0 … :data:`MAX_AMOUNT`; else a :class:`ValidationError`
    naming *field* and the allowed range ("Mức nợ chặn mượn phải từ 0 đ đến 10.000.000 đ,
    không phải 99.999.999.999 đ")."""
    amount = int(amount)
    if not 0 <= amount <= MAX_AMOUNT:
        raise ValidationError("fine.bad_amount", OUT_OF_RANGE, field=field(),
                              low=format_dong(0), high=format_dong(MAX_AMOUNT),
                              value=format_dong(amount))
    return amount


def _receive(ctx: CircContext, conn: sqlite3.Connection, fine: Fine, amount: int, who: str,
             now: str) -> Fine:
    """Record *amount* (0 < amount <= what is owed) received for *fine* inside the caller's
    transaction, with its outbox row; the fine becomes ``paid`` once nothing is owed. The
    fine as now."""
    cur = conn.execute(
        "INSERT INTO fine_payments(uuid, library_id, created_at, updated_at, fine_id, amount, "
        "paid_at, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (str(uuidlib.uuid4()), ctx.library_id, now, now, fine.id, amount, now, who))
    uuid, payload = row_payload(conn, _PAYMENT_PAYLOAD, _PAYMENT_KEYS, int(cur.lastrowid or 0))
    record_change(conn, "fine_payment", uuid, "insert", payload)
    if amount >= fine.owed:
        return _settle_in(conn, fine.id, "paid", who, None, now)
    after = _fine(conn, fine.id)
    assert after is not None
    return after


def scrub_reasons(conn: sqlite3.Connection, patron_id: int) -> int:
    """Remove the waive reasons of a patron being erased (a reason may tell a family's
    circumstances), in the fines and in their earlier outbox payloads; the amounts stay (the
    library's accounts) tied to the anonymous patron. Runs in the caller's transaction;
    returns how many fines changed."""
    rows = conn.execute("SELECT id, uuid FROM fines WHERE patron_id = ? AND reason IS NOT NULL",
                        (patron_id,)).fetchall()
    for fine_id, uuid in rows:
        for seq, text in conn.execute("SELECT seq, payload FROM changes WHERE entity = 'fine' "
                                      "AND uuid = ?", (uuid,)).fetchall():
            conn.execute("UPDATE changes SET payload = json_set(?, '$.reason', NULL) "
                         "WHERE seq = ?", (text, seq))
        conn.execute("UPDATE fines SET reason = NULL, updated_at = strftime("
                     "'%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", (fine_id,))
        _write_change(conn, fine_id, "update")
    return len(rows)


def outstanding_total(conn: sqlite3.Connection, patron_id: int) -> tuple[int, int]:
    """(amount in đồng, number of fines) a patron has not paid yet (parts paid deducted)."""
    total, count = conn.execute(
        f"SELECT coalesce(sum(f.amount - {_PAID}), 0), count(*) FROM fines f "
        "WHERE f.patron_id = ? AND f.status = 'outstanding' AND f.deleted = 0",
        (patron_id,)).fetchone()
    return int(total), int(count)


def _who(by: str | None) -> str:
    if by and by.strip():
        return nfc(by.strip())
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (service account, odd Windows set-up)
        return ""


class Fines:
    """Fines of one library (``lib.circulation.fines``)."""

    def __init__(self, ctx: CircContext) -> None:
        self._ctx = ctx

    def get(self, fine_id: int) -> Fine:
        """One fine (NotFoundError when there is none)."""
        found = _fine(self._ctx.db.conn, fine_id)
        if found is None:
            raise NotFoundError("fine.not_found", NOT_FOUND, id=fine_id)
        return found

    def find(self, patron_id: int | None = None, *, outstanding: bool = False) -> list[Fine]:
        """Fines, newest first; of one patron and/or only those not yet paid.

        >>> [f.amount_text for f in lib.circulation.fines.find(7, outstanding=True)]  # doctest: +SKIP
        ['2.500 đ']
        """
        sql = _SELECT
        params: list[object] = []
        if patron_id is not None:
            sql += "AND f.patron_id = ? "
            params.append(patron_id)
        if outstanding:
            sql += "AND f.status = 'outstanding' "
        rows = self._ctx.db.conn.execute(sql + "ORDER BY f.assessed_on DESC, f.id DESC", params)
        return [Fine(*row) for row in rows]

    def outstanding(self, patron_id: int) -> tuple[int, int]:
        """(amount in đồng, number of fines) *patron_id* still owes."""
        return outstanding_total(self._ctx.db.conn, patron_id)

    def pay(self, fine_id: int, amount: int | None = None, *, by: str | None = None) -> Fine:
        """The patron paid *amount* đồng of the fine (None: all that is still owed); *by* is
        who took the money (default the login name). The fine is ``paid`` once its payments
        reach its amount; more than is owed is refused (``fine.overpaid``).

        >>> lib.circulation.fines.pay(3, 10000).owed   # doctest: +SKIP
        15000
        """
        who = _who(by)
        if amount is not None:
            amount = check_amount(amount, PAYMENT_FIELD)
        self._ctx.require_plausible_clock()  # the sum received is dated: not in 2009
        with self._ctx.db.transaction() as conn:
            fine = self._open(conn, fine_id)
            amount = fine.owed if amount is None else amount
            if amount <= 0:
                raise ValidationError("fine.bad_amount", OUT_OF_RANGE, field=PAYMENT_FIELD(),
                                      low=format_dong(1), high=format_dong(fine.owed),
                                      value=format_dong(amount))
            if amount > fine.owed:
                raise ValidationError("fine.overpaid", OVERPAID, id=fine_id,
                                      owed=format_dong(fine.owed), amount=format_dong(amount))
            _, now, _ = self._ctx.now()
            return _receive(self._ctx, conn, fine, amount, who, now)

    def pay_debt(self, patron_id: int, amount: int | None = None, *, by: str | None = None
                 ) -> list[Fine]:
        """The patron paid *amount* đồng towards everything they owe (None: all of it), as at
        the desk: the oldest fines are paid first. Returns the fines that received a part,
        oldest first. More than the whole debt is refused (``fine.overpaid``)."""
        who = _who(by)
        if amount is not None:
            amount = check_amount(amount, PAYMENT_FIELD)
        self._ctx.require_plausible_clock()  # the sum received is dated: not in 2009
        with self._ctx.db.transaction() as conn:
            owed = sorted(self.find(patron_id, outstanding=True),
                          key=lambda fine: (fine.assessed_on, fine.id))
            total = sum(fine.owed for fine in owed)
            if total <= 0:
                raise ValidationError("fine.nothing_owed", NOTHING_OWED)
            amount = total if amount is None else amount
            if amount <= 0:
                raise ValidationError("fine.bad_amount", OUT_OF_RANGE, field=PAYMENT_FIELD(),
                                      low=format_dong(1), high=format_dong(total),
                                      value=format_dong(amount))
            if amount > total:
                raise ValidationError("fine.overpaid", OVERPAID_ALL,
                                      name=owed[0].patron_name or "", owed=format_dong(total),
                                      amount=format_dong(amount))
            _, now, _ = self._ctx.now()
            paid: list[Fine] = []
            for fine in owed:
                if amount <= 0:
                    break
                part = min(amount, fine.owed)
                paid.append(_receive(self._ctx, conn, fine, part, who, now))
                amount -= part
            return paid

    def payments(self, fine_id: int | None = None, *, patron_id: int | None = None
                 ) -> list[Payment]:
        """Sums received, oldest first: for one fine, one patron, or all."""
        sql, params = _PAYMENTS, []
        if fine_id is not None:
            sql += "AND fp.fine_id = ? "
            params.append(fine_id)
        if patron_id is not None:
            sql += "AND f.patron_id = ? "
            params.append(patron_id)
        rows = self._ctx.db.conn.execute(sql + "ORDER BY fp.paid_at, fp.id", params)
        return [Payment(*row) for row in rows]

    def last_payments(self, patron_id: int) -> list[Payment]:
        """What *patron_id* paid the last time they paid (one sum at the desk may be spread
        over several debts), oldest debt first: the lines of the receipt for it."""
        paid = self.payments(patron_id=patron_id)
        return [p for p in paid if p.paid_at == paid[-1].paid_at] if paid else []

    def received(self, start: date | None = None, end: date | None = None) -> list[Payment]:
        """What the library received for fines and lost-book charges on its days *start* …
        *end* (both included, None: open on that side), oldest first: the money as it came,
        a part payment on the day it was paid."""
        first = start.isoformat() if start else ""
        last = end.isoformat() if end else "9999-12-31"
        return [p for p in self.payments() if first <= p.day <= last]

    def waived(self, start: date | None = None, end: date | None = None) -> list[Fine]:
        """The fines waived on the library's days *start* … *end* (both included, None: open
        on that side), oldest waive first; what each cancelled is its amount less what was
        paid on it before (:attr:`Fine.paid`)."""
        first = start.isoformat() if start else ""
        last = end.isoformat() if end else "9999-12-31"
        rows = self._ctx.db.conn.execute(_SELECT + "AND f.status = 'waived' "
                                         "ORDER BY f.settled_at, f.id")
        return [fine for fine in (Fine(*row) for row in rows)
                if fine.settled_at and first <= local_day(fine.settled_at) <= last]

    def waive(self, fine_id: int, reason: str, *, by: str | None = None) -> Fine:
        """Cancel the fine for *reason* (required), decided *by* someone (default the login)."""
        reason = nfc(reason or "").strip()
        if not reason:
            raise ValidationError("fine.no_reason", NO_REASON)
        return self._settle(fine_id, "waived", by, reason)

    @staticmethod
    def _open(conn: sqlite3.Connection, fine_id: int) -> Fine:
        """Fine *fine_id*, still outstanding (else NotFoundError / ValidationError)."""
        fine = _fine(conn, fine_id)
        if fine is None:
            raise NotFoundError("fine.not_found", NOT_FOUND, id=fine_id)
        if fine.status != "outstanding":
            raise ValidationError("fine.settled", ALREADY_SETTLED, id=fine_id,
                                  status=fine.status_text)
        return fine

    def _settle(self, fine_id: int, status: str, by: str | None, reason: str | None) -> Fine:
        who = _who(by)
        self._ctx.require_plausible_clock()  # the waiver is dated: not in 2009
        with self._ctx.db.transaction() as conn:
            self._open(conn, fine_id)
            _, now, _ = self._ctx.now()
            return _settle_in(conn, fine_id, status, who, reason, now)

    def block_at(self) -> int:
        """Outstanding total (đồng) from which new loans are refused; 0 = never (default)."""
        return self._ctx.fine_block_at()

    def lost_charge_percent(self) -> int:
        """What a lost copy costs its borrower, in percent of its price; 0 = nothing (default)."""
        return self._ctx.lost_charge_percent()

    def set_lost_charge_percent(self, percent: int) -> None:
        """Charge the borrower of a copy marked lost *percent* of its price (0: no charge)."""
        if not 0 <= int(percent) <= MAX_LOST_PERCENT:
            raise ValidationError("fine.bad_percent", BAD_PERCENT, value=percent,
                                  max=MAX_LOST_PERCENT)
        self._ctx.settings.set(LOST_CHARGE_PERCENT, int(percent))

    def set_block_at(self, amount: int) -> None:
        """Refuse new loans and renewals to patrons owing *amount* đồng or more (0: never
        refuse); more than :data:`MAX_AMOUNT` is refused, naming the setting and the range."""
        self._ctx.settings.set(FINE_BLOCK_AT, check_amount(amount, BLOCK_FIELD))
