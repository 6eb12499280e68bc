"""Fine commands: ``fines [list] [--patron CARD] [--outstanding]``, ``fines show ID``,
``fines pay ID [AMOUNT]`` (a part, or all that is still owed), ``fines waive ID --reason
TEXT``, ``fines received [--from DAY] [--to DAY]`` (the money received, by day),
``fines receipt --patron CARD [--pdf FILE]`` (the receipt of the reader's last payment),
``fines block [AMOUNT]`` and ``fines lost-charge [PERCENT]``.

Exit codes: 0 done; 2 a user error (unknown fine or patron, a fine already settled, a waive
without a reason...), one line, no traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.circulation.clock import display_date
from app.circulation.fines import Fine, Payment, format_dong, parse_dong
from app.cli._common import (
    add_json_flag,
    file_problem,
    number,
    open_library,
    output_file,
    phrase,
    print_json,
)
from app.cli.patrons import find_patron
from app.errors import ValidationError
from app.i18n import Text
from app.library import Library
from app.reports.period import Period

NO_FINES = Text("Không có khoản phạt nào.", "No fines.")
FINE_LINE = Text(
    "#{id}  {date}  {card} {name}  {barcode} “{title}” — quá hạn {days} ngày × {per_day} = "
    "{amount}  [{status}]{extra}",
    "#{id}  {date}  {card} {name}  {barcode} “{title}” — {days} day(s) late × {per_day} = "
    "{amount}  [{status}]{extra}")
LOST_LINE = Text(
    "#{id}  {date}  {card} {name}  {barcode} “{title}” — đền sách mất: {amount}  "
    "[{status}]{extra}",
    "#{id}  {date}  {card} {name}  {barcode} “{title}” — lost book: {amount}  "
    "[{status}]{extra}")
LOST_OFF = Text("Không thu tiền đền khi ghi mất sách.",
                "Marking a copy lost charges its borrower nothing.")
LOST_AT = Text("Ghi mất sách đang mượn: bạn đọc đền {percent} % giá sách.",
               "A copy on loan marked lost costs its borrower {percent} % of its price.")
TOTAL = Text("Chưa nộp: {amount} ({count} khoản).", "Outstanding: {amount} ({count} fine(s)).")
SETTLED = Text("Khoản phạt #{id} ({amount}): {status}.", "Fine #{id} ({amount}): {status}.")
PAID_PART = Text("Khoản phạt #{id} ({amount}): đã thu {received} — đã nộp {paid}, còn nợ {owed}.",
                 "Fine #{id} ({amount}): received {received} — {paid} paid so far, {owed} "
                 "still owed.")
WAIVED_AFTER = Text(" — đã nộp {paid} trước khi miễn", " — {paid} paid before the waive")
PART_EXTRA = Text(" — đã nộp {paid}, còn nợ {owed}", " — {paid} paid, {owed} still owed")
PAYMENT_LINE = Text("  {date}  đã thu {amount}{who}", "  {date}  received {amount}{who}")
PAID_SO_FAR = Text("Đã nộp: {paid}. Còn nợ: {owed}.", "Paid: {paid}. Still owed: {owed}.")
RECEIVED_LINE = Text("{date}  #{id}  {card} {name}  {barcode} “{title}”  {amount}{who}",
                     "{date}  #{id}  {card} {name}  {barcode} “{title}”  {amount}{who}")
RECEIVED_TOTAL = Text("Đã thu: {amount} ({count} lần nộp).",
                      "Received: {amount} ({count} payment(s)).")
NOTHING_RECEIVED = Text("Không thu khoản nào.", "Nothing received.")
NEED_PATRON = Text("Phiếu thu của ai? Thêm --patron THẺ_BẠN_ĐỌC.",
                   "Whose receipt? Add --patron CARD.")
NO_PAYMENT = Text("{name} chưa nộp khoản nào.", "{name} has paid nothing yet.")
RECEIPT_WROTE = Text("Đã ghi phiếu thu vào {file}.", "Wrote the receipt to {file}.")
BLOCK_OFF = Text("Tiền phạt chưa nộp không chặn mượn sách.",
                 "Outstanding fines never block new loans.")
BLOCK_AT = Text("Bạn đọc nợ phạt từ {amount} trở lên không được mượn thêm.",
                "Patrons owing {amount} or more in fines may not borrow.")
BAD_AMOUNT = Text("“{value}” không phải là một số tiền rõ ràng (đồng, ví dụ 10.000 hoặc 10k).",
                  "“{value}” is not a clear amount of đồng (e.g. 10.000 or 10k).")
NEED_ID = Text("Hãy cho số của khoản phạt, ví dụ: thuvien fines {action} 12.",
               "Give the fine's number, e.g. thuvien fines {action} 12.")


def register(subparsers: Any) -> None:
    """Add ``fines``."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "fines", help=phrase(
            "tiền phạt và tiền đền sách: xem, thu, miễn, chặn mượn, mức đền",
            "fines and lost-book charges: list, pay, waive, block loans, lost charge"))
    p.add_argument("action", nargs="?", default="list",
                   choices=["list", "show", "pay", "waive", "received", "receipt", "block",
                            "lost-charge"],
                   help=phrase(
                       "list = xem (mặc định), show = một khoản và các lần nộp, pay = thu (cả "
                       "hoặc một phần), waive = miễn, received = tiền đã thu theo ngày, "
                       "receipt = phiếu thu lần nộp gần nhất của bạn đọc, block = mức nợ chặn "
                       "mượn, lost-charge = mức đền sách mất",
                       "list (the default), show (one fine and its payments), pay (all or a "
                       "part), waive, received (money received, by day), receipt (of the "
                       "reader's last payment), block (debt that stops loans), lost-charge "
                       "(charge for a lost book)"))
    p.add_argument("values", nargs="*", help=phrase(
        "show/waive: SỐ_PHIẾU_PHẠT; pay: SỐ_PHIẾU_PHẠT [SỐ_TIỀN nộp lần này, mặc định: tất cả "
        "số còn nợ]; block: SỐ_TIỀN (đồng; 0 = tắt); lost-charge: PHẦN_TRĂM giá sách (0 = tắt)",
        "show/waive: FINE_ID; pay: FINE_ID [AMOUNT paid now, default: all still owed]; block: "
        "AMOUNT in đồng (0 = off); lost-charge: PERCENT of the price (0 = off)"))
    p.add_argument("--patron", help=phrase("thẻ bạn đọc, mã học sinh hoặc số id",
                                                "card, student code or id"))
    p.add_argument("--outstanding", action="store_true", help=phrase(
        "chỉ các khoản chưa nộp", "only fines not yet paid"))
    p.add_argument("--reason", help=phrase(
        "lý do miễn (bắt buộc khi miễn)", "why the fine is waived (required for waive)"))
    p.add_argument("--by", help=phrase(
        "người thu tiền hoặc quyết định miễn (mặc định: tên đăng nhập)",
        "who took the money or decided the waive (default: login name)"))
    p.add_argument("--from", dest="start", metavar=phrase("NGÀY", "DATE"), help=phrase(
        "received: từ ngày (ngày/tháng/năm)", "received: from (day/month/year)"))
    p.add_argument("--to", dest="end", metavar=phrase("NGÀY", "DATE"), help=phrase(
        "received: đến ngày (ngày/tháng/năm)", "received: to (day/month/year)"))
    p.add_argument("--pdf", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "receipt: ghi phiếu thu vào tệp PDF này", "receipt: write the receipt to this PDF"))
    add_json_flag(p)
    p.set_defaults(handler=fines)


