"""``thuvien-district``: run the district server and manage libraries from the command line.

    thuvien-district --db district.sqlite3 init
    thuvien-district --db district.sqlite3 library add --code TH-NGUYENDU --name "..." --type school
    thuvien-district --db district.sqlite3 serve --host 0.0.0.0 --port 8443 --ssl-certfile ...

``--db`` takes an SQLite path or a PostgreSQL URL (default: THUVIEN_DISTRICT_DB, then
``thuvien-district.sqlite3``). Every command brings the schema up to date first.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import make_url, select
from sqlalchemy.exc import OperationalError

from app.cli._common import phrase
from app.cli._parser import BilingualParser, language_asked
from app.i18n import set_language
from server import registry, stats
from server.db import make_engine, read, upgrade, write
from server.models import libraries
from server.schemas import LibraryIn
from server.settings import ServerSettings, load_settings


def _print(value: Any, as_json: bool, lines: list[str]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\n".join(lines) + "\n")


def _serve(settings: ServerSettings, args: argparse.Namespace) -> int:
    import uvicorn

    from server.api import create_app, tune_gc

    options: dict[str, Any] = {"host": args.host, "port": args.port,
                               "log_level": args.log_level, "ssl_certfile": args.ssl_certfile,
                               "ssl_keyfile": args.ssl_keyfile, "timeout_keep_alive": 30}
    if args.workers <= 1:
        app = create_app(settings)
        tune_gc()
        uvicorn.run(app, **options)
        return 0
    if settings.is_sqlite:
        print("Lỗi / Error: several workers need PostgreSQL (SQLite writes one push at a "
              "time)", file=sys.stderr)
        return 2
    # Each worker process builds the application from the environment.
    os.environ["THUVIEN_DISTRICT_DB"] = settings.database_url
    uvicorn.run("server.api:app_from_env", factory=True, workers=args.workers, **options)
    return 0


_FIELD_RULES = {
    "code": "mã thư viện gồm chữ không dấu, số, '.', '_', '-', tối đa 32 ký tự (ví dụ "
            "TH-NGUYENDU) / library code: letters without accents, digits, '.', '_', '-', "
            "at most 32 characters (e.g. TH-NGUYENDU)",
    "name": "tên thư viện từ 1 đến 200 ký tự / library name: 1 to 200 characters",
}


def _refused(exc: ValidationError) -> str:
    """The first problem found, on one line, naming the option and its rule."""
    field = str(exc.errors()[0]["loc"][0])
    rule = _FIELD_RULES.get(field, "tối đa 200 ký tự / at most 200 characters")
    return f"Lỗi / Error: --{field}: {rule}"


def _library_add(settings: ServerSettings, args: argparse.Namespace) -> int:
    try:  # the API's own rules for a library (code pattern, name length...)
        LibraryIn(code=args.code, name=args.name.strip(), type=args.type,
                  commune=args.commune, district=args.district)
    except ValidationError as exc:
        print(_refused(exc), file=sys.stderr)
        return 2
    engine = make_engine(settings)
    try:
        with write(engine) as conn:
            lib, code, expires = registry.add_library(
                conn, code=args.code, name=args.name, type=args.type, commune=args.commune,
                district=args.district, hours=settings.enrollment_hours)
    except registry.RegistryError as exc:
        print(f"Lỗi / Error: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    _print({"library": lib, "enrollment_code": code, "expires_at": expires}, args.json, [
        f"Đã đăng ký thư viện / Library registered: {lib['code']} — {lib['name']}",
        f"Mã ghi danh (dùng một lần) / One-time enrollment code: {code}",
        f"Hết hạn / Expires (UTC): {expires}",
    ])
    return 0


def _library_enrollment(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = make_engine(settings)
    try:
        with write(engine) as conn:
            code, expires = registry.new_enrollment(conn, args.code, settings.enrollment_hours)
    except registry.RegistryError as exc:
        print(f"Lỗi / Error: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    _print({"code": args.code, "enrollment_code": code, "expires_at": expires}, args.json, [
        f"Mã ghi danh mới / New enrollment code for {args.code}: {code} (UTC {expires})",
        "Khoá cũ của thư viện không còn dùng được / The library's old token no longer works.",
    ])
    return 0


def _libraries(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = make_engine(settings)
    try:
        with read(engine) as conn:
            rows = registry.list_libraries(conn)
    finally:
        engine.dispose()
    lines = [f"{r['code']:<16} {r['type']:<8} {'enrolled' if r['enrolled'] else 'waiting':<9} "
             f"received={r['acked_seq']:<8} applied={r['applied_seq']:<8}"
             f"{_pending(r)} last push={r['last_push_at'] or '-'}  {r['name']}"
             for r in rows] or ["(chưa có thư viện / no libraries yet)"]
    _print(rows, args.json, lines)
    return 0


def _pending(row: dict[str, Any]) -> str:
    """What waits to be applied, in words (empty when nothing does)."""
    waiting = row["acked_seq"] - row["applied_seq"]
    text = f" chờ áp dụng / pending: {waiting}" if waiting > 0 else ""
    if row.get("apply_error"):
        text += f" LỖI ÁP DỤNG / APPLY ERROR: {row['apply_error']}"
    return text + " "


def _apply(settings: ServerSettings, args: argparse.Namespace) -> int:
    from server import applier

    engine = make_engine(settings)
    try:
        applier.drain(engine, timeout=args.timeout)
    except TimeoutError as exc:
        print(f"Lỗi / Error: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print("Đã áp dụng mọi thay đổi đã nhận / Every received change is applied")
    return 0


def _admin_token(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = make_engine(settings)
    try:
        with write(engine) as conn:
            token = registry.create_admin_token(conn, args.label)
    finally:
        engine.dispose()
    _print({"admin_token": token}, args.json, [
        f"Khoá quản trị (chỉ hiện một lần) / Admin token (shown once): {token}"])
    return 0


def _stats(settings: ServerSettings, args: argparse.Namespace) -> int:
    try:
        stats.month_bounds(args.month)
    except ValueError:
        print(f"Lỗi / Error: --month: tháng viết YYYY-MM, ví dụ 2026-11 / a month is written "
              f"YYYY-MM, e.g. 2026-11 (not {args.month!r})", file=sys.stderr)
        return 2
    engine = make_engine(settings)
    try:
        with read(engine) as conn:
            if args.code is None:
                rows = list(conn.execute(select(libraries).order_by(libraries.c.code)))
            else:
                row = registry.library_by_code(conn, args.code)
                if row is None:
                    print(f"Lỗi / Error: no library with code {args.code}", file=sys.stderr)
                    return 2
                rows = [row]
            values = [{"library_code": row.code, "name": row.name,
                       **stats.month_stats(conn, row.id, args.month)} for row in rows]
            lagging = [r.code for r in conn.execute(registry.WITH_APPLIED)
                       if r.applied_seq < r.acked_seq and r.id in {row.id for row in rows}]
    finally:
        engine.dispose()
    if lagging:
        print(f"Lưu ý / Note: thay đổi đã nhận nhưng chưa áp dụng, chưa có trong số liệu / "
              f"changes received but not applied yet are not counted: {', '.join(lagging)}",
              file=sys.stderr)
    if args.csv:
        _write_stats_csv(args.csv, values)
    if args.code is not None:
        value = {k: v for k, v in values[0].items() if k != "name"}
        _print(value, args.json, [json.dumps(value, ensure_ascii=False, indent=2)])
    else:
        _print(values, args.json, _stats_table(values))
    return 0


_STATS_HEADER = ("Mã / Code", "Thư viện / Library", "Bản sách / Copies", "Lượt mượn / Loans",
                 "Bạn đọc / Readers", "Lượt đến / Visits")


def _stats_line(value: dict[str, Any]) -> list[Any]:
    return [value["library_code"], value["name"], sum(value["collection"].values()),
            value["loans"], value["active_readers"], value["visits"]]


def _stats_table(values: list[dict[str, Any]]) -> list[str]:
    """Every library's month as a plain-text table, with the district's total."""
    lines = [_stats_line(v) for v in values]
    lines.append(["", "Cộng / Total", *(sum(line[i] for line in lines) for i in range(2, 6))])
    cells = [list(_STATS_HEADER), *[[str(c) for c in line] for line in lines]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(_STATS_HEADER))]
    return ["  ".join(c.rjust(w) if i >= 2 else c.ljust(w) for i, (c, w) in
                      enumerate(zip(row, widths, strict=True))).rstrip() for row in cells]


def _write_stats_csv(path: str, values: list[dict[str, Any]]) -> None:
    """The month's figures as CSV for a spreadsheet (UTF-8 with a BOM, so that Excel reads
    Vietnamese names), one row per library and one column per collection code."""
    codes = sorted({code for v in values for code in v["collection"]})
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([*_STATS_HEADER, *(f"Kho / Collection {c or '-'}" for c in codes)])
        for v in values:
            writer.writerow([*_stats_line(v), *(v["collection"].get(c, 0) for c in codes)])


def _search(settings: ServerSettings, args: argparse.Namespace) -> int:
    from server import catalog_search

    engine = make_engine(settings)
    try:
        with read(engine) as conn:
            result = catalog_search.search(conn, args.query, limit=args.limit)
    finally:
        engine.dispose()
    more = "" if result["total_exact"] else "hơn / more than "
    lines = [f"Tìm thấy / Found: {more}{result['total']}"]
    for h in result["hits"]:
        who = f" — {h['author']}" if h["author"] else ""
        year = f" ({h['year']})" if h["year"] else ""
        isbn = f"  ISBN {', '.join(h['isbn'])}" if h["isbn"] else ""
        held = ", ".join(f"{x['library']} {x['available']}/{x['copies']}" for x in h["holdings"])
        lines.append(f"{h['id']:>7}  {h['title']}{who}{year}{isbn}  [{held}]")
    _print(result, args.json, lines)
    return 0


def _export_marc(settings: ServerSettings, args: argparse.Namespace) -> int:
    from server import union_marc

    out_path = Path(args.out)
    if out_path.is_dir():
        print(f"Lỗi / Error: {out_path} là một thư mục / is a folder", file=sys.stderr)
        return 2
    tmp = out_path.with_name(out_path.name + ".part")
    engine = make_engine(settings)
    try:
        with read(engine) as conn, tmp.open("wb") as out:
            written, problems = union_marc.export(conn, out, args.format)
        tmp.replace(out_path)
    except OSError as exc:
        print(f"Lỗi / Error: không ghi được / cannot write {out_path}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    finally:
        tmp.unlink(missing_ok=True)  # never leave half a file behind
        engine.dispose()
    print(f"Đã xuất / Exported {written} biểu ghi / records → {out_path}")
    for p in problems:
        print(f"  biểu ghi / record {p.number}: {p.reason}", file=sys.stderr)
    return 1 if problems else 0


def _limit(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 200):
        raise argparse.ArgumentTypeError(f"từ 1 đến 200 / from 1 to 200, not {text!r}")
    return int(text)


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"cổng từ 1 đến 65535 / a port from 1 to 65535, "
                                         f"not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The ``thuvien-district`` argument parser (help in the language ``--lang`` chose)."""
    parser = BilingualParser(prog="thuvien-district", description=phrase(
        "Máy chủ thư viện huyện của ThuVien (mục lục liên hợp, thống kê)",
        "ThuVien district server (union catalog, statistics)"))
    parser.add_argument("--db", help=phrase(
        "tệp SQLite hoặc địa chỉ CSDL (mặc định: THUVIEN_DISTRICT_DB)",
        "SQLite file or database URL (default: THUVIEN_DISTRICT_DB)"))
    parser.add_argument("--lang", choices=["vi", "en"], help=phrase(
        "ngôn ngữ của phần hướng dẫn", "language of the help"))
    sub = parser.add_subparsers(dest="command", required=True,
                                metavar=phrase("LỆNH", "COMMAND"))
    json_help = phrase("in kết quả dạng JSON", "print the result as JSON")
    label_help = phrase("tên gợi nhớ của mã quản trị", "a label for the admin token")

    serve = sub.add_parser("serve", help=phrase("chạy máy chủ HTTP", "run the HTTP server"))
    serve.add_argument("--host", default="127.0.0.1", help=phrase(
        "địa chỉ nghe (mặc định 127.0.0.1; 0.0.0.0 cho mạng của huyện)",
        "address to listen on (default 127.0.0.1; 0.0.0.0 for the district's network)"))
    serve.add_argument("--port", type=_port, default=8470, help=phrase(
        "cổng (mặc định 8470)", "port (default 8470)"))
    serve.add_argument("--ssl-certfile", help=phrase(
        "chứng chỉ TLS (PEM); dùng TLS khi không chỉ chạy trên máy này",
        "TLS certificate (PEM); use TLS off loopback"))
    serve.add_argument("--ssl-keyfile", help=phrase("khoá riêng TLS (PEM)",
                                                    "TLS private key (PEM)"))
    serve.add_argument("--log-level", default="info", help=phrase(
        "mức ghi nhật ký (debug, info, warning…)", "log level (debug, info, warning…)"))
    serve.add_argument("--workers", type=int, default=1, help=phrase(
        "số tiến trình máy chủ (chỉ PostgreSQL; khoảng một cho mỗi lõi CPU)",
        "server processes (PostgreSQL only; about one per CPU core)"))
    serve.set_defaults(handler=_serve)

    init = sub.add_parser("init", help=phrase(
        "tạo/nâng cấp CSDL và in một mã quản trị",
        "create/upgrade the database and print an admin token"))
    init.add_argument("--label", default="district admin", help=label_help)
    init.add_argument("--json", action="store_true", help=json_help)
    init.set_defaults(handler=_admin_token)

    token = sub.add_parser("admin-token", help=phrase("tạo thêm một mã quản trị",
                                                      "make another admin token"))
    token.add_argument("--label", default="district admin", help=label_help)
    token.add_argument("--json", action="store_true", help=json_help)
    token.set_defaults(handler=_admin_token)

    library = sub.add_parser("library", help=phrase(
        "đăng ký thư viện và mã đăng ký", "register libraries and enrollment codes"))
    lsub = library.add_subparsers(dest="library_command", required=True,
                                  metavar=phrase("VIỆC", "ACTION"))
    add = lsub.add_parser("add", help=phrase(
        "đăng ký một thư viện và in mã đăng ký của nó",
        "register a library and print its enrollment code"))
    add.add_argument("--code", required=True, help=phrase(
        "mã thư viện: chữ không dấu, số và gạch nối, ví dụ THCS-LELOI",
        "library code: plain letters, digits and hyphens, e.g. THCS-LELOI"))
    add.add_argument("--name", required=True, help=phrase("tên thư viện", "library name"))
    add.add_argument("--type", required=True, choices=["school", "commune"], help=phrase(
        "school = thư viện trường học, commune = thư viện xã/phường",
        "school or commune library"))
    add.add_argument("--commune", help=phrase("xã/phường", "commune"))
    add.add_argument("--district", help=phrase("huyện", "district"))
    add.add_argument("--json", action="store_true", help=json_help)
    add.set_defaults(handler=_library_add)
    enr = lsub.add_parser("enrollment", help=phrase(
        "mã đăng ký dùng một lần mới (máy tính mới)", "new one-time enrollment code (new PC)"))
    enr.add_argument("code", metavar=phrase("MÃ_THƯ_VIỆN", "CODE"), help=phrase(
        "mã của thư viện", "the library's code"))
    enr.add_argument("--json", action="store_true", help=json_help)
    enr.set_defaults(handler=_library_enrollment)

    libs = sub.add_parser("libraries", help=phrase(
        "các thư viện và lần đồng bộ gần nhất", "list libraries with their last sync"))
    libs.add_argument("--json", action="store_true", help=json_help)
    libs.set_defaults(handler=_libraries)

    apply = sub.add_parser("apply", help=phrase(
        "áp dụng ngay mọi thay đổi đã nhận (khi máy chủ không tự áp dụng)",
        "apply every received change now (when no server applies them)"))
    apply.add_argument("--timeout", type=float, default=600.0, help=phrase(
        "số giây chờ tối đa", "seconds to wait at most"))
    apply.set_defaults(handler=_apply)

    st = sub.add_parser("stats", help=phrase(
        "thống kê một tháng: của một thư viện, hoặc của mọi thư viện",
        "one month's statistics: a library's, or every library's"))
    st.add_argument("--code", help=phrase(
        "một thư viện (mặc định: mọi thư viện, kèm tổng)",
        "one library (default: every library, with the total)"))
    st.add_argument("--month", required=True, help=phrase("tháng YYYY-MM, ví dụ 2026-11",
                                                          "month YYYY-MM, e.g. 2026-11"))
    st.add_argument("--csv", metavar=phrase("TỆP", "FILE"), help=phrase(
        "ghi thêm các số liệu ra tệp CSV (Excel)", "also write the figures as CSV (Excel)"))
    st.add_argument("--json", action="store_true", help=json_help)
    st.set_defaults(handler=_stats)

    se = sub.add_parser("search", help=phrase(
        "tìm trong mục lục liên hợp (nhan đề, tác giả, ISBN)",
        "search the union catalog (title, author, ISBN)"))
    se.add_argument("query", metavar=phrase("TỪ_KHOÁ", "QUERY"), help=phrase(
        "từ trong nhan đề hoặc tác giả (có dấu hay không dấu), hoặc một ISBN",
        "words of the title or authors (with or without diacritics), or an ISBN"))
    se.add_argument("--limit", type=_limit, default=20, help=phrase(
        "số kết quả tối đa (mặc định 20)", "most results to list (default 20)"))
    se.add_argument("--json", action="store_true", help=json_help)
    se.set_defaults(handler=_search)

    ex = sub.add_parser("export-marc", help=phrase(
        "xuất mục lục liên hợp ra tệp MARC21 (mỗi thư viện có sách: một trường 852)",
        "export the union catalog as MARC21 (one 852 per holding library)"))
    ex.add_argument("out", metavar=phrase("TỆP", "FILE"), help=phrase(
        "tệp sẽ ghi", "the file to write"))
    ex.add_argument("--format", choices=["iso2709", "marcxml"], default="iso2709", help=phrase(
        "định dạng (mặc định iso2709)", "format (default iso2709)"))
    ex.set_defaults(handler=_export_marc)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``thuvien-district``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    if lang := language_asked("thuvien-district", argv):
        set_language(lang)
    args = build_parser().parse_args(argv)
    settings = load_settings(args.db)
    try:
        upgrade(settings)
    except OperationalError as exc:  # a folder, no permission, server down, wrong password
        where = make_url(settings.database_url).render_as_string(hide_password=True)
        print(f"Lỗi / Error: không mở được CSDL / cannot open the database {where}: "
              f"{exc.orig}", file=sys.stderr)
        return 2
    return int(args.handler(settings, args))


if __name__ == "__main__":
    sys.exit(main())
