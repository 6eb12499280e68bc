"""Start the desktop window: ``thuvien`` with no subcommand calls :func:`run`.

``app/cli/_gui.py`` imports this module lazily and calls ``run(args)`` (``args.db``,
``args.lang``). A first-run wizard, when ``ui.firstrun`` exists, is offered through its
``maybe_run(lib, window)``; its backup/restore actions go in the Tools menu via
``install(window, lib)`` if it defines one.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path
from types import ModuleType, TracebackType

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import UserError
from app.library import Library
from ui.firstrun.damaged import offer_restore
from ui.i18n import install_translators, preferred_language
from ui.mainwindow import MainWindow
from ui.single import claim_window
from ui.style import apply_style


def application() -> QApplication:
    """The process's QApplication (made once), named so QSettings finds its file."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("ThuVien")
    QCoreApplication.setApplicationName("ThuVien")
    assert isinstance(app, QApplication)
    return app


def _show_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None
                     ) -> None:
    """Last resort for an exception escaping a slot: log it, tell the user in one line."""
    logging.getLogger("ui").error("unexpected error", exc_info=(kind, error, tb))
    if QApplication.instance() is not None and not isinstance(error, KeyboardInterrupt):
        message = error.message if isinstance(error, UserError) else QCoreApplication.translate(
            "MainWindow", "Unexpected error: {error}").format(error=error)
        QMessageBox.warning(QApplication.activeWindow(), "ThuVien", message)


def _firstrun() -> ModuleType | None:
    try:
        return importlib.import_module("ui.firstrun")
    except ModuleNotFoundError as exc:
        if exc.name in ("ui.firstrun",):
            return None
        raise


def open_window(lib: Library, lang: str) -> MainWindow:
    """Build and show the main window on *lib* (the desk has focus)."""
    window = MainWindow(lib, lang=lang)
    firstrun = _firstrun()
    if firstrun is not None and hasattr(firstrun, "install"):
        firstrun.install(window, lib)
    window.show_fitted()
    window.desk.focus_scan()
    if firstrun is not None and hasattr(firstrun, "maybe_run"):
        firstrun.maybe_run(lib, window)
    return window


def run(args: argparse.Namespace) -> int:
    """Open the library named by ``args.db`` (or the default) and run the window."""
    from app.db.paths import default_db_path

    app = application()
    sys.excepthook = _show_unexpected
    lang = preferred_language(QSettings(), getattr(args, "lang", None))
    translators = install_translators(app, lang)
    apply_style(app)
    db = getattr(args, "db", None)
    path = Path(db) if db else default_db_path()
    claim = claim_window(path)
    if claim is None:
        QMessageBox.information(None, "ThuVien", QCoreApplication.translate(
            "MainWindow", "ThuVien is already open on this library ({path}): use that window."
        ).format(path=str(path)))
        return 1
    try:
        lib = Library.open(path)
    except UserError as exc:
        if exc.code != "db.damaged" or not offer_restore(path, exc.message):
            if exc.code != "db.damaged":
                QMessageBox.critical(None, "ThuVien", exc.message)
            return 2
        try:
            lib = Library.open(path)
        except UserError as again:
            QMessageBox.critical(None, "ThuVien", again.message)
            return 2
    try:
        window = open_window(lib, lang)
        code = app.exec()
        del window
    finally:
        lib.close()
    del translators
    return int(code)
