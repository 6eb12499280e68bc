"""A MARC file imported in the catalog window, as the librarian's Import… does, and the
report the window shows for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.catalog.view import CatalogView, ImportReportDialog


def import_in_the_catalog(window: Any, qtbot: Any, path: Path) -> CatalogView:
    """Import *path* from the main window's catalog and wait until it is done and its report
    is kept (``view.last_import``); the catalog view."""
    view: CatalogView = window.show_view("catalog")
    operation = view.import_marc(path)
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: view.last_import is not None)
    return view


def report_shown(view: CatalogView) -> ImportReportDialog:
    """The import report dialog the catalog view opened."""
    return next(d for d in view.findChildren(ImportReportDialog))
