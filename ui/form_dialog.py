"""A dialog holding a form that does not throw away what was typed without asking.

Esc, Cancel and the window's × all end in ``reject()``. When any field differs from what the
form showed when it opened, the librarian is asked first ("Bỏ những gì đã nhập?", default No):
a stray Esc after two minutes of cataloguing must not lose the record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)


def field_value(widget: QWidget) -> Any:
    """What the librarian can change in *widget*, or None for a widget that holds nothing."""
    if isinstance(widget, QLineEdit):
        # A combo box's own line edit is read through the combo box.
        return None if isinstance(widget.parent(), QComboBox) else widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):  # numbers and dates, as shown
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QTableWidget):  # cells typed into (widgets in cells are children)
        cells = (widget.item(row, column) for row in range(widget.rowCount())
                 for column in range(widget.columnCount()))
        return tuple(None if c is None else (c.text(), c.checkState()) for c in cells)
    return None


def fields_state(widget: QWidget) -> tuple[Any, ...]:
    """The value of every field inside *widget* (a form, a settings tab), to compare later."""
    return tuple(field_value(w) for w in widget.findChildren(QWidget))


class FormDialog(QDialog):
    """A ``QDialog`` whose ``reject()`` asks before losing typed changes."""

    _opened_with: tuple[Any, ...] | None = None

    def form_state(self) -> tuple[Any, ...]:
        """Every field's value; subclasses add what is not in a field (a chosen photo)."""
        return fields_state(self)

    def has_changes(self) -> bool:
        """True when something differs from what the form showed when it opened."""
        return self._opened_with is not None and self.form_state() != self._opened_with

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Remember what the form shows when it first opens (filled for an edit)."""
        if self._opened_with is None:
            self._opened_with = self.form_state()
        super().showEvent(event)

    def reject(self) -> None:
        """Close without saving, after asking if something was typed."""
        if self.has_changes():
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("FormDialog", "Discard changes?"),
                QCoreApplication.translate(
                    "FormDialog", "What you typed in this form is not saved yet. Close the "
                    "form and lose it?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
