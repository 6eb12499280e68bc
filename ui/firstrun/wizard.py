"""The first-run wizard: library name and code, kind, school year, accession-number scheme,
then an offer to import a MARC file or a class list. It can be skipped and run again later."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.catalog.accession import DEFAULT_SCHEMES, Scheme, peek_next
from app.library import Library
from app.patrons.fields import current_school_year
from ui.file_dialogs import ask_open_path
from ui.firstrun import texts as t

SETUP_DONE = "setup_done"
KEEP = "keep"   # the wizard run again: leave the accession numbering as it is
CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,19}")
YEAR_PATTERN = re.compile(r"(\d{4})-(\d{4})")
SCHEMES: dict[str, dict[str, str]] = {
    "school": {code: str(entry["label"]) for code, entry in DEFAULT_SCHEMES.items()},
    "district": {"VN": "Khổ nhỏ (dưới 20 cm)", "VV": "Khổ vừa (20-25 cm)",
                 "VL": "Khổ lớn (trên 25 cm)"},
    "plain": {"TK": "Sách"},
}


@dataclass
class SetupChoices:
    """What the librarian chose; :meth:`save` writes it to the library's settings."""

    name: str
    code: str
    kind: str = "school"
    school_year: str = field(default_factory=current_school_year)
    scheme: str = "school"
    width: int = 5
    marc_file: Path | None = None
    class_list: Path | None = None

    def accession_schemes(self) -> dict[str, dict[str, Any]]:
        """The ``accession_schemes`` setting for the chosen preset."""
        return {code: {"prefix": "" if self.scheme == "plain" else f"{code}.",
                       "width": self.width, "label": label}
                for code, label in SCHEMES[self.scheme].items()}

    def example(self) -> str:
        """The first accession number under this scheme (``TK.00001``)."""
        first = next(iter(self.accession_schemes().items()))[1]
        return f"{first['prefix']}{1:0{self.width}d}"

    def save(self, lib: Library) -> None:
        """Store the choices as library settings and mark the set-up as done (the scheme
        ``"keep"`` leaves the accession numbering as it is)."""
        lib.settings.set("library_name", self.name.strip())
        lib.settings.set("library_code", self.code.strip().upper())
        lib.settings.set("library_type", self.kind)
        lib.settings.set("school_year", self.school_year)
        if self.scheme != KEEP:
            lib.settings.set("accession_schemes", self.accession_schemes())
        lib.settings.set(SETUP_DONE, "done")


def school_years(today_year: str | None = None) -> list[str]:
    """The current school year with the one before and after it."""
    current = today_year or current_school_year()
    start = int(current[:4])
    return [f"{y}-{y + 1}" for y in (start - 1, start, start + 1)]


class IdentityPage(QWizardPage):
    """Name, code and kind of library."""

    def __init__(self, lib: Library) -> None:
        super().__init__()
        self.setTitle(t.IDENTITY_TITLE())
        self.setSubTitle(t.IDENTITY_SUB())
        self.name = QLineEdit(str(lib.settings.get("library_name", "") or ""))
        self.name.setPlaceholderText(t.NAME_HINT())
        self.code = QLineEdit(str(lib.settings.get("library_code", "") or ""))
        self.code.setPlaceholderText(t.CODE_HINT())
        self.code.setMaxLength(20)
        # A code is typed once; keep Vietnamese input methods from turning DD into Đ.
        self.code.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.code_problem = QLabel("")
        self.code_problem.setStyleSheet("color: #b00020")
        self.school = QRadioButton(t.SCHOOL())
        self.commune = QRadioButton(t.COMMUNE())
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.school)
        self.kinds.addButton(self.commune)
        (self.commune if lib.settings.get("library_type") == "commune" else self.school
         ).setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.school)
        kinds.addWidget(self.commune)
        kinds.addStretch()
        form = QFormLayout(self)
        form.addRow(t.NAME(), self.name)
        form.addRow(t.CODE(), self.code)
        form.addRow("", self.code_problem)
        form.addRow(t.KIND(), kinds)
        self.name.textChanged.connect(self.completeChanged)
        self.code.textChanged.connect(self._code_changed)

    def _code_changed(self) -> None:
        text = self.code.text().strip()
        self.code_problem.setText("" if not text or CODE_PATTERN.fullmatch(text)
                                  else t.CODE_BAD())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.name.text().strip()) and bool(
            CODE_PATTERN.fullmatch(self.code.text().strip()))

    def kind(self) -> str:
        """``"school"`` or ``"commune"``."""
        return "commune" if self.commune.isChecked() else "school"


