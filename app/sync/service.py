"""``SyncService``: what ``lib.sync`` offers the UI and the CLI.

Status for the status bar, enrollment, sync now, a background runner, and offline copy
cataloguing from the cached union catalog.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from app.circulation.clock_check import ClockCheck
from app.db.connection import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.sync import privacy, union_cache
from app.sync.client import SyncClient, SyncReport
from app.sync.messages import TLS_CLOCK
from app.sync.protocol import as_str_list, as_year
from app.sync.runner import RunOutcome, SyncRunner
from app.sync.status import SyncStatus, read_status
from app.sync.token_store import TokenStore

NOT_CACHED = Text("Không có biểu ghi liên hợp số {id} trong bộ nhớ đệm (hãy đồng bộ).",
                  "Union record {id} is not in the local cache (sync first).")
BAD_POLICY = Text("Chế độ chia sẻ dữ liệu cá nhân «{value}» không hợp lệ (none hoặc share).",
                  "Personal data sharing “{value}” is not valid (none or share).")


class _Catalog(Protocol):
    def add_record(self, title: str, **fields: Any) -> int: ...


class SyncService:
    """Sync of one library (``lib.sync``)."""

    def __init__(self, db: Database, catalog: Callable[[], Any],
                 token_dir: Path | None = None) -> None:
        self._db = db
        self._catalog = catalog
        self.token_dir = token_dir

    def _library_id(self) -> str:
        row = self._db.conn.execute("SELECT value FROM settings WHERE key = 'library_id'"
                                    ).fetchone()
        return str(row[0]).strip('"')

    def token_store(self) -> TokenStore:
        """Where this library's token is kept."""
        return TokenStore(self._library_id(), self.token_dir)

    def client(self, **options: Any) -> SyncClient:
        """A new client on its own connection (close it when done)."""
        return SyncClient(self._db.path, token_dir=self.token_dir, **options)

    def status(self) -> SyncStatus:
        """Last sync time, changes pending, last error in words, where the token is kept;
        while this PC's date is refused, why (``clock_problem``), and a certificate error
        told as the wrong date it comes from when that date is wrong for sure."""
        store = self.token_store()
        status = read_status(self._db.conn, store.where(), enrolled=store.load() is not None)
        try:
            verdict = ClockCheck(self._db).verdict()
        except sqlite3.Error:  # locked just now: the rest of the status still says something
            return status
        if not verdict.behind:
            return status
        status = replace(status, clock_problem=verdict.message)
        if status.last_error_code == "sync.tls" and verdict.wrong_for_sure:
            status = replace(status, last_error_code="sync.tls_clock",
                             last_error=TLS_CLOCK(now=verdict.now_shown))
        return status

    def enroll(self, url: str, code: str, ca_file: str | None = None) -> dict[str, Any]:
        """Enroll with the district server using a one-time code."""
        client = self.client()
        try:
            return client.enroll(url, code, ca_file)
        finally:
            client.close()

    def sync_now(self) -> SyncReport:
        """Push the outbox and pull the union catalog now (blocking: not on the GUI thread)."""
        client = self.client()
        try:
            return client.sync_now()
        finally:
            client.close()

    def runner(self, interval: float = 300.0,
               on_outcome: Callable[[RunOutcome], None] | None = None) -> SyncRunner:
        """A background runner for this library (call ``start()``; ``stop()`` at exit)."""
        return SyncRunner(self.client, interval=interval, on_outcome=on_outcome)

    def set_personal_data(self, value: str) -> None:
        """``"none"`` (default: nothing personal leaves the school) or ``"share"``."""
        if value not in privacy.POLICIES:
            raise ValidationError("sync.policy", BAD_POLICY, value=value)
        from app.sync.state import put_setting

        put_setting(self._db, privacy.SETTING, value)

    def union_search(self, query: str, limit: int = 20) -> dict[str, Any]:
        """Search the cached union catalog (works offline); same shape as catalog search."""
        result = union_cache.search(self._db.conn, query, limit)
        for hit in result["hits"]:
            hit.pop("fields", None)
        return result

    def union_record(self, union_id: int) -> dict[str, Any]:
        """A cached union record as ``add_record`` takes it: ``{"title": ..., "authors": [...],
        "isbns": [...], "year": ..., ...}`` (works offline). Raises NotFoundError when the
        record is not in the cache."""
        hit = union_cache.get(self._db.conn, union_id)
        if hit is None:
            raise NotFoundError("sync.not_cached", NOT_CACHED, id=union_id)
        f = hit["fields"]

        def text(name: str) -> str | None:
            value = f.get(name)
            return str(value) if value not in (None, "") else None

        return {"title": str(f.get("title") or hit["title"]),
                "authors": as_str_list(f.get("authors")), "isbns": as_str_list(f.get("isbns")),
                "year": as_year(f.get("year")), "classification": text("classification"),
                "publisher": text("publisher"), "place": text("place"),
                "subjects": as_str_list(f.get("subjects")), "series": text("series"),
                "volume": text("volume"), "notes": text("notes"),
                "language": text("language") or "vie", "responsibility": text("responsibility"),
                "edition": text("edition")}

    def copy_to_catalog(self, union_id: int) -> int:
        """Copy a cached union record into this library's catalog (offline); the new id."""
        fields = self.union_record(union_id)
        return int(self._catalog().add_record(fields.pop("title"), **fields))
