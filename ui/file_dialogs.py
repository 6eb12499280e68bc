"""Where the file dialogs open.

Started from its Start-menu shortcut on Windows, ThuVien's current folder is its program
folder, where nothing can be written, and a file dialog given "" or a bare file name opens
there. Each dialog opens instead in the folder the librarian last chose for that kind of file
in this session (the second report goes where the first went), else the user's Documents
folder, else the home folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_chosen: dict[str, Path] = {}  # kind of file -> folder of the last file chosen this session


def documents_folder() -> Path:
    """The user's Documents folder, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # A folder that does not exist would send the dialog back to the current folder.
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def start_folder(kind: str, fallback: Path | None = None) -> Path:
    """Where a dialog for *kind* files opens: the folder last chosen for them, else
    *fallback* (the backup folder, say), else Documents or home; only folders that exist."""
    for folder in (_chosen.get(kind), fallback):
        if folder is not None and folder.is_dir():
            return folder
    return documents_folder()


def remember(kind: str, chosen: str) -> str:
    """Note the folder of *chosen* (a dialog's answer, "" when cancelled) for the next
    *kind* dialog; returns *chosen*."""
    if chosen:
        _chosen[kind] = Path(chosen).parent
    return chosen


def forget_chosen_folders() -> None:
    """Forget the folders chosen so far (a new session, for tests)."""
    _chosen.clear()


def ask_save_path(parent: QWidget | None, kind: str, title: str, name: str,
                  filters: str) -> str:
    """Ask where to save a *kind* file, proposing *name* in :func:`start_folder`; the path
    chosen, "" when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(kind) / name),
                                            filters)
    return remember(kind, chosen)


def ask_open_path(parent: QWidget | None, kind: str, title: str, filters: str,
                  fallback: Path | None = None) -> str:
    """Ask for a *kind* file to open, starting in :func:`start_folder`; the path chosen,
    "" when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind, fallback)),
                                            filters)
    return remember(kind, chosen)
