"""``thuvien copy show|edit|withdraw|remove ITEM``: one copy's register details, corrected,
written off or taken out (the window's Edit copy…, Withdraw… and Remove copy…)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from app.catalog.copies import NO_ITEM, status_words
from app.catalog.marc.holdings import parse_price
from app.catalog.models import ITEM_TYPES, Item
from app.circulation.clock import display_date
from app.circulation.fines import format_dong
from app.circulation.rules import ITEM_TYPE_NAMES
from app.cli._common import add_json_flag, open_library, phrase, print_json
from app.dates import parse_day
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.library import Library

BAD_PRICE = Text("“{value}” không phải giá tiền (số đồng, ví dụ 45000).",
                 "“{value}” is not a price (đồng, e.g. 45000).")
BAD_DAY = Text("Ngày nhập “{value}” không hợp lệ (ngày/tháng/năm, ví dụ 05/09/2025).",
               "The date received “{value}” is not valid (day/month/year, e.g. 05/09/2025).")
REMOVED = Text("Đã xoá bản sách {barcode}; số ĐKCB này không cấp lại.",
               "Copy {barcode} removed; its accession number is not given again.")
LINE = Text("{barcode} — {title}: {status}; kho {collection}, loại {item_type}; ký hiệu {call}; "
            "giá {price}; nhập {acquired} ({source}); vị trí {location}; ghi chú {note}",
            "{barcode} — {title}: {status}; collection {collection}, type {item_type}; call "
            "number {call}; price {price}; received {acquired} ({source}); location "
            "{location}; note {note}")

_TEXT_OPTIONS = {"call_number": "call_number", "location": "location", "source": "source",
                 "note": "note"}


def register(subparsers: Any) -> None:
    """Add the ``copy`` command."""
    p = subparsers.add_parser("copy", help=phrase(
        "xem, sửa, thanh lý hoặc xoá một bản sách", "show, correct, withdraw or remove one copy"))
    p.add_argument("action", choices=["show", "edit", "withdraw", "remove"], help=phrase(
        "show = xem, edit = sửa, withdraw = thanh lý, remove = xoá (chỉ bản chưa từng cho mượn)",
        "show, edit, withdraw, or remove (only a copy never lent)"))
    p.add_argument("item", metavar=phrase("SỐ_ĐKCB", "ITEM"), help=phrase(
        "số đăng ký cá biệt (mã vạch)", "accession number (barcode)"))
    p.add_argument("--type", dest="item_type", choices=ITEM_TYPES, help=phrase(
        "loại tài liệu", "item type"))
    p.add_argument("--call-number", help=phrase(
        "ký hiệu xếp giá; để trống thì xoá", "call number; empty text clears it"))
    p.add_argument("--location", help=phrase("giá hoặc tủ sách", "shelf or cupboard"))
    p.add_argument("--price", help=phrase("giá (đồng), ví dụ 45000 hoặc 45.000",
                                                  "price in đồng, e.g. 45000 or 45.000"))
    p.add_argument("--acquired", help=phrase("ngày nhập, dd/mm/yyyy",
                                                     "date received, dd/mm/yyyy"))
    p.add_argument("--source", help=phrase("nguồn, ví dụ Mua, Biếu tặng",
                                                   "source, e.g. Mua (bought), Biếu tặng (gift)"))
    p.add_argument("--note", help=phrase("ghi chú", "note"))
    p.add_argument("--reference", default="", help=phrase(
        "withdraw: số biên bản thanh lý", "withdraw: the write-off record's number"))
    p.add_argument("--reason", choices=["worn", "outdated", "lost", "other"], default="other",
                   help=phrase("withdraw: lý do (worn = rách nát, outdated = lạc hậu, lost = mất,"
                               " other = khác; mặc định other)",
                               "withdraw: why (worn, outdated, lost or other; default other)"))
    add_json_flag(p)
    p.set_defaults(handler=copy_command)


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {name: getattr(args, option) for option, name in
                               _TEXT_OPTIONS.items() if getattr(args, option) is not None}
    if args.item_type is not None:
        changes["item_type"] = args.item_type
    if args.price is not None:
        price = parse_price(args.price) if args.price.strip() else None
        if args.price.strip() and price is None:
            raise ValidationError("cli.bad_price", BAD_PRICE, value=args.price)
        changes["price"] = price
    if args.acquired is not None:
        day = parse_day(args.acquired) if args.acquired.strip() else None
        if args.acquired.strip() and day is None:
            raise ValidationError("cli.bad_day", BAD_DAY, value=args.acquired)
        changes["acquired_on"] = day.isoformat() if day else None
    return changes


def _find(lib: Library, barcode: str) -> Item:
    item = lib.catalog.item_by_barcode(barcode)
    if item is None:
        raise NotFoundError("catalog.no_item", NO_ITEM, what=barcode)
    return item


def copy_command(args: argparse.Namespace) -> int:
    """``thuvien copy show|edit|withdraw|remove ITEM [--price ... --reference R --json]``."""
    with open_library(args) as lib:
        item = _find(lib, args.item)
        if args.action == "remove":
            lib.catalog.remove_item(item.id)
            if args.json:
                print_json({"removed": item.barcode})
            else:
                print(REMOVED(barcode=item.barcode))
            return 0
        if args.action == "edit":
            item = lib.catalog.update_item(item.id, **_changes(args))
        elif args.action == "withdraw":
            item = lib.catalog.withdraw_item(item.id, args.reference, args.reason)
        title = lib.catalog.record(item.record_id).title
    if args.json:
        print_json({**asdict(item), "title": title})
        return 0
    kind = ITEM_TYPE_NAMES.get(item.item_type)
    print(LINE(barcode=item.barcode, title=title, status=status_words(item.status),
               collection=item.collection or "–", item_type=kind() if kind else item.item_type,
               call=item.call_number or "–",
               price=format_dong(round(item.price)) if item.price is not None else "–",
               acquired=display_date(item.acquired_on) if item.acquired_on else "–",
               source=item.source or "–",
               location=item.location or "–", note=item.note or "–"))
    return 0

