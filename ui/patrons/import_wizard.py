"""The class-list import wizard: file → columns (mapping, legacy encodings) → preview → import.

Every step before the last is a dry run of ``lib.patrons.import_class_list``: nothing is
written until the librarian presses Import on the confirm page, and then all good rows are
written in one transaction (rows with errors are left out and listed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
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
from ui.format import display_date
from ui.style import BAD_FG, WARN_FG


class ImportWizard(QWizard):
    """Import a class list (CSV or XLSX) into the patrons."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.dry: Any = None       # the latest dry-run ImportResult
        self.result: Any = None    # the real import's ImportResult
        self.mapping: dict[str, str] = {}
        self.setWindowTitle(self.tr("Import a class list"))
        self.resize(900, 600)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.confirm_page = ConfirmPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page, self.confirm_page):
            self.addPage(page)

    def check(self) -> str | None:
        """Run a dry run with the current file and mapping; the error message if it fails."""
        try:
            self.dry = self.lib.patrons.import_class_list(
                self.file_page.path(), dry_run=True, mapping=self.mapping or None,
                default_class=self.file_page.default_class.text().strip() or None,
                school_year=self.file_page.school_year.text().strip() or None)
        except UserError as exc:
            return exc.message
        except OSError as exc:
            return str(exc)
        return None

    def apply(self) -> str | None:
        """The real import (one transaction); the error message if it fails."""
        try:
            self.result = self.lib.patrons.import_class_list(
                self.file_page.path(), dry_run=False, mapping=self.mapping or None,
                default_class=self.file_page.default_class.text().strip() or None,
                school_year=self.file_page.school_year.text().strip() or None)
        except UserError as exc:
            return exc.message
        return None

    def field_name(self, key: str | None) -> str:
        """A patron field in words."""
        names = {
            "full_name": self.tr("Full name"), "family_middle": self.tr("Family and middle name"),
            "given_name": self.tr("Given name"), "class_name": self.tr("Class"),
            "birth_date": self.tr("Date of birth"), "student_code": self.tr("Student code"),
            "gender": self.tr("Gender"), "phone": self.tr("Phone"), "email": self.tr("Email"),
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
        browse = QPushButton(self.tr("Browse…"))
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
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Class"), self.default_class)
        form.addRow(self.tr("School year"), self.school_year)
        form.addRow(self.error)
        self.file.textChanged.connect(lambda _t: self.completeChanged.emit())

    def path(self) -> Path:
        """The chosen file."""
        return Path(self.file.text().strip())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Class list"), "", self.tr("Class lists (*.csv *.xlsx *.txt)"))
        if path:
            self.file.setText(path)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.file.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        if not self.path().is_file():
            self.error.setText(self.tr("The file does not exist."))
            return False
        self._wizard.mapping = {}
        message = self._wizard.check()
        self.error.setText(message or "")
        return message is None


class ColumnsPage(QWizardPage):
    """Step 2: which column is which field, and the text encoding found in each."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("2. Check the columns"))
        self.setSubTitle(self.tr("Columns typed in an old Vietnamese font (TCVN3/.VnTime, VNI) "
                                 "are detected and converted. Change a field if it is wrong."))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"),
                                              self.tr("Field"), self.tr("Text encoding")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        dry = self._wizard.dry
        self.table.setRowCount(0)
        self.combos = {}
        encodings = {"unicode": self.tr("Unicode"), "tcvn3": self.tr("TCVN3 (.VnTime) → Unicode"),
                     "vni": self.tr("VNI → Unicode"), "cp1258": self.tr("Windows-1258 → Unicode")}
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
            self.combos[column.header or column.letter] = combo
            encoding = encodings.get(column.encoding or "", column.encoding or "")
            cell = QTableWidgetItem(encoding)
            if column.encoding in ("tcvn3", "vni", "cp1258"):
                cell.setForeground(QBrush(QColor(WARN_FG)))
            self.table.setItem(row, 3, cell)

    def chosen_mapping(self) -> dict[str, str]:
        """Header (or column letter) → field, as chosen in the combo boxes."""
        return {key: str(combo.currentData() or "ignore") for key, combo in self.combos.items()}

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        mapping = self.chosen_mapping()
        detected = {c.header or c.letter: (c.field or "ignore") for c in self._wizard.dry.columns}
        self._wizard.mapping = mapping if mapping != detected else {}
        return self._wizard.check() is None


class PreviewPage(QWizardPage):
    """Step 3: every row as it would be imported, rows with errors in red."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("3. Preview"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Result"),
                                              self.tr("Name"), self.tr("Class"),
                                              self.tr("Date of birth"), self.tr("Notes")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
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
            "(rows with errors will be left out).").format(**counts))
        self.table.setRowCount(0)
        red = QBrush(QColor(BAD_FG))
        for result in dry.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = result.values
            cells = (str(result.line), self.status_name(result.status),
                     str(values.get("full_name") or ""), str(values.get("class_name") or ""),
                     display_date(values.get("birth_date")), " ".join(result.messages))
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
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
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
        message = self._wizard.apply()
        self.error.setText(message or "")
        return message is None
