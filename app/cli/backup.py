"""Backup commands: ``thuvien backup now|list|restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.backup import BackupEntry, restore_database
from app.backup.identity import holds_anything, identity_of, library_id_of, owner_of
from app.cli._common import add_json_flag, open_library, phrase, print_json
from app.db.paths import default_db_path
from app.errors import UserError
from app.i18n import Text
from app.library import Library

TAKEN = Text("Đã sao lưu vào {file} ({size}), đã kiểm tra toàn vẹn.",
             "Backed up to {file} ({size}), integrity checked.")
REMOVED = Text("Đã xoá {count} bản sao lưu cũ theo quy tắc giữ lại.",
               "Removed {count} old backups under the retention rule.")
EMPTY = Text("Chưa có bản sao lưu nào trong {folder}.", "No backups in {folder} yet.")
LINE = Text("{when}  {code:<12}  {size:>10}  {file}", "{when}  {code:<12}  {size:>10}  {file}")
OURS_HEADING = Text("Bản sao lưu của thư viện này:", "Backups of this library:")
NONE_OURS = Text("Chưa có bản sao lưu nào của thư viện này trong {folder}.",
                 "No backups of this library in {folder} yet.")
OTHERS_HEADING = Text(
    "{count} bản sao lưu của thư viện khác (không dùng để khôi phục thư viện này):",
    "Other libraries' backups, not for restoring this library ({count}):")
OTHER_LINE = Text("{line}  — {name}", "{line}  — {name}")
UNNAMED = Text("thư viện chưa đặt tên", "library with no name set")
UNREADABLE_HEADING = Text(
    "{count} tệp không đọc được là của thư viện nào (hỏng, hoặc không phải thư viện ThuVien):",
    "Files whose library cannot be read, damaged or not ThuVien's ({count}):")
RESTORED = Text(
    "Đã khôi phục thư viện{which} từ {file}. Bản cũ được giữ ở {previous}.",
    "Restored the library{which} from {file}. The previous one is kept as {previous}.",
)
RESTORED_NEW = Text("Đã khôi phục thư viện{which} từ {file}.",
                    "Restored the library{which} from {file}.")
NAMED = Text(" «{name}»", " “{name}”")
OTHER_LIBRARY = Text(
    "Tệp {file} là bản sao lưu của một thư viện khác, không phải của thư viện {path}: "
    "khôi phục nó sẽ thay sách và bạn đọc của thư viện này bằng của thư viện kia. Nếu thật sự "
    "muốn vậy, chạy lại lệnh với --other-library.",
    "The file {file} is a backup of another library, not of the library {path}: restoring it "
    "would put that library's books and readers in place of this one's. If that is really "
    "wanted, run the command again with --other-library.",
)


def register(subparsers: Any) -> None:
    """Add ``backup now``, ``backup list`` and ``backup restore``."""
    p = subparsers.add_parser("backup", help=phrase(
        "sao lưu hoặc khôi phục cơ sở dữ liệu thư viện", "back up or restore the library database"))
    folder_help = phrase("thư mục sao lưu (mặc định: thư mục 'backups' cạnh tệp dữ liệu)",
                         "backup folder (default: 'backups' beside the DB)")
    actions = p.add_subparsers(dest="backup_action", metavar=phrase("VIỆC", "ACTION"), required=True)
    now = actions.add_parser("now", help=phrase(
        "sao lưu ngay (có kiểm tra) và xoá bản cũ theo quy định giữ lại",
        "take a checked backup now (and apply retention)"))
    now.add_argument("--dir", type=Path, help=folder_help)
    add_json_flag(now)
    now.set_defaults(handler=backup_now)
    listing = actions.add_parser("list", help=phrase(
        "liệt kê các bản sao lưu, mới nhất trước", "list backups in the folder, newest first"))
    listing.add_argument("--dir", type=Path, help=folder_help)
    add_json_flag(listing)
    listing.set_defaults(handler=backup_list)
    restore = actions.add_parser("restore", help=phrase(
        "thay thư viện bằng một bản sao lưu (có kiểm tra)", "replace the library with a checked backup"))
    restore.add_argument("file", type=Path, metavar=phrase("TỆP", "FILE"), help=phrase(
        "tệp sao lưu (.sqlite3)", "the backup file (.sqlite3)"))
    restore.add_argument("--other-library", action="store_true", help=phrase(
        "cho phép khôi phục bản sao lưu của một thư viện khác đè lên thư viện này",
        "allow restoring another library's backup over this library"))
    add_json_flag(restore)
    restore.set_defaults(handler=backup_restore)


def human_size(size: int) -> str:
    """``1536`` → ``'1.5 KB'``."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _when(entry: BackupEntry) -> str:
    return entry.taken_at.strftime("%d/%m/%Y %H:%M:%S")


