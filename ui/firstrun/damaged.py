"""A library file too damaged to open: offer, before anything else, to restore a backup.

The backups live outside the library (the folder is a per-PC choice kept in QSettings, else
``backups`` beside the database), so they can be found even when the library cannot be read.
The restore keeps the damaged file aside, byte for byte (:func:`app.backup.restore_database`);
it copies and checks a whole library, so it runs on a worker thread behind a busy dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.backup.files import list_backups
from app.backup.identity import identity_of, library_id_of
from app.backup.restore import restore_database
from app.errors import UserError
from ui.file_dialogs import ask_open_path
from ui.firstrun import texts as t
from ui.firstrun.folder import backup_folder_of
from ui.operations import run_and_wait


def offer_restore(db_path: Path, message: str, parent: QWidget | None = None) -> bool:
    """Say *message* (the library is damaged) and offer to restore this library's newest
    backup or one the librarian picks. True when a backup was restored over *db_path*.

    Only backups holding this library's id are offered (:mod:`app.backup.identity`): a
    folder on a USB stick may hold other schools' backups, under the same code or none.
    """
    folder = backup_folder_of(db_path)
    library_id = identity_of(db_path)
    everything = list_backups(folder)
    found = list_backups(folder, library_id=library_id) if library_id else []
    others = len(everything) - len(found)
    box = QMessageBox(QMessageBox.Icon.Critical, "ThuVien", message, parent=parent)
    newest = None
    if found:
        restore_text = QCoreApplication.translate("DamagedLibrary",
                                                  "&Restore the backup of {time}")
        newest = box.addButton(restore_text.format(
            time=found[0].taken_at.strftime("%d/%m/%Y %H:%M")), QMessageBox.ButtonRole.AcceptRole)
        info = QCoreApplication.translate(
            "DamagedLibrary", "Newest backup of this library: {file}").format(
            file=str(found[0].path))
    elif not everything:
        info = QCoreApplication.translate(
            "DamagedLibrary", "No backup was found in {folder}.").format(folder=str(folder))
    elif library_id:
        info = QCoreApplication.translate(
            "DamagedLibrary", "No backup of this library was found in {folder}.").format(
            folder=str(folder))
    else:
        info = QCoreApplication.translate(
            "DamagedLibrary",
            "This library's identity cannot be read, so none of the backups in {folder} can "
            "be told to be its own. Choose a backup file yourself, and check that it is this "
            "library's.").format(folder=str(folder))
        others = 0
    if others:
        info += "\n" + QCoreApplication.translate(
            "DamagedLibrary",
            "{count} backup(s) of other libraries in this folder are not offered.").format(
            count=others)
    box.setInformativeText(info)
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
        name = ask_open_path(
            parent, "backup", QCoreApplication.translate("DamagedLibrary", "Backup file"),
            QCoreApplication.translate("DamagedLibrary", "ThuVien backups (*.sqlite3)"), folder)
        if not name:
            return False
        backup = Path(name)
        if not _same_library_or_confirmed(backup, library_id, parent):
            return False
    else:
        return False
    try:
        report = run_and_wait(lambda _progress: restore_database(db_path, backup),
                              t.RESTORING(), parent)
    except UserError as exc:
        QMessageBox.critical(parent, "ThuVien", exc.message)
        return False
    QMessageBox.information(parent, "ThuVien", QCoreApplication.translate(
        "DamagedLibrary",
        "The library was restored from {backup}. The damaged file was kept as {kept}.").format(
        backup=str(backup), kept=str(report.previous)))
    return True


def _same_library_or_confirmed(backup: Path, library_id: str | None,
                               parent: QWidget | None) -> bool:
    """True when the chosen *backup* holds this library, or the librarian confirms restoring
    another library's backup over it (asked with No as the default)."""
    theirs = library_id_of(backup)
    if library_id is None or theirs is None or theirs == library_id:
        return True  # unknown either way: the restore's own check decides
    answer = QMessageBox.question(
        parent, "ThuVien", QCoreApplication.translate(
            "DamagedLibrary",
            "{file} is a backup of another library, not of this one. Restoring it would put "
            "that library's books and readers in place of this library's. Restore it anyway?"
        ).format(file=str(backup)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
