"""Settings tabs saved with a button: which of them hold edits not saved yet.

A tab is remembered as it was loaded (or last saved); leaving the settings view, or closing
the window, with a tab that differs asks whether to save, discard or stay, so a name typed
without pressing "Lưu" is not silently lost at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.form_dialog import fields_state


@dataclass
class Guarded:
    """One tab: its page, its title and its save action (True when saved)."""

    page: QWidget
    title: str
    save: Callable[[], bool]
    state: tuple[Any, ...] = ()


class UnsavedTabs:
    """The tabs to watch; :meth:`save` runs a tab's save and remembers it as saved."""

    def __init__(self) -> None:
        self._tabs: list[Guarded] = []

    def watch(self, page: QWidget, title: str, save: Callable[[], bool]) -> Callable[[], bool]:
        """Remember *page* as it is now; returns the action its Save button should run."""
        tab = Guarded(page, title, save, fields_state(page))
        self._tabs.append(tab)
        return lambda: self.save(tab)

    def save(self, tab: Guarded) -> bool:
        """Save *tab*; when that worked, its current fields are the saved ones."""
        if not tab.save():
            return False
        tab.state = fields_state(tab.page)
        return True

    def mark_saved(self, page: QWidget) -> None:
        """*page* shows what is stored (reloaded after a change written at once)."""
        for tab in self._tabs:
            if tab.page is page:
                tab.state = fields_state(page)

    def unsaved(self) -> list[Guarded]:
        """The tabs whose fields differ from what was loaded or last saved."""
        return [tab for tab in self._tabs if fields_state(tab.page) != tab.state]
