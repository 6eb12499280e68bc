"""``Library``: the one entry object. Opens (and migrates) a library's database and
exposes one service per concept. Windows, the CLI and tests receive it explicitly.

    >>> lib = Library.open(Path("school.sqlite3"))   # doctest: +SKIP
    >>> lib.catalog.search("kĩ thuật")               # doctest: +SKIP
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from app.backup.service import Backups
from app.catalog.service import Catalog
from app.circulation.service import Circulation
from app.collection.service import CollectionService
from app.db.connection import Database, open_database
from app.patrons.service import PatronService
from app.settings import Settings
from app.sync.service import SyncService

if TYPE_CHECKING:
    from app.reports.service import Reports


class Library:
    """One library's data, behind one SQLite file."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: Path | str) -> Library:
        """Open the library at *path*, creating and migrating the file as needed."""
        return cls(open_database(Path(path)))

    @property
    def path(self) -> Path:
        """The database file."""
        return self.db.path

    @cached_property
    def settings(self) -> Settings:
        """Library-wide settings (identity and policy)."""
        return Settings(self.db)

    @cached_property
    def catalog(self) -> Catalog:
        """Records, items, MARC import/export and search."""
        return Catalog(self.db, self.settings)

    @cached_property
    def patrons(self) -> PatronService:
        """Patrons, their cards, class-list import, school-year rollover and privacy."""
        return PatronService(self.db, self.settings)

    @cached_property
    def circulation(self) -> Circulation:
        """Loan rules, calendar, the desk's scan(), loans, holds, class loans, overdues."""
        return Circulation(self.db, self.settings)

    @cached_property
    def collection(self) -> CollectionService:
        """Stocktakes (kiểm kê) and write-off records (biên bản thanh lý)."""
        return CollectionService(self.db, self.settings)

    @cached_property
    def sync(self) -> SyncService:
        """Sync with the district: status, enroll, sync now, runner, union-catalog copy."""
        return SyncService(self.db, lambda: self.catalog)

    @cached_property
    def reports(self) -> Reports:
        """Registers (sổ đăng ký cá biệt, tổng quát, sách giáo khoa) and statistics."""
        from app.reports.service import Reports  # ReportLab and openpyxl load only on use

        return Reports(self.db, self.settings)

    @cached_property
    def backups(self) -> Backups:
        """Backups of this library: take, list, prune (restore: :func:`app.backup.restore_database`)."""
        return Backups(self.db, self.settings)

    def pending_changes(self) -> int:
        """Outbox changes not yet acknowledged by the district server."""
        from app.sync.status import pending_changes  # the sync package loads only on use

        return pending_changes(self.db.conn)

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