def dong(text: str) -> int:
    """An amount in đồng typed the Vietnamese way or not ("5.000", "5000 đ", "5,000", "5k"); a
    :class:`ValidationError` in words for anything that is no whole number of đồng or could be
    read two ways ("1.5", "10.00").

    >>> dong("5.000"), dong("5000 đ"), dong("0"), dong("99.999.999.999 đ"), dong("10k")
    (5000, 5000, 0, 99999999999, 10000)
    """
    amount = parse_dong(text)
    if amount is None:
        raise ValidationError("cli.bad_amount", BAD_AMOUNT, value=text.strip())
    return amount


def _setting(args: argparse.Namespace, key: str, write: Callable[[int], None],
             read: Callable[[], int], said: Callable[[int], str], off: Text) -> int:
    """Set a fine setting from the command's value (if given), then print it."""
    if args.values:
        typed = " ".join(args.values)  # "1 000 000" unquoted reaches us as three values
        write(dong(typed) if key == "block_at" else number(typed.removesuffix("%")))
    value = read()
    if args.json:
        print_json({key: value})
    else:
        print(said(value) if value else off())
    return 0


def fines(args: argparse.Namespace) -> int:
    """``thuvien fines …``."""
    with open_library(args) as lib:
        service = lib.circulation.fines
        if args.action == "block":
            return _setting(args, "block_at", service.set_block_at, service.block_at,
                            lambda amount: BLOCK_AT(amount=format_dong(amount)), BLOCK_OFF)
        if args.action == "lost-charge":
            return _setting(args, "lost_charge_percent", service.set_lost_charge_percent,
                            service.lost_charge_percent,
                            lambda percent: LOST_AT(percent=percent), LOST_OFF)
        if args.action == "receipt":
            return _receipt(lib, args)
        if args.action == "received":
            period = Period.read(args.start, args.end)
            return _print_received(service.received(period.start, period.end), period,
                                   args.json)
        if args.action in ("pay", "waive", "show"):
            if not args.values:
                raise ValidationError("cli.need_id", NEED_ID, action=args.action)
            fine_id = number(args.values[0])
            if args.action == "show":
                return _print_one(service.get(fine_id), service.payments(fine_id), args.json)
            if args.action == "pay":
                before = service.get(fine_id).paid
                amount = dong(" ".join(args.values[1:])) if len(args.values) > 1 else None
                fine = service.pay(fine_id, amount, by=args.by)
            else:
                before, fine = 0, service.waive(fine_id, args.reason or "", by=args.by)
            if args.json:
                print_json({"fine": fine.to_dict()})
            elif fine.status == "outstanding":
                print(PAID_PART(id=fine.id, amount=fine.amount_text,
                                received=format_dong(fine.paid - before),
                                paid=format_dong(fine.paid), owed=format_dong(fine.owed)))
            else:
                print(SETTLED(id=fine.id, amount=fine.amount_text, status=fine.status_text))
            return 0
        patron_id = find_patron(lib, args.patron).id if args.patron else None
        found = service.find(patron_id, outstanding=args.outstanding)
    return _print(found, args.json)


