"""Patron commands: ``patrons import|list|add|search|show|status|renew-card|validity|export|
erase|purge`` and ``rollover``.

Exit codes: 0 done; 1 done but some rows of an import were refused (they are listed);
2 a user error (bad file, bad arguments, unknown patron...), one line, no traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app import legacy_text
from app.circulation.clock import library_today
from app.circulation.codes import normalise
from app.cli._common import (
    add_json_flag,
    as_id,
    open_library,
    output_file,
    phrase,
    print_json,
    whole_number,
)
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.library import Library
from app.patrons import Patron
from app.patrons.class_list import ImportResult
from app.patrons.fields import display_date
from app.patrons.model import status_words
from app.patrons.rollover import RolloverPlan
from app.patrons.service import CATEGORY_WORDS, DEFAULT_EXPIRY
from app.patrons.validity import Validity
from app.text import fold

NO_PATRON = Text("Không tìm thấy bạn đọc “{key}” (mã thẻ, mã học sinh hoặc số id).",
                 "No patron “{key}” (card, student code or id).")
BAD_MAP = Text("Ánh xạ cột “{value}” sai; dùng dạng CỘT=TRƯỜNG, ví dụ \"Tên HS=full_name\".",
               "Bad column mapping “{value}”; use COLUMN=FIELD, e.g. \"Tên HS=full_name\".")
SUMMARY = Text("{mode}: {new} mới, {update} cập nhật, {unchanged} không đổi, {error} lỗi.",
               "{mode}: {new} new, {update} updated, {unchanged} unchanged, {error} errors.")
DRY = Text("Chạy thử (chưa ghi gì)", "Dry run (nothing written)")
DONE = Text("Đã nhập", "Imported")
COLUMN_LINE = Text("  cột {column} “{header}” → {field} ({encoding})",
                   "  column {column} “{header}” → {field} ({encoding})")
ROW_LINE = Text("  dòng {line}: {status} {name} — {message}", "  line {line}: {status} {name} — {message}")
ROW_STATUS = {"new": Text("mới", "new"), "update": Text("cập nhật", "update"),
              "unchanged": Text("không đổi", "unchanged"), "error": Text("lỗi", "error")}
ADDED = Text("Đã thêm {name}, thẻ {card}.", "Added {name}, card {card}.")
PLAN_HEAD = Text("Năm học {from_year} → {to_year}; khối cuối {last_grade}: {promoted} học sinh "
                 "lên lớp, {graduated} ra trường.",
                 "School year {from_year} → {to_year}; last grade {last_grade}: {promoted} "
                 "students move up, {graduated} graduate.")
PLAN_LINE = Text("  {from_class} → {to_class} ({students})", "  {from_class} → {to_class} ({students})")
GRADUATE = Text("ra trường", "graduates")
CLASS_SETS_HEAD = Text("Bộ sách giáo khoa còn đang cho lớp mượn ({count}):",
                       "Textbook sets still lent to a class ({count}):")
CLASS_SET_MOVES = Text("  lớp {klass} (hạn {due}) chuyển theo học sinh sang lớp {to}",
                       "  class {klass} (due {due}) goes with its students to {to}")
CLASS_SET_CLOSES = Text("  lớp {klass} (hạn {due}) được kết thúc: học sinh ra trường, sách "
                        "các em còn giữ vẫn ghi mượn của từng em",
                        "  class {klass} (due {due}) is closed: its students graduate, the "
                        "books they still have stay on their loans")
BAD_ENCODING_ARG = Text("Bảng mã “{value}” sai; dùng dạng CỘT=BẢNG_MÃ với bảng mã là {allowed}, "
                        "ví dụ \"B=vni\".",
                        "Bad encoding “{value}”; use COLUMN=ENCODING with ENCODING one of "
                        "{allowed}, e.g. \"B=vni\".")
NO_ENCODING_COLUMN = Text("Không có cột “{column}” trong tệp (--encoding); cột là tiêu đề, số "
                          "thứ tự hoặc chữ cái, ví dụ B. Các cột: {columns}.",
                          "There is no column “{column}” in the file (--encoding); name it by "
                          "header, number or letter, e.g. B. Columns: {columns}.")
GRADUATES_BORROWING = Text(
    "Chú ý: {students} học sinh sắp ra trường còn đang mượn {books} cuốn — thu hồi sách trước "
    "khi lên lớp:",
    "Note: {students} graduating student(s) still have {books} book(s) on loan — get them back "
    "before the rollover:")
GRADUATE_BORROWER = Text("  {name} ({klass}, thẻ {card}): {books} cuốn",
                         "  {name} ({klass}, card {card}): {books} book(s)")
UNKNOWN_CLASS = Text("  {klass}: không rõ khối, giữ nguyên ({students})",
                     "  {klass}: no grade, left as is ({students})")
APPLIED = Text("Đã lên lớp (có thể hoàn tác bằng: thuvien rollover --undo).",
               "Rollover applied (undo with: thuvien rollover --undo).")
UNDONE = Text("Đã hoàn tác lần lên lớp {from_year} → {to_year}.",
              "Undid the rollover {from_year} → {to_year}.")
PREVIEW = Text("Chạy thử, chưa thay đổi gì.", "Dry run; nothing changed.")
ERASED = Text("Đã xoá dữ liệu cá nhân của bạn đọc #{id}.", "Erased the personal data of patron #{id}.")
PURGED = Text("{mode}: {count} bạn đọc đã nghỉ/ra trường lâu sẽ được ẩn danh.",
              "{mode}: {count} patrons who left long ago anonymised.")
STATUS_SET = Text("{name}: {status}.", "{name}: {status}.")
CARDS_EXTENDED = Text("Gia hạn thẻ của {count} học sinh lên lớp đến {until}.",
                      "The cards of {count} students moving up are extended to {until}.")
EARLY = Text("Chú ý: năm học {year} chưa kết thúc (hôm nay {today}); lên lớp bây giờ là sớm một "
             "năm. Nếu nhầm, hoàn tác bằng: thuvien rollover --undo.",
             "Note: the school year {year} has not ended (today {today}); this rollover is a "
             "year early. If it was a slip, undo it with: thuvien rollover --undo.")
CARDS_KEPT = Text("Không gia hạn thẻ: thẻ của {count} học sinh lên lớp vẫn giữ hạn cũ "
                  "(thêm --extend-cards để gia hạn đến hết năm học mới).",
                  "Cards not extended: {count} students moving up keep their expiry (add "
                  "--extend-cards to extend them to the new school year's end).")
RENEWED_CARD = Text("Đã gia hạn thẻ {card} của {name} đến {until}.",
                    "Renewed {name}'s card {card} until {until}.")
NO_EXPIRY = Text("không có hạn", "no expiry")
CARD_UNTIL = Text("thẻ có giá trị đến {until}", "valid until {until}")
CARD_EXPIRED = Text("THẺ HẾT HẠN (có giá trị đến {until})", "CARD EXPIRED (valid until {until})")
SHOW_LINES = (
    (Text("Họ tên", "Name"), "name"), (Text("Lớp", "Class"), "class"),
    (Text("Mã thẻ", "Card"), "card"), (Text("Mã học sinh", "Student code"), "student_code"),
    (Text("Ngày sinh", "Date of birth"), "birth"), (Text("Tình trạng", "Status"), "status"),
    (Text("Hạn thẻ", "Card validity"), "validity"))
VALIDITY_LINE = Text("  {category}: {validity}", "  {category}: {validity}")
VALIDITY_HEAD = Text("Thời hạn thẻ mặc định (thẻ cấp mới, gia hạn):",
                     "Default card validity (new cards, renewals):")
BAD_VALIDITY = Text("Thời hạn thẻ “{value}” không hợp lệ (none, school-year hoặc số tháng, "
                    "ví dụ 12).",
                    "Bad card validity “{value}” (none, school-year or a number of months, e.g. "
                    "12).")


def register(subparsers: Any) -> None:
    """Add ``patrons …`` and ``rollover``."""
    patrons = subparsers.add_parser("patrons", help=phrase(
        "bạn đọc: nhập danh sách lớp, xem danh sách, thêm…", "patrons: import class lists, list, add…"))
    sub = patrons.add_subparsers(dest="patrons_command", metavar=phrase("VIỆC", "ACTION"),
                                 required=True)
    patron_help = phrase("thẻ bạn đọc, mã học sinh hoặc số id", "card, student code or id")
    class_help = phrase("lớp, ví dụ 6A", "class, e.g. 6A")
    status_help = phrase("active = đang học, blocked = tạm khoá, left = đã chuyển đi, "
                         "graduated = đã ra trường",
                         "active, blocked, left (moved away) or graduated")
    dry_run_help = phrase("chỉ cho xem điều sẽ làm, không ghi gì",
                          "show what would happen, write nothing")

    p = sub.add_parser("import", help=phrase("nhập danh sách lớp (CSV hoặc XLSX)",
                                             "import a class list (CSV or XLSX)"))
    p.add_argument("file", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "tệp .csv hoặc .xlsx", "a .csv or .xlsx file"))
    p.add_argument("--dry-run", action="store_true", help=phrase(
        "kiểm tra từng dòng, không ghi gì", "check every row, write nothing"))
    add_json_flag(p)
    p.add_argument("--map", action="append", default=[],
                   metavar=phrase("CỘT=TRƯỜNG", "COLUMN=FIELD"), help=phrase(
                       "tự gán một cột (tiêu đề, số thứ tự hoặc chữ cái) cho một trường",
                       "map a column (header, number or letter) to a field by hand"))
    p.add_argument("--encoding", action="append", default=[],
                   metavar=phrase("CỘT=BẢNG_MÃ", "COLUMN=ENCODING"), help=phrase(
                       "đọc một cột (tiêu đề, số thứ tự hoặc chữ cái) theo bảng mã unicode, "
                       "tcvn3 (.VnTime) hoặc vni khi nhận sai, ví dụ B=vni",
                       "read a column (header, number or letter) as unicode, tcvn3 (.VnTime) "
                       "or vni when it was misdetected, e.g. B=vni"))
    p.add_argument("--class", dest="class_name", help=phrase(
        "lớp cho các dòng không có cột lớp", "class for rows without a class column"))
    p.add_argument("--year", help=phrase("năm học của các dòng (mặc định: năm học của thư viện)",
                                         "school year for the rows (default: the library's)"))
    p.set_defaults(handler=import_file)

    p = sub.add_parser("list", help=phrase("liệt kê bạn đọc (theo lớp)", "list patrons (by class)"))
    p.add_argument("--class", dest="class_name", help=class_help)
    p.add_argument("--status", choices=["active", "blocked", "left", "graduated"],
                   help=status_help)
    p.add_argument("--cards", choices=["expired", "expiring"], help=phrase(
        "chỉ thẻ đã hết hạn (expired) hoặc sắp hết hạn (expiring, trong số ngày báo trước)",
        "only cards expired or expiring (within the notice days)"))
    add_json_flag(p)
    p.set_defaults(handler=list_patrons)

    p = sub.add_parser("show", help=phrase("xem một bạn đọc (cả hạn thẻ)",
                                           "show one patron (with the card's validity)"))
    p.add_argument("patron", metavar=phrase("BẠN_ĐỌC", "PATRON"), help=patron_help)
    add_json_flag(p)
    p.set_defaults(handler=show)

    p = sub.add_parser("renew-card", help=phrase(
        "gia hạn thẻ bạn đọc (mặc định: theo thời hạn thẻ của loại bạn đọc)",
        "renew a reader's card (default: by the category's card validity)"))
    p.add_argument("patron", metavar=phrase("THẺ", "CARD"), help=patron_help)
    p.add_argument("--until", help=phrase("hạn mới, dd/mm/yyyy", "new expiry, dd/mm/yyyy"))
    add_json_flag(p)
    p.set_defaults(handler=renew_card)

    p = sub.add_parser("validity", help=phrase(
        "xem hoặc đặt thời hạn thẻ mặc định theo loại bạn đọc",
        "show or set the default card validity per category"))
    for category in ("student", "teacher", "staff", "community"):
        p.add_argument(f"--{category}", metavar=phrase("HẠN", "VALIDITY"), help=phrase(
            "none (không hạn), school-year (đến hết năm học) hoặc số tháng",
            "none, school-year (to the end of the school year) or a number of months"))
    add_json_flag(p)
    p.set_defaults(handler=validity)

    p = sub.add_parser("search", help=phrase("tìm bạn đọc theo tên, thẻ hoặc mã học sinh",
                                             "find patrons by name, card or student code"))
    p.add_argument("query", metavar=phrase("TỪ_KHOÁ", "QUERY"), help=phrase(
        "tên, mã thẻ hoặc mã học sinh", "name, card or student code"))
    add_json_flag(p)
    p.set_defaults(handler=search)

    p = sub.add_parser("add", help=phrase("thêm một bạn đọc", "add one patron"))
    p.add_argument("name", metavar=phrase("HỌ_TÊN", "NAME"), help=phrase(
        "họ và tên đầy đủ", "full name"))
    p.add_argument("--category", default="student",
                   choices=["student", "teacher", "staff", "community"], help=phrase(
                       "student = học sinh, teacher = giáo viên, staff = cán bộ, nhân viên, "
                       "community = bạn đọc ngoài trường",
                       "student, teacher, staff or community"))
    p.add_argument("--class", dest="class_name", help=class_help)
    p.add_argument("--code", dest="student_code", help=phrase("mã học sinh", "student code"))
    p.add_argument("--birth", dest="birth_date", help=phrase(
        "ngày sinh, dd/mm/yyyy (hoặc chỉ năm sinh, ví dụ 2012)",
        "date of birth, dd/mm/yyyy (or the year alone, e.g. 2012)"))
    p.add_argument("--gender", help=phrase("giới tính", "gender"))
    p.add_argument("--card", help=phrase("mã thẻ (mặc định: số tiếp theo của mẫu số thẻ)",
                                         "card code (default: next number of the card scheme)"))
    p.add_argument("--phone", help=phrase("số điện thoại", "phone number"))
    p.add_argument("--email", help=phrase("thư điện tử", "email address"))
    p.add_argument("--expires", metavar="dd/mm/yyyy", help=phrase(
        "hạn thẻ (mặc định: theo thời hạn thẻ của loại bạn đọc; none = không có hạn)",
        "card valid until (default: the category's card validity; none = no expiry)"))
    add_json_flag(p)
    p.set_defaults(handler=add)

    p = sub.add_parser("status", help=phrase("đặt tình trạng của bạn đọc", "set a patron's status"))
    p.add_argument("patron", metavar=phrase("BẠN_ĐỌC", "PATRON"), help=patron_help)
    p.add_argument("status", choices=["active", "blocked", "left", "graduated"], help=status_help)
    add_json_flag(p)
    p.set_defaults(handler=set_status)

    p = sub.add_parser("export", help=phrase("xuất dữ liệu cá nhân của một bạn đọc (JSON)",
                                             "export one patron's personal data (JSON)"))
    p.add_argument("patron", metavar=phrase("BẠN_ĐỌC", "PATRON"), help=patron_help)
    p.add_argument("--out", type=Path, help=phrase("ghi vào tệp này thay vì ra màn hình",
                                                   "write to this file instead of the screen"))
    p.set_defaults(handler=export)

    p = sub.add_parser("erase", help=phrase("xoá (ẩn danh hoá) dữ liệu cá nhân của một bạn đọc",
                                            "erase (anonymise) one patron's personal data"))
    p.add_argument("patron", metavar=phrase("BẠN_ĐỌC", "PATRON"), help=patron_help)
    p.add_argument("--force", action="store_true", help=phrase(
        "xoá cả khi bạn đọc còn sách đang mượn", "even with items still on loan"))
    p.set_defaults(handler=erase)

    p = sub.add_parser("purge", help=phrase(
        "ẩn danh hoá bạn đọc đã chuyển đi / ra trường từ lâu",
        "anonymise patrons who left/graduated long ago"))
    p.add_argument("--years", type=whole_number(1, 100), help=phrase(
        "sau bao nhiêu năm (mặc định: cài đặt patron_purge_after_years, 5)",
        "after how many years (default: setting patron_purge_after_years, 5)"))
    p.add_argument("--dry-run", action="store_true", help=dry_run_help)
    add_json_flag(p)
    p.set_defaults(handler=purge)

    p = subparsers.add_parser("rollover", help=phrase("sang năm học mới: lên lớp cho mọi lớp",
                                                      "new school year: move every class up a grade"))
    p.add_argument("--dry-run", action="store_true", help=dry_run_help)
    p.add_argument("--undo", action="store_true", help=phrase("hoàn tác lần lên lớp gần nhất",
                                                              "undo the latest rollover"))
    p.add_argument("--last-grade", type=whole_number(1, 12), help=phrase(
        "khối cuối cấp, ra trường (5, 9 hoặc 12)", "grade that graduates (5, 9 or 12)"))
    p.add_argument("--extend-cards", action=argparse.BooleanOptionalAction, default=None,
                   help=phrase("gia hạn thẻ có hạn của học sinh lên lớp đến hết năm học mới "
                               "(mặc định: có, khi thẻ học sinh có hạn đến hết năm học)",
                               "extend the cards (with an expiry) of students moving up to the "
                               "new school year's end (default: yes when student cards run "
                               "to the end of the school year)"))
    add_json_flag(p)
    p.set_defaults(handler=rollover)


def find_patron(lib: Library, key: str) -> Patron:
    """A patron by card, student code or numeric id (NotFoundError otherwise); a card
    scanned with an AIM prefix or typed in full-width digits is read as the card."""
    key = normalise(key)
    found = lib.patrons.by_card(key) or lib.patrons.by_student_code(key)
    patron_id = as_id(key)
    if found is None and patron_id is not None:
        try:
            found = lib.patrons.get(patron_id)
        except NotFoundError:
            found = None
    if found is None:
        raise NotFoundError("patron.not_found", NO_PATRON, key=key)
    return found


def patron_json(p: Patron) -> dict[str, Any]:
    """The JSON shape of a patron in ``patrons list``."""
    return {"id": p.id, "student_code": p.student_code, "name": p.full_name,
            "class": p.class_name, "card": p.card, "status": p.status,
            "expires_on": p.expires_on}


def _parse_map(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        column, sep, field = item.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise ValidationError("cli.bad_map", BAD_MAP, value=item)
        mapping[column.strip()] = field.strip()
    return mapping


def _parse_encodings(items: list[str]) -> dict[str, str]:
    """``--encoding COL=ENC`` values as ``{column: encoding}`` (``TCVN3`` → ``tcvn3``)."""
    chosen = {}
    for item in items:
        column, sep, encoding = item.rpartition("=")
        encoding = encoding.strip().lower()
        if not sep or not column.strip() or encoding not in legacy_text.ENCODINGS:
            raise ValidationError("cli.bad_encoding", BAD_ENCODING_ARG, value=item,
                                  allowed=", ".join(legacy_text.ENCODINGS))
        chosen[column.strip()] = encoding
    return chosen


def _check_encoding_columns(result: ImportResult, chosen: dict[str, str]) -> None:
    """Each column named by ``--encoding`` is one of the file's (by header, number or
    letter); the core leaves out a column no sheet has, which would hide a typo."""
    for column in chosen:
        wanted = fold(column)
        if not any(wanted in (fold(c.header), fold(c.letter), str(c.index + 1))
                   for c in result.columns):
            names = ", ".join(f"{c.letter} “{c.header}”" if c.header else c.letter
                              for c in result.columns)
            raise ValidationError("cli.bad_encoding_column", NO_ENCODING_COLUMN,
                                  column=column, columns=names)


def import_file(args: argparse.Namespace) -> int:
    """``thuvien patrons import FILE``."""
    mapping = _parse_map(args.map)
    chosen = _parse_encodings(args.encoding)
    with open_library(args) as lib:
        def run(dry_run: bool) -> ImportResult:
            return lib.patrons.import_class_list(args.file, dry_run=dry_run,
                                                 mapping=mapping or None,
                                                 default_class=args.class_name,
                                                 school_year=args.year,
                                                 encodings=chosen or None)

        checked = None
        if chosen:  # a mistyped column is said before anything is written
            checked = run(dry_run=True)
            _check_encoding_columns(checked, chosen)
        result = checked if checked is not None and args.dry_run else run(args.dry_run)
    if args.json:
        print_json(result.to_dict())
    else:
        _print_import(result)
    return 1 if result.counts["error"] else 0


def _print_import(result: ImportResult) -> None:
    mode = DONE() if result.applied else DRY()
    print(SUMMARY(mode=mode, **result.counts))
    if result.hidden_sheets:
        print(result.hidden_note())
    for c in result.columns:
        if c.field not in (None, "ignore"):
            print(COLUMN_LINE(column=c.letter, header=c.header, field=c.field,
                              encoding=c.encoding or "-"))
    for r in result.rows:
        if r.status != "unchanged" and (r.messages or r.status == "update"):
            message = "; ".join(r.messages) or ", ".join(
                f"{k}: {old} → {new}" for k, (old, new) in r.changes.items())
            status = ROW_STATUS[r.status]() if r.status in ROW_STATUS else r.status
            print(ROW_LINE(line=r.line, status=status, name=r.values.get("full_name") or "",
                           message=message))


def list_patrons(args: argparse.Namespace) -> int:
    """``thuvien patrons list``."""
    with open_library(args) as lib:
        found = lib.patrons.list_patrons(class_name=args.class_name, status=args.status,
                                         cards=args.cards)
    return _print_patrons(found, args.json)


def search(args: argparse.Namespace) -> int:
    """``thuvien patrons search QUERY``."""
    with open_library(args) as lib:
        found = lib.patrons.search(args.query)
    return _print_patrons(found, args.json)


def _print_patrons(found: list[Patron], as_json: bool) -> int:
    if as_json:
        print_json({"patrons": [patron_json(p) for p in found]})
        return 0
    width = max([30, *(len(p.full_name) for p in found)])
    today = library_today()
    for p in found:
        card = f" · {_validity_words(p, today)}" if p.expires_on else ""
        print(f"{p.card:<10} {p.class_name or '':<6} {p.full_name:<{width}} "
              f"{display_date(p.birth_date):<10} {p.student_code or ''} "
              f"{status_words(p.status, p.category)}{card}")
    return 0


def _validity_words(p: Patron, today: date) -> str:
    if not p.expires_on:
        return NO_EXPIRY()
    words = CARD_EXPIRED if p.card_expired(today) else CARD_UNTIL
    return words(until=display_date(p.expires_on))


def show(args: argparse.Namespace) -> int:
    """``thuvien patrons show PATRON``."""
    with open_library(args) as lib:
        p = find_patron(lib, args.patron)
    if args.json:
        print_json({"patron": dict(patron_json(p), category=p.category,
                                   birth_date=p.birth_date, school_year=p.school_year)})
        return 0
    values = {"name": p.full_name, "class": p.class_name or "", "card": p.card,
              "student_code": p.student_code or "", "birth": display_date(p.birth_date),
              "status": status_words(p.status, p.category),
              "validity": _validity_words(p, library_today())}
    for label, key in SHOW_LINES:
        print(f"{label() + ':':<14} {values[key]}")
    return 0


def renew_card(args: argparse.Namespace) -> int:
    """``thuvien patrons renew-card CARD [--until dd/mm/yyyy]``."""
    with open_library(args) as lib:
        p = lib.patrons.renew_card(find_patron(lib, args.patron).id, until=args.until)
    if args.json:
        print_json({"patron": patron_json(p)})
    else:
        print(RENEWED_CARD(name=p.full_name, card=p.card,
                           until=display_date(p.expires_on) or NO_EXPIRY()))
    return 0


def _parse_validity(value: str) -> Validity:
    text = value.strip().lower()
    if text in ("none", "không", "khong"):
        return Validity("none")
    if text in ("school-year", "school_year", "năm-học", "nam-hoc"):
        return Validity("school_year")
    if text.isdigit() and 1 <= int(text) <= 120:
        return Validity("months", int(text))
    raise ValidationError("cli.bad_validity", BAD_VALIDITY, value=value)


def validity(args: argparse.Namespace) -> int:
    """``thuvien patrons validity [--student …] [--community …]``."""
    given = {c: _parse_validity(v) for c in ("student", "teacher", "staff", "community")
             if (v := getattr(args, c)) is not None}
    with open_library(args) as lib:
        if given:
            lib.patrons.set_validity(given)
        policies = lib.patrons.validity()
    if args.json:
        print_json({"validity": {c: v.to_json() for c, v in policies.items()}})
        return 0
    print(VALIDITY_HEAD())
    for category, policy in policies.items():
        print(VALIDITY_LINE(category=CATEGORY_WORDS[category](), validity=policy.describe()))
    return 0


def add(args: argparse.Namespace) -> int:
    """``thuvien patrons add NAME``."""
    with open_library(args) as lib:
        p = lib.patrons.add(args.name, category=args.category, class_name=args.class_name,
                            student_code=args.student_code, birth_date=args.birth_date,
                            gender=args.gender, card=args.card, phone=args.phone,
                            email=args.email, expires_on=_expires(args.expires))
    if args.json:
        print_json({"patron": patron_json(p)})
    else:
        print(ADDED(name=p.full_name, card=p.card))
    return 0


def _expires(value: str | None) -> str | None:
    if value is None:
        return DEFAULT_EXPIRY
    return None if value.strip().lower() in ("none", "không", "khong") else value


def set_status(args: argparse.Namespace) -> int:
    """``thuvien patrons status PATRON STATUS``."""
    with open_library(args) as lib:
        p = lib.patrons.set_status(find_patron(lib, args.patron).id, args.status)
    if args.json:
        print_json({"patron": patron_json(p)})
    else:
        print(STATUS_SET(name=p.full_name, status=status_words(p.status, p.category)))
    return 0


def export(args: argparse.Namespace) -> int:
    """``thuvien patrons export PATRON``."""
    with open_library(args) as lib:
        text = lib.patrons.privacy.export_json(find_patron(lib, args.patron).id)
    if args.out:
        output_file(args.out, "ban-doc.json").write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def erase(args: argparse.Namespace) -> int:
    """``thuvien patrons erase PATRON``."""
    with open_library(args) as lib:
        patron = find_patron(lib, args.patron)
        lib.patrons.privacy.erase(patron.id, force=args.force)
    print(ERASED(id=patron.id))
    return 0


def purge(args: argparse.Namespace) -> int:
    """``thuvien patrons purge``."""
    with open_library(args) as lib:
        privacy = lib.patrons.privacy
        ids = privacy.purge_candidates(args.years) if args.dry_run else privacy.purge(args.years)
    if args.json:
        print_json({"dry_run": args.dry_run, "patron_ids": ids})
    else:
        print(PURGED(mode=DRY() if args.dry_run else DONE(), count=len(ids)))
    return 0


def rollover(args: argparse.Namespace) -> int:
    """``thuvien rollover [--dry-run] [--undo]``."""
    with open_library(args) as lib:
        r = lib.patrons.rollover
        if args.undo:
            plan = r.undo()
        elif args.dry_run:
            plan = r.preview(args.last_grade, extend_cards=args.extend_cards)
        else:
            plan = r.apply(args.last_grade, extend_cards=args.extend_cards)
    if args.json:
        print_json(dict(plan.to_dict(), dry_run=args.dry_run, undo=args.undo))
        return 0
    _print_plan(plan)
    if args.undo:
        print(UNDONE(from_year=plan.from_year, to_year=plan.to_year))
    else:
        print(PREVIEW() if args.dry_run else APPLIED())
    return 0


def _print_plan(plan: RolloverPlan) -> None:
    print(PLAN_HEAD(from_year=plan.from_year, to_year=plan.to_year, last_grade=plan.last_grade,
                    promoted=plan.promoted, graduated=plan.graduated))
    for m in plan.moves:
        print(PLAN_LINE(from_class=m.from_class, to_class=m.to_class or GRADUATE(),
                        students=m.students))
    for klass, n in plan.unknown_classes:
        print(UNKNOWN_CLASS(klass=klass, students=n))
    if plan.class_loans:
        print(CLASS_SETS_HEAD(count=len(plan.class_loans)))
        for klass, to_class, due in plan.class_loans:
            words = CLASS_SET_MOVES if to_class else CLASS_SET_CLOSES
            print(words(klass=klass, due=display_date(due), to=to_class or ""))
    if plan.graduates_with_loans:
        print(GRADUATES_BORROWING(students=len(plan.graduates_with_loans),
                                  books=plan.graduate_books))
        for name, klass, card, books in plan.graduates_with_loans:
            print(GRADUATE_BORROWER(name=name, klass=klass, card=card, books=books))
    if plan.early:
        print(EARLY(year=plan.from_year, today=display_date(library_today().isoformat())),
              file=sys.stderr)
    if plan.cards_extended and plan.cards_until:
        print(CARDS_EXTENDED(count=plan.cards_extended, until=display_date(plan.cards_until)))
    elif plan.cards_extended:
        print(CARDS_KEPT(count=plan.cards_extended))


