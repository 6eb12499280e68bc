"""``thuvien labels``: print item, spine and combined labels, patron cards, the per-class desk
sheet and the calibration page to PDF (or TSPL/ZPL jobs for thermal printers, written to a file
and/or sent raw to the printer with ``--send``); list templates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import platformdirs

from app.cli._common import add_json_flag, open_library, output_file, phrase, print_json
from app.errors import UserError, ValidationError
from app.i18n import Text
from app.labels import (
    PrintOptions,
    list_templates,
    load_template,
    render_calibration,
    render_cards,
    render_class_sheet,
    render_labels,
    save_template,
)
from app.labels.model import CardData, LabelItem
from app.labels.rawprint import send_raw
from app.labels.templates import template_from_dict
from app.labels.thermal import ThermalMedia, tspl_job, zpl_job

KINDS = ("items", "spine", "combined", "cards", "class-sheet", "calibration")
KIND_HELP = {
    "items": Text("in nhãn mã vạch cho bản sách", "print barcode labels for copies"),
    "spine": Text("in nhãn gáy (ký hiệu xếp giá)", "print spine labels (call numbers)"),
    "combined": Text("in nhãn gộp mã vạch và nhãn gáy", "print combined barcode and spine labels"),
    "cards": Text("in thẻ bạn đọc", "print patron cards"),
    "class-sheet": Text("in tờ mã vạch thẻ của cả lớp", "print a class's card barcodes on one sheet"),
    "calibration": Text("in trang căn chỉnh máy in", "print a printer calibration page"),
}
DEFAULT_TEMPLATE = {"items": "avery-l7651", "spine": "avery-l7651", "combined": "avery-l7654",
                    "cards": "cr80-10up", "class-sheet": "a4-desk-3x9", "calibration": "avery-l7651"}
WROTE = Text("Đã ghi {count} {what} vào {file}", "Wrote {count} {what} to {file}")
WHAT = {"items": Text("nhãn mã vạch", "barcode labels"), "spine": Text("nhãn gáy", "spine labels"),
        "combined": Text("nhãn kết hợp", "combined labels"), "cards": Text("thẻ bạn đọc", "patron cards"),
        "class-sheet": Text("mã bạn đọc", "patron barcodes"),
        "calibration": Text("trang căn chỉnh", "calibration page")}
NEED_SELECTION = Text("Hãy chọn cái cần in: --items, --barcodes, --since hoặc --query",
                      "Choose what to print: --items, --barcodes, --since or --query")
NEED_CLASS = Text("Thẻ bạn đọc cần --class (ví dụ --class 6A)", "Patron cards need --class (e.g. --class 6A)")
PDF_ONLY = Text("Định dạng {fmt} chỉ dùng cho nhãn đơn (items, spine, combined)",
                "The {fmt} format is only for single labels (items, spine, combined)")
BAD_SIZE = Text("Khổ nhãn “{value}” không hợp lệ: viết RỘNGxCAO theo mm, ví dụ 50x30",
                "Label size “{value}” is not valid: write WIDTHxHEIGHT in mm, e.g. 50x30")
NEED_TARGET = Text("Hãy cho biết nơi ghi (--out TỆP) hoặc máy in nhiệt (--send MÁY_IN)",
                   "Say where the labels go: --out FILE or a thermal printer with --send PRINTER")
SEND_NEEDS_JOB = Text("--send gửi lệnh in TSPL/ZPL tới máy in nhiệt: thêm --format tspl hoặc --format zpl",
                      "--send sends TSPL/ZPL jobs to a thermal printer: add --format tspl or --format zpl")
SENT = Text("Đã gửi {count} {what} tới máy in {printer}{job}", "Sent {count} {what} to printer {printer}{job}")
JOB_ID = Text(" (lệnh in {job})", " (job {job})")
SAVED = Text("Đã lưu mẫu giấy nhãn {name} vào {file}", "Saved label sheet {name} to {file}")


def default_template_dir() -> Path:
    """Where the librarian's own sheet templates live by default."""
    return Path(platformdirs.user_data_dir("ThuVien", appauthor=False)) / "label-templates"


