"""Helpers shared by the command modules: opening the library, printing JSON, reading
whole-number arguments."""

from __future__ import annotations

import argparse
import errno
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.db.paths import default_db_path
from app.errors import UserError, ValidationError
from app.i18n import Text
from app.library import Library

MAX_LIMIT = 100_000  # results one search may list
#: The largest --limit a search takes: more than it may list means "all it may list".
LIMIT_TYPED = 1_000_000_000
MAX_ID = 2**63 - 1  # SQLite's largest integer
BAD_NUMBER = Text("“{value}” không phải là số hợp lệ.", "“{value}” is not a valid number.")
FILE_PROBLEM = Text("Không dùng được tệp {file}: {reason}.", "Cannot use the file {file}: {reason}.")
_FILE_REASONS = {
    errno.ENOENT: Text("thư mục không tồn tại hoặc tệp không có", "no such folder or file"),
    errno.EACCES: Text("không có quyền", "permission denied"),
    errno.EPERM: Text("không có quyền", "permission denied"),
    errno.ENOSPC: Text("đĩa đã đầy", "the disk is full"),
    errno.EISDIR: Text("đó là một thư mục", "it is a folder"),
    errno.EROFS: Text("ổ đĩa chỉ đọc", "the drive is read-only"),
    errno.ENOTDIR: Text("một phần của đường dẫn là tệp chứ không phải thư mục",
                        "part of the path is a file, not a folder"),
}
OUT_IS_FOLDER = Text("{file} là một thư mục: hãy cho tên tệp, ví dụ {example}.",
                     "{file} is a folder: give a file name, e.g. {example}.")
NO_LIBRARY = Text("Không có thư viện ở {path}: hãy kiểm tra tên tệp (--db hoặc THUVIEN_DB).",
                  "There is no library at {path}: check the file name (--db or THUVIEN_DB).")
# Commands that only read the library (their words as typed). Run on a mistyped --db they
# would create an empty library there and answer "nothing found"; they refuse instead. The
# others (import-marc, patrons import/add, the window's first run...) create it. `clock`
# is here too: its --trust keeps a note beside records that a missing library does not have.
_READ_ONLY = {
    ("search",), ("export-marc",), ("union-search",), ("register",), ("stats",), ("report",),
    ("overdue",), ("writeoffs",), ("clock",), ("backup", "list"), ("backup", "now"), ("sync", "status"),
    ("stocktake", "status"), ("stocktake", "missing"), ("patrons", "list"),
    ("patrons", "show"), ("patrons", "search"), ("patrons", "export"),
    *(("labels", kind) for kind in ("items", "spine", "combined", "cards", "class-sheet")),
    *(("fines", action) for action in ("list", "show", "received", "receipt")),
    ("loan-rules", "list"), ("closed-days", "list"), ("class-loan", "list"),
    ("class-loan", "report"), ("copy", "show"),
}
_ACTION_KEYS = ("backup_action", "step", "labels_command", "patrons_command", "sync_command",
                "action")
NOT_A_NUMBER = Text("“{value}” không phải số nguyên từ {low} đến {high}.",
                    "“{value}” is not a whole number from {low} to {high}.")


def library_path(args: argparse.Namespace) -> Path:
    """The library file named by ``--db``, else ``THUVIEN_DB``, else the user data folder's."""
    db = getattr(args, "db", None)
    return Path(db) if db else default_db_path()


def open_library(args: argparse.Namespace) -> Library:
    """The library named by ``--db``, else ``THUVIEN_DB``, else the user data folder; a
    :class:`UserError` when there is none and the command only reads (created otherwise)."""
    path = library_path(args)
    if not path.exists() and _command_words(args) in _READ_ONLY:
        raise UserError("library.missing", NO_LIBRARY, path=str(path))
    return Library.open(path)


def _command_words(args: argparse.Namespace) -> tuple[str, ...]:
    """The command as typed: ``("search",)``, ``("backup", "list")``."""
    action = next((getattr(args, key) for key in _ACTION_KEYS if getattr(args, key, None)),
                  None)
    command = str(getattr(args, "command", ""))
    return (command, str(action)) if action else (command,)


def phrase(vi: str, en: str) -> str:
    """*vi* or *en*, whichever is the current language (for help lines, which argparse
    takes as plain text when the parser is built, after the language is set)."""
    return Text(vi, en)()


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` option of a command whose result can be printed as JSON."""
    parser.add_argument("--json", action="store_true", help=phrase(
        "in kết quả dạng JSON", "print the result as JSON"))


def print_json(value: Any) -> None:
    """Print *value* as one line of UTF-8 JSON on stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` taking a whole number from *low* to *high*, refusing anything
    else in words (a mistyped figure never reaches the database as an out-of-range value)."""
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(NOT_A_NUMBER(value=text, low=low, high=high))
        return value
    parse.__name__ = "whole_number"
    return parse


def as_id(text: str) -> int | None:
    """*text* as a row id when it is one (ASCII digits, within SQLite's integers), else None:
    "²" or twenty digits are then looked up as a card or code and simply not found."""
    text = text.strip()
    if text.isascii() and text.isdigit() and int(text) <= MAX_ID:
        return int(text)
    return None


def number(text: str) -> int:
    """A whole number typed as a command's value (an id, an amount, a weekday); a
    :class:`ValidationError` in words for anything else."""
    text = text.strip()
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not text.lstrip("-").isascii() or abs(value) > MAX_ID:
        raise ValidationError("cli.bad_number", BAD_NUMBER, value=text)
    return value


def file_problem(exc: OSError, file: object | None = None) -> UserError:
    """The :class:`OSError` met on a file the user named, as one line in words
    (*file*: the name the user gave, when the error names a temporary one)."""
    reason = _FILE_REASONS.get(exc.errno or 0)
    return UserError("file.os_error", FILE_PROBLEM, file=str(file or exc.filename),
                     reason=reason() if reason else exc.strerror or str(exc))


def output_file(path: Path, example: str = "thuvien.pdf") -> Path:
    """The file a command was told to write (``--out``, ``--pdf``, ``--xlsx``…), its folder
    made when missing, as a librarian expects of ``--pdf "Phiếu mượn/6A.pdf"``; every
    command that writes a file calls this first. A :class:`UserError` in words when *path*
    is a folder or its folder cannot be made (no permission, a file where a folder should
    be, a read-only drive); *example* is the file name the message suggests inside it."""
    if path.is_dir():
        raise UserError("file.is_folder", OUT_IS_FOLDER, file=str(path),
                        example=str(path / example))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file stands where a folder of the path should be
        raise file_problem(OSError(errno.ENOTDIR, exc.strerror, exc.filename), path) from exc
    except OSError as exc:
        raise file_problem(exc, path) from exc
    return path
