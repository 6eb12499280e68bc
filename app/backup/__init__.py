"""Backup and restore of a library's database.

Backups are made with SQLite's online backup API (never a file copy of the live database),
checked with ``PRAGMA integrity_check`` and written under a temporary name before an atomic
rename. Restores check the file, keep the current database aside and swap in one atomic step.
"""

from app.backup.files import BackupEntry, backup_name, list_backups, parse_name
from app.backup.restore import RestoreReport, restore_database
from app.backup.retention import choose_kept, prune
from app.backup.service import BackupOutcome, BackupPolicy, Backups
from app.backup.snapshot import write_backup
from app.backup.verify import BackupError, LibraryFacts, check_database_file

__all__ = [
    "BackupEntry", "BackupError", "BackupOutcome", "BackupPolicy", "Backups", "LibraryFacts",
    "RestoreReport", "backup_name", "check_database_file", "choose_kept", "list_backups",
    "parse_name", "prune", "restore_database", "write_backup",
]
