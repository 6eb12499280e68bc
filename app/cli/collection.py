"""``thuvien stocktake start|scan|status|missing|close`` and ``thuvien writeoff`` /
``thuvien writeoffs``: the yearly stocktake (kiểm kê) and write-off records (biên bản
thanh lý) from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.circulation.clock import display_date
from app.circulation.fines import format_dong
from app.cli._common import add_json_flag, open_library, output_file, phrase, print_json
from app.collection.messages import REASONS, REFUSED
from app.collection.models import REASONS as REASON_CODES
from app.collection.models import CopyLine, Progress, StocktakeResult
from app.collection.stocktake import describe
from app.collection.writeoffs import WriteoffRefusal
from app.dates import parse_day
from app.errors import ValidationError
from app.i18n import Text

STARTED = Text("Đã bắt đầu: {what}.", "Started: {what}.")
STATUS = Text("{what}: cần kiểm {expected}, đã thấy {found}, đang cho mượn {on_loan}, "
              "còn thiếu {missing}.",
              "{what}: expected {expected}, found {found}, on loan {on_loan}, missing {missing}.")
STATUS_LINE = Text("  kho {collection}, vị trí {location}: cần {expected}, thấy {found}, "
                   "mượn {on_loan}, thiếu {missing}",
                   "  collection {collection}, location {location}: expected {expected}, "
                   "found {found}, on loan {on_loan}, missing {missing}")
MISSING_HEAD = Text("{count} bản chưa thấy (theo thứ tự trên giá):",
                    "{count} copies not found (in shelf order):")
CLOSED = Text("Đã kết thúc kiểm kê: cần {expected}, có {present}, đang mượn {on_loan}, thiếu "
              "{missing}; đánh dấu mất {lost}.",
              "Stocktake closed: expected {expected}, present {present}, on loan {on_loan}, "
              "missing {missing}; marked lost {lost}.")
MADE = Text("Đã lập biên bản {number} ngày {day} ({reason}): {copies} bản, trị giá {value}.",
            "Write-off record {number} of {day} ({reason}): {copies} copies, value {value}.")
WRITEOFF_LINE = Text("{day}  {number}  {reason}: {copies} bản, {value}",
                     "{day}  {number}  {reason}: {copies} copies, {value}")
NO_WRITEOFFS = Text("Chưa có biên bản thanh lý nào.", "No write-off record yet.")
BAD_DAY = Text("Ngày “{value}” không hợp lệ (ngày/tháng/năm, ví dụ 05/09/2025).",
               "The date “{value}” is not valid (day/month/year, e.g. 05/09/2025).")


def register(subparsers: Any) -> None:
    """Add the ``stocktake``, ``writeoff`` and ``writeoffs`` commands."""
    p = subparsers.add_parser("stocktake", help=phrase(
        "kiểm kê kho: bắt đầu, quét, xem tiến độ, danh sách thiếu, kết thúc",
        "stocktake: start, scan, progress, missing list, close"))
    steps = p.add_subparsers(dest="step", required=True, metavar=phrase("BƯỚC", "STEP"))
    start = steps.add_parser("start", help=phrase(
        "bắt đầu một đợt kiểm kê (mặc định toàn thư viện)",
        "start a stocktake (whole library by default)"))
    start.add_argument("--collection", action="append", default=[], help=phrase(
        "chỉ kiểm kho này (GK, TK…); nhắc lại được", "only this collection (GK, TK…); repeatable"))
    start.add_argument("--location", action="append", default=[], help=phrase(
        "chỉ kiểm vị trí này (giá, tủ); nhắc lại được", "only this location; repeatable"))
    start.set_defaults(handler=stocktake_start)
    scan = steps.add_parser("scan", help=phrase("ghi nhận các bản sách quét được",
                                                "account for scanned copies"))
    scan.add_argument("codes", nargs="+", metavar=phrase("MÃ", "CODE"), help=phrase(
        "số ĐKCB (hoặc ISBN của sách chỉ có một bản)",
        "accession number (or the ISBN of a title with one copy)"))
    add_json_flag(scan)
    scan.set_defaults(handler=stocktake_scan)
    status = steps.add_parser("status", help=phrase("tiến độ theo kho và vị trí",
                                                    "progress per collection and location"))
    add_json_flag(status)
    status.set_defaults(handler=stocktake_status)
    missing = steps.add_parser("missing", help=phrase(
        "danh sách bản chưa thấy, theo thứ tự trên giá", "copies not found, in shelf order"))
    add_json_flag(missing)
    missing.set_defaults(handler=stocktake_missing)
    close = steps.add_parser("close", help=phrase("kết thúc đợt kiểm kê", "close the stocktake"))
    close.add_argument("--mark-lost", action="store_true", help=phrase(
        "đánh dấu mất các bản còn thiếu (không có: để lại cho lần sau)",
        "mark the missing copies lost (without: leave them for next time)"))
    add_json_flag(close)
    close.set_defaults(handler=stocktake_close)

    w = subparsers.add_parser("writeoff", help=phrase(
        "lập biên bản thanh lý cho các bản sách", "make a write-off record for copies"))
    w.add_argument("--number", required=True, help=phrase("số biên bản", "the record's number"))
    w.add_argument("--reason", required=True, choices=REASON_CODES, help=phrase(
        "lý do: worn = rách nát, outdated = lạc hậu, lost = mất, other = khác",
        "reason: worn, outdated, lost, other"))
    w.add_argument("--date", help=phrase("ngày biên bản dd/mm/yyyy (mặc định hôm nay)",
                                         "the record's date dd/mm/yyyy (default today)"))
    w.add_argument("--approved-by", help=phrase("người duyệt", "approved by"))
    w.add_argument("--note", help=phrase("ghi chú", "note"))
    w.add_argument("codes", nargs="+", metavar=phrase("MÃ", "CODE"), help=phrase(
        "số ĐKCB của các bản thanh lý", "accession numbers of the copies"))
    add_json_flag(w)
    w.set_defaults(handler=writeoff_command)
    ws = subparsers.add_parser("writeoffs", help=phrase("các biên bản thanh lý đã lập",
                                                        "the write-off records made"))
    ws.add_argument("--out", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "ghi danh sách sách thanh lý của một biên bản (có chữ ký) ra tệp .pdf hoặc .xlsx",
        "write the list of copies of one record (with signatures) to a .pdf or .xlsx file"))
    ws.add_argument("--number", help=phrase("số biên bản của danh sách (mặc định: biên bản "
                                            "mới nhất)", "the record's number (default: the "
                                            "latest record)"))
    add_json_flag(ws)
    ws.set_defaults(handler=writeoffs_command)


def stocktake_start(args: argparse.Namespace) -> int:
    """``thuvien stocktake start [--collection C]... [--location L]...``."""
    with open_library(args) as lib:
        started = lib.collection.start_stocktake(args.collection, args.location)
    print(STARTED(what=describe(started)))
    return 0


def stocktake_scan(args: argparse.Namespace) -> int:
    """``thuvien stocktake scan CODE... [--json]``: one answer per code; exit 1 when any
    code was not counted."""
    with open_library(args) as lib:
        answers = [lib.collection.scan(code) for code in args.codes]
    if args.json:
        print_json([answer.to_dict() for answer in answers])
    else:
        for answer in answers:
            print(answer.message, file=sys.stdout if answer.counted else sys.stderr)
    return 0 if all(answer.counted for answer in answers) else 1


def _status_lines(progress: Progress) -> list[str]:
    lines = [STATUS(what=describe(progress.stocktake), expected=progress.expected,
                    found=progress.found, on_loan=progress.on_loan, missing=progress.missing)]
    lines += [STATUS_LINE(collection=line.collection or "–", location=line.location or "–",
                          expected=line.expected, found=line.found, on_loan=line.on_loan,
                          missing=line.missing) for line in progress.lines]
    return lines


def stocktake_status(args: argparse.Namespace) -> int:
    """``thuvien stocktake status [--json]``."""
    with open_library(args) as lib:
        progress = lib.collection.progress()
    if args.json:
        print_json(progress.to_dict())
    else:
        print("\n".join(_status_lines(progress)))
    return 0


def copy_text(copy: CopyLine) -> str:
    """One copy on one line: call number, accession number, title, location."""
    return (f"{copy.call_number or '–'}\t{copy.barcode}\t{copy.title}\t"
            f"{copy.location or '–'}")


def stocktake_missing(args: argparse.Namespace) -> int:
    """``thuvien stocktake missing [--json]``: in shelf order."""
    with open_library(args) as lib:
        missing = lib.collection.missing()
    if args.json:
        print_json([copy.to_dict() for copy in missing])
    else:
        print(MISSING_HEAD(count=len(missing)))
        for copy in missing:
            print(copy_text(copy))
    return 0


def _closed_text(result: StocktakeResult) -> str:
    return CLOSED(expected=result.expected, present=result.present, on_loan=result.on_loan,
                  missing=result.missing, lost=result.lost_marked)


def stocktake_close(args: argparse.Namespace) -> int:
    """``thuvien stocktake close [--mark-lost] [--json]``."""
    with open_library(args) as lib:
        result = lib.collection.close_stocktake(mark_lost=args.mark_lost)
    if args.json:
        print_json(result.to_dict())
    else:
        print(_closed_text(result))
    return 0


def writeoff_command(args: argparse.Namespace) -> int:
    """``thuvien writeoff --number N --reason R [--date D] CODE... [--json]``: the record is
    made for all the copies or none (each refused copy is named with its reason)."""
    day = None
    if args.date:
        day = parse_day(args.date)
        if day is None:
            raise ValidationError("cli.bad_day", BAD_DAY, value=args.date)
    with open_library(args) as lib:
        ids, refused = [], []
        for code in args.codes:
            try:
                ids.append(lib.collection.writeoff_copy(code).item_id)
            except WriteoffRefusal as refusal:
                refused.append(refusal.message)
        if refused:
            raise ValidationError("writeoff.refused", REFUSED, reasons="; ".join(refused))
        line = lib.collection.create_writeoff(args.number, args.reason, ids, day=day,
                                              approved_by=args.approved_by, note=args.note)
    if args.json:
        print_json(line.to_dict())
    else:
        print(MADE(number=line.number, day=display_date(line.day), reason=line.reason_text,
                   copies=line.copies, value=format_dong(round(line.total_value))))
    return 0


LIST_WRITTEN = Text("Đã ghi danh sách sách thanh lý ({scope}) vào {file}",
                    "Wrote the list of copies written off ({scope}) to {file}")


def writeoffs_command(args: argparse.Namespace) -> int:
    """``thuvien writeoffs [--json]``: every write-off record, oldest first;
    ``--out FILE [--number N]``: the list of copies of one record as PDF or XLSX."""
    with open_library(args) as lib:
        if args.out is not None:
            report = lib.reports.writeoff_list(args.number)
            lib.reports.write(report, output_file(args.out))
            print(LIST_WRITTEN(scope=report.scope, file=str(args.out)))
            return 0
        lines = lib.collection.writeoffs()
    if args.json:
        print_json([line.to_dict() for line in lines])
        return 0
    if not lines:
        print(NO_WRITEOFFS())
    for line in lines:
        reason = REASONS.get(line.reason)
        print(WRITEOFF_LINE(day=display_date(line.day), number=line.number or "–",
                            reason=reason() if reason else line.reason, copies=line.copies,
                            value=format_dong(round(line.total_value))))
    return 0
