"""Checkout, checkin, renew, lost / damaged / found — each inside the caller's transaction.

The functions here run in a transaction the caller opened (the desk or
:class:`~app.circulation.service.Circulation`), check everything first and only then
write, so a refusal (:class:`~app.circulation.results.Refusal`) leaves nothing behind.
Every write also writes its outbox row.
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from datetime import date
from typing import Any

from app.catalog.copies import STATUS_WORDS
from app.circulation import fines as finesmod
from app.circulation import holds as holdq
from app.circulation import itemstate
from app.circulation.clock import display_date
from app.circulation.context import CircContext
from app.circulation.messages import (
    LATE,
    LATE_FINE,
    LOST_BY,
    LOST_CHARGE_CANCELLED,
    LOST_CHARGE_CANCELLED_PART,
    LOST_CHARGE_PAID,
    LOST_CHARGED,
    Phrase,
)
from app.circulation.refs import (
    HoldRef,
    ItemRef,
    LoanRef,
    PatronRef,
    open_loan_of_item,
    patron_by_id,
)
from app.circulation.results import DeskResult, refuse
from app.circulation.rules import ITEM_TYPE_NAMES
from app.db.outbox import record_change, row_payload
from app.i18n import Text

INSERT_LOAN = (
    "INSERT INTO loans(uuid, library_id, created_at, updated_at, item_id, patron_id, loaned_at, "
    "due_on, renewals, class_loan_id, patron_category, patron_class, patron_grade, item_type) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)")
COUNTS = ("SELECT count(*), coalesce(sum(due_on < ?), 0), coalesce(sum(item_type = ?), 0) "
          "FROM loans WHERE patron_id = ? AND returned_at IS NULL")


def loan_payload(conn: sqlite3.Connection, loan_id: int) -> tuple[str, dict[str, Any]]:
    """The loan's uuid and outbox payload (foreign keys as uuids)."""
    return row_payload(conn, _LOAN_PAYLOAD, _LOAN_KEYS, loan_id)


_LOAN_PAYLOAD = (
    "SELECT l.uuid, l.updated_at, l.deleted, i.uuid, p.uuid, l.loaned_at, l.due_on, "
    "l.returned_at, l.renewals, c.uuid, l.outcome, l.patron_category, l.patron_class, "
    "l.patron_grade, l.item_type FROM loans l JOIN items i ON i.id = l.item_id "
    "LEFT JOIN patrons p ON p.id = l.patron_id "
    "LEFT JOIN class_loans c ON c.id = l.class_loan_id WHERE l.id = ?")
_LOAN_KEYS = ("uuid", "updated_at", "deleted", "item_uuid", "patron_uuid", "loaned_at", "due_on",
              "returned_at", "renewals", "class_loan_uuid", "outcome", "patron_category",
              "patron_class", "patron_grade", "item_type")


def _write_loan_change(conn: sqlite3.Connection, loan_id: int, op: str) -> None:
    uuid, payload = loan_payload(conn, loan_id)
    record_change(conn, "loan", uuid, op, payload)


def check_patron(patron: PatronRef, today: date | None = None,
                 item: ItemRef | None = None) -> None:
    """Refuse a patron who may not borrow (blocked, left, graduated) or, given *today*, whose
    card has expired (``card_expired``: renewing the card is the way out, not ``force``)."""
    if patron.status == "blocked":
        raise refuse("patron_blocked", patron=patron, name=patron.full_name)
    if patron.status != "active":
        raise refuse("patron_inactive", patron=patron, name=patron.full_name)
    if today is not None and patron.card_expired(today):
        raise refuse("card_expired", patron=patron, item=item, name=patron.full_name,
                     until=display_date(patron.expires_on or ""))


def _words(names: dict[str, Text], code: str) -> Phrase | str:
    """A code (an item type, a status) as words in the message's language."""
    name = names.get(code)
    return Phrase(name) if name is not None else code


def _item_params(item: ItemRef) -> dict[str, Any]:
    return {"title": item.title, "barcode": item.barcode}


