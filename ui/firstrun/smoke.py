"""The GUI half of ``thuvien selftest``: build windows offscreen with only bundled fonts.

On a PC without Vietnamese fonts (the frozen bundle is tested with system fonts hidden) the
bundled DejaVu font must be what Qt draws with.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from app.labels.fonts import FONT_DIR
from app.library import Library


def render_offscreen(db_path: Path, picture: Path) -> dict[str, Any]:
    """Open the library, build the first-run wizard and the backup window offscreen, save a
    picture of the wizard; return what was checked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    families: list[str] = []
    for font in sorted(FONT_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(font))
        families += QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise RuntimeError(f"no bundled font could be loaded from {FONT_DIR}")
    from PySide6.QtGui import QFont

    app.setFont(QFont(families[0], 10))
    translators = _translations(app)
    from ui.firstrun.backup_dialog import BackupDialog
    from ui.firstrun.wizard import FirstRunWizard

    with Library.open(db_path) as lib:
        wizard = FirstRunWizard(lib)
        wizard.show()
        app.processEvents()
        image = wizard.grab()
        saved = image.save(str(picture))
        wizard.close()
        dialog = BackupDialog(lib)
        dialog.wait_until_listed()  # the list is read on a worker thread
        listed = dialog.table.rowCount()
        dialog.close()
        main_window = _main_window(lib, app, picture.with_name("main.png"))
    if not saved:
        raise RuntimeError(f"could not write {picture}")
    return {"qt_platform": QGuiApplication.platformName(), "fonts": sorted(set(families)),
            "wizard_png": picture.name, "backups_listed": listed, "main_window": main_window,
            "translations_loaded": len(translators)}


def _translations(app: Any) -> list[Any]:
    """Install the Vietnamese translations the window uses (proves the .qm files are bundled)."""
    import importlib

    try:
        i18n = importlib.import_module("ui.i18n")
    except ModuleNotFoundError as exc:
        if exc.name == "ui.i18n":
            return []
        raise
    return list(i18n.install_translators(app, "vi"))


def _main_window(lib: Library, app: Any, picture: Path) -> bool:
    """Build the main window with the Tools-menu actions, save a picture, close it."""
    import importlib

    try:
        mainwindow = importlib.import_module("ui.mainwindow")
    except ModuleNotFoundError as exc:
        if exc.name == "ui.mainwindow":
            return False
        raise
    from ui.firstrun import install

    window = mainwindow.MainWindow(lib)
    auto = install(window, lib)
    auto.timer.stop()
    window.show()
    app.processEvents()
    ok = bool(window.grab().save(str(picture)))
    window.close()
    app.processEvents()
    return ok