class NumberingPage(QWizardPage):
    """School year and the accession-number scheme, with a preview."""

    def __init__(self, lib: Library) -> None:
        super().__init__()
        self._lib = lib
        self.setTitle(t.YEAR_TITLE())
        self.setSubTitle(t.YEAR_SUB())
        self.year = QComboBox()
        self.year.setEditable(True)
        self.year.addItems(school_years())
        saved = str(lib.settings.get("school_year", "") or current_school_year())
        self.year.setCurrentText(saved)
        self.year_problem = QLabel("")
        self.year_problem.setStyleSheet("color: #b00020")
        self.scheme = QComboBox()
        for key, text in (("school", t.SCHEME_SCHOOL()), ("district", t.SCHEME_DISTRICT()),
                          ("plain", t.SCHEME_PLAIN())):
            self.scheme.addItem(text, key)
        self.width_box = QSpinBox()
        self.width_box.setRange(3, 8)
        self.width_box.setValue(5)
        # Run again (Tools → Set up the library): start from the numbering in use, so that
        # finishing to correct the name does not replace it with the first preset.
        current = lib.settings.get("accession_schemes")
        self.current: dict[str, Any] = dict(current) if isinstance(current, dict) else {}
        preset = matching_preset(self.current)
        if preset is not None:
            self.scheme.setCurrentIndex(self.scheme.findData(preset[0]))
            self.width_box.setValue(preset[1])
        elif self.current:
            self.scheme.insertItem(0, t.SCHEME_KEEP(examples=", ".join(
                _first_number(entry) for entry in list(self.current.values())[:4])), KEEP)
            self.scheme.setCurrentIndex(0)
        self.preview = QLabel("")
        form = QFormLayout(self)
        form.addRow(t.YEAR(), self.year)
        form.addRow("", self.year_problem)
        form.addRow(t.SCHEME(), self.scheme)
        form.addRow(t.WIDTH(), self.width_box)
        form.addRow("", self.preview)
        self.year.currentTextChanged.connect(self._year_changed)
        self.scheme.currentIndexChanged.connect(self._update_preview)
        self.width_box.valueChanged.connect(self._update_preview)
        self._update_preview()

    def year_ok(self) -> bool:
        """True when the school year reads like ``2025-2026``."""
        match = YEAR_PATTERN.fullmatch(self.year.currentText().strip())
        return bool(match) and int(match[2]) == int(match[1]) + 1  # type: ignore[index]

    def _year_changed(self) -> None:
        self.year_problem.setText("" if self.year_ok() else t.YEAR_BAD())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.year_ok()

    def scheme_key(self) -> str:
        """``"school"``, ``"district"`` or ``"plain"``."""
        return str(self.scheme.currentData())

    def _update_preview(self) -> None:
        keep = self.scheme_key() == KEEP
        self.width_box.setEnabled(not keep)
        entry = (next(iter(self.current.values())) if keep else
                 next(iter(SetupChoices("", "", scheme=self.scheme_key(),
                                        width=self.width_box.value())
                           .accession_schemes().values())))
        entry = entry if isinstance(entry, dict) else {}
        scheme = Scheme(str(entry.get("prefix", "")), int(entry.get("width", 5) or 5))
        # Run again on a library with copies, the number to expect is the next one, not the
        # first ("GK.00001" was shown to a library already at GK.00312).
        following = peek_next(self._lib.db.conn, scheme)
        self.preview.setText(t.PREVIEW(example=following) if following == scheme.format(1)
                             else t.NEXT_PREVIEW(example=following))


