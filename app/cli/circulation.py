"""Circulation commands: ``scan``, ``checkout``, ``checkin``, ``renew``, ``hold``, ``overdue``,
``desk-mode``, ``loan-slip``, ``closed-days``, ``loan-rules``, ``class-loan``, ``item``
(a copy lost, damaged or found).

Exit codes: 0 done; 1 the library refused (a normal answer — the message or JSON says why,
with a machine ``code``); 2 a user error (bad arguments, unknown database...).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from app.catalog.copies import status_words
from app.catalog.isbn import to_isbn13
from app.circulation import DeskResult
from app.circulation.classloans import ClassLoanReport
from app.circulation.clock import display_date
from app.circulation.codes import normalise
from app.circulation.documents import letters_pdf, slip_pdf
from app.circulation.fines import format_dong
from app.circulation.rules import CATEGORY_NAMES, ITEM_TYPE_NAMES, LoanRule
from app.circulation.usage import VISIT_GROUP_NAMES
from app.cli._common import (
    add_json_flag,
    as_id,
    number,
    open_library,
    output_file,
    phrase,
    print_json,
)
from app.cli.fines import dong
from app.dates import display_fixed_due, parse_day, parse_fixed_due
from app.errors import ValidationError
from app.i18n import Text
from app.library import Library

NO_OVERDUE = Text("Không có sách quá hạn.", "Nothing is overdue.")
OVERDUE_LINE = Text("  {barcode}  {title} — hạn {due}, quá {days} ngày",
                    "  {barcode}  {title} — due {due}, {days} days late")
WROTE = Text("Đã ghi {file}.", "Wrote {file}.")
WEEKDAY_NAMES = (Text("thứ Hai", "Monday"), Text("thứ Ba", "Tuesday"), Text("thứ Tư", "Wednesday"),
                 Text("thứ Năm", "Thursday"), Text("thứ Sáu", "Friday"),
                 Text("thứ Bảy", "Saturday"), Text("Chủ nhật", "Sunday"))
CLOSED_WEEKDAYS = Text("Nghỉ hằng tuần: {days}", "Closed every week: {days}")
NO_WEEKLY_CLOSING = Text("không", "none")
RULE_LINE = Text(
    "{category} · {item_type}: {lending}, tối đa {max_items}, gia hạn {renewals} lần, "
    "đặt trước: {holds}, phạt {fine}/ngày",
    "{category} · {item_type}: {lending}, at most {max_items}, {renewals} renewal(s), "
    "holds: {holds}, fine {fine}/day")
LEND_DAYS = Text("mượn {days} ngày", "lent for {days} days")
LEND_UNTIL = Text("hạn trả {due}", "due {due}")
LEND_UNTIL_YEARLY = Text("hạn trả {due} hằng năm", "due {due} every year")
NOT_LENT = Text("chỉ đọc tại chỗ", "reference only")
YES, NO = Text("có", "yes"), Text("không", "no")
NO_RECORD = Text("Không tìm thấy biểu ghi “{key}”.", "No record “{key}”.")
SESSION_LINE = Text("Đợt {id}: lớp {class_name}, {count} đầu sách, hạn trả {due} — {status}",
                    "Loan {id}: class {class_name}, {count} title(s), due {due} — {status}")
SESSION_OPEN, SESSION_CLOSED = Text("đang mượn", "open"), Text("đã kết thúc", "closed")
NO_SESSIONS = Text("Chưa có đợt mượn lớp nào.", "No class loans yet.")
SESSION_STARTED = Text(
    "Đã mở đợt mượn lớp số {id} cho lớp {class_name}: {count} đầu sách, hạn trả {due}. "
    "Tiếp theo: thuvien class-loan auto {id}",
    "Opened class loan {id} for class {class_name}: {count} title(s), due {due}. "
    "Next: thuvien class-loan auto {id}")
REPORT_HEAD = Text("Lớp {class_name}, hạn trả {due}: còn thiếu {missing} bản.",
                   "Class {class_name}, due {due}: {missing} copy(ies) still out.")
REPORT_CLOSED = Text("Đợt mượn đã kết thúc.", "The class loan is closed.")
REPORT_STUDENT = Text("{name} ({card}): đã trả {returned}/{lent}",
                      "{name} ({card}): returned {returned} of {lent}")
REPORT_MISSING = Text("  còn thiếu: {barcode}  {title}", "  still out: {barcode}  {title}")
REPORT_NOT_LENT = Text("  chưa nhận: {title}", "  not handed out: {title}")
USAGE_HEAD = Text("Từ {start} đến {end}: {visits} lượt bạn đọc, {readings} lượt đọc tại chỗ.",
                  "{start} to {end}: {visits} visit(s), {readings} in-library reading(s).")
USAGE_VISIT = Text("lượt bạn đọc ({group})", "visits ({group})")
USAGE_READING = Text("đọc tại chỗ ({group})", "read here ({group})")
BAD_DATE = Text("Ngày không hợp lệ: {value} (ngày/tháng/năm, ví dụ 31/05/2026).",
                "Invalid date: {value} (day/month/year, e.g. 31/05/2026).")


def register(subparsers: Any) -> None:
    """Add the circulation subcommands."""
    def add(name: str, vi: str, en: str, handler: Any) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = subparsers.add_parser(name, help=phrase(vi, en))
        p.set_defaults(handler=handler)
        return p

    patron_help = phrase("thẻ bạn đọc, mã học sinh hoặc số id", "card, student code or id")
    item_help = phrase("số đăng ký cá biệt (mã vạch)", "accession number (barcode)")
    force_help = phrase("bỏ qua kiểm tra hạn mức / quá hạn", "pass the limit/overdue checks")

    p = add("scan", "quét ở quầy: thẻ chọn bạn đọc, sách thì cho mượn hoặc nhận trả",
            "desk scan: a card selects the patron, a copy is lent or returned", scan)
    p.add_argument("code", metavar=phrase("MÃ", "CODE"), help=phrase(
        "mã vừa quét (thẻ bạn đọc hoặc số ĐKCB)", "the code scanned (a card or an accession number)"))
    add_json_flag(p)
    p = add("checkout", "cho bạn đọc mượn một bản sách", "lend a copy to a patron", checkout)
    p.add_argument("patron", metavar=phrase("BẠN_ĐỌC", "PATRON"), help=patron_help)
    p.add_argument("item", metavar=phrase("SỐ_ĐKCB", "ITEM"), help=item_help)
    p.add_argument("--force", action="store_true", help=force_help)
    add_json_flag(p)
    p = add("checkin", "nhận trả một bản sách", "take a copy back", checkin)
    p.add_argument("item", metavar=phrase("SỐ_ĐKCB", "ITEM"), help=item_help)
    add_json_flag(p)
    p = add("renew", "gia hạn một lượt mượn", "renew a loan", renew)
    p.add_argument("item", metavar=phrase("SỐ_ĐKCB", "ITEM"), help=item_help)
    p.add_argument("--force", action="store_true", help=phrase(
        "gia hạn cả khi đã hết lượt gia hạn, sách có người đặt hoặc bạn đọc nợ tiền phạt "
        "đến mức chặn mượn",
        "renew even past the renewal limit, with a hold waiting or when the reader owes "
        "fines up to the amount that blocks loans"))
    add_json_flag(p)
    p = add("item", "báo mất, hỏng hoặc tìm lại một bản sách",
            "a copy is lost, damaged, or found again", item_status)
    p.add_argument("action", choices=["lost", "damaged", "found"], help=phrase(
        "lost = mất, damaged = hỏng, found = tìm lại", "lost, damaged or found"))
    p.add_argument("item", metavar=phrase("SỐ_ĐKCB", "ITEM"), help=item_help)
    add_json_flag(p)
    p = add("hold", "đặt trước một đầu sách cho bạn đọc", "place a hold on a record for a patron",
            hold)
    p.add_argument("patron", metavar=phrase("BẠN_ĐỌC", "PATRON"), help=patron_help)
    p.add_argument("record", metavar=phrase("BIỂU_GHI", "RECORD"), help=phrase(
        "số id biểu ghi, ISBN, hoặc số ĐKCB của một bản sách",
        "record id, ISBN, or the barcode of one of its copies"))
    add_json_flag(p)
    p = add("overdue", "danh sách sách quá hạn (theo lớp)", "list overdue loans (by class)", overdue)
    add_json_flag(p)
    p.add_argument("--pdf", type=Path, help=phrase(
        "ghi giấy báo quá hạn theo lớp vào tệp PDF này",
        "write overdue letters by class to this PDF"))
    p = add("desk-mode", "xem hoặc đặt chế độ quầy", "show or set the desk mode", desk_mode)
    p.add_argument("mode", nargs="?", choices=["auto", "checkout", "checkin", "reading"],
                   help=phrase("auto = tự nhận biết, checkout = chỉ cho mượn, checkin = chỉ "
                               "nhận trả, reading = đếm lượt đọc tại chỗ",
                               "auto, checkout only, checkin only, or reading (count "
                               "in-library reading)"))
    p = add("usage", "phiếu thống kê lượt đọc: lượt bạn đọc đến và lượt đọc tại chỗ theo ngày",
            "reading-room tally: visits and in-library readings per day", usage_tally)
    p.add_argument("--from", dest="start", help=phrase(
        "từ ngày dd/mm/yyyy (mặc định: đầu tháng này)",
        "from dd/mm/yyyy (default: the first of this month)"))
    p.add_argument("--to", dest="end", help=phrase("đến ngày dd/mm/yyyy (mặc định: hôm nay)",
                                                   "to dd/mm/yyyy (default: today)"))
    add_json_flag(p)
    p = add("walk-in", "đếm lượt khách đến thư viện không có thẻ bạn đọc",
            "count visitors who have no library card", walk_in)
    p.add_argument("count", nargs="?", type=int, default=1, metavar=phrase("SỐ_LƯỢT", "COUNT"),
                   help=phrase("số lượt (mặc định 1)", "how many (default 1)"))
    add_json_flag(p)
    p = add("loan-slip", "phiếu sách đang mượn của bạn đọc (JSON hoặc PDF)",
            "what a patron has on loan (JSON or PDF)", loan_slip)
    p.add_argument("patron", metavar=phrase("BẠN_ĐỌC", "PATRON"), help=patron_help)
    add_json_flag(p)
    p.add_argument("--pdf", type=Path, help=phrase("ghi phiếu vào tệp PDF này",
                                                   "write the slip to this PDF"))
    p = add("closed-days", "lịch thư viện: ngày nghỉ và ngày nghỉ hằng tuần",
            "the library calendar: closed periods and weekly closed days", closed_days)
    p.add_argument("action", choices=["list", "add", "remove", "weekdays"], help=phrase(
        "list = xem, add = thêm ngày nghỉ, remove = bỏ, weekdays = ngày nghỉ hằng tuần",
        "list, add a closed period, remove one, or set the weekly closed days"))
    p.add_argument("values", nargs="*", help=phrase(
        "add: TỪ_NGÀY [ĐẾN_NGÀY]; remove: ID; weekdays: 5 6 (0 = thứ Hai … 5 = thứ Bảy, "
        "6 = Chủ nhật)",
        "add: START [END]; remove: ID; weekdays: 5 6 (0 = Monday … 6 = Sunday)"))
    p.add_argument("--label", default="", help=phrase("tên đợt nghỉ, ví dụ Tết Nguyên đán",
                                                      "name of the closed period"))
    add_json_flag(p)
    p = add("loan-rules", "xem hoặc đặt quy định mượn", "list or set the loan rule matrix",
            loan_rules)
    p.add_argument("action", choices=["list", "set", "reset"], help=phrase(
        "list = xem, set = đặt một quy định, reset = trở về quy định mặc định",
        "list, set one rule, or reset to the default rules"))
    p.add_argument("category", nargs="?", default="*", help=phrase(
        "loại bạn đọc (* = mọi loại)", "patron category (* = any)"))
    p.add_argument("item_type", nargs="?", default="*", help=phrase(
        "loại tài liệu (* = mọi loại)", "item type (* = any)"))
    p.add_argument("--days", type=int, help=phrase("số ngày mượn", "loan period in days"))
    p.add_argument("--fixed-due", help=phrase("31/05 (hằng năm) hoặc 31/05/2026",
                                              "31/05 (every year) or 31/05/2026"))
    p.add_argument("--max", type=int, help=phrase("số bản được mượn cùng lúc",
                                                  "copies on loan at once"))
    p.add_argument("--renewals", type=int, help=phrase("số lần gia hạn", "renewals allowed"))
    p.add_argument("--holds", choices=["yes", "no"], help=phrase("cho đặt trước không",
                                                                 "holds allowed"))
    p.add_argument("--loanable", choices=["yes", "no"], help=phrase(
        "cho mượn về không (no = chỉ đọc tại chỗ)", "may be lent (no = reading room only)"))
    p.add_argument("--fine", help=phrase("tiền phạt mỗi ngày quá hạn (đồng)",
                                                   "fine per overdue day (đồng)"))
    add_json_flag(p)
    p = add("class-loan", "cho cả lớp mượn bộ sách giáo khoa / báo cáo sách đã trả",
            "lend a textbook set to a whole class / report what came back", class_loan)
    p.add_argument("action", choices=["start", "auto", "report", "close", "list"], help=phrase(
        "start = bắt đầu đợt mượn, auto = giao sách tự động, report = báo cáo, "
        "close = kết thúc, list = các đợt",
        "start a class loan, auto (hand out), report, close, or list them"))
    p.add_argument("values", nargs="*", help=phrase(
        "start: LỚP BIỂU_GHI...; auto/report/close: SỐ_ĐỢT",
        "start: CLASS RECORD...; auto/report/close: SESSION_ID"))
    p.add_argument("--due", help=phrase("hạn trả dd/mm/yyyy (mặc định: theo quy định sách giáo khoa)",
                                        "due date dd/mm/yyyy (default: the textbook rule)"))
    p.add_argument("--mark-lost", action="store_true", help=phrase(
        "close: ghi mất các bản chưa trả", "close: mark copies still out lost"))
    add_json_flag(p)


def _emit(result: DeskResult, as_json: bool) -> int:
    if as_json:
        print_json(result.to_dict())
    else:
        print(result.message, file=sys.stdout if result.ok else sys.stderr)
        for choice in result.choices:
            print(f"  {choice.barcode}  {status_words(choice.status)}  {choice.title}")
    return 0 if result.ok else 1


def scan(args: argparse.Namespace) -> int:
    """``thuvien scan CODE``."""
    with open_library(args) as lib:
        return _emit(lib.circulation.desk.scan(args.code), args.json)


def checkout(args: argparse.Namespace) -> int:
    """``thuvien checkout PATRON ITEM``."""
    with open_library(args) as lib:
        patron: int | str = _patron_key(args.patron)
        return _emit(lib.circulation.checkout(patron, args.item, force=args.force), args.json)


def checkin(args: argparse.Namespace) -> int:
    """``thuvien checkin ITEM``."""
    with open_library(args) as lib:
        return _emit(lib.circulation.checkin(args.item), args.json)


def renew(args: argparse.Namespace) -> int:
    """``thuvien renew ITEM``."""
    with open_library(args) as lib:
        return _emit(lib.circulation.renew(args.item, force=args.force), args.json)


def item_status(args: argparse.Namespace) -> int:
    """``thuvien item lost|damaged|found ITEM``: a lost copy on loan closes its loan (and
    charges its borrower where the library says so); a found copy goes back on the shelf."""
    with open_library(args) as lib:
        return _emit(lib.circulation.mark(args.action, args.item), args.json)


def _record_id(lib: Library, key: str) -> int:
    key = normalise(key)  # scanned with an AIM prefix, or typed in full-width digits
    isbn = to_isbn13(key)
    if isbn:
        row = lib.db.conn.execute("SELECT record_id FROM record_isbns WHERE isbn = ?",
                                  (isbn,)).fetchone()
        if row:
            return int(row[0])
    item = lib.catalog.item_by_barcode(key)
    if item is not None:
        return item.record_id
    record_id = as_id(key)
    if record_id is not None:
        return record_id
    raise ValidationError("circulation.no_record", NO_RECORD, key=key)


def _patron_key(key: str) -> int | str:
    """The card, student code or id to look up: the service tries them in that order, so a
    student code of digits only ("001213004567") is that student, not patron id 1213004567."""
    return key


def hold(args: argparse.Namespace) -> int:
    """``thuvien hold PATRON RECORD``."""
    with open_library(args) as lib:
        patron: int | str = _patron_key(args.patron)
        return _emit(lib.circulation.place_hold(patron, _record_id(lib, args.record)), args.json)


def overdue(args: argparse.Namespace) -> int:
    """``thuvien overdue``: patrons with overdue loans, by class."""
    if args.pdf:
        output_file(args.pdf)
    with open_library(args) as lib:
        circ = lib.circulation
        letters = circ.overdue_letters()
        if args.pdf:
            letters_pdf(args.pdf, letters, str(lib.settings.get("library_name", "Thư viện")),
                        circ.today())
        if args.json:
            print_json({"today": circ.today().isoformat(),
                        "classes": [letter.to_dict() for letter in letters]})
            return 0
        if not letters:
            print(NO_OVERDUE())
        for letter in letters:
            print(f"[{letter.class_name or '—'}]")
            for entry in letter.students:
                print(f" {entry.patron.full_name} ({entry.patron.card})")
                for line in entry.loans:
                    print(OVERDUE_LINE(barcode=line.barcode, title=line.title,
                                       due=display_date(line.due), days=line.days_overdue))
        if args.pdf:
            print(WROTE(file=str(args.pdf)))
        return 0


def usage_tally(args: argparse.Namespace) -> int:
    """``thuvien usage [--from D] [--to D] [--json]``: the reading-room tally per day."""
    with open_library(args) as lib:
        circ = lib.circulation
        end = _date(args.end) if args.end else circ.today()
        start = _date(args.start) if args.start else end.replace(day=1)
        counts = circ.usage_tally(start, end)
        visits = sum(c.count for c in counts if c.kind == "visit")
        readings = sum(c.count for c in counts if c.kind == "in_library")
        if args.json:
            print_json({"from": start.isoformat(), "to": end.isoformat(), "visits": visits,
                        "in_library": readings,
                        "days": [{"day": c.day, "kind": c.kind, "group": c.group,
                                  "count": c.count} for c in counts]})
            return 0
        print(USAGE_HEAD(start=display_date(start.isoformat()),
                         end=display_date(end.isoformat()), visits=visits, readings=readings))
        for c in counts:
            kind, names = ((USAGE_VISIT, VISIT_GROUP_NAMES) if c.kind == "visit"
                           else (USAGE_READING, ITEM_TYPE_NAMES))
            word = names.get(c.group or "")
            group = word() if word is not None else (c.group or "—")
            print(f"  {display_date(c.day)}  {kind(group=group.lower())}: {c.count}")
        return 0


def walk_in(args: argparse.Namespace) -> int:
    """``thuvien walk-in [COUNT] [--json]``: visits by readers without a card."""
    with open_library(args) as lib:
        return _emit(lib.circulation.record_walk_ins(args.count), args.json)


def desk_mode(args: argparse.Namespace) -> int:
    """``thuvien desk-mode [auto|checkout|checkin|reading]``."""
    with open_library(args) as lib:
        desk = lib.circulation.desk
        if args.mode:
            print(desk.set_mode(args.mode).message)
        else:
            print(desk.mode())
        return 0


def loan_slip(args: argparse.Namespace) -> int:
    """``thuvien loan-slip PATRON [--pdf FILE]``."""
    if args.pdf:
        output_file(args.pdf)
    with open_library(args) as lib:
        patron: int | str = _patron_key(args.patron)
        slip = lib.circulation.open_loans(patron)
        if slip is None:
            return _emit(lib.circulation.checkout(patron, "", force=True), args.json)
        if args.pdf:
            slip_pdf(args.pdf, slip, str(lib.settings.get("library_name", "Thư viện")),
                     lib.circulation.today())
        if args.json:
            print_json(slip.to_dict())
        else:
            print(f"{slip.patron.full_name} ({slip.patron.class_name or ''}) {slip.patron.card}")
            for line in slip.loans:
                print(f"  {line.barcode}  {line.title} — {display_date(line.due)}")
            if args.pdf:
                print(WROTE(file=str(args.pdf)))
        return 0


def _fixed_due(value: str) -> str | None:
    """The stored form of a typed fixed due date; text that is not one is passed on for the
    rule's check to name."""
    try:
        return parse_fixed_due(value)
    except ValueError:
        return value


