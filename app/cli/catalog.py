"""Catalog commands: ``import-marc``, ``export-marc``, ``search``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.backup.durable import atomic_output
from app.catalog.copies import status_words
from app.catalog.import_history import repeat_note
from app.catalog.importer import COPY_CODES
from app.catalog.models import SearchResult
from app.cli._common import (
    LIMIT_TYPED,
    MAX_LIMIT,
    add_json_flag,
    file_problem,
    open_library,
    output_file,
    phrase,
    print_json,
    whole_number,
)
from app.errors import UserError
from app.i18n import Text

IMPORTED = Text(
    "{file}: nhập {imported} biểu ghi, gộp {merged}, {items} bản sách, bỏ qua {skipped}.",
    "{file}: {imported} records imported, {merged} merged, {items} copies, {skipped} skipped.",
)
OTHER_HOLDINGS = Text(
    "  {count} dòng sách của thư viện khác (trường 852 của mục lục liên hợp, không có số ĐKCB) "
    "không được nhập thành bản sách của thư viện này.",
    "  {count} holdings of other libraries (852 fields of a union catalog, without accession "
    "numbers) were not made copies of this library.",
)
SKIPPED_LINE = Text("  bỏ qua biểu ghi #{number} (byte {offset}): {reason}",
                    "  skipped record #{number} (byte {offset}): {reason}")
COPY_SKIPPED_LINE = Text("  biểu ghi #{number} (byte {offset}): {reason}",
                         "  record #{number} (byte {offset}): {reason}")
CANCELLED = Text("Đã dừng nhập theo yêu cầu.", "Import cancelled.")
EXPORTED = Text("Đã xuất {count} biểu ghi vào {file}.", "Exported {count} records to {file}.")
REFUSED_LINE = Text("  không xuất được biểu ghi #{number}: {reason}",
                    "  record #{number} not exported: {reason}")
NO_FILE = Text("Không tìm thấy tệp {file}.", "File not found: {file}.")
IMPORT_FOLDER = Text("đây là một thư mục, không phải tệp MARC: hãy cho các tệp trong đó, ví dụ {file}/*.mrc.",
                     "this is a folder, not a MARC file: give the files in it, e.g. {file}/*.mrc.")
FOUND = Text("{total} kết quả", "{total} result(s)")


def register(subparsers: Any) -> None:
    """Add the catalog subcommands."""
    p = subparsers.add_parser("import-marc", help=phrase(
        "nhập tệp MARC21 (ISO 2709, MARCXML hoặc .mrk)", "import MARC21 files (ISO 2709, MARCXML or .mrk)"))
    p.add_argument("files", nargs="+", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "tệp .mrc, .xml hoặc .mrk", ".mrc, .xml or .mrk files"))
    add_json_flag(p)
    p.set_defaults(handler=import_marc)

    p = subparsers.add_parser("export-marc", help=phrase("xuất mục lục ra tệp MARC21", "export the catalog as MARC21"))
    p.add_argument("out", type=Path, metavar=phrase("TỆP_RA", "OUT"), help=phrase(
        "tệp cần ghi", "the file to write"))
    p.add_argument("--format", choices=["iso2709", "marcxml"], default="iso2709", help=phrase(
        "iso2709 (.mrc, mặc định) hoặc marcxml (.xml)", "iso2709 (.mrc, the default) or marcxml (.xml)"))
    p.add_argument("--holdings", choices=["952", "852"], default="952",
                   help=phrase(
                       "trường ghi bản sách (mặc định 952, kiểu Koha)",
                       "field that carries the copies (default 952, Koha style)"))
    p.set_defaults(handler=export_marc)

    p = subparsers.add_parser("search", help=phrase("tìm trong mục lục", "search the catalog"))
    p.add_argument("query", metavar=phrase("TỪ_KHOÁ", "QUERY"), help=phrase(
        "nhan đề, tác giả, ISBN, số ĐKCB…; có thể dùng title: author: subject: isbn: issn: ean: year: callno:",
        "title, author, ISBN, accession number…; qualifiers title: author: subject: isbn: issn: ean: year: callno:"))
    # 0 lists none (the total only); a larger figure than one search may list lists that many.
    p.add_argument("--limit", type=whole_number(0, LIMIT_TYPED), default=20, help=phrase(
        "số kết quả tối đa (mặc định 20; 0: chỉ đếm)",
        "most results to list (default 20; 0: count only)"))
    add_json_flag(p)
    p.set_defaults(handler=search)


def import_marc(args: argparse.Namespace) -> int:
    """``thuvien import-marc FILE... [--json]``."""
    totals: dict[str, Any] = {"imported": 0, "merged": 0, "items": 0, "skipped": 0,
                              "skipped_records": [], "copies_skipped": 0, "skipped_copies": [],
                              "files": []}
    failed = False
    with open_library(args) as lib:
        for path in args.files:
            entry: dict[str, Any] = {"file": str(path)}
            try:
                if path.is_dir():
                    raise UserError("file.is_folder", IMPORT_FOLDER, file=str(path))
                if not path.is_file():
                    raise UserError("file.missing", NO_FILE, file=str(path))
                report = lib.catalog.import_marc(path)
            except UserError as exc:
                failed = True
                entry.update(error=exc.message, code=exc.code)
                totals["files"].append(entry)
                if not args.json:
                    print(f"{path}: {exc.message}", file=sys.stderr)
                continue
            data = report.as_json()
            records_out, copies_out = report.skipped_records, report.skipped_copies
            entry.update(imported=report.imported, merged=report.merged, items=report.items,
                         skipped=len(records_out), copies_skipped=len(copies_out),
                         imported_before=report.imported_before,
                         copies_not_repeated=report.copies_not_repeated,
                         other_holdings_skipped=report.other_holdings,
                         legacy_vietnamese=report.legacy_vietnamese)
            totals["files"].append(entry)
            for key in ("imported", "merged", "items"):
                totals[key] += data[key]
            totals["skipped"] += len(records_out)
            totals["copies_skipped"] += len(copies_out)
            for s in data["skipped"]:
                key = "skipped_copies" if s["code"] in COPY_CODES else "skipped_records"
                totals[key].append({"file": str(path), **s})
            if not args.json:
                print(IMPORTED(file=path, imported=report.imported, merged=report.merged,
                               items=report.items, skipped=len(records_out)))
                if report.imported_before:
                    print("  " + repeat_note(report.imported_before, report.copies_not_repeated))
                if report.other_holdings:
                    print(OTHER_HOLDINGS(count=report.other_holdings))
                if report.legacy_vietnamese:
                    print("  " + report.legacy_note())
                for s in records_out:
                    print(SKIPPED_LINE(number=s.number, offset=s.offset, reason=s.reason))
                for s in copies_out:
                    print(COPY_SKIPPED_LINE(number=s.number, offset=s.offset, reason=s.reason))
    if args.json:
        print_json(totals)
    return 2 if failed else 0


def export_marc(args: argparse.Namespace) -> int:
    """``thuvien export-marc OUT [--format iso2709|marcxml]``."""
    output_file(args.out, "thuvien.mrc")
    with open_library(args) as lib:
        count = lib.catalog.record_count()
        try:
            with atomic_output(args.out) as out:  # never half a file behind
                problems = lib.catalog.export_marc(out, fmt=args.format,
                                                   holdings_tag=args.holdings)
        except OSError as exc:
            raise file_problem(exc, args.out) from exc
    print(EXPORTED(count=count - len(problems), file=args.out))
    for p in problems:
        print(REFUSED_LINE(number=p.number, reason=p.reason), file=sys.stderr)
    return 1 if problems else 0


def result_json(result: SearchResult) -> dict[str, Any]:
    """The JSON shape of a search result (shared with ``union-search``)."""
    return {"total": result.total, "hits": [
        {"id": h.id, "title": h.title, "author": h.author, "isbn": h.isbns, "year": h.year,
         "call_number": h.call_number,
         "items": [{"barcode": i.barcode, "status": i.status} for i in h.items]}
        for h in result.hits]}


def search(args: argparse.Namespace) -> int:
    """``thuvien search QUERY [--limit N] [--json]``."""
    with open_library(args) as lib:
        result = lib.catalog.search(args.query, limit=min(args.limit, MAX_LIMIT))
    if args.json:
        print_json(result_json(result))
        return 0
    print(FOUND(total=result.total))
    for h in result.hits:
        who = f" — {h.author}" if h.author else ""
        year = f" ({h.year})" if h.year else ""
        call = f"  [{h.call_number}]" if h.call_number else ""
        copies = ", ".join(f"{i.barcode} ({status_words(i.status)})" for i in h.items)
        print(f"{h.id:>7}  {h.title}{who}{year}{call}  {copies}")
    return 0
