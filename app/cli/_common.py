"""Helpers shared by the command modules: opening the library, printing JSON, reading
whole-number arguments."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.db.paths import default_db_path
from app.i18n import Text
from app.library import Library

MAX_LIMIT = 100_000  # results one search may list
NOT_A_NUMBER = Text("“{value}” không phải số nguyên từ {low} đến {high}.",
                    "“{value}” is not a whole number from {low} to {high}.")


def open_library(args: argparse.Namespace) -> Library:
    """The library named by ``--db``, else ``THUVIEN_DB``, else the user data folder."""
    return Library.open(Path(args.db) if args.db else default_db_path())


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
