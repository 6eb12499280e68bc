"""First-run wizard, backup window and automatic backups, driven as a librarian would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWizard

from app.backup import list_backups
from app.library import Library
from ui.firstrun import AutoBackup, BackupDialog, FirstRunWizard, install, maybe_run, run_wizard
from ui.firstrun.folder import backup_folder


@pytest.fixture
def pc_settings(tmp_path: Path) -> Iterator[Path]:
    """This PC's QSettings in a throw-away ini file."""
    QCoreApplication.setOrganizationName("ThuVienTest")
    QCoreApplication.setApplicationName("FirstRunTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "pc"))
    QSettings().clear()
    yield tmp_path / "pc"
    QSettings().clear()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answered automatically; their texts are recorded."""
    seen: list[str] = []

    def record(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return seen


def _fill(wizard: FirstRunWizard, name: str = "Thư viện Trường THCS Lê Lợi",
          code: str = "thcs-leloi") -> None:
    wizard.identity.name.setText(name)
    wizard.identity.code.setText(code)


def test_finishing_the_wizard_sets_up_name_code_year_and_numbering(lib: Library, qtbot) -> None:
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()              # nothing typed yet
    _fill(wizard, code="ĐĐ 01")
    assert not next_button.isEnabled()
    assert "chữ cái không dấu" in wizard.identity.code_problem.text()
    _fill(wizard)
    wizard.identity.commune.setChecked(True)
    assert next_button.isEnabled()
    wizard.next()
    wizard.numbering.year.setCurrentText("2025-2027")
    assert not next_button.isEnabled()
    wizard.numbering.year.setCurrentText("2025-2026")
    wizard.numbering.scheme.setCurrentIndex(wizard.numbering.scheme.findData("district"))
    wizard.numbering.width_box.setValue(4)
    assert wizard.numbering.preview.text() == "Cuốn đầu tiên sẽ là: VN.0001"
    wizard.next()

    QTimer.singleShot(0, wizard.button(QWizard.WizardButton.FinishButton).click)
    choices = run_wizard(lib, None, wizard)
    assert choices is not None
    assert lib.settings.get("library_name") == "Thư viện Trường THCS Lê Lợi"
    assert lib.settings.get("library_code") == "THCS-LELOI"
    assert lib.settings.get("library_type") == "commune"
    assert lib.settings.get("school_year") == "2025-2026"
    record = lib.catalog.add_record("Lão Hạc")
    assert lib.catalog.add_item(record, collection="VN").barcode == "VN.0001"
    assert maybe_run(lib) is None                   # not offered again


def test_enter_on_the_last_page_finishes_even_with_focus_on_a_choose_button(
        lib: Library, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found driving the window with the keyboard: the last page opened with focus on
    "Chọn tệp MARC…", so Enter opened a file dialog instead of finishing."""
    opened: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (opened.append(args), ("", ""))[1]))
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(wizard)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.imports
    wizard.imports.marc_button.setFocus()
    with qtbot.waitSignal(wizard.finished, timeout=2000):
        qtbot.keyClick(wizard.imports.marc_button, Qt.Key.Key_Return)
    assert opened == []
    assert wizard.result() == QWizard.DialogCode.Accepted
    qtbot.keyClick(wizard.imports.class_button, Qt.Key.Key_Space)  # Space still chooses
    assert len(opened) == 1


def test_running_the_setup_again_keeps_the_accession_numbering(lib: Library, qtbot) -> None:
    """Tools → Set up the library, run to correct the name: finishing put back the first
    preset (GK/TK/NV/TN, 5 digits) over the district's VN/VV/VL with 4 digits, and over a
    collection added in Settings."""
    first = FirstRunWizard(lib)
    qtbot.addWidget(first)
    first.show()
    _fill(first)
    first.next()
    first.numbering.scheme.setCurrentIndex(first.numbering.scheme.findData("district"))
    first.numbering.width_box.setValue(4)
    first.next()
    QTimer.singleShot(0, first.button(QWizard.WizardButton.FinishButton).click)
    run_wizard(lib, None, first)
    district = lib.settings.get("accession_schemes")

    again = FirstRunWizard(lib)
    qtbot.addWidget(again)
    again.show()
    assert again.numbering.scheme_key() == "district"
    assert again.numbering.width_box.value() == 4
    again.identity.name.setText("Thư viện huyện Kim Động")
    again.next()
    again.next()
    QTimer.singleShot(0, again.button(QWizard.WizardButton.FinishButton).click)
    run_wizard(lib, None, again)
    assert lib.settings.get("accession_schemes") == district
    assert lib.settings.get("library_name") == "Thư viện huyện Kim Động"

    custom = dict(district, BD={"prefix": "BĐ.", "width": 4, "label": "Báo, tạp chí"})
    lib.settings.set("accession_schemes", custom)
    third = FirstRunWizard(lib)
    qtbot.addWidget(third)
    third.show()
    assert third.numbering.scheme_key() == "keep"
    assert third.numbering.scheme.currentText() == ("Giữ cách đánh số đang dùng: VN.0001, "
                                                    "VV.0001, VL.0001, BĐ.0001")
    assert third.numbering.preview.text() == "Cuốn đầu tiên sẽ là: VN.0001"
    assert not third.numbering.width_box.isEnabled()
    third.next()
    third.next()
    QTimer.singleShot(0, third.button(QWizard.WizardButton.FinishButton).click)
    run_wizard(lib, None, third)
    assert lib.settings.get("accession_schemes") == custom