def register(subparsers: Any) -> None:
    """Add ``labels`` and its subcommands."""
    labels = subparsers.add_parser("labels", help=phrase(
        "in nhãn mã vạch, nhãn gáy, thẻ bạn đọc", "print labels, spine labels, patron cards"))
    sub = labels.add_subparsers(dest="labels_command", metavar=phrase("LOẠI", "KIND"),
                                required=True)
    templates_dir_help = phrase("thư mục mẫu giấy nhãn tự tạo", "folder of custom sheet templates")

    p = sub.add_parser("templates", help=phrase("liệt kê các mẫu giấy nhãn",
                                                "list the label sheet templates"))
    p.add_argument("--templates-dir", type=Path, default=None, help=templates_dir_help)
    add_json_flag(p)
    p.set_defaults(handler=templates)

    p = sub.add_parser("add-template", help=phrase(
        "kiểm tra và lưu một mẫu giấy nhãn tự tạo (JSON)",
        "validate and save a custom sheet template (JSON)"))
    p.add_argument("file", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "tệp JSON của mẫu giấy", "the template's JSON file"))
    p.add_argument("--templates-dir", type=Path, default=None, help=templates_dir_help)
    p.set_defaults(handler=add_template)

    for kind in KINDS:
        p = sub.add_parser(kind, help=KIND_HELP[kind]())
        p.add_argument("--template", default=None, help=phrase(
            f"mẫu giấy nhãn (mặc định {DEFAULT_TEMPLATE[kind]})",
            f"sheet template (default {DEFAULT_TEMPLATE[kind]})"))
        p.add_argument("--templates-dir", type=Path, default=None, help=templates_dir_help)
        group = p.add_mutually_exclusive_group()
        group.add_argument("--items", help=phrase("khoảng số ĐKCB, ví dụ TK.00001-TK.00050",
                                                  "accession range, e.g. TK.00001-TK.00050"))
        group.add_argument("--barcodes", help=phrase("các số ĐKCB, cách nhau bằng dấu phẩy",
                                                     "comma-separated accession numbers"))
        group.add_argument("--since", help=phrase(
            "các bản nhập từ ngày này (dd/mm/yyyy)",
            "items acquired on or after this date (dd/mm/yyyy)"))
        group.add_argument("--query", help=phrase("mọi bản sách của kết quả tìm kiếm này",
                                                  "every copy of a catalog search's results"))
        group.add_argument("--class", dest="class_name", help=phrase(
            "bạn đọc của một lớp, ví dụ 6A", "a class of patrons, e.g. 6A"))
        p.add_argument("--start", type=int, default=1, help=phrase(
            "vị trí nhãn đầu tiên trên tờ (1 = góc trên bên trái)",
            "first label position on the sheet (1 = top left)"))
        p.add_argument("--offset-x", type=float, default=0.0, help=phrase(
            "bù lệch máy in theo chiều ngang, mm (+ = sang phải)",
            "printer offset across, mm (+ = right)"))
        p.add_argument("--offset-y", type=float, default=0.0, help=phrase(
            "bù lệch máy in theo chiều dọc, mm (+ = xuống dưới)",
            "printer offset down, mm (+ = down)"))
        p.add_argument("--outlines", action="store_true", help=phrase(
            "vẽ viền nhãn (để in thử)", "draw label outlines (test prints)"))
        p.add_argument("--logo", type=Path, default=None, help=phrase(
            "ảnh logo của trường cho thẻ", "school logo image for cards"))
        p.add_argument("--format", choices=["pdf", "tspl", "zpl"], default="pdf", help=phrase(
            "pdf cho máy in thường; tspl/zpl cho máy in nhiệt",
            "pdf for an office printer; tspl/zpl for a thermal printer"))
        p.add_argument("--label-size", default="50x30", help=phrase(
            "khổ nhãn in nhiệt RỘNGxCAO, mm", "thermal label WIDTHxHEIGHT in mm"))
        p.add_argument("--dpi", type=int, default=203, choices=[203, 300, 600], help=phrase(
            "độ phân giải máy in nhiệt", "thermal printer resolution"))
        p.add_argument("--out", type=Path, default=None, help=phrase(
            "tệp PDF hoặc tệp lệnh in cần ghi", "the PDF or job file to write"))
        p.add_argument("--send", metavar=phrase("MÁY_IN", "PRINTER"), default=None, help=phrase(
            "gửi thẳng lệnh TSPL/ZPL tới máy in này (tên máy in Windows, máy in chia sẻ như "
            r"\\PC\Xprinter, hoặc hàng đợi CUPS)",
            "send the TSPL/ZPL job raw to this printer (Windows printer name, "
            r"a share like \\PC\Xprinter, or a CUPS queue)"))
        p.set_defaults(handler=print_labels, kind=kind)


