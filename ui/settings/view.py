"""Settings: library identity, accession-number schemes, the loan-rule matrix, the calendar,
the desk mode and the language, the camera. Library policy is stored in the database through
``app``; the language and the camera are per-PC preferences (QSettings)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.library import Library
from ui.format import day_of, display_date, library_today
from ui.i18n import save_language
from ui.operations import Operations
from ui.scanner import TYPING_ONLY
from ui.settings.camera import CameraPage
from ui.settings.cards import CardValidityPage
from ui.settings.rules import RulesPage
from ui.settings.sync import SyncPage
from ui.settings.unsaved import UnsavedTabs
from ui.sync_control import SyncControl
from ui.widgets import say


class SettingsView(QTabWidget):
    """One tab per concern; every tab saves with its own button and says what happened."""

    changed = Signal()

    def __init__(self, lib: Library, lang: str = "vi", parent: QWidget | None = None, *,
                 sync: SyncControl | None = None, operations: Operations | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.setProperty(TYPING_ONLY, True)  # codes typed fast here are not scans
        self.setDocumentMode(True)
        # At 1024 × 768 every tab shows at once (the style keeps their padding small); never
        # the scroll arrows that hid "Đồng bộ huyện" behind them. Should a longer title still
        # not fit, it is shortened with "…" and whole in its tooltip.
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self._lib = lib
        self._lang = lang
        self.message = QLabel()
        self.unsaved = UnsavedTabs()
        # The part of a tab Enter (and Ctrl+S) saves, with its Save button's action.
        self._keyed: list[tuple[QWidget, Callable[[], bool], QPushButton]] = []
        self.addTab(self._library_tab(), self.tr("Library"))
        self.addTab(self._schemes_tab(), self.tr("Acc. numbers"))
        self.rules_page = RulesPage(lib)
        self.rules_page.save_button.clicked.disconnect()
        self.rules_page.save_button.clicked.connect(self._keyed_save(
            self.rules_page, self.tr("Loan rules"), self.rules_page.save,
            self.rules_page.save_button))
        # "Restore the defaults" writes at once: what it shows is saved.
        self.rules_page.loaded.connect(lambda: self.unsaved.mark_saved(self.rules_page))
        self.addTab(self.rules_page, self.tr("Loan rules"))
        self.addTab(self._calendar_tab(), self.tr("Calendar"))
        self.addTab(self._desk_tab(), self.tr("Desk, language"))
        self.cards_page = CardValidityPage(lib)
        self.cards_page.save_button.clicked.connect(self._keyed_save(
            self.cards_page.form_box, self.tr("Reader cards"), self.cards_page.save,
            self.cards_page.save_button))
        self.addTab(self.cards_page, self.tr("Reader cards"))
        self.camera_page = CameraPage()
        self.camera_page.save_button.clicked.disconnect()
        self.camera_page.save_button.clicked.connect(self._keyed_save(
            self.camera_page.form_box, self.tr("Camera"), self.camera_page.save,
            self.camera_page.save_button))
        self.addTab(self.camera_page, self.tr("Camera"))
        self.sync_page: SyncPage | None = None
        if sync is not None and operations is not None:
            self.sync_page = page = SyncPage(lib, sync, operations)
            # "Save" there is enrolling, over the network: it starts, and the librarian stays
            # on the tab to read how it went.
            self.unsaved.watch(page.join_box, self.tr("Enroll with the district library"),
                               page.enroll_and_stay)
            page.loaded.connect(lambda: self.unsaved.mark_saved(page.join_box))
            self.addTab(page, self.tr("District sync"))
        # Enter in a field saves its tab, as in the set-up wizard and the forms; Ctrl+S too.
        # (District sync keeps its own: Enter goes from the address to the code, then enrols.)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _keyed_save(self, page: QWidget, title: str, save: Callable[[], bool],
                    button: QPushButton) -> Callable[[], bool]:
        """Watch *page* for unsaved edits; Enter in it and Ctrl+S save it as *button* does."""
        action = self.unsaved.watch(page, title, save)
        self._keyed.append((page, action, button))
        button.setToolTip(self.tr("Enter or Ctrl+S saves too"))
        return action

    def save_current(self) -> bool:
        """Ctrl+S: save what the tab shown holds (the part with the focus first)."""
        focus = QApplication.focusWidget()
        current = self.currentWidget()
        parts = [(page, action) for page, action, _ in self._keyed
                 if page is current or (current is not None and current.isAncestorOf(page))]
        parts.sort(key=lambda part: not (focus is not None and part[0].isAncestorOf(focus)))
        return all(action() for _, action in parts) if parts else False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Enter saves the part of the tab being typed in; on a button it presses it; in a
        table it stays the table's (a cell being edited takes it first)."""
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() not in keys or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        focus = QApplication.focusWidget()
        if isinstance(focus, QPushButton):
            focus.click()
            return
        if focus is not None and self.periods_box.isAncestorOf(focus):
            self.add_period()
            return
        if focus is not None and not isinstance(focus, QAbstractItemView):
            for page, action, _ in self._keyed:
                if page.isAncestorOf(focus):
                    action()
                    return
        super().keyPressEvent(event)

    def tabInserted(self, index: int) -> None:  # noqa: N802 (Qt API)
        """Each tab's title whole in its tooltip (shortened with "…" if it ever must be)."""
        super().tabInserted(index)
        self.setTabToolTip(index, self.tabText(index))

    def show_sync(self) -> None:
        """Bring the district sync tab to the front (Tools → Sync before enrolling)."""
        if self.sync_page is not None:
            self.setCurrentWidget(self.sync_page)
            self.sync_page.url_field.setFocus()

    def confirm_leave(self) -> str:
        """Before the librarian leaves the settings (or closes the window): ``"leave"`` when
        nothing is unsaved or it was saved now, ``"discard"`` when they chose to throw the
        edits away, ``"stay"`` when they cancelled or a save was refused (its tab is shown,
        with the reason)."""
        tabs = self.unsaved.unsaved()
        if not tabs:
            return "leave"
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Settings not saved"),
            self.tr("You changed settings without pressing Save: {tabs}. Save them now?")
            .format(tabs=", ".join(f"“{tab.title}”" for tab in tabs)),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Discard:
            return "discard"
        if answer != buttons.Save:
            return "stay"
        for tab in tabs:
            if not self.unsaved.save(tab):
                page: QWidget | None = tab.page
                while page is not None and self.indexOf(page) < 0:  # the tab holding it
                    page = page.parentWidget()
                if page is not None:
                    self.setCurrentWidget(page)
                return "stay"
        return "leave"

    def shutdown(self) -> None:
        """Let the camera being tried go (the window is closing)."""
        self.camera_page.shutdown()

    # -- library ---------------------------------------------------------------------------
    def _library_tab(self) -> QWidget:
        page = QWidget()
        self.library_name = QLineEdit(str(self._lib.settings.get("library_name", "") or ""))
        self.library_code = QLineEdit(str(self._lib.settings.get("library_code", "") or ""))
        self.school_year = QLineEdit(self._lib.patrons.school_year())
        self.library_message = QLabel()
        save = QPushButton(self.tr("&Save"))
        save.setFixedWidth(140)
        form = QFormLayout()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 16, 16, 16)
        box = QWidget()
        box.setMaximumWidth(720)
        box.setLayout(form)
        outer.addWidget(box)
        outer.addStretch(1)
        form.addRow(self.tr("Library name"), self.library_name)
        form.addRow(self.tr("Library code"), self.library_code)
        form.addRow(self.tr("School year"), self.school_year)
        form.addRow(QLabel(self.tr("Library id: {id}").format(id=self._lib.settings.library_id)))
        form.addRow(save)
        form.addRow(self.library_message)
        save.clicked.connect(self._keyed_save(page, self.tr("Library"), self.save_library, save))
        return page

    def save_library(self) -> bool:
        """Store the library's name, code and school year, checked as the set-up wizard
        checks them (a code of plain letters, digits and hyphens; a year like 2025-2026):
        the code names the backups and the district's record of this library, the year
        is what the rollover moves on from."""
        from ui.firstrun import texts as setup_texts
        from ui.firstrun.wizard import CODE_PATTERN, YEAR_PATTERN

        code = self.library_code.text().strip().upper()
        year = self.school_year.text().strip()
        if code and not CODE_PATTERN.fullmatch(code):
            say(self.library_message, setup_texts.CODE_BAD(), ok=False)
            self.library_code.setFocus()
            return False
        match = YEAR_PATTERN.fullmatch(year)
        if year and not (match and int(match[2]) == int(match[1]) + 1):
            say(self.library_message, setup_texts.YEAR_BAD(), ok=False)
            self.school_year.setFocus()
            return False
        self._lib.settings.set("library_name", self.library_name.text().strip())
        self._lib.settings.set("library_code", code)
        self.library_code.setText(code)
        if year:
            self._lib.settings.set("school_year", year)
        say(self.library_message, self.tr("Saved."))
        self.changed.emit()
        return True

    # -- accession numbers -----------------------------------------------------------------
    def _schemes_tab(self) -> QWidget:
        page = QWidget()
        self.schemes = QTableWidget(0, 4)
        self.schemes.setHorizontalHeaderLabels([self.tr("Collection code"), self.tr("Prefix"),
                                                self.tr("Digits"),
                                                self.tr("Collection name")])
        self.schemes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.schemes.verticalHeader().hide()
        for code, scheme in self._lib.catalog.schemes().items():
            self._scheme_row(code, str(scheme.get("prefix", f"{code}.")),
                             int(scheme.get("width", 5)), str(scheme.get("label", "")))
        add = QPushButton(self.tr("&Add a collection"))
        add.clicked.connect(lambda: self._scheme_row("", "", 5, ""))
        save = QPushButton(self.tr("&Save"))
        self.schemes_message = QLabel()
        self.schemes_message.setWordWrap(True)
        example = QLabel(self.tr("Example: code TK, prefix “TK.”, 5 digits → TK.00001, TK.00002…"))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(save)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(example)
        layout.addWidget(self.schemes, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.schemes_message)
        save.clicked.connect(self._keyed_save(page, self.tr("Accession numbers"),
                                              self.save_schemes, save))
        return page

    def _scheme_row(self, code: str, prefix: str, width: int, label: str) -> None:
        row = self.schemes.rowCount()
        self.schemes.insertRow(row)
        self.schemes.setItem(row, 0, QTableWidgetItem(code))
        self.schemes.setItem(row, 1, QTableWidgetItem(prefix))
        digits = QSpinBox()
        digits.setRange(1, 10)
        digits.setValue(width)
        self.schemes.setCellWidget(row, 2, digits)
        self.schemes.setItem(row, 3, QTableWidgetItem(label))

    def save_schemes(self) -> bool:
        """Store the schemes (codes are checked by the catalog)."""
        schemes: dict[str, dict[str, Any]] = {}
        try:
            for row in range(self.schemes.rowCount()):
                code_cell = self.schemes.item(row, 0)
                code = (code_cell.text() if code_cell else "").strip().upper()
                if not code:
                    continue
                self._lib.catalog.scheme(code)  # raises for an unusable code
                prefix_cell, label_cell = self.schemes.item(row, 1), self.schemes.item(row, 3)
                digits = self.schemes.cellWidget(row, 2)
                assert isinstance(digits, QSpinBox)
                schemes[code] = {"prefix": (prefix_cell.text() if prefix_cell else "") or
                                 f"{code}.", "width": digits.value(),
                                 "label": label_cell.text() if label_cell else ""}
        except UserError as exc:
            say(self.schemes_message, exc.message, ok=False)
            return False
        self._lib.settings.set("accession_schemes", schemes)
        say(self.schemes_message, self.tr("Saved."))
        return True

    # -- calendar --------------------------------------------------------------------------
    def _calendar_tab(self) -> QWidget:
        page = QWidget()
        week = QGroupBox(self.tr("Closed every week"))
        week_row = QHBoxLayout(week)
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun")]
        closed = set(self._lib.circulation.calendar.closed_weekdays())
        self.weekdays: list[QCheckBox] = []
        for index, name in enumerate(names):
            box = QCheckBox(name)
            box.setChecked(index in closed)
            self.weekdays.append(box)
            week_row.addWidget(box)
        save_week = QPushButton(self.tr("&Save"))
        week_row.addWidget(save_week)
        save_week.clicked.connect(self._keyed_save(week, self.tr("Closed every week"),
                                                   self.save_weekdays, save_week))
        self.periods_box = periods = QGroupBox(self.tr("Closed periods (holidays, Tết, summer)"))
        self.periods = QListWidget()
        self.start = QDateEdit(library_today(self._lib))
        self.end = QDateEdit(library_today(self._lib))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        # A start chosen after the end carries the end along (a one-day closure is then one
        # click on Add) instead of a refusal naming ISO dates.
        self.start.dateChanged.connect(
            lambda day: self.end.setDate(day) if day > self.end.date() else None)
        self.period_label = QLineEdit()
        self.period_label.setPlaceholderText(self.tr("e.g. Tết"))
        add = QPushButton(self.tr("&Add"))
        add.clicked.connect(self.add_period)
        remove = QPushButton(self.tr("&Remove selected"))
        remove.clicked.connect(self.remove_period)
        add_row = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.start, QLabel(self.tr("to")), self.end,
                       self.period_label, add, remove):
            add_row.addWidget(widget)
        periods_layout = QVBoxLayout(periods)
        periods_layout.addWidget(self.periods)
        periods_layout.addLayout(add_row)
        self.calendar_message = QLabel()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(week)
        layout.addWidget(periods, 1)
        layout.addWidget(self.calendar_message)
        self.load_periods()
        return page

    def load_periods(self) -> None:
        """Show the closed periods as stored."""
        self.periods.clear()
        for period in self._lib.circulation.calendar.periods():
            item = QListWidgetItem(f"{display_date(period.start)} – {display_date(period.end)}  "
                                   f"{period.label}")
            item.setData(Qt.ItemDataRole.UserRole, period.id)
            self.periods.addItem(item)

    def save_weekdays(self) -> bool:
        """Store the weekly closed days."""
        days = [i for i, box in enumerate(self.weekdays) if box.isChecked()]
        try:
            self._lib.circulation.calendar.set_closed_weekdays(days)
        except UserError as exc:
            say(self.calendar_message, exc.message, ok=False)
            return False
        say(self.calendar_message, self.tr("Saved."))
        return True

    def add_period(self) -> None:
        """Add the closed period typed in."""
        try:
            self._lib.circulation.calendar.add_closed(
                day_of(self.start.date()), day_of(self.end.date()),
                self.period_label.text().strip())
        except UserError as exc:
            say(self.calendar_message, exc.message, ok=False)
            return
        self.period_label.clear()
        self.load_periods()
        say(self.calendar_message, self.tr("Saved."))

    def remove_period(self) -> None:
        """Remove the selected closed period."""
        item = self.periods.currentItem()
        if item is not None:
            self._lib.circulation.calendar.remove_closed(int(item.data(Qt.ItemDataRole.UserRole)))
            self.load_periods()

    # -- desk and language -----------------------------------------------------------------
    def _desk_tab(self) -> QWidget:
        page = QWidget()
        self.mode = QComboBox()
        for key, label in (("auto", self.tr("Automatic (on loan → check in, else check out)")),
                           ("checkout", self.tr("Check out only")),
                           ("checkin", self.tr("Check in only")),
                           ("reading", self.tr("In-library reading (each copy scanned is "
                                               "counted)"))):
            self.mode.addItem(label, key)
        desk = self._lib.circulation.desk
        self.mode.setCurrentIndex(max(0, self.mode.findData(desk.start_mode())))
        self.mode.currentIndexChanged.connect(
            lambda _i: desk.set_start_mode(str(self.mode.currentData())))
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self._lang)))
        self.language.currentIndexChanged.connect(self.save_language)
        self.language_message = QLabel()
        form = QFormLayout(page)
        form.setContentsMargins(16, 16, 16, 16)
        form.addRow(self.tr("Desk mode at start"), self.mode)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.language_message)
        return page

    def save_language(self) -> None:
        """Remember the language; it applies when ThuVien starts again."""
        lang = str(self.language.currentData())
        save_language(QSettings(), lang)
        say(self.language_message, self.tr("The language changes when ThuVien starts "
                                                 "again.") if lang != self._lang else "")
