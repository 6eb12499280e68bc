"""``thuvien sync enroll|now|status|personal-data`` and ``thuvien union-search``/``union-copy``."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli._common import MAX_LIMIT, add_json_flag, open_library, phrase, print_json, whole_number
from app.i18n import Text

ENROLLED = Text("Đã ghi danh: {code} — {name}. {where}",
                "Enrolled as {code} — {name}. {where}")
RENUMBERED = Text(
    "{count} thay đổi được đánh số lại sau khi khôi phục bản sao lưu cũ (không mất thay đổi nào).",
    "{count} changes were renumbered after an old backup was restored (none were lost).")
SYNCED = Text("Đã đồng bộ: gửi {pushed} thay đổi (đến số {acked}), nhận {pulled} biểu ghi liên hợp.",
              "Synced: sent {pushed} changes (up to {acked}), received {pulled} union records.")
STATUS = Text("Máy chủ: {server} ({code})\nLần đồng bộ cuối: {last}\nThay đổi chờ gửi: {pending}\n"
              "Biểu ghi liên hợp đã lưu: {cached}\nLỗi gần nhất: {error}\n{where}",
              "Server: {server} ({code})\nLast sync: {last}\nChanges waiting: {pending}\n"
              "Union records cached: {cached}\nLast error: {error}\n{where}")
KEPT = Text("{count} thay đổi giữ lại ở trường (thông tin bạn đọc, đặt trước, mượn theo lớp): "
            "không gửi lên huyện.",
            "{count} changes kept at the school (readers' details, holds, class loans): not sent "
            "to the district.")
NONE = Text("không", "none")
NOT_SET = Text("chưa ghi danh", "not enrolled")
FOUND = Text("Tìm thấy {total} biểu ghi trong mục lục liên hợp (bản lưu trên máy).",
             "Found {total} records in the union catalog (local copy).")
NOTHING_FOUND = Text(
    "Không tìm thấy biểu ghi nào cho «{query}» trong mục lục liên hợp (bản lưu trên máy: "
    "{cached} biểu ghi).",
    "No record found for “{query}” in the union catalog (local copy: {cached} records).")
NO_COPY_YET = Text(
    "Máy này chưa có bản lưu mục lục liên hợp: ghi danh rồi đồng bộ trước (thuvien sync enroll "
    "URL MÃ, rồi thuvien sync now).",
    "This computer has no copy of the union catalog yet: enroll and sync first (thuvien sync "
    "enroll URL CODE, then thuvien sync now).")
COPIED = Text("Đã chép biểu ghi liên hợp {union_id} vào mục lục: biểu ghi số {record_id}.",
              "Copied union record {union_id} into the catalog as record {record_id}.")
POLICY = Text("Chia sẻ dữ liệu cá nhân với huyện: {value}.",
              "Personal data shared with the district: {value}.")


def register(subparsers: Any) -> None:
    """Add the sync commands."""
    sync = subparsers.add_parser("sync", help=phrase("đồng bộ với máy chủ thư viện huyện",
                                                     "sync with the district server"))
    sub = sync.add_subparsers(dest="sync_command", required=True,
                              metavar=phrase("VIỆC", "ACTION"))
    p = sub.add_parser("enroll", help=phrase("đăng ký với mã dùng một lần do huyện cấp",
                                             "enroll with a one-time code from the district"))
    p.add_argument("url", metavar="URL", help=phrase("địa chỉ máy chủ của huyện, https://…",
                                                     "the district server's address, https://…"))
    p.add_argument("code", metavar=phrase("MÃ", "CODE"), help=phrase(
        "mã đăng ký dùng một lần", "the one-time enrollment code"))
    p.add_argument("--ca-file", help=phrase(
        "chứng chỉ CA (PEM) khi huyện dùng CA riêng",
        "CA certificate (PEM) of a district with its own CA"))
    add_json_flag(p)
    p.set_defaults(handler=enroll)
    p = sub.add_parser("now", help=phrase("gửi thay đổi và nhận mục lục liên hợp ngay",
                                          "push changes and pull the union catalog now"))
    add_json_flag(p)
    p.set_defaults(handler=now)
    p = sub.add_parser("status", help=phrase(
        "lần đồng bộ gần nhất, số thay đổi đang chờ, lỗi gần nhất",
        "last sync, changes waiting, last error"))
    add_json_flag(p)
    p.set_defaults(handler=status)
    p = sub.add_parser("personal-data", help=phrase(
        "có gửi dữ liệu cá nhân lên huyện không? none|share",
        "share personal data with the district? none|share"))
    p.add_argument("value", choices=["none", "share"], help=phrase(
        "none = không gửi (mặc định), share = gửi", "none (the default) or share"))
    p.set_defaults(handler=personal_data)

    p = subparsers.add_parser("union-search", help=phrase(
        "tìm trong bản sao mục lục liên hợp trên máy", "search the local copy of the union catalog"))
    p.add_argument("query", metavar=phrase("TỪ_KHOÁ", "QUERY"), help=phrase(
        "từ trong nhan đề, tác giả, chủ đề, nhà xuất bản, tùng thư; ISBN; year:2020",
        "words of the title, authors, subjects, publisher, series; an ISBN; year:2020"))
    p.add_argument("--limit", type=whole_number(1, MAX_LIMIT), default=20, help=phrase(
        "số kết quả tối đa (mặc định 20)", "most results to list (default 20)"))
    add_json_flag(p)
    p.set_defaults(handler=union_search)
    p = subparsers.add_parser("union-copy", help=phrase(
        "chép một biểu ghi liên hợp vào mục lục", "copy a union record into the catalog"))
    p.add_argument("union_id", type=whole_number(1, 2**63 - 1), metavar="UNION_ID", help=phrase(
        "số id trong kết quả union-search", "the id from union-search's results"))
    add_json_flag(p)
    p.set_defaults(handler=union_copy)


def enroll(args: argparse.Namespace) -> int:
    """``thuvien sync enroll URL CODE [--ca-file F] [--json]``."""
    with open_library(args) as lib:
        library = lib.sync.enroll(args.url, args.code, args.ca_file)
        where = lib.sync.token_store().where()
    if args.json:
        print_json({"library": library, "token_storage": where})
    else:
        print(ENROLLED(code=library["code"], name=library["name"], where=where))
    return 0


def now(args: argparse.Namespace) -> int:
    """``thuvien sync now [--json]``: exit 0 when done, 2 with the reason in words."""
    with open_library(args) as lib:
        report = lib.sync.sync_now()
    if args.json:
        print_json({"pushed": report.pushed, "acked_seq": report.acked_seq,
                    "pulled": report.pulled, "renumbered": report.renumbered,
                    "withheld": report.withheld})
    else:
        print(SYNCED(pushed=report.pushed, acked=report.acked_seq, pulled=report.pulled))
        if report.withheld:
            print(KEPT(count=report.withheld))
        if report.renumbered:
            print(RENUMBERED(count=report.renumbered))
    return 0


def status(args: argparse.Namespace) -> int:
    """``thuvien sync status [--json]``."""
    with open_library(args) as lib:
        st = lib.sync.status()
    if args.json:
        print_json(st.to_dict())
    else:
        print(STATUS(server=st.server_url or NOT_SET(), code=st.library_code or "-",
                     last=st.last_sync_local, pending=st.pending, cached=st.union_records,
                     error=st.last_error or NONE(),
                     # where a key is kept means nothing before there is one ("…is kept in
                     # the file …" of a library never enrolled)
                     where=(st.token_storage or "") if st.enrolled else ""))
    return 0


def personal_data(args: argparse.Namespace) -> int:
    """``thuvien sync personal-data none|share``."""
    with open_library(args) as lib:
        lib.sync.set_personal_data(args.value)
    print(POLICY(value=args.value))
    return 0


def union_search(args: argparse.Namespace) -> int:
    """``thuvien union-search QUERY [--limit N] [--json]`` (offline, from the local cache)."""
    with open_library(args) as lib:
        result = lib.sync.union_search(args.query, max(1, args.limit))
        cached = lib.sync.status().union_records if not result["total"] else 0
    if args.json:
        print_json(result)
        return 0
    if not result["total"]:
        print(NOTHING_FOUND(query=args.query, cached=cached) if cached else NO_COPY_YET())
        return 0
    print(FOUND(total=result["total"]))
    for h in result["hits"]:
        who = f" — {h['author']}" if h["author"] else ""
        year = f" ({h['year']})" if h["year"] else ""
        held = ", ".join(f"{x['library_code']}:{x['available']}/{x['total']}"
                         for x in h["holdings"])
        print(f"{h['id']:>7}  {h['title']}{who}{year}  {held}")
    return 0


def union_copy(args: argparse.Namespace) -> int:
    """``thuvien union-copy UNION_ID [--json]``: copy-catalogue offline."""
    with open_library(args) as lib:
        record_id = lib.sync.copy_to_catalog(args.union_id)
    if args.json:
        print_json({"union_id": args.union_id, "record_id": record_id})
    else:
        print(COPIED(union_id=args.union_id, record_id=record_id))
    return 0