def checkout(ctx: CircContext, conn: sqlite3.Connection, patron: PatronRef, item: ItemRef, *,
             force: bool = False, class_loan_id: int | None = None,
             due: date | None = None) -> DeskResult:
    """Lend *item* to *patron*; ``force`` lets the librarian pass the limit/overdue checks.

    Refusals, in the order checked: patron blocked or gone; item already on loan (to this
    patron → ``already_on_loan`` offering renew; else ``on_loan_to_other``); on the hold
    shelf for someone else; lost/damaged/withdrawn; reference only; overdue items; limit;
    unpaid fines (only where the library blocks from an amount, see ``fines``). An expired
    card is refused (``card_expired``) even with ``force`` and in a class loan.
    """
    _, now, today = ctx.now()
    check_patron(patron, today, item)
    hold: HoldRef | None = None
    if item.status == "on_loan":
        loan = open_loan_of_item(conn, item.id)
        if loan is not None and loan.patron_id == patron.id:
            raise refuse("already_on_loan", patron=patron, item=item, loan=loan, offers=("renew",),
                         name=patron.full_name, due=display_date(loan.due), **_item_params(item))
        holder = patron_by_id(conn, loan.patron_id) if loan and loan.patron_id else None
        raise refuse("on_loan_to_other", patron=patron, item=item, loan=loan, offers=("checkin",),
                     holder=holder.full_name if holder else "?", **_item_params(item))
    if item.status == "on_hold_shelf":
        hold = holdq.ready_hold_of_item(conn, item.id)
        if hold is not None and hold.patron.id != patron.id:
            raise refuse("on_hold_for_other", patron=patron, item=item, hold=hold,
                         holder=hold.patron.full_name,
                         until=display_date(hold.ready_until or today.isoformat()),
                         **_item_params(item))
    elif item.status != "available":
        raise refuse("item_unavailable", patron=patron, item=item,
                     status=_words(STATUS_WORDS, item.status), **_item_params(item))
    rule = ctx.rules.rule_for(patron.category, item.item_type)
    if not rule.loanable:
        raise refuse("reference_only", patron=patron, item=item, offers=("in_library_use",),
                     **_item_params(item))
    total, overdue, same_type = conn.execute(
        COUNTS, (today.isoformat(), item.item_type, patron.id)).fetchone()
    if not force:
        if overdue and ctx.block_when_overdue():
            raise refuse("has_overdue", patron=patron, item=item, offers=("force",),
                         name=patron.full_name, count=overdue)
        if same_type >= rule.max_items:
            raise refuse("over_limit", patron=patron, item=item, offers=("force",),
                         name=patron.full_name, max=rule.max_items,
                         item_type=_words(ITEM_TYPE_NAMES, item.item_type))
        _check_fines(ctx, conn, patron, item)
    if due is None:
        due = ctx.calendar.open_days(today).next_open(rule.due_date(today))
    loan_uuid = str(uuidlib.uuid4())
    cur = conn.execute(INSERT_LOAN, (
        loan_uuid, ctx.library_id, now, now, item.id, patron.id, now, due.isoformat(),
        class_loan_id, patron.category, patron.class_name, patron.grade, item.item_type))
    loan_id = int(cur.lastrowid or 0)
    _write_loan_change(conn, loan_id, "insert")
    item = itemstate.set_status(conn, item, "on_loan", now)
    if hold is not None:
        hold = holdq.set_hold_status(ctx, conn, hold, "fulfilled", now)
    loan = LoanRef(loan_id, loan_uuid, item.id, patron.id, now, due.isoformat(), None, 0,
                   class_loan_id, None)
    params = {"due": display_date(due), "name": patron.full_name, **_item_params(item)}
    return DeskResult(True, "checked_out_hold" if hold else "checked_out", params, patron, item,
                      loan, hold)


def _check_fines(ctx: CircContext, conn: sqlite3.Connection, patron: PatronRef,
                 item: ItemRef, loan: LoanRef | None = None) -> None:
    """Refuse a patron whose outstanding fines reach the library's threshold (if it set one):
    a new loan (``has_fines``) or, given the *loan* to renew, its renewal
    (``renew_has_fines``)."""
    threshold = ctx.fine_block_at()
    if threshold <= 0:
        return
    owed, _count = finesmod.outstanding_total(conn, patron.id)
    if owed < threshold:
        return
    if loan is not None:
        raise refuse("renew_has_fines", patron=patron, item=item, loan=loan, offers=("force",),
                     name=patron.full_name, amount=finesmod.format_dong(owed),
                     threshold=finesmod.format_dong(threshold), **_item_params(item))
    raise refuse("has_fines", patron=patron, item=item, offers=("force",),
                 name=patron.full_name, amount=finesmod.format_dong(owed))


def _late_text(days: int, fine: finesmod.Fine | None) -> Phrase | str:
    """The lateness said after a return: with a fine "Quá hạn 5 ngày — phạt 2.500 đ.",
    without one "Quá hạn 5 ngày." (nothing when on time)."""
    if fine is not None:
        return Phrase(LATE_FINE, {"days": fine.days_late, "amount": fine.amount_text})
    return Phrase(LATE, {"days": days}) if days > 0 else ""


def _close_loan(ctx: CircContext, conn: sqlite3.Connection, loan: LoanRef, now: str,
                outcome: str) -> LoanRef:
    conn.execute("UPDATE loans SET returned_at = ?, updated_at = ?, outcome = ? WHERE id = ?",
                 (now, now, outcome, loan.id))
    _write_loan_change(conn, loan.id, "update")
    return LoanRef(loan.id, loan.uuid, loan.item_id, loan.patron_id, loan.loaned_at, loan.due,
                   now, loan.renewals, loan.class_loan_id, outcome)


