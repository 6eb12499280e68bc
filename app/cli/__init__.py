"""The ``thuvien`` command.

With no subcommand it opens the desktop window. Each module in this package that defines
``register(subparsers)`` adds its subcommands; a handler receives the parsed arguments and
returns the exit code. User errors print one line and exit non-zero; no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sqlite3
import sys
from collections.abc import Sequence

from app import __version__
from app.cli._common import file_problem, library_path, phrase
from app.cli._parser import BilingualParser, language_asked
from app.db.connection import storage_problem
from app.errors import UserError
from app.i18n import set_language


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every command module's subcommands."""
    parser = BilingualParser(prog="thuvien", description=phrase(
        "ThuVien — quản lý thư viện. Không có lệnh thì mở cửa sổ chương trình.",
        "ThuVien — library management. With no command it opens the window."))
    parser.add_argument("--db", help=phrase(
        "tệp cơ sở dữ liệu của thư viện (mặc định: THUVIEN_DB hoặc thư mục dữ liệu người dùng)",
        "library database file (default: THUVIEN_DB or the user data folder)"))
    parser.add_argument("--lang", choices=["vi", "en"], help=phrase(
        "ngôn ngữ của thông báo", "language of messages"))
    parser.add_argument("--version", action="version", version=f"ThuVien {__version__}",
                        help=phrase("hiện số phiên bản rồi thoát",
                                    "show the version number and exit"))
    subparsers = parser.add_subparsers(dest="command", metavar=phrase("LỆNH", "COMMAND"))
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``thuvien`` console script."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    # The language first: the parser's own checks (a number out of range) speak it too.
    if lang := language_asked("thuvien", argv):
        set_language(lang)
    args = build_parser().parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from app.cli._gui import open_window

        return open_window(args)
    try:
        return int(handler(args))
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into a program that stopped reading (| head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        return 141
    except OSError as exc:  # a file the user named: no such folder, no permission, disk full
        if exc.filename is None:
            raise
        print(file_problem(exc).message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    # The library file damaged, locked by another program, read-only, on a full disk...
    # Not UnicodeDecodeError here: one from a user's own file would be called a damaged
    # library; the open (app.db.connection.connect) names that case.
    except sqlite3.DatabaseError as exc:
        problem = storage_problem(exc, library_path(args))
        if problem is None:
            raise
        print(problem.message, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
