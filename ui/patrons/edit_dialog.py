"""Add or edit one patron, with a photo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.library import Library
from app.patrons.model import STATUSES, Patron, status_words
from ui.file_dialogs import ask_open_path
from ui.form_dialog import FormDialog
from ui.format import display_date
from ui.widgets import error_label

MAX_PHOTO_BYTES = 2_000_000


class PatronDialog(FormDialog):
    """The patron form; ``patron`` holds the saved patron after Save."""

    def __init__(self, lib: Library, patron: Patron | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.patron = patron
        self._photo: bytes | None = patron.photo if patron else None
        self.setWindowTitle(self.tr("Edit patron") if patron else self.tr("New patron"))
        self.setMinimumWidth(520)
        self.full_name = QLineEdit()
        self.category = QComboBox()
        for key, label in (("student", self.tr("Student")), ("teacher", self.tr("Teacher")),
                           ("staff", self.tr("Staff")), ("community", self.tr("Community"))):
            self.category.addItem(label, key)
        self.class_name = QLineEdit()
        self.student_code = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.gender = QComboBox()
        for key, label in (("", ""), ("male", self.tr("Male")), ("female", self.tr("Female"))):
            self.gender.addItem(label, key)
        self.card = QLineEdit()
        self.card.setPlaceholderText(self.tr("Empty: the next card number"))
        self.expires_on = QLineEdit()
        self.expires_on.setPlaceholderText(self.tr("dd/mm/yyyy — empty: no expiry"))
        self._default_expiry = ""
        self.status = QComboBox()
        for key in STATUSES:
            self.status.addItem(key, key)
        self._name_statuses()
        # A teacher is "Đang công tác", a pupil "Đang học": the words follow the category.
        self.category.currentIndexChanged.connect(lambda _i: self._name_statuses())
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.note = QLineEdit()
        self.photo = QLabel()
        self.photo.setFixedSize(96, 120)
        self.photo.setObjectName("photo")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose = QPushButton(self.tr("Choose photo…"))
        remove = QPushButton(self.tr("Remove photo"))
        choose.clicked.connect(self.choose_photo)
        remove.clicked.connect(lambda: self.set_photo(None))
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(choose)
        photo_buttons.addWidget(remove)
        photo_buttons.addStretch(1)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Full name *"), self.full_name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Class"), self.class_name)
        form.addRow(self.tr("Student code"), self.student_code)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Card"), self.card)
        form.addRow(self.tr("Card valid until"), self.expires_on)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Photo"), photo_row)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if patron is not None:
            self._fill(patron)
        else:  # a new card gets its category's default validity (Settings), still editable
            self._show_default_expiry()
            self.category.currentIndexChanged.connect(lambda _i: self._show_default_expiry())
        self.set_photo(self._photo)

    def _name_statuses(self) -> None:
        """The status choices in the words of the category chosen."""
        category = str(self.category.currentData())
        for index in range(self.status.count()):
            words = status_words(str(self.status.itemData(index)), category)
            self.status.setItemText(index, words[:1].upper() + words[1:])

    def _show_default_expiry(self) -> None:
        """The default expiry of the chosen category, unless something else was typed."""
        if self.expires_on.text().strip() not in ("", self._default_expiry):
            return
        self._default_expiry = display_date(
            self._lib.patrons.default_expiry(str(self.category.currentData())))
        self.expires_on.setText(self._default_expiry)

    def form_state(self) -> tuple[object, ...]:
        """The fields and the photo chosen (a new photo is a change to keep too)."""
        return (*super().form_state(), self._photo)

    def _fill(self, p: Patron) -> None:
        self.full_name.setText(p.full_name)
        self.category.setCurrentIndex(max(0, self.category.findData(p.category)))
        self.class_name.setText(p.class_name or "")
        self.student_code.setText(p.student_code or "")
        self.birth_date.setText(display_date(p.birth_date))
        self.gender.setCurrentIndex(max(0, self.gender.findData(p.gender or "")))
        self.card.setText(p.card)
        self.expires_on.setText(display_date(p.expires_on))
        self.status.setCurrentIndex(max(0, self.status.findData(p.status)))
        self.phone.setText(p.phone or "")
        self.address.setText(p.address or "")
        self.note.setText(p.note or "")

    def choose_photo(self) -> None:
        """Pick an image file for the photo."""
        path = ask_open_path(self, "photo", self.tr("Choose photo"),
                             self.tr("Images (*.jpg *.jpeg *.png)"))
        if path:
            data = Path(path).read_bytes()
            if len(data) > MAX_PHOTO_BYTES:
                self.error.setText(self.tr("The photo is too large (at most 2 MB)."))
                return
            self.set_photo(data)

    def set_photo(self, data: bytes | None) -> None:
        """Show (and keep, for Save) *data* as the photo."""
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self._photo = data
            self.photo.setPixmap(pixmap.scaled(96, 120, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            self._photo = None
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))

    def save(self) -> None:
        """Write the patron; on a mistake say what is wrong and stay open."""
        fields = {
            "category": self.category.currentData(),
            "class_name": self.class_name.text().strip() or None,
            "student_code": self.student_code.text().strip() or None,
            "birth_date": self.birth_date.text().strip() or None,
            "gender": self.gender.currentData() or None,
            "status": self.status.currentData(),
            "phone": self.phone.text().strip() or None,
            "address": self.address.text().strip() or None,
            "note": self.note.text().strip() or None,
            "photo": self._photo,
            "expires_on": self.expires_on.text().strip() or None,
        }
        card = self.card.text().strip() or None
        try:
            if self.patron is None:
                self.patron = self._lib.patrons.add(self.full_name.text(), card=card, **fields)
            else:
                if card:
                    fields["card"] = card
                self.patron = self._lib.patrons.update(self.patron.id,
                                                       full_name=self.full_name.text(), **fields)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
