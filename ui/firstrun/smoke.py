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
        listed = dialog.table.rowCount()
        dialog.close()
    if not saved:
        raise RuntimeError(f"could not write {picture}")
    return {"qt_platform": QGuiApplication.platformName(), "fonts": sorted(set(families)),
            "wizard_png": picture.name, "backups_listed": listed}
