"""A USB barcode scanner in a test: it types the code's characters, then Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def scan(qtbot: Any, field: QWidget, code: str) -> None:
    """Scan *code* into *field* as a scanner does: its characters, then Enter."""
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