def _date(value: str) -> date:
    day = parse_day(value)
    if day is None:
        raise ValidationError("circulation.bad_date", BAD_DATE, value=value)
    return day


def closed_days(args: argparse.Namespace) -> int:
    """``thuvien closed-days list|add START [END]|remove ID|weekdays N...``."""
    with open_library(args) as lib:
        cal = lib.circulation.calendar
        if args.action == "add" and args.values:
            end = _date(args.values[1]) if len(args.values) > 1 else None
            cal.add_closed(_date(args.values[0]), end, args.label)
        elif args.action == "remove" and args.values:
            cal.remove_closed(number(args.values[0]))
        elif args.action == "weekdays" and args.values:
            cal.set_closed_weekdays([number(v) for v in args.values])
        periods = cal.periods()
        if args.json:
            print_json({"closed_weekdays": cal.closed_weekdays(),
                        "periods": [{"id": p.id, "start": p.start.isoformat(),
                                     "end": p.end.isoformat(), "label": p.label}
                                    for p in periods]})
        else:
            days = [WEEKDAY_NAMES[d]() for d in cal.closed_weekdays()]
            print(CLOSED_WEEKDAYS(days=", ".join(days) or NO_WEEKLY_CLOSING()))
            for p in periods:
                print(f"  {p.id}: {display_date(p.start)} – {display_date(p.end)}  {p.label}")
        return 0


