"""Backup file names: ``thuvien-<library code>-<local date>-<local time>.sqlite3``.

The code is reduced to ASCII letters, digits and hyphens so the name is safe on a FAT-formatted
USB stick; the date and time are the PC's local time, as the librarian reads them.

    >>> backup_name("TH Lê Lợi", datetime(2025, 9, 5, 14, 30, 12))
    'thuvien-TH-Le-Loi-20250905-143012.sqlite3'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from app.text import strip_marks

SUFFIX = ".sqlite3"
PARTIAL = ".partial"
_NAME = re.compile(r"^thuvien-(?P<code>[A-Za-z0-9-]*?)-?(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?"
                   r"\.sqlite3$")


def safe_code(code: str | None) -> str:
    """The library code as it appears in a file name (ASCII letters, digits, hyphens).

    >>> safe_code("THCS Đống Đa")
    'THCS-Dong-Da'
    """
    return "-".join(re.findall(r"[A-Za-z0-9]+", strip_marks(code or "")))[:40]


def backup_name(code: str | None, when: datetime, serial: int = 0) -> str:
    """The file name of a backup of library *code* taken at local time *when*."""
    prefix = f"thuvien-{safe_code(code)}-" if safe_code(code) else "thuvien-"
    extra = f"-{serial}" if serial else ""
    return f"{prefix}{when:%Y%m%d-%H%M%S}{extra}{SUFFIX}"


@dataclass(frozen=True)
class BackupEntry:
    """One finished backup file found in a folder."""

    path: Path
    library_code: str
    taken_at: datetime
    size: int
    serial: int = 0
    #: The id of the library inside the file, when it was read (see :mod:`app.backup.identity`).
    library_id: str = ""

    @property
    def order(self) -> tuple[datetime, int]:
        """Sort key: time, then the serial of backups taken in the same second."""
        return self.taken_at, self.serial

    def as_json(self) -> dict[str, object]:
        """A plain dict for ``--json`` output (time as ISO 8601 local time)."""
        return {"file": str(self.path), "library_code": self.library_code,
                "taken_at": self.taken_at.isoformat(timespec="seconds"), "size": self.size}


def parse_name(path: Path) -> BackupEntry | None:
    """The entry for *path* when its name is a finished ThuVien backup, else None.

    Temporary ``.partial`` files (a backup still being written, or cut off when a USB stick
    was pulled) never parse.
    """
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupEntry(path, match["code"], taken, size, int(match["n"] or 0))


def list_backups(folder: Path, code: str | None = None, library_id: str | None = None
                 ) -> list[BackupEntry]:
    """Finished backups in *folder*, newest first: only library *code*'s when given, and
    only those holding library *library_id* when given (the id is read from each file; the
    code in a name can be shared by two libraries)."""
    from app.backup.identity import library_id_of

    if not folder.is_dir():
        return []
    wanted = safe_code(code) if code is not None else None
    found = []
    for path in folder.iterdir():
        entry = parse_name(path)
        if entry is None or (wanted is not None and entry.library_code != wanted):
            continue
        if library_id is not None:
            if library_id_of(path) != library_id:
                continue
            entry = replace(entry, library_id=library_id)
        found.append(entry)
    found.sort(key=lambda e: e.order, reverse=True)
    return found


def free_name(folder: Path, code: str | None, when: datetime) -> Path:
    """A backup path in *folder* for *when*, after every backup already named for that second
    (so names keep sorting in the order the backups were taken)."""
    stamp = backup_name(code, when)[: -len(SUFFIX)]
    serial = 0
    for path in folder.glob(f"{stamp}*{SUFFIX}"):
        entry = parse_name(path)
        if entry is not None and backup_name(code, when, entry.serial) == path.name:
            serial = max(serial, entry.serial + 1)
    while True:
        candidate = folder / backup_name(code, when, serial)
        if not candidate.exists() and not partial_of(candidate).exists():
            return candidate
        serial += 1


def partial_of(final: Path) -> Path:
    """The temporary name a backup is written under before it is renamed to *final*."""
    return final.with_name(f".{final.name}{PARTIAL}")
