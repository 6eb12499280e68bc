"""Libraries of different schools backed up into one folder (a shared USB stick), for the
tests that backups are told apart by the library they belong to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.library import Library


def backed_up_school(path: Path, usb: Path, titles: Sequence[str], *, code: str = "TH01",
                     name: str | None = None, when: datetime | None = None) -> Path:
    """A library at *path* holding one record per title, with library code *code* (two
    schools may share one) and, if given, *name*; backed up into *usb* at *when*. Returns
    the backup file."""
    with Library.open(path) as lib:
        lib.settings.set("library_code", code)
        if name is not None:
            lib.settings.set("library_name", name)
        for title in titles:
            lib.catalog.add_record(title, authors=["Tác giả"])
        return lib.backups.take(usb, when=when).entry.path