def loan_rules(args: argparse.Namespace) -> int:
    """``thuvien loan-rules list|set CATEGORY TYPE [--days N ...]|reset``."""
    with open_library(args) as lib:
        rules = lib.circulation.rules
        if args.action == "reset":
            rules.reset_defaults()
        elif args.action == "set":
            current = rules.rule_for(args.category, args.item_type)
            rule = replace(current, category=args.category, item_type=args.item_type)
            changes: dict[str, Any] = {}
            if args.days is not None:
                changes.update(loan_days=args.days, fixed_due=None)
            if args.fixed_due is not None:
                changes.update(fixed_due=_fixed_due(args.fixed_due), loan_days=None)
            fine = None if args.fine is None else dong(args.fine)  # "2.000" đồng a day
            for name, value in (("max_items", args.max), ("renewals", args.renewals),
                                ("fine_per_day", fine)):
                if value is not None:
                    changes[name] = value
            if args.holds:
                changes["holds_allowed"] = args.holds == "yes"
            if args.loanable:
                changes["loanable"] = args.loanable == "yes"
            rules.set(replace(rule, **changes))
        all_rules = rules.all()
        if args.json:
            print_json({"rules": [r.to_dict() for r in all_rules]})
        else:
            for r in all_rules:
                _print_rule(r)
        return 0


