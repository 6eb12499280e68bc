"""The backup folder is a per-PC choice (a USB stick is E: here, F: there): kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.backup.service import default_folder_of
from app.library import Library

FOLDER_KEY = "backup/folder"


def backup_folder(lib: Library, settings: QSettings | None = None) -> Path:
    """The folder chosen on this PC, else the ``backups`` folder beside the database."""
    return backup_folder_of(lib.path, settings)


def backup_folder_of(db_path: Path, settings: QSettings | None = None) -> Path:
    """The same for the library file at *db_path*, which need not open (a damaged one)."""
    value = (settings or QSettings()).value(FOLDER_KEY, "")
    return Path(str(value)) if value else default_folder_of(db_path)


def set_backup_folder(folder: Path, settings: QSettings | None = None) -> None:
    """Remember *folder* for this PC."""
    (settings or QSettings()).setValue(FOLDER_KEY, str(folder))