def test_skipping_is_remembered_and_setup_stays_reachable(lib: Library, qtbot) -> None:
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    QTimer.singleShot(0, wizard.button(QWizard.WizardButton.CustomButton1).click)
    assert run_wizard(lib, None, wizard) is None
    assert lib.settings.get("setup_done") == "skipped"
    assert lib.settings.get("library_name") is None
    assert maybe_run(lib) is None
    again = FirstRunWizard(lib)                     # Tools → Set up the library
    qtbot.addWidget(again)
    assert again.identity.name.text() == ""


def test_wizard_imports_the_chosen_marc_file(lib: Library, qtbot, shared_data: Path,
                                             messages: list[str]) -> None:
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(wizard)
    wizard.next()
    wizard.next()
    wizard.imports.set_marc(shared_data / "marc" / "marc4j" / "brkrtest_UTF8.mrc")
    QTimer.singleShot(0, wizard.button(QWizard.WizardButton.FinishButton).click)
    run_wizard(lib, None, wizard)
    # brkrtest holds 8 records of which 6 repeat an earlier one and are merged into it
    assert lib.catalog.record_count() == 2
    assert messages[-1] == "Đã nhập 2 biểu ghi mới, gộp 6, 0 bản sách; bỏ qua 0."


def test_wizard_import_with_a_bad_record_lists_it_with_its_reason(lib: Library, qtbot,
                                                                  shared_data: Path,
                                                                  messages: list[str]) -> None:
    """The set-up's MARC import said only 'bỏ qua 1'; it now shows which record was left
    out and why, as the catalog's import does."""
    import ui.firstrun as firstrun

    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(wizard)
    wizard.next()
    wizard.next()
    wizard.imports.set_marc(shared_data / "marc" / "pymarc" / "bad_records.mrc")
    QTimer.singleShot(0, wizard.button(QWizard.WizardButton.FinishButton).click)
    run_wizard(lib, None, wizard)
    assert lib.catalog.record_count() == 7
    [report] = firstrun._shown
    qtbot.addWidget(report)
    assert report.isVisible() and messages == []
    assert report.summary.text().startswith("Đã nhập 7 biểu ghi")
    [line] = report.skipped.toPlainText().splitlines()
    assert line == "Biểu ghi 7 (byte 764): Biểu ghi không có trường nào."
    report.reject()
    assert firstrun._shown == []


