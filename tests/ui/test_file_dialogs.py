"""Every file dialog opens where the librarian can write: started from its Start-menu
shortcut, ThuVien's current folder is its program folder, and a dialog given "" or a bare
file name opened there. Each now proposes the folder last chosen for that kind of file in the
session, else Documents (else home). The dialogs cannot be driven offscreen: QFileDialog's
static calls are replaced only to see what they were asked to propose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.labels.surface import Recording
from ui.file_dialogs import documents_folder
from ui.firstrun.folder import set_backup_folder


class FileDialogs:
    """Stands in for the librarian at the file dialogs: notes each proposed path and answers
    with the next of ``answers`` ("" = Cancel)."""

    def __init__(self) -> None:
        self.proposed: list[str] = []
        self.answers: list[str] = []

    def __call__(self, _parent: Any, _title: str, proposed: str, _filters: str = "",
                 *_rest: Any) -> tuple[str, str]:
        self.proposed.append(proposed)
        return (self.answers.pop(0) if self.answers else ""), ""


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Documents in tmp_path; ThuVien started from a program folder of its own."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(
        lambda kind: str(folder) if kind == QStandardPaths.StandardLocation.DocumentsLocation
        else str(tmp_path / "elsewhere")))
    program = tmp_path / "Program Files" / "ThuVien"
    program.mkdir(parents=True)
    monkeypatch.chdir(program)
    return folder


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    fake = FileDialogs()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return fake


def _reports(window: Any) -> Any:
    window.nav.setCurrentRow(window.nav.count() - 1)
    view = window.stack.currentWidget()
    assert type(view).__name__ == "ReportsView"
    return view


def test_every_file_dialog_opens_in_documents_not_the_program_folder(  # type: ignore[no-untyped-def]
        pc_settings, window, lib, qtbot, tmp_path, documents, dialogs, monkeypatch) -> None:
    from ui.firstrun.damaged import offer_restore
    from ui.firstrun.wizard import FirstRunWizard
    from ui.labels.dialog import LabelsDialog
    from ui.labels.document_view import DocumentPreviewDialog
    from ui.patrons.edit_dialog import PatronDialog
    from ui.patrons.import_wizard import ImportWizard

    catalog = window.show_view("catalog")
    catalog.choose_export()
    catalog.choose_import()
    reports = _reports(window)
    reports.kind.setCurrentIndex(reports.kind.findData("annual"))
    reports.save_pdf()
    reports.save_xlsx()
    labels = LabelsDialog(lib, window.operations, (), window,
                          settings=QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(labels)
    labels.save_thermal_job()
    page = Recording(85.6, 54)
    page.new_page()
    preview = DocumentPreviewDialog(page, window.operations, "Thẻ bạn đọc", window,
                                    file_name="the-ban-doc-6A.pdf")
    qtbot.addWidget(preview)
    preview.save_pdf()
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.imports._choose_marc()
    wizard.imports._choose_class()
    importer = ImportWizard(lib, window)
    qtbot.addWidget(importer)
    importer.file_page._browse()
    patron = PatronDialog(lib, parent=window)
    qtbot.addWidget(patron)
    patron.choose_photo()
    window.show_view("settings").sync_page._choose_ca()

    year = reports.year.currentText()
    saved = [documents / name for name in (
        "catalog.mrc", f"bao-cao-nam-hoc-{year}.pdf", f"bao-cao-nam-hoc-{year}.xlsx",
        f"labels.{labels.thermal.job_language()}", "the-ban-doc-6A.pdf")]
    opened = [documents] * 5  # MARC and class list (wizard), class list, photo, CA
    assert dialogs.proposed == [str(saved[0]), str(documents), *map(str, saved[1:]),
                                *map(str, opened)]
    assert not any(p.startswith(str(Path.cwd())) for p in dialogs.proposed)

    # A restore: from the backup folder when it exists (a USB stick), else from Documents.
    usb = tmp_path / "usb"
    usb.mkdir()
    set_backup_folder(usb)
    from ui.firstrun.backup_dialog import BackupDialog

    backups = BackupDialog(lib, restart=lambda: None)
    qtbot.addWidget(backups)
    backups.restore_other_file()
    set_backup_folder(tmp_path / "usb-removed")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"")
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)  # "Choose a backup file…"
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole))
    assert not offer_restore(damaged, "hỏng")
    assert dialogs.proposed[-2:] == [str(usb), str(documents)]


def test_the_second_report_is_proposed_where_the_first_was_saved(  # type: ignore[no-untyped-def]
        window, lib, qtbot, tmp_path, documents, dialogs) -> None:
    """Saved the register as PDF on a USB stick: Save Excel proposes the stick, not Documents
    (the librarian had to find the stick again for every file)."""
    usb = tmp_path / "usb"
    usb.mkdir()
    reports = _reports(window)
    reports.kind.setCurrentIndex(reports.kind.findData("general"))
    dialogs.answers = [str(usb / "so-tong-quat.pdf")]
    reports.save_pdf()
    qtbot.waitUntil(lambda: reports.made is not None, timeout=20000)
    assert (usb / "so-tong-quat.pdf").read_bytes().startswith(b"%PDF")
    reports.save_xlsx()
    assert dialogs.proposed == [str(documents / "so-dang-ky-tong-quat.pdf"),
                                str(usb / "so-dang-ky-tong-quat.xlsx")]
    window.show_view("catalog").choose_export()  # another kind of file: still Documents
    assert dialogs.proposed[-1] == str(documents / "catalog.mrc")


def test_without_a_documents_folder_the_dialogs_open_in_home(  # type: ignore[no-untyped-def]
        tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(
        lambda _kind: str(tmp_path / "no-such-folder")))
    assert documents_folder() == Path.home()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _kind: ""))
    assert documents_folder() == Path.home()



def test_choosing_the_backup_folder_before_it_exists_opens_in_documents(  # type: ignore[no-untyped-def]
        lib, qtbot, documents, tmp_path, monkeypatch) -> None:
    """Before the first backup the backup folder may not exist yet: the folder chooser
    opens in Documents, not the program folder; once it exists, there."""
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(
        lambda _parent, _title, start, *_rest: proposed.append(start) or ""))
    from ui.firstrun.backup_dialog import BackupDialog

    usb = tmp_path / "usb"
    set_backup_folder(usb)
    backups = BackupDialog(lib, restart=lambda: None)
    qtbot.addWidget(backups)
    backups.choose_folder()
    usb.mkdir()
    backups.choose_folder()
    assert proposed == [str(documents), str(usb)]
