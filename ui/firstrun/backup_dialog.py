"""Backups and restore: the folder (per PC), the policy (per library), the list of backups,
"Back up now" and "Restore…".

The backup, the check of a backup chosen for a restore and the restore itself read or write
a whole library file (seconds to minutes on a big library or a USB stick), so they run on a
worker thread through :mod:`ui.operations`: the window keeps answering, shows a busy bar, the
buttons are disabled meanwhile, and it refuses to close until the work has finished. A backup
cut short anyway (the PC switched off) leaves only a ``.partial`` file, never listed or
restored (:mod:`app.backup.snapshot`); a restore replaces the library in one atomic rename
(:mod:`app.backup.restore`).

The list of backups is read on a worker thread too: each backup is opened to learn which
library it belongs to, and thirty of them on a slow USB stick took seconds before the window
appeared. The window shows at once with "Đang đọc…" and fills its list when the reading ends.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup import (
    BackupEntry,
    BackupError,
    BackupOutcome,
    BackupPolicy,
    LibraryFacts,
    check_database_file,
)
from app.backup.files import list_backups
from app.backup.identity import owner_of
from app.backup.restore import RestoreReport, aside_name, restore_database
from app.backup.service import take_backup
from app.library import Library
from ui.file_dialogs import ask_open_path, start_folder
from ui.firstrun import texts as t
from ui.firstrun.folder import backup_folder, set_backup_folder
from ui.operations import Operation, Operations


def human_size(size: int) -> str:
    """``1536`` → ``'1,5 KB'`` in Vietnamese (a decimal comma), ``'1.5 KB'`` in English."""
    from app.cli.backup import human_size as core
    from app.i18n import language

    text = core(size)
    return text.replace(".", ",") if language() == "vi" else text


@dataclass(frozen=True)
class Listed:
    """A backup as the list shows it: its file's facts and the library it holds (*owner*
    None when the file cannot be read, *name* that library's name)."""

    entry: BackupEntry
    owner: str | None
    name: str


def read_backups(folder: Path, stop: Callable[[], bool] = lambda: False) -> list[Listed]:
    """The finished backups in *folder*, newest first, each opened to learn its library
    (slow on a USB stick: run it off the GUI thread); what was read so far once *stop* says
    so (the window closed meanwhile)."""
    listed = []
    for entry in list_backups(folder):
        if stop():
            break
        listed.append(Listed(entry, *owner_of(entry.path)))
    return listed


def _message(error: object) -> str:
    """What to tell the librarian about a failed backup or restore."""
    return error.message if isinstance(error, BackupError) else str(error)


