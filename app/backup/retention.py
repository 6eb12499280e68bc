"""Which backups to keep: the newest of each of the last N days and of the last M months.

The few most recent backups are always kept too (an hourly backup taken after a mistake must
not push out the one taken before it the same day). Only one library's backups are considered at a time, so a
USB stick shared by several libraries keeps each one's history.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.backup.files import BackupEntry, list_backups

KEEP_RECENT = 3


def choose_kept(entries: Sequence[BackupEntry], keep_daily: int, keep_monthly: int,
                keep_recent: int = KEEP_RECENT) -> set[Path]:
    """The paths to keep among *entries* (any order): the *keep_recent* newest, and the newest
    of each of the last *keep_daily* days and *keep_monthly* months that have a backup."""
    newest_first = sorted(entries, key=lambda e: e.order, reverse=True)
    kept = {entry.path for entry in newest_first[:max(1, keep_recent)]}
    days: list[object] = []
    months: list[object] = []
    for entry in newest_first:
        day = entry.taken_at.date()
        month = (entry.taken_at.year, entry.taken_at.month)
        if day not in days and len(days) < keep_daily:
            days.append(day)
            kept.add(entry.path)
        if month not in months and len(months) < keep_monthly:
            months.append(month)
            kept.add(entry.path)
    return kept


def prune(folder: Path, code: str | None, keep_daily: int, keep_monthly: int,
          protect: Path | None = None, library_id: str | None = None) -> list[Path]:
    """Delete library *code*'s backups in *folder* that the rule does not keep (never
    *protect*, the backup just taken); return the deleted paths. With *library_id*, only
    backups holding that library count (another school's backups under the same code, or
    none, are never touched)."""
    entries = list_backups(folder, code, library_id)
    kept = choose_kept(entries, keep_daily, keep_monthly)
    if protect is not None:
        kept.add(protect)
    removed = []
    for entry in entries:
        if entry.path not in kept:
            try:
                entry.path.unlink()
            except OSError:
                continue
            removed.append(entry.path)
    return removed


def remove_stale_partials(folder: Path, older_than_seconds: float = 3600.0) -> list[Path]:
    """Delete ``.partial`` files left by an interrupted backup (a pulled USB stick, a crash)."""
    import time

    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    limit = time.time() - older_than_seconds
    for path in folder.glob(".thuvien-*.partial"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
