"""Fixtures for the window tests: a real library in tmp_path and the main window on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):  # type: ignore[no-untyped-def]
    """A form a test left open with something typed in it is closed without its "discard what
    you typed?" question, and settings typed without Save are let go without "save them?"
    (modal boxes nobody would answer), before pytest-qt and the window fixture close them."""
    from PySide6.QtWidgets import QApplication, QDialog

    from ui.form_dialog import FormDialog
    from ui.settings.unsaved import UnsavedTabs
    from ui.settings.view import SettingsView

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, FormDialog) and widget.isVisible():
            widget.done(QDialog.DialogCode.Rejected)
        for settings in widget.findChildren(SettingsView):  # nor "save your settings?"
            settings.unsaved = UnsavedTabs()
    return (yield)


@pytest.fixture(scope="session", autouse=True)
def _vietnamese_window(qapp):  # type: ignore[no-untyped-def]
    """The window speaks Vietnamese, as it does by default (compiled .ts from scripts/dev.py)."""
    from ui.i18n import install_translators, remove_translators, translations_dir

    if not (translations_dir() / "thuvien_vi.qm").exists():
        pytest.fail("resources/translations/*.qm missing: run `python3 scripts/dev.py test` "
                    "(it compiles the .ts files) or pyside6-lrelease by hand")
    translators = install_translators(qapp, "vi")
    yield
    remove_translators(qapp, translators)


@pytest.fixture(autouse=True)
def _no_folder_chosen_yet() -> None:
    """Each test starts a session of its own: no folder remembered by a file dialog."""
    from ui.file_dialogs import forget_chosen_folders

    forget_chosen_folders()


@pytest.fixture
def window(lib, qtbot):  # type: ignore[no-untyped-def]
    """The main window on a fresh library, shown, silent (sounds only recorded)."""
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    win = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()
    # A dialog a test left open (window-modal, say) must not take the next test's keys.
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()


@pytest.fixture
def stocked(lib):  # type: ignore[no-untyped-def]
    """A patron and one record with three copies; returns (patron, [barcodes])."""
    patron = lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="HS0601")
    record_id = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019)
    items = lib.catalog.add_copies(record_id, 3, collection="TK")
    return patron, [item.barcode for item in items]


@pytest.fixture
def token_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sync token kept in a file under the test's folder, never in the system keyring."""
    monkeypatch.setenv("THUVIEN_NO_KEYRING", "1")
    monkeypatch.setenv("THUVIEN_TOKEN_DIR", str(tmp_path / "tokens"))


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Any]:
    """A real district server on loopback, stopped after the test."""
    from tests.support.district import District

    (tmp_path / "district").mkdir()
    server = District(tmp_path / "district")
    yield server
    server.stop()


@pytest.fixture
def english_window(lib, qapp, qtbot):  # type: ignore[no-untyped-def]
    """Opens the main window on the same library in English (Qt's translators switched),
    1024 × 768, shown; the translators are Vietnamese again after the test."""
    from ui.desk.sound import DeskSounds
    from ui.i18n import install_translators, remove_translators
    from ui.mainwindow import MainWindow

    english: list[Any] = []
    opened: list[Any] = []

    def open_english() -> Any:
        removed = [t for t in qapp.findChildren(type(install_translators(qapp, "vi")[0]))]
        remove_translators(qapp, removed)
        english.extend(install_translators(qapp, "en"))
        window = MainWindow(lib, lang="en", sounds=DeskSounds(enabled=False))
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        opened.append(window)
        return window

    yield open_english
    for window in opened:
        window.close()
    if english:
        remove_translators(qapp, english)
        install_translators(qapp, "vi")


@pytest.fixture
def english() -> Iterator[None]:
    """Core messages in English for one test."""
    from app.i18n import set_language

    set_language("en")
    yield
    set_language("vi")


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


@pytest.fixture
def pc_settings(tmp_path: Path) -> Iterator[Any]:
    """This PC's QSettings in a throw-away ini file; the camera keys are removed afterwards so
    no later window starts a camera."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "pc"))
    settings = QSettings()
    yield settings
    settings.remove("camera")
    settings.sync()


class Asker:
    """Stands in for the librarian at a question box (``QMessageBox.question``): records each
    question's text and answers ``answer``."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.No

    def __call__(self, parent, title, text, *args):  # type: ignore[no-untyped-def]
        self.questions.append(text)
        return self.answer


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asker:
    """Question boxes answered by an :class:`Asker` (No unless the test says otherwise)."""
    from PySide6.QtWidgets import QMessageBox

    asker = Asker()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(asker))
    return asker



@pytest.fixture
def app_look(qapp):  # type: ignore[no-untyped-def]
    """The window's own look (font, stylesheet) for one test, as `thuvien` starts; put back
    after. Column widths and cut-off text can only be judged with it."""
    from ui.style import apply_style

    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    apply_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setStyle(style)
