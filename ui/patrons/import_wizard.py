"""The class-list import wizard: file → columns (mapping, legacy encodings) → preview → import.

Every step before the last is a dry run of ``lib.patrons.import_class_list``: nothing is
written until the librarian presses Import on the confirm page, and then all good rows are
written in one transaction (rows with errors are left out and listed).

The dry runs and the import run off the GUI thread (``ui.operations``, on their own
connection, with a progress dialog when they take a while): Next (or Import) starts the work
and the wizard moves on by itself when the answer arrives; a failure is said on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import UserError
from app.library import Library
from app.patrons.class_list.columns import FIELDS
from ui.file_dialogs import ask_open_path
from ui.format import display_date
from ui.operations import Operation, Operations, Progress
from ui.style import BAD_FG, WARN_FG

ImportKey = tuple[str, tuple[tuple[str, str], ...], str | None, str | None,
                  tuple[tuple[str, str], ...]]


class ImportWizard(QWizard):
    """Import a class list (CSV or XLSX) into the patrons."""

    def __init__(self, lib: Library, parent: QWidget | None = None,
                 operations: Operations | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.operations = operations or Operations(self)
        self.dry: Any = None       # the latest dry-run ImportResult
        self.dry_for: ImportKey | None = None  # the file and choices it answers
        self.result: Any = None    # the real import's ImportResult
        self.mapping: dict[str, str] = {}
        self.encodings: dict[str, str] = {}  # column letter → encoding the librarian chose
        self.working: Operation | None = None
        self.setWindowTitle(self.tr("Import a class list"))
        self.resize(900, 600)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.confirm_page = ConfirmPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page, self.confirm_page):
            self.addPage(page)

    def key(self) -> ImportKey:
        """The file and choices a dry run answers (a new one is needed when they change)."""
        page = self.file_page
        return (str(page.path()), tuple(sorted(self.mapping.items())),
                page.default_class.text().strip() or None,
                page.school_year.text().strip() or None,
                tuple(sorted(self.encodings.items())))

    def busy(self) -> bool:
        """True while a dry run or the import is working."""
        return self.working is not None and not self.working.done

    def checked(self) -> bool:
        """True when the latest dry run answers the current file and choices."""
        return self.dry is not None and self.dry_for == self.key()

    def check(self, error: QLabel, then: Callable[[], object]) -> Operation:
        """Start a dry run off the GUI thread; on success call *then* (e.g. move on), on
        failure say why in *error*."""
        key = self.key()
        return self._start(True, key, self.tr("Checking the class list"), error,
                           lambda dry: self._checked(dry, key, then))

    def _checked(self, dry: Any, key: ImportKey, then: Callable[[], object]) -> None:
        self.dry, self.dry_for = dry, key
        then()

    def apply(self, error: QLabel) -> Operation:
        """Start the real import (one transaction) off the GUI thread; the wizard closes when
        it is done, or says why on the page."""
        def imported(result: Any) -> None:
            self.result = result
            self.accept()

        return self._start(False, self.key(), self.tr("Importing the class list"), error,
                           imported)

    def _start(self, dry_run: bool, key: ImportKey, title: str, error: QLabel,
               done: Callable[[Any], None]) -> Operation:
        db_path = self.lib.path
        path, mapping, default_class, school_year, encodings = key

        def work(_progress: Progress) -> Any:
            with Library.open(db_path) as own:
                return own.patrons.import_class_list(
                    Path(path), dry_run=dry_run, mapping=dict(mapping) or None,
                    default_class=default_class, school_year=school_year,
                    encodings=dict(encodings) or None)

        error.setText("")
        operation = self.operations.run(work, title=title, dialog_parent=self,
                                        cancellable=False)
        operation.succeeded.connect(done)
        operation.failed.connect(lambda exc: error.setText(
            exc.message if isinstance(exc, UserError) else str(exc)))
        self.working = operation
        return operation

    def field_name(self, key: str | None) -> str:
        """A patron field in words."""
        names = {
            "full_name": self.tr("Full name"), "family_middle": self.tr("Family and middle name"),
            "given_name": self.tr("Given name"), "class_name": self.tr("Class"),
            "birth_date": self.tr("Date of birth"), "birth_day": self.tr("Day of birth"),
            "birth_month": self.tr("Month of birth"), "birth_year": self.tr("Year of birth"),
            "student_code": self.tr("Student code"),
            "gender": self.tr("Gender"), "female_mark": self.tr("Girls marked (x)"),
            "phone": self.tr("Phone"), "email": self.tr("Email"),
            "address": self.tr("Address"), "note": self.tr("Note"), "card": self.tr("Card"),
            "school_year": self.tr("School year"), "category": self.tr("Category"),
            "ignore": self.tr("(ignore)")}
        return names.get(key or "", self.tr("(not used)"))


class FilePage(QWizardPage):
    """Step 1: the file, and the class / school year to use when the file has none."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("1. Choose the class list"))
        self.setSubTitle(self.tr("A CSV or Excel (.xlsx) file with one student per row."))
        self.file = QLineEdit()
        browse = QPushButton(self.tr("Bro&wse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.default_class = QLineEdit()
        self.default_class.setPlaceholderText(self.tr("e.g. 6A (when the file has no class column)"))
        self.school_year = QLineEdit()
        self.school_year.setPlaceholderText(wizard.lib.patrons.school_year())
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {BAD_FG};")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        # Alt+letter reaches each field (the wizard's own buttons keep Alt+T/Q: Tiếp, Quay lại)
        file_label = QLabel(self.tr("F&ile"))
        file_label.setBuddy(self.file)  # a row holding a layout gets no buddy by itself
        form.addRow(file_label, row)
        form.addRow(self.tr("C&lass"), self.default_class)
        form.addRow(self.tr("School &year"), self.school_year)
        form.addRow(self.error)
        self.file.textChanged.connect(lambda _t: self.completeChanged.emit())

    def path(self) -> Path:
        """The chosen file."""
        return Path(self.file.text().strip())

    def _browse(self) -> None:
        path = ask_open_path(self, "class-list", self.tr("Class list"),
                             self.tr("Class lists (*.csv *.xlsx *.txt)"))
        if path:
            self.file.setText(path)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.file.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        if not self.path().is_file():
            self.error.setText(self.tr("The file does not exist."))
            return False
        self._wizard.mapping = {}
        self._wizard.encodings = {}
        if self._wizard.checked():
            return True
        if not self._wizard.busy():
            self._wizard.check(self.error, self._wizard.next)
        return False


class ColumnsPage(QWizardPage):
    """Step 2: which column is which field, and the text encoding of each (detected; the
    librarian may choose another, and the headers and first values are read again in it)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("2. Check the columns"))
        self.setSubTitle(self.tr("Columns typed in an old Vietnamese font (TCVN3/.VnTime, VNI) "
                                 "are detected and converted. If a name still reads wrong, "
                                 "choose its column's encoding."))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"),
                                              self.tr("Field"), self.tr("Text encoding"),
                                              self.tr("First value")])
        self.table.verticalHeader().hide()
        # The letter, field and encoding ("TCVN3 (.VnTime) → Unicode") are shown whole; the
        # header and the first value take the room left.
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        self.encoding_combos: dict[str, QComboBox] = {}
        self._base: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {BAD_FG};")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)

    def encoding_names(self) -> dict[str, str]:
        """The encodings a column can be read in, in words (a CSV of bytes is read as
        Windows-1258 when it is not in a legacy font)."""
        dry = self._wizard.dry
        native = (self.tr("Windows-1258 → Unicode") if dry is not None
                  and dry.file_encoding == "cp1258" else self.tr("Unicode"))
        return {"unicode": native, "tcvn3": self.tr("TCVN3 (.VnTime) → Unicode"),
                "vni": self.tr("VNI → Unicode")}

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        dry = self._wizard.dry
        self._base = dict(self._wizard.mapping)
        self._shown = {c.letter: (c.field or "ignore") for c in dry.columns}
        self.table.setRowCount(0)
        self.combos = {}
        self.encoding_combos = {}
        names = self.encoding_names()
        for column in dry.columns:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(column.letter))
            self.table.setItem(row, 1, QTableWidgetItem(column.header))
            combo = QComboBox()
            combo.addItem(self._wizard.field_name(None), "")
            for key in FIELDS:
                combo.addItem(self._wizard.field_name(key), key)
            combo.setCurrentIndex(max(0, combo.findData(column.field or "")))
            self.table.setCellWidget(row, 2, combo)
            self.combos[column.letter] = combo
            if column.encoding is None:  # no text below the header: nothing to read
                self.table.setItem(row, 3, QTableWidgetItem(""))
            else:
                encoding = QComboBox()
                for key, name in names.items():
                    encoding.addItem(name, key)
                encoding.setCurrentIndex(max(0, encoding.findData(column.encoding)))
                if column.encoding != "unicode":
                    encoding.setStyleSheet(f"color: {WARN_FG};")
                encoding.activated.connect(
                    lambda _i, letter=column.letter: self.choose_encoding(letter))
                self.table.setCellWidget(row, 3, encoding)
                self.encoding_combos[column.letter] = encoding
            self.table.setItem(row, 4, QTableWidgetItem(column.sample))

    def chosen_mapping(self) -> dict[str, str]:
        """Column letter → field, as chosen in the combo boxes."""
        return {key: str(combo.currentData() or "ignore") for key, combo in self.combos.items()}

    def _take_mapping(self) -> None:
        # Unchanged combos keep the mapping the shown columns came from (automatic or not), so
        # the dry run that filled them still answers; a change needs a new one.
        mapping = self.chosen_mapping()
        self._wizard.mapping = self._base if mapping == self._shown else mapping

    def choose_encoding(self, letter: str) -> Operation | None:
        """Read column *letter* in the encoding chosen: a new dry run, and the page shows
        the headers and first values as they now read."""
        combo = self.encoding_combos[letter]
        self._wizard.encodings[letter] = str(combo.currentData())
        self._take_mapping()
        if self._wizard.busy():
            return None
        return self._wizard.check(self.error, self.initializePage)

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self._take_mapping()
        if self._wizard.checked():
            return True
        if not self._wizard.busy():
            self._wizard.check(self.error, self._wizard.next)
        return False


class PreviewPage(QWizardPage):
    """Step 3: every row as it would be imported, rows with errors in red."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("3. Preview"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # Gender is shown so that a "Nữ" column of x marks can be checked before importing.
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Result"),
                                              self.tr("Name"), self.tr("Class"),
                                              self.tr("Date of birth"), self.tr("Gender"),
                                              self.tr("Notes")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def status_name(self, status: str) -> str:
        """A row status in words."""
        return {"new": self.tr("new"), "update": self.tr("update"),
                "unchanged": self.tr("unchanged"), "error": self.tr("error")}.get(status, status)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        dry = self._wizard.dry
        counts = dry.counts
        self.summary.setText(self.tr(
            "{new} new, {update} updated, {unchanged} unchanged, {error} with errors "
            "(rows with errors will be left out).").format(**counts)
            + (" " + dry.hidden_note() if dry.hidden_sheets else ""))
        self.table.setRowCount(0)
        red = QBrush(QColor(BAD_FG))
        for result in dry.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = result.values
            cells = (str(result.line), self.status_name(result.status),
                     str(values.get("full_name") or ""), str(values.get("class_name") or ""),
                     display_date(values.get("birth_date")),
                     {"male": self.tr("Male"), "female": self.tr("Female")}.get(
                         str(values.get("gender") or ""), ""),
                     " ".join(result.messages))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if result.status == "error":
                    cell.setForeground(red)
                self.table.setItem(row, column, cell)


class ConfirmPage(QWizardPage):
    """Step 4: say what will be written, write it when Import is pressed."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("4. Import"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {BAD_FG};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        counts = self._wizard.dry.counts
        self.label.setText(self.tr(
            "Press Import to add {new} new patron(s) and update {update}. "
            "{error} row(s) with errors will not be imported.").format(**counts))

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        if self._wizard.result is not None:
            return True  # imported: accept() is closing the wizard
        if not self._wizard.busy():
            self._wizard.apply(self.error)
        return False