def _shelve(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef, now: str,
            today: date) -> tuple[ItemRef, HoldRef | None]:
    """Put a returned/found copy back: on the hold shelf for the next in the queue, or available."""
    hold = holdq.next_waiting(conn, item.record_id)
    if hold is None:
        return itemstate.set_status(conn, item, "available", now), None
    hold = holdq.make_ready(ctx, conn, hold, item.id, now, today)
    return itemstate.set_status(conn, item, "on_hold_shelf", now), hold


def checkin(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef) -> DeskResult:
    """Take *item* back. When someone waits for its record, the result says who and the copy
    goes on the hold shelf (status ``on_hold_shelf``, hold ``ready`` until ``ready_until``).
    A lost copy scanned in is found; a copy not on loan is refused (``not_on_loan``)."""
    _, now, today = ctx.now()
    loan = open_loan_of_item(conn, item.id)
    if loan is None:
        if item.status in ("lost", "damaged"):
            return mark_found(ctx, conn, item)
        raise refuse("not_on_loan", item=item, offers=("in_library_use",), **_item_params(item))
    patron = patron_by_id(conn, loan.patron_id) if loan.patron_id else None
    loan = _close_loan(ctx, conn, loan, now, "returned")
    late_days = (today - date.fromisoformat(loan.due)).days
    fine = finesmod.assess(ctx, conn, loan, patron, item, today)
    item, hold = _shelve(ctx, conn, item, now, today)
    if hold is not None:
        params = {"holder": _holder_label(hold.patron),
                  "until": display_date(hold.ready_until or today.isoformat()),
                  "late": _late_text(late_days, fine) if fine else "", **_item_params(item)}
        return DeskResult(True, "checked_in_hold", params, patron, item, loan, hold, fine=fine)
    params = {"name": patron.full_name if patron else "?",
              "late": _late_text(late_days, fine), **_item_params(item)}
    return DeskResult(True, "checked_in", params, patron, item, loan, fine=fine)


def _holder_label(patron: PatronRef) -> str:
    return f"{patron.full_name} ({patron.class_name})" if patron.class_name else patron.full_name


def renew(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef, *,
          force: bool = False) -> DeskResult:
    """Extend the loan of *item* (the new due date counts from today). Refused when the
    borrower's card has expired (even with ``force``: renew the card), while the card is blocked
    or its holder has left (``renew_patron_blocked`` / ``renew_patron_inactive``), beyond the rule's
    renewals, when another patron waits for the record, when the borrower owes fines up to
    the amount that blocks loans (``renew_has_fines``, as a new loan would be refused), or
    when renewing would not move the due date (the day it was lent, a fixed due date): no
    renewal is used up then. ``force`` passes the block, renewals, hold and fines checks."""
    _, now, today = ctx.now()
    loan = open_loan_of_item(conn, item.id)
    if loan is None:
        raise refuse("not_on_loan", item=item, **_item_params(item))
    patron = patron_by_id(conn, loan.patron_id) if loan.patron_id else None
    category = patron.category if patron else "student"
    rule = ctx.rules.rule_for(category, item.item_type)
    if not force and patron is not None and patron.status != "active":
        code = "renew_patron_blocked" if patron.status == "blocked" else "renew_patron_inactive"
        raise refuse(code, patron=patron, item=item, loan=loan, offers=("force",),
                     name=patron.full_name, **_item_params(item))
    if patron is not None and patron.card_expired(today):  # returns still work; renewals wait
        raise refuse("renew_card_expired", patron=patron, item=item, loan=loan,
                     name=patron.full_name, until=display_date(patron.expires_on or ""),
                     **_item_params(item))
    if not force and loan.renewals >= rule.renewals:
        raise refuse("renew_limit", patron=patron, item=item, loan=loan, renewals=loan.renewals,
                     max=rule.renewals, **_item_params(item))
    if not force and holdq.next_waiting(conn, item.record_id, exclude_patron=loan.patron_id):
        raise refuse("renew_on_hold", patron=patron, item=item, loan=loan, **_item_params(item))
    if not force and patron is not None:
        _check_fines(ctx, conn, patron, item, loan)
    due = ctx.calendar.open_days(today).next_open(rule.due_date(today))
    if due <= date.fromisoformat(loan.due):  # renewed the day it was lent, or a fixed date
        raise refuse("renew_no_change", patron=patron, item=item, loan=loan,
                     due=display_date(date.fromisoformat(loan.due)), **_item_params(item))
    # An overdue loan pays for the days late so far: the renewed loan starts clean.
    fine = finesmod.assess(ctx, conn, loan, patron, item, today)
    conn.execute("UPDATE loans SET due_on = ?, renewals = renewals + 1, updated_at = ? "
                 "WHERE id = ?", (due.isoformat(), now, loan.id))
    _write_loan_change(conn, loan.id, "update")
    loan = LoanRef(loan.id, loan.uuid, loan.item_id, loan.patron_id, loan.loaned_at,
                   due.isoformat(), None, loan.renewals + 1, loan.class_loan_id, None)
    params = {"due": display_date(due), "late": _late_text(0, fine) if fine else "",
              **_item_params(item)}
    return DeskResult(True, "renewed", params, patron, item, loan, fine=fine)


