"""The red strip shown while this PC's clock is behind what the library recorded.

The desk refuses lending, returns, renewals, payments, stocktakes, write-offs and the
rollover then (see :mod:`app.circulation.clock_check`);
the strip says why before the first scan, and goes away by itself once the clock is set right
(checked again every :data:`CHECK_MS`, and after a refused scan): no restart needed.

A PC whose clock was once set ahead (loans recorded in the future) and then corrected is
"behind" too, for as long as it was ahead: the strip then says the records are ahead of a
date that may be right (:attr:`~app.circulation.clock_check.ClockVerdict.records_ahead`),
where a date wrong for sure (2009, or before the district server's) only says to set the
clock. Its button "This computer's date is right…" (Alt+N
in Vietnamese) asks, with both dates written out, whether today really is the PC's date; the
safe answer (set the clock instead) is the default for Enter and Esc. Confirming trusts the
clock (:func:`app.circulation.clock_check.trust_pc_clock`) and the strip goes away.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.circulation.clock_check import ClockCheck, ClockVerdict, pc_clock, trust_pc_clock
from app.db.connection import Database
from app.errors import UserError
from ui.style import BAD_BG, BAD_FG

CHECK_MS = 20000
# What a dead CMOS battery resets the clock to, named in the confirmation as the case not
# to confirm.
DEAD_BATTERY_DATE = "01/01/2009"


class ClockBanner(QFrame):
    """Hidden while the clock is plausible; red, with what to do, while it is behind."""

    # The librarian confirmed this PC's date: the desk works again.
    trusted = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockBanner")
        self.setStyleSheet(f"#clockBanner {{ background: {BAD_BG}; border-radius: 6px; }}")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet(f"color: {BAD_FG}; font-weight: bold;")
        self.trust_button = QPushButton(self.tr("This computer's &date is right…"))
        self.trust_button.clicked.connect(self.ask_trust)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.trust_button)
        self._db = db
        self._check = ClockCheck(db, cache_seconds=CHECK_MS / 1000)
        self.verdict: ClockVerdict | None = None
        self.trust_question: QMessageBox | None = None
        self.hide()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.recheck)
        self._timer.start(CHECK_MS)
        self.recheck()

    def text(self) -> str:
        """What the strip says."""
        return self.label.text()

    def recheck(self) -> ClockVerdict | None:
        """Check the clock again and show or hide the strip (kept as it is when the database
        cannot be read just now: locked by a backup, or closed as the app quits)."""
        try:
            verdict = self._check.verdict()
        except sqlite3.Error:
            return self.verdict
        self.verdict = verdict
        if verdict.behind:
            self.label.setText(self.tr(
                "Everything dated is stopped (lending, returns, payments, stocktakes…): "
                "{reason}").format(reason=verdict.window_message))
            # a date before 2024, or before the district server's at the last sync, is wrong
            # whatever anyone confirms: the strip says "set the clock" and offers no button
            self.trust_button.setVisible(verdict.records_ahead)
        self.setVisible(verdict.behind)
        return verdict

    def ask_trust(self) -> QMessageBox | None:
        """Ask whether today really is this PC's date (window-modal; the answer arrives
        later): both dates written out, "no" the default."""
        verdict = self.recheck()
        if verdict is None or not verdict.behind:
            return None
        now, latest = verdict.now_shown, verdict.latest_shown
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Is this computer's date right?"),
                          self.tr(
            "This computer's date: {now}. The library recorded up to: {latest}. Confirm only "
            "if today really is {now} — if this computer has just lost its date ({dead}), set "
            "its clock instead of clicking here.").format(
                now=now, latest=latest, dead=DEAD_BATTERY_DATE), parent=self)
        confirm = box.addButton(self.tr("&Yes, today is {date}").format(date=now),
                                QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&No, I will set the clock"),
                               QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # Enter must not accept a wrong date
        box.setEscapeButton(cancel)

        def answered(button: QAbstractButton) -> None:
            if button is confirm:
                self.trust()

        box.buttonClicked.connect(answered)
        self.trust_question = box
        box.open()
        return box

    def trust(self) -> ClockVerdict | None:
        """Trust this PC's clock now; the strip (and the status bar's red date) go away."""
        try:
            trust_pc_clock(self._db, pc_clock)
        except (UserError, sqlite3.Error) as exc:  # a date before 2024; the file locked
            self.label.setText(getattr(exc, "message", str(exc)))
            return self.verdict
        self._check.forget()
        verdict = self.recheck()
        window = self.window()
        status = window.statusBar() if isinstance(window, QMainWindow) else None
        check_clock = getattr(status, "check_clock", None)
        if callable(check_clock):  # not 15 s more of "wrong date" in the status bar
            check_clock()
        focus_scan = getattr(self.parentWidget(), "focus_scan", None)
        if callable(focus_scan):  # the desk: the next scan goes to its scan field
            focus_scan()
        self.trusted.emit()
        return verdict
