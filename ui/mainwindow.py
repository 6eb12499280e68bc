"""The main window: a navigation column (Desk, Catalog, Patrons, Settings) and the status bar.

The desk opens first. Scanner bursts typed anywhere in the window go to the desk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from app.library import Library
from ui.catalog.search_worker import SearchWorker
from ui.desk.sound import DeskSounds
from ui.desk.view import DeskView
from ui.operations import Operations
from ui.scanner import ScanBurstFilter
from ui.statusbar import LibraryStatusBar
from ui.sync_control import SyncControl

VIEWS = ("desk", "catalog", "patrons", "settings", "stocktake", "reports")


class MainWindow(QMainWindow):
    """ThuVien's one window on one :class:`Library`."""

    def __init__(self, lib: Library, *, lang: str = "vi", sounds: DeskSounds | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.lang = lang
        self.operations = Operations(self)
        name = str(lib.settings.get("library_name", "") or "")
        self.setWindowTitle(f"ThuVien — {name}" if name else "ThuVien")
        self.resize(1280, 720)
        self.setMinimumSize(QSize(1000, 600))

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        lib.circulation.desk.open_in_start_mode()  # not whatever F-key was left on last time
        self.desk = DeskView(lib, self.operations, sounds)
        self._views: dict[str, QWidget] = {"desk": self.desk}
        self._factories: dict[str, Callable[[], QWidget]] = {
            "catalog": self._make_catalog, "patrons": self._make_patrons,
            "settings": self._make_settings, "stocktake": self._make_stocktake,
            "reports": self._make_reports}
        titles = {"desk": self.tr("Desk"), "catalog": self.tr("Catalog"),
                  "patrons": self.tr("Patrons"), "settings": self.tr("Settings"),
                  "stocktake": self.tr("Stocktake"), "reports": self.tr("Reports")}
        for index, key in enumerate(VIEWS):
            item = QListWidgetItem(f"{titles[key]}\nCtrl+{index + 1}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self.stack.addWidget(self.desk if key == "desk" else QWidget())
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda k=key: self.show_view(k))
        self.nav.currentRowChanged.connect(lambda row: self.show_view(VIEWS[row]))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = LibraryStatusBar(lib, self.operations)
        self.setStatusBar(self.status)
        self.desk.changed.connect(self.status.refresh_soon)
        self.sync = SyncControl(lib, self)
        self.sync.outcome.connect(lambda _outcome: self.status.refresh_soon())
        self.sync.stopping.connect(self._say_sync_stopping)
        self.tools_menu = self._build_menus()

        self.scan_filter = ScanBurstFilter(self)
        self.scan_filter.scanned.connect(self.scan_from_anywhere)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scan_filter)
        self.nav.setCurrentRow(0)
        self.sync.start_if_enrolled()

    # -- views -----------------------------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view *key* ("desk", "catalog", "patrons", "settings"), built on first use."""
        if key not in self._views:
            widget = self._factories[key]()
            index = VIEWS.index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._views[key] = widget
        return self._views[key]

    def _drop_view(self, key: str) -> None:
        widget = self._views.pop(key)
        index = VIEWS.index(key)
        self.stack.insertWidget(index, QWidget())
        self.stack.removeWidget(widget)
        stop = getattr(widget, "shutdown", None)
        if callable(stop):
            stop()
        widget.deleteLater()

    def show_fitted(self) -> None:
        """Show the window within the screen: maximized when the screen has no room for its
        usual 1280 × 720 and a title bar (a 1024 × 768 school PC: it ran off the right
        edge, the scan field's end and the session list out of sight), else at that size."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None and (room.width() < 1280 + 16 or room.height() < 720 + 48):
            self.resize(min(self.width(), room.width()), min(self.height(), room.height()))
            self.move(room.topLeft())
            self.showMaximized()
        else:
            self.show()

    def show_view(self, key: str) -> QWidget:
        """Bring view *key* to the front (leaving the settings asks about unsaved edits)."""
        settings = self._views.get("settings")
        if key != "settings" and settings is not None and self.stack.currentWidget() is settings:
            answer = settings.confirm_leave()  # type: ignore[attr-defined]
            if answer == "stay":
                key = "settings"
            elif answer == "discard":  # built again from what is stored, next time
                self._drop_view("settings")
        widget = self.view(key)
        self.stack.setCurrentWidget(widget)
        row = VIEWS.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        if key == "desk":
            self.desk.focus_scan()
        return widget

    def _make_catalog(self) -> QWidget:
        from ui.catalog.view import CatalogView

        view = CatalogView(self.lib, self.operations)
        view.changed.connect(self.status.refresh_soon)
        return view

    def _make_patrons(self) -> QWidget:
        from ui.patrons.view import PatronsView

        view = PatronsView(self.lib, self.operations)
        view.changed.connect(self.status.refresh_soon)
        view.class_loan_at_desk.connect(self._class_loan_at_desk)
        return view

    def _class_loan_at_desk(self, session_id: int) -> None:
        self.show_view("desk")
        self.desk.start_class_loan(session_id)

    def _make_settings(self) -> QWidget:
        from ui.settings.view import SettingsView

        view = SettingsView(self.lib, self.lang, sync=self.sync, operations=self.operations)
        view.changed.connect(self.status.refresh_soon)
        return view

    def _make_stocktake(self) -> QWidget:
        from ui.stocktake.view import StocktakeView

        view = StocktakeView(self.lib, self.operations, self.desk.sounds)
        view.changed.connect(self.status.refresh_soon)
        return view

    def _make_reports(self) -> QWidget:
        from ui.reports.view import ReportsView

        return ReportsView(self.lib, self.operations)

    def _build_menus(self) -> QMenu:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        labels_action = QAction(self.tr("Print &labels…"), self)
        labels_action.triggered.connect(lambda: self.print_labels())
        tools.addAction(labels_action)
        sync_action = QAction(self.tr("&Sync with the district now"), self)
        sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        sync_action.triggered.connect(self.sync_now)
        tools.addAction(sync_action)
        # ui.firstrun (backup/restore dialogs) adds its actions here.
        return tools

    def print_labels(self, how: str = "since") -> QWidget:
        """The label dialog for copies chosen there (*how*: new since a date — today — by
        default, a range, or a search, filled with the catalog's current search)."""
        from ui.labels.dialog import LabelsDialog

        catalog = self._views.get("catalog")
        query = str(getattr(catalog, "last_query", "") or "")
        dialog = LabelsDialog(self.lib, self.operations, (), self, how=how, query=query)
        dialog.open()
        return dialog

    def sync_now(self) -> None:
        """Sync with the district in the background, or open the sync settings when this
        library is not enrolled yet."""
        if self.sync.enrolled():
            self.sync.sync_now()
            self.statusBar().showMessage(self.tr("Syncing with the district…"), 5000)
        else:
            settings = self.show_view("settings")
            show_sync = getattr(settings, "show_sync", None)
            if callable(show_sync):
                show_sync()

    # -- scanner ---------------------------------------------------------------------------
    def scan_from_anywhere(self, code: str) -> None:
        """A scan typed while focus was elsewhere in the window: the desk answers it (unless
        the librarian chose to stay in the settings to save them: no loan made out of sight).
        The stocktake view, when in front, takes its own scans. A book scanned from another
        view starts without the reader the desk was serving."""
        stocktake = self._views.get("stocktake")
        if stocktake is not None and self.stack.currentWidget() is stocktake:
            stocktake.take_scan(code)  # type: ignore[attr-defined]
            return
        elsewhere = self.stack.currentWidget() is not self.desk
        if self.show_view("desk") is self.desk:
            if elsewhere and self.lib.circulation.desk.current_patron() is not None \
                    and self.lib.patrons.by_card(code.strip()) is None:
                # A book scanned from another view (to look it up in the catalog, say) is
                # never lent to the reader still shown at the desk from before.
                self.desk.clear_patron()
            self.desk.scan(code)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        settings = self._views.get("settings")
        if settings is not None and settings.confirm_leave() == "stay":  # type: ignore[attr-defined]
            event.ignore()
            return
        self.release_library()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scan_filter)
        super().closeEvent(event)

    def _say_sync_stopping(self) -> None:
        """The sync takes more than a moment to stop (a step on the library finishing)."""
        self.statusBar().showMessage(self.tr("Stopping the sync…"))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def release_library(self) -> None:
        """Let go of the library file before a restore replaces it: the background sync, the
        work running off the GUI thread and every view's own connection (the catalog's
        search thread) are stopped. A restore from Tools → Backups refused with 'the library
        is open in another window or program' once the catalog had been searched.

        Nothing waiting in the window reads the library afterwards: the status bar's and the
        views' timers (a search typed a moment before) are stopped, and the answers of work
        still running are dropped (:meth:`Operations.shutdown`)."""
        self.sync.stop()
        self.status.shutdown()
        for view in self._views.values():
            stop = getattr(view, "shutdown", None)
            if callable(stop):
                stop()
        for worker in self.findChildren(SearchWorker):  # a dialog's own (district picker)
            worker.stop()
        self.operations.shutdown()
