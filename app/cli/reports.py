"""``thuvien register individual|general|textbook|loans``, ``thuvien stats`` and ``thuvien
report annual|tally|fines``: the registers, the statistics of a period, the annual report,
the reading-room tally and the fines received (sổ thu tiền phạt), written as PDF or XLSX
(the window's Reports view)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from app.circulation.codes import normalise
from app.cli._common import add_json_flag, open_library, output_file, phrase, print_json
from app.errors import ValidationError
from app.i18n import Text
from app.reports.period import Period
from app.reports.table import Report

REGISTERS = ("individual", "general", "textbook", "loans")
REPORTS = ("annual", "tally", "fines")
NEED_OUTPUT = Text("Hãy cho biết tệp cần ghi: --pdf TỆP hoặc --xlsx TỆP (hoặc --json).",
                   "Say which file to write: --pdf FILE or --xlsx FILE (or --json).")
NEED_READERS = Text("Sổ mượn của ai? Thêm --readers students (học sinh), staff (giáo viên, "
                    "nhân viên) hoặc all (mọi bạn đọc).",
                    "Whose loan book? Add --readers students, staff or all.")
BAD_OUT = Text("Tệp {file}: chỉ ghi được .pdf hoặc .xlsx.",
               "The file {file}: only .pdf or .xlsx can be written.")
BAD_MONTH = Text("Tháng “{value}” không hợp lệ (tháng/năm, ví dụ 09/2025).",
                 "The month “{value}” is not valid (month/year, e.g. 09/2025).")
MONTH_OR_DAYS = Text("Hãy cho --month hoặc --from/--to, không cả hai.",
                     "Give --month or --from/--to, not both.")
WROTE = Text("Đã ghi {title} ({rows} dòng) vào {file}", "Wrote {title} ({rows} lines) to {file}")
DATE_HELP = ("ngày/tháng/năm, ví dụ 01/09/2025", "day/month/year, e.g. 01/09/2025")


def register(subparsers: Any) -> None:
    """Add ``register`` and ``stats``."""
    p = subparsers.add_parser("register", help=phrase(
        "in sổ đăng ký cá biệt, tổng quát hoặc sách giáo khoa (PDF, Excel)",
        "print the individual, general or textbook register (PDF, Excel)"))
    p.add_argument("kind", choices=REGISTERS, help=phrase(
        "individual = sổ đăng ký cá biệt, general = sổ đăng ký tổng quát, "
        "textbook = sổ đăng ký sách giáo khoa, loans = sổ mượn",
        "individual, general, textbook register, or loans (the loan book)"))
    p.add_argument("--collection", metavar=phrase("KHO", "CODE"), help=phrase(
        "chỉ một kho, ví dụ TK", "one collection, e.g. TK"))
    p.add_argument("--readers", choices=("students", "staff", "all"), help=phrase(
        "sổ mượn của học sinh (students), của giáo viên và nhân viên (staff) "
        "hoặc của mọi bạn đọc (all)",
        "the loan book of students, of teachers and staff, or of all readers"))
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

    p = subparsers.add_parser("report", help=phrase(
        "báo cáo năm học (annual), phiếu thống kê lượt đọc (tally) hoặc sổ thu tiền phạt "
        "(fines) (PDF, Excel)",
        "the school year's annual report, the reading-room tally or the fines received "
        "(PDF, Excel)"))
    p.add_argument("kind", choices=REPORTS, help=phrase(
        "annual = báo cáo năm học, tally = phiếu thống kê lượt đọc, fines = sổ thu tiền phạt",
        "annual = the school year's report, tally = the reading-room tally, fines = the fines "
        "received"))
    p.add_argument("--year", metavar=phrase("NĂM_HỌC", "YEAR"), help=phrase(
        "năm học của báo cáo năm, ví dụ 2025-2026 (mặc định: năm học trong cài đặt)",
        "the annual report's school year, e.g. 2025-2026 (default: the one in the settings)"))
    p.add_argument("--month", metavar=phrase("THÁNG", "MONTH"), help=phrase(
        "tháng của phiếu lượt đọc hoặc sổ thu tiền phạt, ví dụ 09/2025 (phiếu lượt đọc mặc "
        "định: tháng này)",
        "the month of the tally or of the fines received, e.g. 09/2025 (the tally's default: "
        "this month)"))
    _period_options(p)
    _file_options(p)
    add_json_flag(p)
    p.set_defaults(handler=report_command)


def _period_options(p: argparse.ArgumentParser, from_vi: str = "", from_en: str = "",
                    to_vi: str = "", to_en: str = "") -> None:
    extra = (f"; {from_vi}" if from_vi else "", f"; {from_en}" if from_en else "")
    p.add_argument("--from", dest="start", metavar=phrase("NGÀY", "DATE"), help=phrase(
        f"từ ngày ({DATE_HELP[0]}){extra[0]}", f"from ({DATE_HELP[1]}){extra[1]}"))
    extra = (f"; {to_vi}" if to_vi else "", f"; {to_en}" if to_en else "")
    p.add_argument("--to", dest="end", metavar=phrase("NGÀY", "DATE"), help=phrase(
        f"đến ngày ({DATE_HELP[0]}){extra[0]}", f"to ({DATE_HELP[1]}){extra[1]}"))


def _file_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "ghi ra tệp .pdf hoặc .xlsx (theo đuôi tệp)", "write a .pdf or .xlsx file (by its name)"))
    p.add_argument("--pdf", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "ghi ra tệp PDF (khổ A4)", "write an A4 PDF file"))
    p.add_argument("--xlsx", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "ghi ra tệp Excel (.xlsx)", "write an Excel (.xlsx) file"))


def _outputs(args: argparse.Namespace) -> list[tuple[Path, str]]:
    """The files asked for: --pdf, --xlsx, and --out by its extension."""
    out = [(path, fmt) for path, fmt in ((args.pdf, "pdf"), (args.xlsx, "xlsx")) if path]
    if args.out is not None:
        fmt = args.out.suffix.lower().lstrip(".")
        if fmt not in ("pdf", "xlsx"):
            raise ValidationError("cli.bad_out", BAD_OUT, file=str(args.out))
        out.append((args.out, fmt))
    return [(output_file(path, f"thuvien.{fmt}"), fmt) for path, fmt in out]


def _write(lib: Any, report: Report, args: argparse.Namespace) -> None:
    for path, fmt in _outputs(args):
        if path is None:
            continue
        path.write_bytes(lib.reports.render(report, fmt))
        if not args.json:
            print(WROTE(title=report.title.lower().capitalize(), rows=report.row_count(),
                        file=str(path)))


def register_command(args: argparse.Namespace) -> int:
    """``thuvien register KIND [--collection C] [--readers R] [--from D] [--to D]
    (--out F | --pdf F | --xlsx F | --json)``."""
    outputs = _outputs(args)
    if not (outputs or args.json):
        raise ValidationError("cli.need_output", NEED_OUTPUT)
    kind = args.kind
    if kind == "loans":
        if not args.readers:
            raise ValidationError("cli.need_readers", NEED_READERS)
        kind = f"loans-{args.readers}"
    period = Period.read(args.start, args.end)
    with open_library(args) as lib:
        if outputs:
            _write(lib, lib.reports.report(kind, args.collection, period), args)
        if args.json:
            print_json({"register": args.kind, "collection": args.collection,
                        "readers": args.readers, **period.to_dict(),
                        "data": lib.reports.to_dict(kind, args.collection, period)})
    return 0


#: A month as written: "09/2025", "9-2025", "09.2025", "tháng 9/2025", "T9/2025", "2025-09".
_MONTH = re.compile(r"^(?:tháng|thang|th\.?|t|month)?\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$"
                    r"|^(\d{4})\s*[/.\-]\s*(\d{1,2})$")


def read_month(text: str) -> Period:
    """The calendar month typed as mm/yyyy (or yyyy-mm), "tháng 9/2025" or "T9/2025" too.

    >>> read_month("09/2025").label(), read_month("tháng 9/2025").label()
    ('Từ ngày 01/09/2025 đến ngày 30/09/2025', 'Từ ngày 01/09/2025 đến ngày 30/09/2025')
    """
    match = _MONTH.match(normalise(text).casefold())
    if match:
        month, year = (int(match[1]), int(match[2])) if match[1] else \
            (int(match[4]), int(match[3]))
        if 1 <= month <= 12 and 1900 <= year <= 9999:
            return Period.month(year, month)
    raise ValidationError("cli.bad_month", BAD_MONTH, value=text)


def report_command(args: argparse.Namespace) -> int:
    """``thuvien report annual [--year Y]`` / ``thuvien report tally|fines [--month M |
    --from D --to D]``, written with --out / --pdf / --xlsx, or shown (--json, or as
    lines)."""
    with open_library(args) as lib:
        if args.kind == "annual":
            year = lib.reports.read_school_year(args.year)
            report = lib.reports.annual_report(year)
            data: Any = lib.reports.annual(year).to_dict() if args.json else None
        else:
            if args.month and (args.start or args.end):
                raise ValidationError("cli.month_or_days", MONTH_OR_DAYS)
            period = read_month(args.month) if args.month else \
                Period.read(args.start, args.end)
            report = lib.reports.report(args.kind, period=period)
            data = lib.reports.to_dict(args.kind, period=period) if args.json else None
        _write(lib, report, args)
        if args.json:
            print_json(data)
        elif not _outputs(args):
            print_report(report)
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
        elif not _outputs(args):
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
            # A total row leaves its first cells (STT...) empty: its label is the first text.
            first = next((i for i, v in enumerate(cells) if v.strip()), 0)
            label, figures = cells[first], [f"{c.title.replace(chr(10), ' ')}: {v}" for c, v in
                                            zip(section.columns[first + 1:], cells[first + 1:],
                                                strict=True) if v]
            print(f"  {label.strip()}: " + "; ".join(figures) if len(cells) > 2
                  else f"  {label.strip()}: {cells[1]}")
