"""Automatic backups while the window is open: every interval, and once more on exit.

The backup itself opens its own SQLite connection (:func:`app.backup.write_backup`), so the
interval backup runs on a worker thread through ``ui/operations.py`` and the desk never waits.
So does the check, once a minute, whether one is due: it opens every backup in the folder to
read its library's id, which on a USB stick or a network folder is not for the GUI thread.
The exit backup runs on the GUI thread while the application quits (the window is gone by
then). Closing the window while a backup runs waits for it (:class:`CloseAfterBackup`): the
window stays responsive and closes by itself when the backup has finished.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.backup import BackupError, BackupOutcome
from app.backup.service import backup_due, take_backup
from app.library import Library
from ui.firstrun.folder import backup_folder

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000


class AutoBackup(QObject):
    """Checks once a minute whether a backup is due and takes it; backs up on exit."""

    backed_up = Signal(object)  # BackupOutcome
    failed = Signal(str)
    finished = Signal()  # a backup (or a check finding none due) has ended, either way

    def __init__(self, lib: Library, parent: QObject | None = None,
                 run_in_background: Callable[[Callable[[Any], Any]], Any] | None = None
                 ) -> None:
        super().__init__(parent)
        self.lib = lib
        self.enabled = True
        self._busy = False
        self._run = run_in_background
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @property
    def busy(self) -> bool:
        """True while a backup (or the check whether one is due) runs on the worker."""
        return self._busy

    def folder(self) -> Path:
        """Where backups go on this PC."""
        return backup_folder(self.lib)

    def check(self) -> None:
        """Take a backup when the newest one in the folder is older than the interval (the
        folder is read on the worker thread when there is one)."""
        if not self.enabled or self._busy:
            return
        if self._run is not None:
            self.take(only_if_due=True)
            return
        if _due(self.folder(), self.lib.backups.library_id(),
                self.lib.backups.policy().interval_minutes):
            self.take()

    def take(self, only_if_due: bool = False) -> None:
        """Back up now (on a worker thread when one is available); *only_if_due*: only when
        the interval has passed since this library's newest backup in the folder.

        The library code, id and policy are read here, on the GUI thread; the worker only
        needs the database path (it opens its own connection).
        """
        folder = self.folder()
        backups = self.lib.backups
        if self._run is None:
            self._finish(self._take_now(backups, folder))
            return
        self._busy = True
        db_path, code, policy = self.lib.path, backups.library_code(), backups.policy()
        library_id = backups.library_id()

        def work(_progress: Any) -> BackupOutcome | None:
            if only_if_due and not _due(folder, library_id, policy.interval_minutes):
                return None
            return take_backup(db_path, folder, code, policy)

        operation = self._run(work)
        operation.succeeded.connect(self._finish)
        operation.failed.connect(self._fail)

    @staticmethod
    def _take_now(backups: Any, folder: Path) -> BackupOutcome | BaseException:
        try:
            return backups.take(folder)  # type: ignore[no-any-return]
        except BackupError as exc:
            return exc

    def _finish(self, outcome: object) -> None:  # None: the check found no backup due
        if isinstance(outcome, BaseException):
            self._fail(outcome)
            return
        self._busy = False
        if isinstance(outcome, BackupOutcome):
            self.backed_up.emit(outcome)
        self.finished.emit()

    def _fail(self, error: object) -> None:
        self._busy = False
        message = error.message if isinstance(error, BackupError) else str(error)
        log.warning("automatic backup failed: %s", message)
        self.failed.emit(message)
        self.finished.emit()

    def on_exit(self) -> None:
        """The backup taken as ThuVien closes (skipped after a restore closed the library)."""
        self.timer.stop()
        if not self.enabled:
            return
        outcome = self._take_now(self.lib.backups, self.folder())
        if isinstance(outcome, BaseException):
            log.warning("backup on exit failed: %s", outcome)


class CloseAfterBackup(QObject):
    """Keeps *window* open while *auto* is backing up: the close is put off, *say* tells
    the librarian why, and the window closes itself once the backup has ended. Closing
    otherwise cut the backup short after five seconds (the window's workers are given no
    more) and the exit backup started on top of it.

    Asked to close again while waiting (a folder on the network that stopped answering), it
    asks whether to close anyway: then the unfinished backup stays a ``.partial`` file, never
    listed or restored, and no exit backup is tried.
    """

    def __init__(self, window: QWidget, auto: AutoBackup, say: Callable[[], None],
                 ask_close_anyway: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._auto = auto
        self._say = say
        self._ask = ask_close_anyway
        self.pending = False
        auto.finished.connect(self._backup_ended)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Put off a Close of the window while a backup runs."""
        if watched is not self._window or event.type() != QEvent.Type.Close \
                or not self._auto.busy:
            return False
        if self.pending and self._ask():
            self.pending = False
            self._auto.enabled = False
            return False
        event.ignore()
        self.pending = True
        self._say()
        return True

    def _backup_ended(self) -> None:
        if self.pending:
            self.pending = False
            QTimer.singleShot(0, self._window.close)


def _due(folder: Path, library_id: str, interval_minutes: int) -> bool:
    """Whether a backup is due (a folder that cannot be read: yes, so the attempt says why)."""
    try:
        return backup_due(folder, library_id, interval_minutes)
    except OSError:
        return True
