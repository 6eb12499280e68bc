"""A library file too damaged to open: offer, before anything else, to restore a backup.

The backups live outside the library (the folder is a per-PC choice kept in QSettings, else
``backups`` beside the database), so they can be found even when the library cannot be read.
The restore keeps the damaged file aside, byte for byte (:func:`app.backup.restore_database`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.backup.files import list_backups
from app.backup.restore import restore_database
from app.errors import UserError
from ui.firstrun.folder import backup_folder_of


def offer_restore(db_path: Path, message: str, parent: QWidget | None = None) -> bool:
    """Say *message* (the library is damaged) and offer to restore the newest backup or one
    the librarian picks. True when a backup was restored over *db_path*."""
    folder = backup_folder_of(db_path)
    found = list_backups(folder)
    box = QMessageBox(QMessageBox.Icon.Critical, "ThuVien", message, parent=parent)
    newest = None
    if found:
        restore_text = QCoreApplication.translate("DamagedLibrary",
                                                  "&Restore the backup of {time}")
        newest = box.addButton(restore_text.format(
            time=found[0].taken_at.strftime("%d/%m/%Y %H:%M")), QMessageBox.ButtonRole.AcceptRole)
        box.setInformativeText(QCoreApplication.translate(
            "DamagedLibrary", "Newest backup: {file}").format(file=str(found[0].path)))
    else:
        box.setInformativeText(QCoreApplication.translate(
            "DamagedLibrary", "No backup was found in {folder}.").format(folder=str(folder)))
    choose = box.addButton(QCoreApplication.translate("DamagedLibrary", "&Choose a backup file…"),
                           QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("DamagedLibrary", "&Quit"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(newest or choose)
    box.exec()
    clicked = box.clickedButton()
    if newest is not None and clicked is newest:
        backup = found[0].path
    elif clicked is choose:
        name, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("DamagedLibrary", "Backup file"), str(folder),
            QCoreApplication.translate("DamagedLibrary", "ThuVien backups (*.sqlite3)"))
        if not name:
            return False
        backup = Path(name)
    else:
        return False
    try:
        report = restore_database(db_path, backup)
    except UserError as exc:
        QMessageBox.critical(parent, "ThuVien", exc.message)
        return False
    QMessageBox.information(parent, "ThuVien", QCoreApplication.translate(
        "DamagedLibrary",
        "The library was restored from {backup}. The damaged file was kept as {kept}.").format(
        backup=str(backup), kept=str(report.previous)))
    return True
