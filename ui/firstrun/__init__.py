"""First-run set-up, and the backup/restore windows.

``ui/main.py`` calls :func:`install` (Tools-menu actions and automatic backups) and then
:func:`maybe_run` (the set-up wizard, once, on a library that has not been set up).
Settings can offer :func:`run_wizard` again at any time.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from app.backup import BackupOutcome
from app.errors import UserError
from app.library import Library
from ui.firstrun import texts as t
from ui.firstrun.autobackup import AutoBackup, CloseAfterBackup
from ui.firstrun.backup_dialog import BackupDialog
from ui.firstrun.wizard import SETUP_DONE, FirstRunWizard, SetupChoices

__all__ = ["AutoBackup", "BackupDialog", "FirstRunWizard", "SetupChoices", "install",
           "maybe_run", "needs_setup", "run_wizard"]


def needs_setup(lib: Library) -> bool:
    """True until the wizard was finished or skipped once on this library."""
    return not lib.settings.get(SETUP_DONE)


def maybe_run(lib: Library, parent: QWidget | None = None) -> SetupChoices | None:
    """Show the set-up wizard if this library has never been set up; return the choices."""
    if not needs_setup(lib):
        return None
    return run_wizard(lib, parent)


def run_wizard(lib: Library, parent: QWidget | None = None,
               wizard: FirstRunWizard | None = None) -> SetupChoices | None:
    """Run the wizard (again); save what was chosen and start any imports asked for.

    Skipping marks the set-up as done so it is not offered at every start; Tools → Set up the
    library brings it back.
    """
    wizard = wizard or FirstRunWizard(lib, parent)
    accepted = wizard.exec() == FirstRunWizard.DialogCode.Accepted
    if not accepted:
        if wizard.skipped and needs_setup(lib):
            lib.settings.set(SETUP_DONE, "skipped")
        return None
    choices = wizard.choices()
    choices.save(lib)
    if parent is not None:
        parent.setWindowTitle(f"ThuVien — {choices.name}")
    start_imports(lib, choices, parent)
    return choices


def _operations(parent: QWidget | None) -> Any:
    return getattr(parent, "operations", None)


def start_imports(lib: Library, choices: SetupChoices, parent: QWidget | None) -> None:
    """Import the MARC file and the class list chosen on the last page, off the GUI thread
    when the window offers its operations helper."""
    if choices.marc_file is not None:
        _import_marc(lib.path, choices.marc_file, parent)
    if choices.class_list is not None:
        _import_class_list(lib, choices.class_list, parent)


def _run(parent: QWidget | None, work: Any, title: str, done: Any,
         in_bytes: bool = False) -> None:
    operations = _operations(parent)
    if operations is None:
        try:
            done(work(None))
        except UserError as exc:
            QMessageBox.warning(parent, title, exc.message)
        return
    operation = operations.run(work, title=title, dialog_parent=parent, in_bytes=in_bytes)
    operation.succeeded.connect(done)
    operation.failed.connect(lambda exc: QMessageBox.warning(
        parent, title, exc.message if isinstance(exc, UserError) else str(exc)))


_shown: list[QWidget] = []   # report dialogs open without a parent to keep them alive


def _import_marc(db_path: Path, file: Path, parent: QWidget | None) -> None:
    def work(progress: Any) -> Any:
        with Library.open(db_path) as own:
            return own.catalog.import_marc(
                file, progress.report if progress else None,
                progress.cancelled if progress else None)

    def done(report: Any) -> None:
        changed = getattr(getattr(parent, "status", None), "refresh_soon", None)
        if callable(changed):
            changed()
        if report.skipped:
            # the records left out, each with its number, byte offset and reason, as the
            # catalog's import shows them (a count alone left the librarian guessing)
            from ui.catalog.view import ImportReportDialog

            dialog = ImportReportDialog(report, parent)
            _shown.append(dialog)
            dialog.finished.connect(lambda _code: _shown.remove(dialog))
            dialog.open()
            return
        QMessageBox.information(parent, t.IMPORTING_MARC(), t.MARC_DONE(
            imported=report.imported, merged=report.merged, items=report.items,
            skipped=len(report.skipped)))

    _run(parent, work, t.IMPORTING_MARC(), done, in_bytes=True)  # the file's bytes read


def _import_class_list(lib: Library, file: Path, parent: QWidget | None) -> None:
    """Open the patrons' class-list import wizard on *file*: it previews the rows (legacy
    font encodings, column mapping) before writing anything."""
    try:
        patrons_wizard: Any = importlib.import_module("ui.patrons.import_wizard")
    except ImportError:
        patrons_wizard = None
    if patrons_wizard is not None:
        wizard = patrons_wizard.ImportWizard(lib, parent)
        wizard.file_page.file.setText(str(file))
        wizard.exec()
        return

    def work(progress: Any) -> Any:
        with Library.open(lib.path) as own:
            return own.patrons.import_class_list(file, dry_run=False)

    def done(result: Any) -> None:
        summary = ", ".join(f"{k}: {v}" for k, v in result.counts.items() if v)
        QMessageBox.information(parent, t.IMPORTING_CLASS(), t.CLASS_DONE(summary=summary))

    _run(parent, work, t.IMPORTING_CLASS(), done)


def _say(window: QWidget, text: str, ms: int = 0) -> None:
    """Show *text* in the window's status bar (for *ms*, 0: until the next message)."""
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(text, ms)