def backup_now(args: argparse.Namespace) -> int:
    """``thuvien backup now [--dir D] [--json]``."""
    with open_library(args) as lib:
        outcome = lib.backups.take(args.dir)
    if args.json:
        print_json(outcome.as_json())
        return 0
    print(TAKEN(file=str(outcome.entry.path), size=human_size(outcome.entry.size)))
    if outcome.removed:
        print(REMOVED(count=len(outcome.removed)))
    return 0


def backup_list(args: argparse.Namespace) -> int:
    """``thuvien backup list [--dir D] [--json]``: this library's backups first, then other
    libraries' in the same folder (a shared USB stick), each named by the library in it."""
    with open_library(args) as lib:
        folder = args.dir or lib.backups.default_folder
        entries = lib.backups.list(folder)
        ours_id = lib.backups.library_id()
    owners = {entry.path: owner_of(entry.path) for entry in entries}
    if args.json:
        print_json({"folder": str(folder), "library_id": ours_id, "backups": [
            {**entry.as_json(), "library_id": owners[entry.path][0],
             "library_name": owners[entry.path][1],
             "this_library": owners[entry.path][0] == ours_id} for entry in entries]})
        return 0
    if not entries:
        print(EMPTY(folder=str(folder)))
        return 0
    ours = [e for e in entries if owners[e.path][0] == ours_id]
    others = [e for e in entries if owners[e.path][0] not in (None, ours_id)]
    unreadable = [e for e in entries if owners[e.path][0] is None]
    if len(ours) == len(entries):  # the usual case: a folder of this library's backups only
        _print_lines(ours)
        return 0
    if ours:
        print(OURS_HEADING())
        _print_lines(ours)
    else:
        print(NONE_OURS(folder=str(folder)))
    if others:
        print()
        print(OTHERS_HEADING(count=len(others)))
        for entry in others:
            print(OTHER_LINE(line=_line(entry), name=owners[entry.path][1] or UNNAMED()))
    if unreadable:
        print()
        print(UNREADABLE_HEADING(count=len(unreadable)))
        _print_lines(unreadable)
    return 0


def _line(entry: BackupEntry) -> str:
    return LINE(when=_when(entry), code=entry.library_code or "-", size=human_size(entry.size),
                file=entry.path.name)


def _print_lines(entries: list[BackupEntry]) -> None:
    for entry in entries:
        print(_line(entry))


def _which(name: str, code: str) -> str:
    """The restored library as the message names it: « name » (code), either part left out
    when the backup's library never had it set (set-up skipped)."""
    text = NAMED(name=name) if name else ""
    return f"{text} ({code})" if code else text


def backup_restore(args: argparse.Namespace) -> int:
    """``thuvien backup restore FILE [--json]``: the library must not be open elsewhere."""
    db_path = Path(args.db) if args.db else default_db_path()
    ours = identity_of(db_path)  # None for a new library file: nothing to mistake
    theirs = library_id_of(args.file) if args.file.is_file() else None
    if ours and theirs and ours != theirs and not args.other_library \
            and holds_anything(db_path):
        raise UserError("backup.other_library", OTHER_LIBRARY, file=str(args.file),
                        path=str(db_path))
    report = restore_database(db_path, args.file)
    Library.open(db_path).close()  # brings an older backup's schema up to date
    facts = report.restored
    if args.json:
        print_json(report.as_json())
    elif report.previous is None:
        print(RESTORED_NEW(which=_which(facts.library_name, facts.library_code),
                           file=str(args.file)))
    else:
        print(RESTORED(which=_which(facts.library_name, facts.library_code), file=str(args.file),
                       previous=str(report.previous)))
    return 0
