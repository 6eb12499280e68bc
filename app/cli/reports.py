"""``thuvien register individual|general|textbook`` and ``thuvien stats``: the registers and
the statistics of a period, written as PDF or XLSX (the window's Reports view)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli._common import add_json_flag, open_library, phrase, print_json
from app.errors import ValidationError
from app.i18n import Text
from app.reports.period import Period
from app.reports.table import Report

REGISTERS = ("individual", "general", "textbook")
NEED_OUTPUT = Text("Hãy cho biết tệp cần ghi: --pdf TỆP hoặc --xlsx TỆP (hoặc --json).",
                   "Say which file to write: --pdf FILE or --xlsx FILE (or --json).")
WROTE = Text("Đã ghi {title} ({rows} dòng) vào {file}", "Wrote {title} ({rows} lines) to {file}")
DATE_HELP = ("ngày/tháng/năm, ví dụ 01/09/2025", "day/month/year, e.g. 01/09/2025")


def register(subparsers: Any) -> None:
    """Add ``register`` and ``stats``."""
    p = subparsers.add_parser("register", help=phrase(
        "in sổ đăng ký cá biệt, tổng quát hoặc sách giáo khoa (PDF, Excel)",
        "print the individual, general or textbook register (PDF, Excel)"))
    p.add_argument("kind", choices=REGISTERS, help=phrase(
        "individual = sổ đăng ký cá biệt, general = sổ đăng ký tổng quát, "
        "textbook = sổ đăng ký sách giáo khoa",
        "individual, general or textbook register"))
    p.add_argument("--collection", metavar=phrase("KHO", "CODE"), help=phrase(
        "chỉ một kho, ví dụ TK", "one collection, e.g. TK"))
    _period_options(p)
    _file_options(p)
    add_json_flag(p)
    p.set_defaults(handler=register_command)

    p = subparsers.add_parser("stats", help=phrase(
        "thống kê một kỳ: vốn tài liệu, bổ sung, thanh lý, lượt mượn, bạn đọc, lượt đọc",
        "statistics of a period: collection, acquisitions, write-offs, loans, readers, visits"))
    _period_options(p, "mặc định: đầu năm học", "default: the start of the school year",
                    "mặc định: hôm nay", "default: today")
    _file_options(p)
    add_json_flag(p)
    p.set_defaults(handler=stats_command)


def _period_options(p: argparse.ArgumentParser, from_vi: str = "", from_en: str = "",
                    to_vi: str = "", to_en: str = "") -> None:
    extra = (f"; {from_vi}" if from_vi else "", f"; {from_en}" if from_en else "")
    p.add_argument("--from", dest="start", metavar=phrase("NGÀY", "DATE"), help=phrase(
        f"từ ngày ({DATE_HELP[0]}){extra[0]}", f"from ({DATE_HELP[1]}){extra[1]}"))
    extra = (f"; {to_vi}" if to_vi else "", f"; {to_en}" if to_en else "")
    p.add_argument("--to", dest="end", metavar=phrase("NGÀY", "DATE"), help=phrase(
        f"đến ngày ({DATE_HELP[0]}){extra[0]}", f"to ({DATE_HELP[1]}){extra[1]}"))


def _file_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pdf", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "ghi ra tệp PDF (khổ A4)", "write an A4 PDF file"))
    p.add_argument("--xlsx", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "ghi ra tệp Excel (.xlsx)", "write an Excel (.xlsx) file"))


def _write(lib: Any, report: Report, args: argparse.Namespace) -> None:
    for path, fmt in ((args.pdf, "pdf"), (args.xlsx, "xlsx")):
        if path is None:
            continue
        path.write_bytes(lib.reports.render(report, fmt))
        if not args.json:
            print(WROTE(title=report.title.lower().capitalize(), rows=report.row_count(),
                        file=str(path)))


def register_command(args: argparse.Namespace) -> int:
    """``thuvien register KIND [--collection C] [--from D] [--to D] (--pdf F | --xlsx F)``."""
    if not (args.pdf or args.xlsx or args.json):
        raise ValidationError("cli.need_output", NEED_OUTPUT)
    period = Period.read(args.start, args.end)
    with open_library(args) as lib:
        if args.pdf or args.xlsx:
            _write(lib, lib.reports.report(args.kind, args.collection, period), args)
        if args.json:
            print_json({"register": args.kind, "collection": args.collection,
                        **period.to_dict(),
                        "data": lib.reports.to_dict(args.kind, args.collection, period)})
    return 0


def stats_command(args: argparse.Namespace) -> int:
    """``thuvien stats [--from D] [--to D] [--json] [--pdf F] [--xlsx F]``."""
    with open_library(args) as lib:
        period = Period.read(args.start, args.end)
        if period.start is None:
            period = Period(lib.reports.default_period().start, period.end)
        report = lib.reports.report("statistics", period=period)
        _write(lib, report, args)
        if args.json:
            print_json(lib.reports.statistics(period).to_dict())
        elif not (args.pdf or args.xlsx):
            print_report(report)
    return 0


def print_report(report: Report) -> None:
    """A report as plain lines: its title, and each section's rows."""
    from app.reports.pdf import cell_text

    print(report.title)
    if report.scope:
        print(report.scope)
    for section in report.sections:
        print()
        print(section.title)
        if not section.rows:
            print(f"  {section.empty}")
        rows = section.rows + ([section.total] if section.total else [])
        for row in rows:
            cells = [cell_text(v, c.kind) for v, c in zip(row, section.columns, strict=True)]
            label, figures = cells[0], [f"{c.title}: {v}" for c, v in
                                        zip(section.columns[1:], cells[1:], strict=True) if v]
            print(f"  {label.strip()}: " + "; ".join(figures) if len(cells) > 2
                  else f"  {label.strip()}: {cells[1]}")