def _close_anyway(window: QWidget) -> bool:
    """Asked when the window is closed again while it waits for a backup (No: the default)."""
    answer = QMessageBox.question(window, t.BACKUP_TITLE(), t.CLOSE_ANYWAY(),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _connect_back_up_now(action: QAction, auto: AutoBackup, window: QWidget) -> None:
    """Tools → Back up now: the backup runs on the worker (the automatic backups' own), the
    action is disabled meanwhile with 'Backing up…' in the status bar, then the file made is
    named there, or a failure is shown in a message box."""
    state = ["idle"]  # "queued": asked while an automatic backup ran; "asked": running

    def start() -> None:
        _say(window, t.BACKING_UP())
        action.setEnabled(False)
        if auto.busy:  # an automatic backup, or its check, is running: take ours after it
            state[0] = "queued"
            return
        state[0] = "asked"
        auto.take()

    def done(outcome: object) -> None:
        if state[0] == "asked" and isinstance(outcome, BackupOutcome):
            _say(window, t.BACKED_UP(file=outcome.entry.path.name), 15000)

    def failed(reason: str) -> None:
        if state[0] == "asked":
            _say(window, "")
            QMessageBox.warning(window, t.BACKUP_FAILED(), reason)

    def ended() -> None:
        if state[0] == "queued":
            state[0] = "asked"
            auto.take()
            return
        state[0] = "idle"
        action.setEnabled(True)

    action.triggered.connect(start)
    auto.backed_up.connect(done)
    auto.failed.connect(failed)
    auto.finished.connect(ended)


def install(window: QWidget, lib: Library) -> AutoBackup:
    """Add the set-up and backup actions to the window's Tools menu and start automatic
    backups (every interval and on exit)."""
    operations = _operations(window)
    auto = AutoBackup(lib, window, operations.run if operations is not None else None)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(auto.on_exit)
    status = getattr(window, "status", None)
    if callable(getattr(status, "backup_failed", None)):
        auto.failed.connect(status.backup_failed)  # type: ignore[union-attr]
        auto.backed_up.connect(status.backup_done)  # type: ignore[union-attr]
    CloseAfterBackup(window, auto, lambda: _say(window, t.CLOSING_AFTER_BACKUP()),
                     lambda: _close_anyway(window))
    menu = getattr(window, "tools_menu", None)
    if menu is not None:
        setup = QAction(t.MENU_SETUP(), window)
        setup.triggered.connect(lambda: run_wizard(lib, window))
        now = QAction(t.MENU_BACKUP_NOW(), window)
        _connect_back_up_now(now, auto, window)
        dialog = QAction(t.MENU_BACKUPS(), window)

        def open_dialog() -> None:
            def stop_auto() -> None:
                auto.enabled = False
                release = getattr(window, "release_library", None)
                if callable(release):  # the window's own connections, or SQLite says "in use"
                    release()

            BackupDialog(lib, window, before_restore=stop_auto).exec()

        dialog.triggered.connect(open_dialog)
        for action in (setup, now, dialog):
            menu.addAction(action)
    window.setProperty("thuvien_autobackup", True)
    return auto
