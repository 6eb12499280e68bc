"""Settings → District sync: where this library syncs, how it is going, enrolling with a
one-time code, syncing now, and whether readers' names may leave the school.

Everything that touches the network or the token store's files runs off the GUI thread
through :mod:`ui.operations`; the page shows the outcome in words when it arrives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.library import Library
from ui.file_dialogs import ask_open_path
from ui.operations import Operations, Progress
from ui.sync_control import SyncControl
from ui.widgets import say


def read_status(path: Path) -> Any:
    """The sync status of the library at *path*, on its own connection."""
    with Library.open(path) as own:
        return own.sync.status()


def enroll(path: Path, url: str, code: str, ca_file: str | None) -> dict[str, Any]:
    """Enroll the library at *path* with the district server (network: not on the GUI
    thread); the server's description of the library."""
    with Library.open(path) as own:
        return own.sync.enroll(url, code, ca_file)


class SyncPage(QWidget):
    """The district sync tab of the settings."""

    #: The enrollment fields show what is stored (filled from the status, or just enrolled).
    loaded = Signal()

    def __init__(self, lib: Library, sync: SyncControl, operations: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._sync = sync
        self._operations = operations
        self.status: Any = None

        state = QGroupBox(self.tr("State"))
        self.server_label = QLabel()
        self.code_label = QLabel()
        self.last_label = QLabel()
        self.pending_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.union_label = QLabel()
        self.token_label = QLabel()
        self.token_label.setWordWrap(True)
        # A PC back in 2009 cannot check the server's certificate, and dates what it sends
        # wrong: the clock guard's words, shown only while it refuses this PC's date.
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.clock_label.setStyleSheet("color: #b91c1c; font-weight: bold;")
        state_form = QFormLayout(state)
        state_form.addRow(self.tr("District server"), self.server_label)
        state_form.addRow(self.tr("Library code"), self.code_label)
        state_form.addRow(self.tr("Last sync"), self.last_label)
        state_form.addRow(self.tr("Changes not yet sent"), self.pending_label)
        state_form.addRow(self.tr("Last error"), self.error_label)
        state_form.addRow(self.tr("This computer's date"), self.clock_label)
        state_form.addRow(self.tr("District catalog records here"), self.union_label)
        state_form.addRow(self.tr("Sync key"), self.token_label)
        self._state_form = state_form
        state_form.setRowVisible(self.token_label, False)  # until the status says enrolled
        state_form.setRowVisible(self.clock_label, False)  # while the date is accepted
        self.sync_button = QPushButton(self.tr("Sync now (Ctrl+Shift+S)"))
        self.sync_button.clicked.connect(self.sync_now)
        state_form.addRow(self.sync_button)

        self.join_box = join = QGroupBox(self.tr("Enroll with the district library"))
        self.url_field = QLineEdit()
        self.url_field.setPlaceholderText("https://thuvien.huyen.edu.vn")
        self.enroll_code = QLineEdit()
        self.enroll_code.setPlaceholderText(self.tr("The one-time code the district gave you"))
        self.ca_field = QLineEdit()
        self.ca_field.setPlaceholderText(self.tr("Only if the district uses its own certificate"))
        browse = QPushButton(self.tr("C&hoose…"))
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_field, 1)
        ca_row.addWidget(browse)
        self.enroll_button = QPushButton(self.tr("&Enroll"))
        self.enroll_button.clicked.connect(self.enroll)
        # Keyboard first: Enter after the address goes on to the code, Enter after the code
        # enrolls (it did nothing, and the librarian waited for an answer that never came).
        self.url_field.returnPressed.connect(self.enroll_code.setFocus)
        self.enroll_code.returnPressed.connect(self.enroll)
        join_form = QFormLayout(join)
        join_form.addRow(self.tr("Server address"), self.url_field)
        join_form.addRow(self.tr("Enrollment code"), self.enroll_code)
        join_form.addRow(self.tr("CA certificate file"), ca_row)
        join_form.addRow(self.enroll_button)

        privacy = QGroupBox(self.tr("Readers' personal data"))
        # A check box does not wrap: its English ran off a 1024-pixel screen ("…leave the sc").
        # The switch says what it does, the line under it (which wraps) what "off" means.
        self.share_box = QCheckBox(self.tr("Send readers' names and card numbers to the district"))
        self.share_box.setChecked(str(lib.settings.get("sync_personal_data", "none")) == "share")
        self.share_box.toggled.connect(self.save_privacy)
        self.share_note = QLabel(self.tr(
            "Off (the default): only anonymous counts leave the school, never names, card "
            "numbers or photos."))
        self.share_note.setWordWrap(True)
        self.share_note.setStyleSheet("color: #4b5563;")
        privacy_layout = QVBoxLayout(privacy)
        privacy_layout.addWidget(self.share_box)
        privacy_layout.addWidget(self.share_note)

        self.message = QLabel()
        self.message.setWordWrap(True)
        box = QWidget()
        box.setMaximumWidth(760)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(state)
        inner.addWidget(join)
        inner.addWidget(privacy)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(box)
        layout.addStretch(1)
        sync.outcome.connect(self._after_sync)
        self.refresh()

    # -- state -----------------------------------------------------------------------------
    def refresh(self) -> Any:
        """Read the sync state again (off the GUI thread) and show it."""
        path = self._lib.path

        def work(_progress: Progress) -> Any:
            return read_status(path)

        operation = self._operations.run(work, title="sync-status", cancellable=False)
        operation.succeeded.connect(self._show)
        return operation

    def _show(self, status: Any) -> None:
        self.status = status
        dash = "—"
        self.server_label.setText(status.server_url or self.tr("not enrolled"))
        self.code_label.setText(status.library_code or dash)
        self.last_label.setText(status.last_sync_local)
        self.pending_label.setText(str(status.pending))
        self.error_label.setText(status.last_error or self.tr("none"))
        self.error_label.setStyleSheet("color: #b91c1c;" if status.last_error else "")
        self.union_label.setText(str(status.union_records))
        problem = getattr(status, "clock_problem", None)
        self.clock_label.setText(problem or "")
        self._state_form.setRowVisible(self.clock_label, bool(problem))
        self.token_label.setText(status.token_storage or dash)
        # Where the key is kept means nothing before there is a key.
        self._state_form.setRowVisible(self.token_label, bool(status.enrolled))
        self.sync_button.setEnabled(bool(status.enrolled))
        if status.server_url and not self.url_field.text():
            self.url_field.setText(status.server_url)
            self.loaded.emit()

    # -- actions ---------------------------------------------------------------------------
    def enroll(self) -> Any:
        """Exchange the code for this library's token; sync starts when it worked."""
        url, code = self.url_field.text().strip(), self.enroll_code.text().strip()
        if not url or not code:
            say(self.message, self.tr("Type the server address and the enrollment code."),
                ok=False)
            return None
        ca_file = self.ca_field.text().strip() or None
        path = self._lib.path
        self.enroll_button.setEnabled(False)
        say(self.message, self.tr("Enrolling…"))

        def work(_progress: Progress) -> dict[str, Any]:
            return enroll(path, url, code, ca_file)

        operation = self._operations.run(work, title="enroll", cancellable=False)
        operation.succeeded.connect(self._enrolled)
        operation.failed.connect(self._failed)
        operation.finished.connect(lambda: self.enroll_button.setEnabled(True))
        return operation

    def enroll_and_stay(self) -> bool:
        """Enroll with what is typed (the settings' "save them?" answered Save): False, so
        the librarian stays on this tab and reads the outcome when it arrives."""
        self.enroll()
        return False

    def _enrolled(self, library: dict[str, Any]) -> None:
        self.enroll_code.clear()
        self.loaded.emit()
        say(self.message, self.tr("Enrolled as {code} — {name}. Syncing now.").format(
            code=library.get("code", ""), name=library.get("name", "")))
        self._sync.sync_now()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        text = error.message if isinstance(error, UserError) else repr(error)
        say(self.message, text, ok=False)

    def sync_now(self) -> None:
        """Sync at once in the background; the outcome is shown when it arrives."""
        say(self.message, self.tr("Syncing…"))
        self._sync.sync_now()

    def _after_sync(self, outcome: Any) -> None:
        if outcome.report is not None:
            report = outcome.report
            kept = getattr(report, "withheld", 0)
            if kept:  # "changes not sent" counted them: say where they went
                say(self.message, self.tr(
                    "Synced: {pushed} changes sent, {kept} kept at the school (readers' "
                    "details, holds, class loans), {pulled} district catalog records received."
                ).format(pushed=report.pushed, kept=kept, pulled=report.pulled))
            else:
                say(self.message, self.tr(
                    "Synced: {pushed} changes sent, {pulled} district catalog records received."
                ).format(pushed=report.pushed, pulled=report.pulled))
        else:
            say(self.message, outcome.error or "", ok=False)
        self.refresh()

    def save_privacy(self, share: bool) -> None:
        """Store whether readers' personal data may leave the school."""
        try:
            self._lib.sync.set_personal_data("share" if share else "none")
        except UserError as exc:
            say(self.message, exc.message, ok=False)
            return
        say(self.message, self.tr("Readers' names and card numbers will be sent to the "
                                  "district.") if share else
            self.tr("Only anonymous counts leave the school."))

    def _choose_ca(self) -> None:
        path = ask_open_path(self, "certificate", self.tr("CA certificate"),
                             self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_field.setText(path)