def _templates_dir(args: argparse.Namespace) -> Path:
    return Path(args.templates_dir) if args.templates_dir else default_template_dir()


def templates(args: argparse.Namespace) -> int:
    """``thuvien labels templates``: name, labels per sheet, label size, title."""
    found = list_templates(_templates_dir(args))
    if args.json:
        print_json([dict(t.to_json(), builtin=t.builtin) for t in found])
        return 0
    for t in found:
        mark = "" if t.builtin else " *"
        print(f"{t.name:<16} {t.per_sheet:>3} × {t.label_width:g}×{t.label_height:g} mm  {t.title}{mark}")
    return 0


def add_template(args: argparse.Namespace) -> int:
    """``thuvien labels add-template FILE.json``: validate and save a custom sheet."""
    import json

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("labels.template.file", Text("Không đọc được {file}: {error}",
                              "Cannot read {file}: {error}"), file=str(args.file), error=str(exc)) from None
    template = template_from_dict(data)
    path = save_template(template, _templates_dir(args))
    print(SAVED(name=template.name, file=str(path)))
    return 0


def _items(args: argparse.Namespace) -> list[LabelItem]:
    from app.labels import selection

    with open_library(args) as lib:
        if args.items:
            return selection.items_in_range(lib, args.items)
        if args.barcodes:
            return selection.items_by_barcodes(lib, args.barcodes.split(","))
        if args.since:
            return selection.items_since(lib, args.since)
        if args.query:
            return selection.items_of_search(lib, args.query)
    raise UserError("labels.no_selection", NEED_SELECTION)


def _cards(args: argparse.Namespace) -> list[CardData]:
    from app.labels import selection

    if not args.class_name:
        raise UserError("labels.no_class", NEED_CLASS)
    with open_library(args) as lib:
        return selection.cards_of_class(lib, args.class_name, logo=args.logo)


def _media(args: argparse.Namespace) -> ThermalMedia:
    try:
        width, height = (float(v.replace(",", ".")) for v in args.label_size.lower().split("x"))
    except ValueError:
        raise ValidationError("labels.thermal.size", BAD_SIZE, value=args.label_size) from None
    return ThermalMedia(width, height, dpi=args.dpi, offset_x_mm=args.offset_x, offset_y_mm=args.offset_y)


def print_labels(args: argparse.Namespace) -> int:
    """``thuvien labels KIND ... --out FILE`` and/or ``--format tspl|zpl --send PRINTER``."""
    kind = args.kind
    if args.send is not None and args.format == "pdf":
        raise UserError("labels.send_pdf", SEND_NEEDS_JOB)
    if args.out is None and args.send is None:
        raise UserError("labels.no_target", NEED_TARGET)
    out = output_file(Path(args.out), f"nhan.{args.format}") if args.out is not None else None
    options = PrintOptions(args.start, args.offset_x, args.offset_y, args.outlines)
    count = 1
    if args.format != "pdf":
        if kind not in ("items", "spine", "combined"):
            raise UserError("labels.format", PDF_ONLY, fmt=args.format.upper())
        items = _items(args)
        job = (tspl_job if args.format == "tspl" else zpl_job)(kind, items, _media(args))
        data, count = job, len(items)
    else:
        template = load_template(args.template or DEFAULT_TEMPLATE[kind], _templates_dir(args))
        if kind == "calibration":
            data = render_calibration(template, options)
        elif kind in ("cards", "class-sheet"):
            cards = _cards(args)
            render = render_cards if kind == "cards" else render_class_sheet
            data, count = render(cards, template, options), len(cards)
        else:
            items = _items(args)
            data, count = render_labels(kind, items, template, options), len(items)
    if out is not None:
        out.write_bytes(data)
        print(WROTE(count=count, what=WHAT[kind](), file=str(out)), file=sys.stdout)
    if args.send is not None:
        job_id = _send(args.send, data, f"ThuVien — {WHAT[kind]()}")
        print(SENT(count=count, what=WHAT[kind](), printer=args.send,
                   job=JOB_ID(job=job_id) if job_id else ""), file=sys.stdout)
    return 0


def _send(printer: str, job: bytes, title: str) -> str:
    """Send *job* raw; a refusal comes back as one line (the spooler's reason may span lines)."""
    try:
        return send_raw(printer, job, title)
    except UserError as exc:
        params = {name: " ".join(str(value).split()) for name, value in exc.params.items()}
        raise UserError(exc.code, exc.text, **params) from None