def test_chosen_class_list_opens_the_previewing_import_wizard(lib: Library, qtbot,
                                                              tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from ui.patrons.import_wizard import ImportWizard

    class_list = tmp_path / "6A.csv"
    class_list.write_text("Họ và tên,Lớp\nNguyễn Văn An,6A\n", encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr(ImportWizard, "exec",
                        lambda self: opened.append(self.file_page.file.text()) or 0)
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(wizard)
    wizard.next()
    wizard.next()
    wizard.imports.set_class_list(class_list)
    QTimer.singleShot(0, wizard.button(QWizard.WizardButton.FinishButton).click)
    run_wizard(lib, None, wizard)
    assert opened == [str(class_list)]
    assert lib.patrons.list_patrons() == []        # nothing written before the preview


def test_back_up_now_into_a_usb_folder_chosen_on_this_pc(lib: Library, qtbot, tmp_path: Path,
                                                          pc_settings: Path) -> None:
    lib.settings.set("library_code", "TH01")
    dialog = BackupDialog(lib)
    qtbot.addWidget(dialog)
    assert dialog.wait_until_listed()  # read on a worker thread
    assert dialog.folder() == lib.path.parent / "backups"
    assert dialog.status.text() == "Chưa có bản sao lưu nào của thư viện này trong thư mục này."
    usb = tmp_path / "E"
    dialog.set_folder(usb)
    assert backup_folder(lib) == usb               # remembered for this PC
    with qtbot.waitSignal(dialog.backup_finished, timeout=20000) as finished:
        assert dialog.back_up_now() is not None    # on a worker thread
    assert finished.args == [True]
    assert dialog.wait_until_listed()
    assert dialog.table.rowCount() == 1
    name = dialog.table.item(0, 3).text()
    assert name.startswith("thuvien-TH01-") and (usb / name).is_file()
    assert dialog.status.text().startswith("Đã sao lưu và kiểm tra")
    assert "/" in dialog.table.item(0, 0).text()   # dd/mm/yyyy
    size = dialog.table.item(0, 2).text()          # "924,0 KB": a Vietnamese decimal comma
    assert size.endswith(" KB") and "," in size and "." not in size


def test_retention_numbers_are_saved_in_the_library(lib: Library, qtbot,
                                                    pc_settings: Path) -> None:
    dialog = BackupDialog(lib)
    qtbot.addWidget(dialog)
    dialog.interval.setValue(30)
    dialog.keep_daily.setValue(10)
    dialog.keep_monthly.setValue(24)
    policy = lib.backups.policy()
    assert (policy.interval_minutes, policy.keep_daily, policy.keep_monthly) == (30, 10, 24)


def test_restore_from_the_window_brings_back_the_data_and_restarts(
        tmp_path: Path, qtbot, pc_settings: Path, messages: list[str]) -> None:
    db = tmp_path / "desk" / "thuvien.sqlite3"
    lib = Library.open(db)
    lib.catalog.add_record("Tắt đèn")
    restarts: list[bool] = []
    dialog = BackupDialog(lib, restart=lambda: restarts.append(True))
    qtbot.addWidget(dialog)
    dialog.set_folder(tmp_path / "usb")
    with qtbot.waitSignal(dialog.backup_finished, timeout=20000):
        dialog.back_up_now()
    assert dialog.wait_until_listed()
    lib.catalog.add_record("Bỉ vỏ")
    asked: list[str] = []
    dialog.confirm = lambda text: asked.append(text) or True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.restore_finished, timeout=20000) as finished:
        assert dialog.restore_selected()
    assert finished.args == [True]
    assert restarts == [True]
    assert "ThuVien sẽ khởi động lại" in asked[0]
    # never set up: no name, no code; it asked "Khôi phục thư viện «?» từ bản sao lưu…"
    assert asked[0].startswith("Khôi phục thư viện từ bản sao lưu lúc ") and "?" not in \
        asked[0].split("\n")[0][:-1]
    assert messages[-1].startswith("Đã khôi phục")
    conn = sqlite3.connect(db)
    titles = {r[0] for r in conn.execute("SELECT title FROM records")}
    conn.close()
    assert titles == {"Tắt đèn"}
    assert len(list(db.parent.glob("thuvien.before-restore-*.sqlite3"))) == 1


def test_restore_of_a_damaged_file_warns_and_keeps_the_library_open(
        lib: Library, qtbot, tmp_path: Path, pc_settings: Path, messages: list[str]) -> None:
    lib.catalog.add_record("Chí Phèo")
    bad = tmp_path / "thuvien-TH01-20250101-000000.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    restarts: list[bool] = []
    dialog = BackupDialog(lib, restart=lambda: restarts.append(True))
    qtbot.addWidget(dialog)
    dialog.confirm = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.restore_finished, timeout=20000) as finished:
        dialog.restore(bad)
    assert finished.args == [False]
    assert restarts == []
    assert messages and str(bad) in messages[-1]
    assert lib.catalog.record_count() == 1         # still open and unchanged


def test_automatic_backup_runs_when_due_and_on_exit(lib: Library, qtbot, tmp_path: Path,
                                                    pc_settings: Path) -> None:
    QSettings().setValue("backup/folder", str(tmp_path / "usb"))
    auto = AutoBackup(lib)
    taken: list[object] = []
    auto.backed_up.connect(taken.append)
    auto.check()
    assert len(taken) == 1
    auto.check()                                   # the interval (60 min) has not passed
    assert len(taken) == 1
    auto.on_exit()
    assert len(list_backups(tmp_path / "usb")) == 2
    auto.enabled = False                           # after a restore closed the library
    auto.on_exit()
    assert len(list_backups(tmp_path / "usb")) == 2


