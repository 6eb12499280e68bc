"""``Backups``: the backup service of one library (``lib.backups``).

Library policy (how often, how many daily and monthly copies to keep) lives in the database
settings; the folder is a per-PC choice (a USB stick is drive E: on one PC and F: on another),
so the desktop keeps it in QSettings and passes it in. Without one, backups go to a
``backups`` folder beside the database.

    >>> entry = lib.backups.take(Path("E:/ThuVien-backups"))   # doctest: +SKIP
    >>> entry.path.name                                        # doctest: +SKIP
    'thuvien-TH01-20250905-143012.sqlite3'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.backup.files import BackupEntry, list_backups
from app.backup.identity import remember_identity
from app.backup.retention import prune, remove_stale_partials
from app.backup.snapshot import write_backup
from app.db.connection import Database
from app.settings import Settings

DEFAULT_INTERVAL_MINUTES = 60
DEFAULT_KEEP_DAILY = 14
DEFAULT_KEEP_MONTHLY = 12


@dataclass(frozen=True)
class BackupPolicy:
    """How often to back up automatically and how many copies to keep."""

    interval_minutes: int = DEFAULT_INTERVAL_MINUTES
    keep_daily: int = DEFAULT_KEEP_DAILY
    keep_monthly: int = DEFAULT_KEEP_MONTHLY


@dataclass(frozen=True)
class BackupOutcome:
    """A finished backup and the old copies the retention rule removed."""

    entry: BackupEntry
    removed: tuple[Path, ...]

    def as_json(self) -> dict[str, object]:
        """A plain dict for ``--json`` output."""
        return {**self.entry.as_json(), "removed": [str(p) for p in self.removed]}


def take_backup(db_path: Path, folder: Path, code: str, policy: BackupPolicy,
                when: datetime | None = None) -> BackupOutcome:
    """Back up the library file *db_path* into *folder*, check it, apply *policy*'s retention.

    Needs no open :class:`Library` (it opens its own connection), so a worker thread can run
    it while the desk keeps the library's connection.
    """
    entry = write_backup(db_path, folder, code, when)
    removed = prune(folder, code, policy.keep_daily, policy.keep_monthly, entry.path,
                    entry.library_id or None)
    remove_stale_partials(folder)
    remember_identity(db_path, entry.library_id)
    return BackupOutcome(entry, tuple(removed))


def backup_due(folder: Path, library_id: str, interval_minutes: int,
               now: datetime | None = None) -> bool:
    """True when library *library_id*'s newest backup in *folder* is older than
    *interval_minutes* (or there is none). Reads every backup file's id: on a USB stick or a
    network folder that takes a while, so a window asks from a worker thread."""
    found = list_backups(folder, library_id=library_id or None)
    if not found:
        return True
    now = now or datetime.now()
    return now - found[0].taken_at >= timedelta(minutes=interval_minutes)


def default_folder_of(db_path: Path) -> Path:
    """The ``backups`` folder beside the library at *db_path* (used when no folder is chosen;
    found even when the library itself cannot be opened)."""
    return db_path.parent / "backups"


class Backups:
    """Take, list and prune backups of one library."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings

    @property
    def default_folder(self) -> Path:
        """The ``backups`` folder beside the database (used when no folder is chosen)."""
        return default_folder_of(self._db.path)

    def library_code(self) -> str:
        """The library code that names this library's backup files."""
        return str(self._settings.get("library_code", "") or "")

    def library_id(self) -> str:
        """The permanent id stored in this library and in each of its backups."""
        return str(self._settings.get("library_id", "") or "")

    def policy(self) -> BackupPolicy:
        """The library's backup policy (defaults: hourly, 14 daily and 12 monthly copies)."""
        return BackupPolicy(
            int(self._settings.get("backup_interval_minutes", DEFAULT_INTERVAL_MINUTES)),
            int(self._settings.get("backup_keep_daily", DEFAULT_KEEP_DAILY)),
            int(self._settings.get("backup_keep_monthly", DEFAULT_KEEP_MONTHLY)))

    def set_policy(self, policy: BackupPolicy) -> None:
        """Store *policy* (each number at least 1)."""
        for key, value in (("backup_interval_minutes", policy.interval_minutes),
                           ("backup_keep_daily", policy.keep_daily),
                           ("backup_keep_monthly", policy.keep_monthly)):
            self._settings.set(key, max(1, int(value)))

    def take(self, folder: Path | None = None, when: datetime | None = None) -> BackupOutcome:
        """Back up now into *folder* (default: :attr:`default_folder`), check the copy, then
        apply the retention rule to this library's older copies there."""
        return take_backup(self._db.path, folder or self.default_folder, self.library_code(),
                           self.policy(), when)

    def list(self, folder: Path | None = None, only_this_library: bool = False
             ) -> list[BackupEntry]:
        """Finished backups in *folder*, newest first (all libraries' unless asked; this
        library's are those holding its id, whatever code their name carries)."""
        library_id = (self.library_id() or None) if only_this_library else None
        return list_backups(folder or self.default_folder, library_id=library_id)

    def latest(self, folder: Path | None = None) -> BackupEntry | None:
        """This library's newest backup in *folder*, if any."""
        found = self.list(folder, only_this_library=True)
        return found[0] if found else None

    def due(self, folder: Path | None = None, now: datetime | None = None) -> bool:
        """True when this library's newest backup in *folder* is older than the interval."""
        return backup_due(folder or self.default_folder, self.library_id(),
                          self.policy().interval_minutes, now)