def _first_number(entry: Any) -> str:
    """The first accession number of one stored scheme entry ({"prefix", "width"})."""
    entry = entry if isinstance(entry, dict) else {}
    return f"{entry.get('prefix', '')}{1:0{int(entry.get('width', 5) or 5)}d}"


def matching_preset(schemes: dict[str, Any]) -> tuple[str, int] | None:
    """The wizard's preset and width that give exactly *schemes*, if one does."""
    widths = {entry.get("width") for entry in schemes.values() if isinstance(entry, dict)}
    if len(widths) != 1:
        return None
    width = next(iter(widths))
    if not isinstance(width, int):
        return None
    for key in SCHEMES:
        if SetupChoices("", "", scheme=key, width=width).accession_schemes() == schemes:
            return key, width
    return None


class ImportPage(QWizardPage):
    """An offer to bring in a MARC file and/or a class list."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(t.IMPORT_TITLE())
        self.setSubTitle(t.IMPORT_SUB())
        self.marc_file: Path | None = None
        self.class_list: Path | None = None
        self.marc_button = QPushButton(t.CHOOSE_MARC_BUTTON())
        self.class_button = QPushButton(t.CHOOSE_CLASS_BUTTON())
        self.marc_label = QLabel(t.NOTHING_CHOSEN())
        self.class_label = QLabel(t.NOTHING_CHOSEN())
        layout = QVBoxLayout(self)
        for button, label in ((self.marc_button, self.marc_label),
                              (self.class_button, self.class_label)):
            # Enter still means "Finish" when the page opens with focus on a choose button;
            # Space (or a click) chooses a file.
            button.setAutoDefault(False)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addWidget(label, 1)
            layout.addLayout(row)
        layout.addStretch()
        note = QLabel(t.SKIP_NOTE())
        note.setWordWrap(True)
        layout.addWidget(note)
        self.marc_button.clicked.connect(self._choose_marc)
        self.class_button.clicked.connect(self._choose_class)

    def set_marc(self, path: Path | None) -> None:
        """Choose (or clear) the MARC file to import after the wizard."""
        self.marc_file = path
        self.marc_label.setText(str(path) if path else t.NOTHING_CHOSEN())

    def set_class_list(self, path: Path | None) -> None:
        """Choose (or clear) the class list to import after the wizard."""
        self.class_list = path
        self.class_label.setText(str(path) if path else t.NOTHING_CHOSEN())

    def _choose_marc(self) -> None:
        name = ask_open_path(self, "marc", t.CHOOSE_MARC(), t.MARC_FILTER())
        if name:
            self.set_marc(Path(name))

    def _choose_class(self) -> None:
        name = ask_open_path(self, "class-list", t.CHOOSE_CLASS(), t.CLASS_FILTER())
        if name:
            self.set_class_list(Path(name))


class FirstRunWizard(QWizard):
    """The set-up wizard. ``choices()`` after it is accepted; ``skipped`` if the librarian
    pressed Skip."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.skipped = False
        self.setWindowTitle(t.WIZARD_TITLE())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.identity = IdentityPage(lib)
        self.numbering = NumberingPage(lib)
        self.imports = ImportPage()
        for page in (self.identity, self.numbering, self.imports):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, t.SKIP())
        self.customButtonClicked.connect(self._skip)
        for button, text in ((QWizard.WizardButton.BackButton, t.BACK),
                             (QWizard.WizardButton.NextButton, t.NEXT),
                             (QWizard.WizardButton.FinishButton, t.FINISH),
                             (QWizard.WizardButton.CancelButton, t.CANCEL)):
            self.setButtonText(button, text())
        self.resize(640, 440)

    def _skip(self, which: int) -> None:
        self.skipped = True
        self.reject()

    def choices(self) -> SetupChoices:
        """What the pages hold now."""
        return SetupChoices(
            name=self.identity.name.text().strip(), code=self.identity.code.text().strip(),
            kind=self.identity.kind(), school_year=self.numbering.year.currentText().strip(),
            scheme=self.numbering.scheme_key(), width=self.numbering.width_box.value(),
            marc_file=self.imports.marc_file, class_list=self.imports.class_list)
