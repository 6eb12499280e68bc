"""Class-list files written the way schools' programs write them: CSV in UTF-8, UTF-16,
Windows-1258 (tones as combining marks, as Windows writes them) or raw legacy-font bytes."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.support.windows_1258 import encode_cp1258


def write_csv(path: Path, rows: Sequence[Sequence[str]], *, encoding: str = "utf-8",
              delimiter: str = ",", encode_cell: Callable[[str], str] | None = None) -> Path:
    """Write *rows* to *path* as CSV in *encoding* (``cp1258`` as Windows does, ``bytes``:
    each character one byte, for text already in a legacy font encoding)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([encode_cell(c) if encode_cell else c for c in row])
    text = buffer.getvalue()
    if encoding == "cp1258":  # Windows-1258 keeps tones as combining marks
        data = encode_cp1258(text)
    elif encoding == "bytes":
        data = text.encode("latin-1")
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    return path