def _print_rule(r: LoanRule) -> None:
    if not r.loanable:
        lending = NOT_LENT()
    elif r.fixed_due:
        lending = (LEND_UNTIL_YEARLY if r.fixed_due.startswith("--") else LEND_UNTIL)(
            due=display_fixed_due(r.fixed_due))
    else:
        lending = LEND_DAYS(days=r.loan_days)
    category, item_type = CATEGORY_NAMES.get(r.category), ITEM_TYPE_NAMES.get(r.item_type)
    print(RULE_LINE(category=category() if category else r.category,
                    item_type=item_type() if item_type else r.item_type, lending=lending,
                    max_items=r.max_items, renewals=r.renewals,
                    holds=(YES if r.holds_allowed else NO)(), fine=format_dong(r.fine_per_day)))


def class_loan(args: argparse.Namespace) -> int:
    """``thuvien class-loan start CLASS RECORD...|auto ID|report ID|close ID|list``."""
    with open_library(args) as lib:
        circ = lib.circulation
        if args.action == "list":
            sessions = circ.class_loans()
            if args.json:
                print_json({"sessions": [{"id": s.id, "class": s.class_name, "due": s.due,
                                          "status": s.status, "records": list(s.record_ids)}
                                         for s in sessions]})
                return 0
            if not sessions:
                print(NO_SESSIONS())
            for s in sessions:
                print(SESSION_LINE(id=s.id, class_name=s.class_name, count=len(s.record_ids),
                                   due=display_date(s.due), status=(
                                       SESSION_OPEN if s.status == "open" else SESSION_CLOSED)()))
            return 0
        if args.action == "start":
            if len(args.values) < 2:
                raise ValidationError("circulation.bad_args", NO_RECORD, key=" ".join(args.values))
            records = [_record_id(lib, v) for v in args.values[1:]]
            session = circ.start_class_loan(args.values[0], records,
                                            due=_date(args.due) if args.due else None)
            if args.json:
                print_json({"id": session.id, "class": session.class_name, "due": session.due,
                            "records": list(session.record_ids)})
            else:
                print(SESSION_STARTED(id=session.id, class_name=session.class_name,
                                      count=len(session.record_ids),
                                      due=display_date(session.due)))
            return 0
        session_id = number(args.values[0]) if args.values else 0
        if args.action == "auto":
            results = circ.class_loan_auto_assign(session_id)
            for res in results:
                if args.json:
                    print_json(res.to_dict())
                else:
                    print(("" if res.ok else "! ") + (res.patron.full_name + ": " if res.patron
                                                      else "") + res.message)
            return 0 if all(r.ok for r in results) else 1
        report = (circ.close_class_loan(session_id, mark_missing_lost=args.mark_lost)
                  if args.action == "close" else circ.class_loan_report(session_id))
        if args.json:
            print_json(report.to_dict())
        else:
            _print_class_report(report)
        return 0


def _print_class_report(report: ClassLoanReport) -> None:
    """What came back from a class loan, one student a line, what is still out under them."""
    print(REPORT_HEAD(class_name=report.session.class_name,
                      due=display_date(report.session.due), missing=report.missing_count))
    if report.session.status != "open":
        print(REPORT_CLOSED())
    for line in report.students:
        print(REPORT_STUDENT(name=line.patron.full_name, card=line.patron.card or "—",
                             returned=len(line.returned), lent=len(line.lent)))
        for barcode, title in line.missing:
            print(REPORT_MISSING(barcode=barcode, title=title))
        for title in line.not_lent:
            print(REPORT_NOT_LENT(title=title))
