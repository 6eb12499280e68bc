"""Helpers shared by the command modules: opening the library, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.db.paths import default_db_path
from app.library import Library


def open_library(args: argparse.Namespace) -> Library:
    """The library named by ``--db``, else ``THUVIEN_DB``, else the user data folder."""
    return Library.open(Path(args.db) if args.db else default_db_path())


def print_json(value: Any) -> None:
    """Print *value* as one line of UTF-8 JSON on stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