def _line(f: Fine) -> str:
    """One fine on one line, with what was paid and is owed when it is partly paid."""
    line = LOST_LINE if f.kind == "lost" else FINE_LINE
    extra = ""
    if f.partly_paid:
        extra = PART_EXTRA(paid=format_dong(f.paid), owed=format_dong(f.owed))
    elif f.status == "waived" and f.paid:  # the rest waived: what came in stays received
        extra = WAIVED_AFTER(paid=format_dong(f.paid))
    return line(id=f.id, date=display_date(f.assessed_on), card=f.patron_card or "",
                name=f.patron_name or "", barcode=f.barcode, title=f.title,
                days=f.days_late, per_day=format_dong(f.per_day), amount=f.amount_text,
                status=f.status_text, extra=extra + (f" — {f.reason}" if f.reason else ""))


def _who(payment: Payment) -> str:
    return f" ({payment.received_by})" if payment.received_by else ""


def _print_one(fine: Fine, payments: list[Payment], as_json: bool) -> int:
    """``fines show ID``: the fine, each sum received for it, what is paid and owed."""
    if as_json:
        print_json({"fine": fine.to_dict(), "payments": [p.to_dict() for p in payments]})
        return 0
    print(_line(fine))
    for payment in payments:
        print(PAYMENT_LINE(date=display_date(payment.day), amount=payment.amount_text,
                           who=_who(payment)))
    print(PAID_SO_FAR(paid=format_dong(fine.paid), owed=format_dong(fine.owed)))
    return 0


def _receipt(lib: Library, args: argparse.Namespace) -> int:
    """``fines receipt --patron CARD [--pdf FILE]``: the reader's last payment, what they
    still owe, and the printable receipt of it."""
    if not args.patron:
        raise ValidationError("cli.need_patron", NEED_PATRON)
    if args.pdf:
        output_file(args.pdf, "phieu-thu.pdf")
    patron = find_patron(lib, args.patron)
    service = lib.circulation.fines
    paid: list[Payment] = service.last_payments(patron.id)
    if not paid:
        raise ValidationError("fine.no_payment", NO_PAYMENT, name=patron.full_name)
    owed: int = service.outstanding(patron.id)[0]
    if args.pdf:
        from app.circulation.documents import write_pdf
        from app.circulation.receipt import receipt_document
        from app.labels.selection import library_name

        document = receipt_document(paid, owed, library_name(lib), lib.circulation.today())
        try:
            write_pdf(args.pdf, document)
        except OSError as exc:
            raise file_problem(exc, args.pdf) from exc
    if args.json:
        print_json({"payments": [p.to_dict() for p in paid], "received":
                    sum(p.amount for p in paid), "owed": owed})
        return 0
    for payment in paid:
        print(RECEIVED_LINE(date=display_date(payment.day), id=payment.fine_id,
                            card=payment.patron_card or "", name=payment.patron_name or "",
                            barcode=payment.barcode, title=payment.title,
                            amount=payment.amount_text, who=_who(payment)))
    print(PAID_SO_FAR(paid=format_dong(sum(p.amount for p in paid)), owed=format_dong(owed)))
    if args.pdf:
        print(RECEIPT_WROTE(file=str(args.pdf)))
    return 0


def _print_received(payments: list[Payment], period: Period, as_json: bool) -> int:
    """``fines received``: the money received in the period, by day, and its total."""
    total = sum(p.amount for p in payments)
    if as_json:
        print_json({"period": period.to_dict(), "payments": [p.to_dict() for p in payments],
                    "total": total, "count": len(payments)})
        return 0
    if period.label():
        print(period.label())
    if not payments:
        print(NOTHING_RECEIVED())
        return 0
    for p in payments:
        print(RECEIVED_LINE(date=display_date(p.day), id=p.fine_id, card=p.patron_card or "",
                            name=p.patron_name or "", barcode=p.barcode, title=p.title,
                            amount=p.amount_text, who=_who(p)))
    print(RECEIVED_TOTAL(amount=format_dong(total), count=len(payments)))
    return 0


def _print(found: list[Fine], as_json: bool) -> int:
    owed = [f for f in found if f.status == "outstanding"]
    total = sum(f.owed for f in owed)
    if as_json:
        print_json({"fines": [f.to_dict() for f in found], "outstanding_total": total,
                    "outstanding_count": len(owed)})
        return 0
    if not found:
        print(NO_FINES())
        return 0
    for f in found:
        print(_line(f))
    print(TOTAL(amount=format_dong(total), count=len(owed)))
    return 0