def test_automatic_backup_failure_is_reported_not_raised(lib: Library, qtbot, tmp_path: Path,
                                                         pc_settings: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    QSettings().setValue("backup/folder", str(blocker))
    auto = AutoBackup(lib)
    problems: list[str] = []
    auto.failed.connect(problems.append)
    auto.take()
    assert problems and str(blocker) in problems[0]


def test_main_window_gets_setup_and_backup_actions(window, lib: Library, qtbot,
                                                   pc_settings: Path) -> None:
    auto = install(window, lib)
    texts = [a.text() for a in window.tools_menu.actions()]
    assert {"&Thiết lập thư viện…", "&Sao lưu ngay", "Sao lưu và &khôi phục…"} <= set(texts)
    assert isinstance(auto, AutoBackup)
    with qtbot.waitSignal(auto.backed_up, timeout=20000):
        auto.take()                                 # through the window's operations helper
    assert len(list_backups(lib.backups.default_folder)) == 1
    assert datetime.now().year >= 2025


def test_restoring_another_librarys_backup_names_it_without_question_marks(
        tmp_path: Path, qtbot, pc_settings: Path, messages: list[str]) -> None:
    """A backup of another library whose set-up was skipped was announced as 'thư viện «?»'
    and 'thuộc một thư viện khác (mã ?)'."""
    other = Library.open(tmp_path / "other" / "thuvien.sqlite3")
    other.catalog.add_record("Số đỏ")
    entry = other.backups.take(tmp_path / "usb").entry
    other.close()
    lib = Library.open(tmp_path / "desk" / "thuvien.sqlite3")
    dialog = BackupDialog(lib, restart=lambda: None)
    qtbot.addWidget(dialog)
    asked: list[str] = []
    dialog.confirm = lambda text: asked.append(text) or False  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.restore_finished, timeout=20000) as finished:
        dialog.restore(entry.path)
    assert finished.args == [False]
    assert asked[0].startswith("Khôi phục thư viện từ bản sao lưu lúc ")
    assert asked[0].endswith("\n\nChú ý: bản sao lưu này thuộc một thư viện khác.")
    assert "?" not in asked[0].replace("lúc", "").split("\n")[0][:-1]
    lib.close()


def test_the_wizard_s_buttons_answer_alt_keys(lib: Library, qtbot) -> None:
    """Alt+T goes on ("&Tiếp >"), Alt+Q back, Alt+H finishes, Alt+B skips: before, the
    first-run wizard's buttons had no underlined letter (Alt+T typed a "t" into the library
    code), unlike the class-list wizard's."""
    from PySide6.QtGui import QKeySequence

    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    texts = {which: wizard.button(which).text() for which in (
        QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
        QWizard.WizardButton.FinishButton, QWizard.WizardButton.CustomButton1)}
    assert texts[QWizard.WizardButton.NextButton] == "&Tiếp >"
    keys = {QKeySequence.mnemonic(text).toString() for text in texts.values()}
    assert keys == {"Alt+T", "Alt+Q", "Alt+H", "Alt+B"}  # one letter each, no two alike


def test_restore_from_the_tools_menu_after_searching_the_catalog(  # type: ignore[no-untyped-def]
        window, lib, tmp_path: Path, qtbot, pc_settings: Path, messages: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen under Xvfb: after a search in the catalog, Tools → Backups and restore → Restore
    answered 'Thư viện … đang được mở ở một cửa sổ hoặc chương trình khác' — the other
    'window' was this one (the catalog's search thread keeps its own connection)."""
    import ui.firstrun.backup_dialog as backup_dialog

    restarts: list[bool] = []
    monkeypatch.setattr(backup_dialog, "relaunch", lambda: restarts.append(True))
    install(window, lib)
    lib.catalog.add_record("Tắt đèn")
    view = window.show_view("catalog")
    qtbot.keyClicks(view.search_field, "tat den")
    qtbot.waitUntil(lambda: view.results.rowCount() == 1, timeout=5000)
    action = next(a for a in window.tools_menu.actions() if a.text().startswith("Sao lưu và"))

    def restore() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, BackupDialog) and w.isVisible())
        dialog.set_folder(tmp_path / "usb")
        with qtbot.waitSignal(dialog.backup_finished, timeout=20000):
            dialog.back_up_now()
        assert dialog.wait_until_listed()
        dialog.confirm = lambda text: True  # type: ignore[method-assign]
        with qtbot.waitSignal(dialog.restore_finished, timeout=20000):
            dialog.restore_selected()
        dialog.accept()

    QTimer.singleShot(0, restore)
    action.trigger()
    assert not any("đang được mở" in m for m in messages), messages
    assert restarts == [True] and messages[-1].startswith("Đã khôi phục")


def test_setup_run_again_shows_the_next_accession_number(lib: Library, qtbot) -> None:
    """Seen under Xvfb: Tools → Set up the library on a library that has GK.00001-GK.00002
    said 'Cuốn đầu tiên sẽ là: GK.00001', a number already on a book."""
    record = lib.catalog.add_record("Toán 6 tập 1")
    lib.catalog.add_copies(record, 2, collection="GK")
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.numbering.preview.text() == "Cuốn nhập tiếp theo sẽ là: GK.00003"
    wizard.numbering.width_box.setValue(6)  # the running number goes on with more digits
    assert wizard.numbering.preview.text() == "Cuốn nhập tiếp theo sẽ là: GK.000003"
    assert [i.barcode for i in lib.catalog.items_of(record)] == ["GK.00001", "GK.00002"]
    lib.catalog.add_copies(record, 1, collection="GK")  # nothing was reserved by looking
    assert lib.catalog.items_of(record)[-1].barcode == "GK.00003"