class BackupDialog(QDialog):
    """The backup window. *restart* is called after a restore (default: relaunch ThuVien)."""

    #: A "Back up now" has ended: True when a checked backup was written.
    backup_finished = Signal(bool)
    #: A restore started from this window has ended (declined, refused or done): True when
    #: the library was replaced.
    restore_finished = Signal(bool)

    def __init__(self, lib: Library, parent: QWidget | None = None,
                 restart: Callable[[], None] | None = None,
                 before_restore: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.restart = restart or relaunch
        self.before_restore = before_restore
        self.operations = Operations(self)
        self._running: Operation | None = None
        self._listing: Operation | None = None
        self._listed: list[Listed] = []
        self._listed_folder: Path | None = None
        self._wait_text = t.WAIT_BACKUP()
        self.setWindowTitle(t.BACKUP_TITLE())
        self.resize(760, 460)
        self.folder_edit = QLineEdit(str(backup_folder(lib)))
        self.folder_edit.setReadOnly(True)
        self.change_button = change = QPushButton(t.CHANGE())
        change.clicked.connect(self.choose_folder)
        policy = lib.backups.policy()
        self.interval = self._spin(5, 24 * 60, policy.interval_minutes, t.MINUTES())
        self.keep_daily = self._spin(1, 365, policy.keep_daily, t.DAYS())
        self.keep_monthly = self._spin(1, 240, policy.keep_monthly, t.MONTHS())
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([c() for c in t.COLUMNS])
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel("")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no figures from SQLite's one-step copy: a moving bar
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.now_button = QPushButton(t.BACK_UP_NOW())
        self.restore_button = QPushButton(t.RESTORE())
        self.restore_file_button = QPushButton(t.RESTORE_FILE())
        self.close_button = close = QPushButton(t.CLOSE())
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_other_file)
        close.clicked.connect(self.accept)

        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(t.FOLDER()))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(change)
        policy_row = QHBoxLayout()
        for widget in (QLabel(t.EVERY()), self.interval, QLabel(t.KEEP_DAILY()), self.keep_daily,
                       QLabel(t.KEEP_MONTHLY()), self.keep_monthly):
            policy_row.addWidget(widget)
        policy_row.addStretch()
        buttons = QHBoxLayout()
        for button in (self.now_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addLayout(policy_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.busy_bar)
        layout.addLayout(buttons)
        for spin in (self.interval, self.keep_daily, self.keep_monthly):
            spin.valueChanged.connect(self.save_policy)
        self.refresh()

    @staticmethod
    def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(max(low, min(high, value)))
        spin.setSuffix(suffix)
        return spin

    def folder(self) -> Path:
        """The backup folder shown."""
        return Path(self.folder_edit.text())

    def entries(self) -> list[BackupEntry]:
        """The backups listed, newest first (as last read: see :meth:`refresh`)."""
        return [listed.entry for listed in self._listed]

    @property
    def reading(self) -> bool:
        """True while the folder is being read (the list is not up to date yet)."""
        return self._listing is not None

    def refresh(self) -> Operation:
        """Re-read the folder on a worker thread ("Đang đọc…" meanwhile; the rows already
        shown stay while the same folder is read again): this library's backups as they
        are, other libraries' (a shared USB stick; the code in a name may be shared too)
        marked and greyed. A reading started earlier is forgotten."""
        folder = self.folder()
        if folder != self._listed_folder:
            self._listed = []
            self.table.setRowCount(0)
            self.restore_button.setEnabled(False)
        if not self.busy():
            self.status.setText(t.READING_BACKUPS())
        ours = self.lib.backups.library_id()  # read now: a restore may close the library
        self._listing = operation = self.operations.run(lambda progress: read_backups(folder, progress.cancelled),
                                                        title=t.READING_BACKUPS())
        operation.succeeded.connect(
            lambda listed: self._show_listed(operation, folder, ours, listed))
        operation.failed.connect(lambda _error: self._show_listed(operation, folder, ours, []))
        return operation

    def wait_until_listed(self, timeout_ms: int = 30000) -> bool:
        """Turn the event loop until the folder has been read (the window keeps answering);
        False when *timeout_ms* passed first. For callers that need the list at once."""
        if self._listing is None:
            return True
        loop = QEventLoop()
        self._listing.finished.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        return self._listing is None

    def _show_listed(self, operation: Operation, folder: Path, ours: str | None,
                     listed: list[Listed]) -> None:
        if operation is not self._listing:
            return  # a later reading (another folder, a backup since) answers instead
        self._listing = None
        chosen = self.selected_path()
        self._listed, self._listed_folder = listed, folder
        mine: list[BackupEntry] = []
        self.table.setRowCount(len(listed))
        for row, (entry, owner, name) in enumerate(
                (x.entry, x.owner, x.name) for x in listed):
            code = entry.library_code or "-"
            tip = ""
            if owner == ours:
                mine.append(entry)
            elif owner is None:
                code = t.UNREADABLE_ROW(code=code)
            else:
                code = t.OTHER_LIBRARY_ROW(code=code)
                tip = t.OTHER_LIBRARY_TIP(name=name or entry.library_code or "-")
            values = (entry.taken_at.strftime("%d/%m/%Y %H:%M:%S"), code,
                      human_size(entry.size), entry.path.name)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, str(entry.path))
                if owner != ours:
                    cell.setForeground(QColor("#6b7280"))
                    cell.setToolTip(tip)
                self.table.setItem(row, column, cell)
        paths = [x.entry.path for x in listed]
        if chosen in paths and chosen is not None:
            self.table.selectRow(paths.index(chosen))
        elif listed:
            self.table.selectRow(paths.index(mine[0].path) if mine else 0)
        if self.status.text() == t.READING_BACKUPS():  # nothing else said meanwhile
            self.status.setText(
                t.LAST_BACKUP(when=mine[0].taken_at.strftime("%d/%m/%Y %H:%M")) if mine
                else t.NO_BACKUP_YET())
        if not self.busy():
            self.restore_button.setEnabled(bool(listed))

    def choose_folder(self) -> None:
        """Pick another folder (a USB stick) and remember it for this PC."""
        # Before the first backup the folder may not exist yet; Qt would open the current
        # folder (the program folder on Windows).
        chosen = QFileDialog.getExistingDirectory(self, t.FOLDER(),
                                                  str(start_folder("backup", self.folder())))
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path) -> None:
        """Use *folder* from now on on this PC."""
        set_backup_folder(folder)
        self.folder_edit.setText(str(folder))
        self.refresh()

    def save_policy(self) -> None:
        """Store the interval and retention numbers in the library."""
        self.lib.backups.set_policy(BackupPolicy(self.interval.value(), self.keep_daily.value(),
                                                 self.keep_monthly.value()))

    def busy(self) -> bool:
        """True while a backup, a backup's check or a restore runs."""
        return self._running is not None

    def _start(self, work: Callable[[object], object], text: str, wait_text: str) -> Operation:
        """Run *work* on a worker thread with the window busy: *text* shown with a moving
        bar, every button that starts or changes something disabled, closing refused with
        *wait_text*."""
        self.status.setText(text)
        self.busy_bar.show()
        self._wait_text = wait_text
        for widget in self._busy_widgets():
            widget.setEnabled(False)
        self._running = operation = self.operations.run(work, title=text)
        return operation

    def _idle(self) -> None:
        self._running = None
        self.busy_bar.hide()
        for widget in self._busy_widgets():
            widget.setEnabled(True)
        self.restore_button.setEnabled(self.table.rowCount() > 0)

    def _busy_widgets(self) -> list[QWidget]:
        return [self.now_button, self.restore_button, self.restore_file_button,
                self.change_button, self.close_button, self.interval, self.keep_daily,
                self.keep_monthly]

    def done(self, result: int) -> None:  # Esc, the title bar's X, Close
        """Close, unless work is running: the librarian is told to wait (a backup cut short
        or a restore left half-way is what this window must never cause)."""
        if self.busy():
            QMessageBox.information(self, t.BACKUP_TITLE(), self._wait_text)
            return
        if self._listing is not None:  # nobody will look at the list: stop reading it
            self._listing.cancel()
            self._listing = None
        super().done(result)

    def back_up_now(self) -> Operation | None:
        """Start a checked backup into the folder shown, on a worker thread; the result is
        shown when it ends (:attr:`backup_finished`). None when other work is running."""
        if self.busy():
            return None
        db_path, folder = self.lib.path, self.folder()
        code, policy = self.lib.backups.library_code(), self.lib.backups.policy()
        operation = self._start(lambda _progress: take_backup(db_path, folder, code, policy),
                                t.BACKING_UP(), t.WAIT_BACKUP())
        operation.succeeded.connect(self._backed_up)
        operation.failed.connect(self._backup_failed)
        return operation

    def _backed_up(self, outcome: BackupOutcome) -> None:
        self._idle()
        self.refresh()
        self.status.setText(t.BACKED_UP(file=outcome.entry.path.name))
        self.backup_finished.emit(True)

    def _backup_failed(self, error: object) -> None:
        self._idle()
        self.refresh()
        QMessageBox.warning(self, t.BACKUP_FAILED(), _message(error))
        self.backup_finished.emit(False)

    def selected_path(self) -> Path | None:
        """The backup chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(str(item.data(Qt.ItemDataRole.UserRole))) if item else None

    def restore_selected(self) -> bool:
        """Restore the backup selected in the list (after a confirmation); True when the
        restore was started (:attr:`restore_finished` says how it ended)."""
        path = self.selected_path()
        return self.restore(path) if path else False

    def restore_other_file(self) -> bool:
        """Restore from a file picked anywhere (an older USB stick, an e-mail attachment)."""
        name = ask_open_path(self, "backup", t.RESTORE_FILE().replace("&", ""),
                             t.BACKUP_FILE_FILTER(), self.folder())
        return self.restore(Path(name)) if name else False

    def confirm(self, text: str) -> bool:
        """Ask yes/no (a separate method so tests can answer it)."""
        answer = QMessageBox.question(self, t.BACKUP_TITLE(), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, path: Path) -> bool:
        """Check *path* (on a worker thread: the check reads the whole file), confirm, close
        the library, restore (on a worker thread too), then restart ThuVien. True when the
        check was started; :attr:`restore_finished` says how it ended."""
        if self.busy():
            return False
        operation = self._start(lambda _progress: check_database_file(path),
                                t.CHECKING_BACKUP(), t.WAIT_CHECK())
        operation.succeeded.connect(lambda facts: self._checked(path, facts))
        operation.failed.connect(self._check_failed)
        return True

    def _check_failed(self, error: object) -> None:
        self._idle()
        self.refresh()
        QMessageBox.warning(self, t.RESTORE_FAILED(), _message(error))
        self.restore_finished.emit(False)

    def _checked(self, path: Path, facts: LibraryFacts) -> None:
        self._idle()
        self.refresh()
        from datetime import datetime

        from app.backup.files import parse_name

        entry = parse_name(path)
        when = entry.taken_at.strftime("%d/%m/%Y %H:%M") if entry else path.name
        name = facts.library_name or facts.library_code
        text = t.CONFIRM_RESTORE(which=t.NAMED(name=name) if name else "", when=when,
                                 aside=aside_name(self.lib.path, datetime.now()).name)
        if facts.library_id != self.lib.settings.library_id:
            text += t.OTHER_LIBRARY(code=t.OTHER_CODE(code=facts.library_code)
                                    if facts.library_code else "")
        if not self.confirm(text):
            self.restore_finished.emit(False)
            return
        if self.before_restore is not None:
            self.before_restore()
        db_path = self.lib.path
        self.lib.close()
        operation = self._start(lambda _progress: restore_database(db_path, path),
                                t.RESTORING(), t.WAIT_RESTORE())
        operation.succeeded.connect(self._restored)
        operation.failed.connect(self._restore_failed)

    def _restored(self, report: RestoreReport) -> None:
        self._running = None
        self.status.setText("")
        self.busy_bar.hide()
        QMessageBox.information(self, t.BACKUP_TITLE(),
                                t.RESTORED(previous=str(report.previous or "-")))
        self.restore_finished.emit(True)
        self.restart()

    def _restore_failed(self, error: object) -> None:
        # The library is closed (and exactly as it was): ThuVien reopens it.
        self._running = None
        self.status.setText("")
        self.busy_bar.hide()
        QMessageBox.warning(self, t.RESTORE_FAILED(), _message(error))
        self.restore_finished.emit(False)
        self.restart()


def relaunch() -> None:
    """Start ThuVien again with the same arguments, then quit this instance."""
    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, sys.argv[1:])
    else:
        QProcess.startDetached(sys.executable, sys.argv)
    app = QApplication.instance()
    if app is not None:
        app.quit()
