"""The status bar: sync state, pending changes, the database file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.library import Library
from ui.format import display_date, local_time

REFRESH_MS = 5000


class LibraryStatusBar(QStatusBar):
    """Shows where the data is and how much of it waits for the district server."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.sync_label = QLabel()
        self.pending_label = QLabel()
        self.path_label = QLabel(self.tr("Database: {path}").format(path=lib.path))
        self.path_label.setToolTip(str(lib.path))
        self.addWidget(self.sync_label)
        self.addWidget(self.pending_label)
        self.addPermanentWidget(self.path_label)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self.refresh()

    def refresh(self) -> None:
        """Read the pending count and the sync state again."""
        try:
            pending = self._lib.pending_changes()
        except Exception:  # never let the status bar break the window
            pending = -1
        self.pending_label.setText(self.tr("Changes not yet sent: {count}").format(count=pending)
                                   if pending >= 0 else "")
        self.sync_label.setText(self._sync_text())

    def _sync_text(self) -> str:
        status: Any = None
        sync = getattr(self._lib, "sync", None)
        if sync is not None:
            try:
                status = sync.status() if callable(getattr(sync, "status", None)) else None
            except Exception:
                status = None
        if status is None:
            return self.tr("Sync: not set up")
        error = getattr(status, "last_error", None)
        last = getattr(status, "last_sync", None) or getattr(status, "last_success", None)
        if error:
            return self.tr("Sync: failed ({error})").format(error=error)
        if last:
            return self.tr("Sync: last {day} {time}").format(day=display_date(str(last)),
                                                            time=local_time(str(last)))
        return self.tr("Sync: never")
