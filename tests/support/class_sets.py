"""A class's textbook set in the real window: Patrons → the class → "Textbooks for the
class…", and a title added to the set as the librarian does it (typed, Enter, added)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def class_textbooks(window: Any, qtbot: Any, class_name: str = "6A") -> Any:
    """The class's textbook dialog, opened from the Patrons view (closed after the test)."""
    view = window.show_view("patrons")
    view.show_class(class_name)
    rows = [view.classes.item(i) for i in range(view.classes.count())]
    view.classes.setCurrentItem(next(item for item in rows
                                     if item.text().startswith(class_name)))
    dialog = view.class_textbooks()
    assert dialog is not None
    qtbot.addWidget(dialog)  # a window-modal dialog left open would outlive the test
    return dialog


def add_title(dialog: Any, qtbot: Any, query: str) -> None:
    """Find *query* in the dialog's search and add the first title found to the set."""
    dialog.search.setText(query)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    dialog.add_to_set(dialog.found.currentItem())
