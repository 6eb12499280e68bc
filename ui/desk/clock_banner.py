"""The red strip shown while this PC's clock is behind what the library recorded.

The desk refuses lending, returns and renewals then (see :mod:`app.circulation.clock_check`);
the strip says why before the first scan, and goes away by itself once the clock is set right
(checked again every :data:`CHECK_MS`, and after a refused scan): no restart needed.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.circulation.clock_check import ClockCheck, ClockVerdict
from app.db.connection import Database
from ui.style import BAD_BG, BAD_FG

CHECK_MS = 20000


class ClockBanner(QLabel):
    """Hidden while the clock is plausible; red, with what to do, while it is behind."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockBanner")
        self.setWordWrap(True)
        self.setStyleSheet(f"background: {BAD_BG}; color: {BAD_FG}; font-weight: bold; "
                           "padding: 8px; border-radius: 6px;")
        self._check = ClockCheck(db, cache_seconds=CHECK_MS / 1000)
        self.verdict: ClockVerdict | None = None
        self.hide()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.recheck)
        self._timer.start(CHECK_MS)
        self.recheck()

    def recheck(self) -> ClockVerdict | None:
        """Check the clock again and show or hide the strip (kept as it is when the database
        cannot be read just now: locked by a backup, or closed as the app quits)."""
        try:
            verdict = self._check.verdict()
        except sqlite3.Error:
            return self.verdict
        self.verdict = verdict
        if verdict.behind:
            self.setText(self.tr("Lending, returns and renewals are stopped: {reason}")
                         .format(reason=verdict.message))
        self.setVisible(verdict.behind)
        return verdict
