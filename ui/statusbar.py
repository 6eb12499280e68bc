"""The status bar: sync state, pending changes, the database file.

Counting the outbox and reading the sync state take a noticeable time on a large library
(~0.3 s each with 300k changes), so they are read off the GUI thread through
:mod:`ui.operations`, on their own connection, after the window is up and then every
:data:`REFRESH_MS` (and soon after the desk or a view changed something).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.circulation.clock_check import ClockCheck
from app.library import Library
from app.sync.token_store import keyring_backend
from ui.operations import Operations, Progress

REFRESH_MS = 15000
AFTER_CHANGE_MS = 800
# Sync errors that only mean the district server could not be reached (no network, server
# off, too slow): the desk works on and the changes wait, so the bar says "offline".
OFFLINE_CODES = ("sync.offline", "sync.timeout")
# A certificate refused because this PC's date is wrong (app.sync.messages.TLS_CLOCK).
CLOCK_CODE = "sync.tls_clock"
# From this many days without a sync the bar counts them (and shows them in amber).
DAYS_TO_COUNT = 2


def read_state(path: Path) -> tuple[int, Any]:
    """(pending changes, sync status or None) of the library at *path*, on its own connection."""
    with Library.open(path) as own:
        pending = own.pending_changes()
        status = None
        sync = getattr(own, "sync", None)
        if sync is not None and callable(getattr(sync, "status", None)):
            try:
                status = sync.status()
            except Exception:  # no sync set up yet, or its store unavailable: say so, go on
                status = None
    return pending, status


class LibraryStatusBar(QStatusBar):
    """Shows where the data is and how much of it waits for the district server."""

    def __init__(self, lib: Library, operations: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keyring_backend()  # resolved here on the GUI thread, before any background read
        self._lib = lib
        self._operations = operations
        self._busy = False
        self._again = False
        self._enrolled = False
        self.pending: int | None = None
        self.sync_label = QLabel(self.tr("Sync: not set up"))
        self.pending_label = QLabel()
        self.pending_label.hide()  # until a district server is enrolled
        self.path_label = QLabel(self.tr("Database: {path}").format(path=lib.path))
        self.path_label.setToolTip(str(lib.path))
        # An automatic backup that fails (the USB stick chosen for them is not plugged in) was
        # only logged: the library went on for days with no backup and nobody knew.
        self.backup_label = QLabel()
        self.backup_label.setStyleSheet("color: #b91c1c;")
        self.backup_label.hide()
        self._backup_problem = ""
        # A PC whose clock went back (dead CMOS battery): the desk refuses to lend, say why.
        self.clock_label = QLabel()
        self.clock_label.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.clock_label.hide()
        self._clock_check = ClockCheck(lib.db, cache_seconds=REFRESH_MS / 1000)
        self.addWidget(self.sync_label)
        self.addWidget(self.pending_label)
        # In the database path's place while it stands (at 1024 pixels there is no room for
        # both beside the sync state); the path stays in the label's tooltip and Settings.
        self.addPermanentWidget(self.clock_label)
        self.addPermanentWidget(self.backup_label)
        self.addPermanentWidget(self.path_label)
        self._released = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.timeout.connect(self.check_clock)
        self._timer.start(REFRESH_MS)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.refresh)
        # A passing message ("Syncing with the district…") hides the labels on the left while
        # it shows; they come back when it goes (the pending count only when there is one).
        self.messageChanged.connect(self._message_changed)
        QTimer.singleShot(0, self.refresh)  # not while the window is being built
        self.check_clock()

    def check_clock(self) -> bool:
        """Show (or hide) the red "wrong date" label; True while the clock is behind."""
        if self._released:
            return self.clock_label.isVisible()
        try:
            verdict = self._clock_check.verdict()
        except sqlite3.Error:  # locked by a backup, or closed as the app quits: next time
            return self.clock_label.isVisible()
        if verdict.records_ahead:  # this PC's date may be right: the records are ahead of it
            self.clock_label.setText(self.tr(
                "Records up to {date}, after this computer's date").format(
                date=verdict.latest_shown))
        elif verdict.behind:
            self.clock_label.setText(self.tr("Wrong date on this computer: {date}").format(
                date=verdict.now_shown))
            self.clock_label.setToolTip(verdict.message)
        self.clock_label.setVisible(verdict.behind)
        return verdict.behind

    def shutdown(self) -> None:
        """The window closes or lets go of the library (before a restore): no more reads.
        A refresh due then opened the library file again on a worker thread, in the
        middle of the restore replacing it."""
        self._released = True
        self._timer.stop()
        self._soon.stop()

    def refresh_soon(self) -> None:
        """Something changed: read the counts again shortly (several changes, one read)."""
        if not self._released:
            self._soon.start()

    def refresh(self) -> Any:
        """Read the pending count and the sync state again, off the GUI thread."""
        if self._released:
            return None
        if self._busy:
            self._again = True
            return None
        self._busy = True
        path = self._lib.path

        def work(_progress: Progress) -> tuple[int, Any]:
            return read_state(path)

        operation = self._operations.run(work, title="status", cancellable=False)
        operation.succeeded.connect(self._show)
        operation.finished.connect(self._done)
        return operation

    def _done(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh_soon()

    def _show(self, state: tuple[int, Any]) -> None:
        pending, status = state
        self.pending = pending
        # Without a district server nothing waits to be sent: "Thay đổi chưa gửi: 1280" on a
        # library that never set up sync read as if something had failed. Only the sync state
        # ("not set up") is shown then.
        enrolled = status is not None and bool(getattr(status, "enrolled", False))
        self._enrolled = enrolled
        self.pending_label.setText(self.tr("Changes not yet sent: {count}").format(count=pending)
                                   if enrolled else "")
        # Shown over a passing message it was drawn on top of it ("Thay đổi chưa gửi: 0"
        # across "Đang đồng bộ với thư viện huyện…"): it waits for the message to go.
        self.pending_label.setVisible(enrolled and not self.currentMessage())
        self.sync_label.setText(self.sync_text(status))
        self.sync_label.setStyleSheet("color: #b45309;" if self._days_without_sync(status)
                                      >= DAYS_TO_COUNT else "")
        # The failure's whole sentence would push the database path off a 1366-pixel screen:
        # it is the label's tooltip (and on Settings → District sync).
        error = getattr(status, "last_error", None) if status is not None else None
        self.sync_label.setToolTip(str(error) if error else "")

    def _message_changed(self, message: str) -> None:
        if not message:
            self.pending_label.setVisible(self._enrolled)

    def backup_failed(self, reason: str) -> None:
        """An automatic backup failed: say so until one works. The reason in full passes by
        once (and whenever it changes) and stays as the label's tooltip."""
        self.backup_label.setText(self.tr("Automatic backup failed (Tools → Backups)"))
        self.backup_label.setToolTip(reason)
        if reason != self._backup_problem:
            self._backup_problem = reason
            self.showMessage(self.tr("Automatic backup failed: {reason}").format(reason=reason),
                             15000)
        self.path_label.hide()
        self.backup_label.show()

    def backup_done(self, _outcome: object = None) -> None:
        """A backup worked: the warning goes, the database path comes back."""
        self._backup_problem = ""
        self.backup_label.hide()
        self.path_label.show()

    @staticmethod
    def _days_without_sync(status: Any, now: datetime | None = None) -> int:
        """Whole days since the last successful sync of an enrolled library failing now
        (0 when it is not failing, or never synced)."""
        stamp = getattr(status, "last_sync_at", None) if status is not None else None
        if not stamp or not getattr(status, "last_error_code", None):
            return 0
        last = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        return max(0, ((now or datetime.now(UTC)) - last).days)

    def sync_text(self, status: Any, now: datetime | None = None) -> str:
        """The sync state in words (``lib.sync.status()``'s answer, or None)."""
        if status is None or not getattr(status, "enrolled", False):
            return self.tr("Sync: not set up")
        if getattr(status, "last_error_code", None) in OFFLINE_CODES:
            # Not reaching the server is no fault at the desk: say so, and how long it lasts.
            if not getattr(status, "last_sync_at", None):
                return self.tr("Sync: offline, will try again")
            days = self._days_without_sync(status, now)
            if days >= DAYS_TO_COUNT:
                return self.tr("Sync: offline for {days} days (last success {time})").format(
                    days=days, time=status.last_sync_local)
            return self.tr("Sync: offline (last success {time})").format(
                time=status.last_sync_local)
        if getattr(status, "last_error_code", None) == CLOCK_CODE:
            return self.tr("Sync: failed, wrong date on this computer")
        if getattr(status, "last_error", None):
            if getattr(status, "last_sync_at", None):
                return self.tr("Sync: failed (last success {time})").format(
                    time=status.last_sync_local)
            return self.tr("Sync: failed")
        if getattr(status, "last_sync_at", None):
            return self.tr("Sync: last {time}").format(time=status.last_sync_local)
        return self.tr("Sync: never")
