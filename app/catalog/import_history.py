"""Which MARC files this library has imported before, known by their content.

Copies without an accession number in a file (852/952 with no barcode) become new copies
with the next numbers each time the file is imported: importing the same file twice by
mistake would double them. The importer asks here whether the very same bytes were imported
before and then leaves those copies of records already in the catalog out. Another file, even
with the same books, is a new delivery and adds its copies.

The history is kept in ``desk_state`` (this database only, not synced).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from app.circulation.clock import display_date, local_day
from app.db import local_state
from app.i18n import Text

IMPORTED_BEFORE = Text("Tệp này đã được nhập ngày {day}; các biểu ghi đã có được gộp.",
                       "This file was imported on {day}; records already here were merged.")
NOT_REPEATED = Text(
    "Tệp này đã được nhập ngày {day}: {count} bản sách không có số ĐKCB của các biểu ghi đã "
    "có không được thêm lần nữa (một tệp khác, dù cùng đầu sách, vẫn thêm bản sách của nó).",
    "This file was imported on {day}: {count} copy(ies) without an accession number on "
    "records already here were not added again (another file, even with the same books, "
    "adds its copies).")
_PREFIX = "imported_file:"
_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """SHA-256 of *path*'s bytes, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def imported_before(conn: sqlite3.Connection, digest: str) -> str | None:
    """When a file with *digest* was last imported (an ISO timestamp, UTC), or None."""
    value = local_state.get(conn, _PREFIX + digest)
    return str(value.get("at")) if isinstance(value, dict) else None


def remember(conn: sqlite3.Connection, digest: str, name: str, at: str) -> None:
    """Note that file *name* with *digest* is being imported at *at* (before its first
    batch: an import cut short has written some of its copies already)."""
    local_state.put(conn, _PREFIX + digest, {"name": name, "at": at})


def repeat_note(imported_before: str, copies_not_repeated: int) -> str:
    """What the librarian is told when the same file was imported before (the import
    report's ``imported_before`` and ``copies_not_repeated``)."""
    day = display_date(local_day(imported_before))
    if copies_not_repeated:
        return NOT_REPEATED(day=day, count=copies_not_repeated)
    return IMPORTED_BEFORE(day=day)
