"""Start the desktop window (the only place the CLI touches ui/, imported lazily)."""

from __future__ import annotations

import argparse
import importlib
import sys

from app.i18n import Text

NO_UI = Text(
    "Chưa có giao diện cửa sổ trong bản này; hãy dùng các lệnh con (thuvien --help).",
    "The desktop window is not part of this build; use the subcommands (thuvien --help).",
)


def open_window(args: argparse.Namespace) -> int:
    """Open the main window on the library from ``--db`` (or the default)."""
    try:
        ui_main = importlib.import_module("ui.main")
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == "ui" or exc.name.startswith("ui.")):
            print(NO_UI(), file=sys.stderr)
            return 2
        raise
    return int(ui_main.run(args))