def mark_lost(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef) -> DeskResult:
    """Record *item* as lost; an open loan closes with outcome ``lost`` (the borrower stays on
    it, so the loss can be followed up, and is charged for it where the library says so), and
    a hold it was kept for goes back to waiting."""
    _, now, today = ctx.now()
    loan = open_loan_of_item(conn, item.id)
    patron = None
    if loan is not None:
        patron = patron_by_id(conn, loan.patron_id) if loan.patron_id else None
        loan = _close_loan(ctx, conn, loan, now, "lost")
    if item.status == "on_hold_shelf":
        holdq.release_item(conn, item.id, now)
    item = itemstate.set_status(conn, item, "lost", now)
    charge = finesmod.charge_lost(ctx, conn, loan, patron, item, today) if loan else None
    params = {"who": Phrase(LOST_BY, {"name": patron.full_name}) if patron else "",
              "charge": Phrase(LOST_CHARGED, {"amount": charge.amount_text}) if charge else "",
              **_item_params(item)}
    return DeskResult(True, "marked_lost", params, patron, item, loan, fine=charge)


def mark_damaged(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef) -> DeskResult:
    """Record *item* as damaged (returned damaged when it was on loan)."""
    _, now, _today = ctx.now()
    loan = open_loan_of_item(conn, item.id)
    patron = None
    if loan is not None:
        patron = patron_by_id(conn, loan.patron_id) if loan.patron_id else None
        loan = _close_loan(ctx, conn, loan, now, "damaged")
    if item.status == "on_hold_shelf":
        holdq.release_item(conn, item.id, now)
    item = itemstate.set_status(conn, item, "damaged", now)
    return DeskResult(True, "marked_damaged", _item_params(item), patron, item, loan)


def mark_found(ctx: CircContext, conn: sqlite3.Connection, item: ItemRef) -> DeskResult:
    """A lost (or repaired damaged) copy is back: to the hold shelf or available."""
    _, now, today = ctx.now()
    if item.status not in ("lost", "damaged"):
        raise refuse("not_on_loan", item=item, **_item_params(item))
    charge, waived_now = (finesmod.cancel_lost(ctx, conn, item, today)
                          if item.status == "lost" else (None, False))
    said = _charge_after_found(charge, waived_now)
    item, hold = _shelve(ctx, conn, item, now, today)
    if hold is not None:
        params = {"holder": _holder_label(hold.patron),
                  "until": display_date(hold.ready_until or today.isoformat()),
                  **_item_params(item)}
        return DeskResult(True, "checked_in_hold", dict(params, late=said), None, item, None,
                          hold, fine=charge)
    return DeskResult(True, "found", dict(_item_params(item), charge=said), None, item,
                      fine=charge)


def _charge_after_found(charge: finesmod.Fine | None, waived_now: bool) -> Phrase | str:
    """What to say about the lost-book charge of a copy that turned up."""
    if charge is not None and waived_now:
        cancelled = finesmod.format_dong(charge.amount - charge.paid)
        if charge.paid:  # part of it was paid: the rest is cancelled, the part is the reader's
            return Phrase(LOST_CHARGE_CANCELLED_PART, {"amount": cancelled,
                                                       "paid": finesmod.format_dong(charge.paid)})
        return Phrase(LOST_CHARGE_CANCELLED, {"amount": cancelled})
    if charge is not None and charge.status == "paid":
        return Phrase(LOST_CHARGE_PAID, {"amount": charge.amount_text})
    return ""


def detach_patron(conn: sqlite3.Connection, patron_id: int) -> int:
    """Unlink a patron's closed loans before the patron row is erased (anonymisation).

    The loans keep their snapshot (patron category, class, grade, item type) for the
    registers and statistics. Returns how many loans were detached. Runs inside the
    caller's transaction (the patrons service's anonymisation) and writes outbox rows.
    """
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM loans WHERE patron_id = ? AND returned_at IS NOT NULL", (patron_id,))]
    for loan_id in ids:
        conn.execute("UPDATE loans SET patron_id = NULL, updated_at = strftime("
                     "'%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", (loan_id,))
        _write_loan_change(conn, loan_id, "update")
    return len(ids)
