"""Settings → Reader cards: how long a new or renewed card is valid, per patron category
(students: to the end of the school year, N months or no expiry; others: N months or no
expiry), and how many days before its expiry the desk says so. Stored in the library
(``lib.patrons.set_validity``, setting ``card_expiry_notice_days``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.library import Library
from app.patrons.validity import SETTING_NOTICE_DAYS, Validity
from ui.widgets import say


class CardValidityPage(QWidget):
    """The reader cards tab: one row per category (kind, months), the notice days, Save."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardSettings")
        self._lib = lib
        self.kinds: dict[str, QComboBox] = {}
        self.months: dict[str, QSpinBox] = {}
        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        names = {"student": self.tr("Student cards"), "teacher": self.tr("Teacher cards"),
                 "staff": self.tr("Staff cards"), "community": self.tr("Community reader cards")}
        policies = lib.patrons.validity()
        for category, name in names.items():
            kind = QComboBox()
            kind.addItem(self.tr("No expiry"), "none")
            if category == "student":
                kind.addItem(self.tr("To the end of the school year (31/05)"), "school_year")
            kind.addItem(self.tr("A number of months"), "months")
            months = QSpinBox()
            months.setRange(1, 120)
            months.setSuffix(self.tr(" months"))
            policy = policies[category]
            kind.setCurrentIndex(max(0, kind.findData(policy.kind)))
            months.setValue(policy.months)
            months.setEnabled(policy.kind == "months")
            kind.currentIndexChanged.connect(
                lambda _i, k=kind, m=months: m.setEnabled(k.currentData() == "months"))
            row = QHBoxLayout()
            row.addWidget(kind, 1)
            row.addWidget(months)
            form.addRow(name, row)
            self.kinds[category], self.months[category] = kind, months
        self.notice = QSpinBox()
        self.notice.setRange(0, 90)
        self.notice.setSuffix(self.tr(" days"))
        self.notice.setValue(lib.patrons.notice_days())
        self.notice.setMaximumWidth(160)
        form.addRow(self.tr("Say a card expires soon from"), self.notice)
        hint = QLabel(self.tr(
            "New cards and class lists get this validity; F10 at the desk and “Renew cards…” "
            "in Patrons renew by it. Cards already issued keep theirs. An expired card may "
            "return books but not borrow or renew them."))
        hint.setWordWrap(True)
        hint.setObjectName("keysHint")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setFixedWidth(140)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.form_box)
        layout.addWidget(hint)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def save(self) -> bool:
        """Store the validity of every category and the notice days."""
        try:
            self._lib.patrons.set_validity({
                category: Validity(str(kind.currentData()), self.months[category].value())
                for category, kind in self.kinds.items()})
            self._lib.settings.set(SETTING_NOTICE_DAYS, self.notice.value())
        except UserError as exc:
            say(self.message, exc.message, ok=False)
            return False
        say(self.message, self.tr("Saved."))
        return True
