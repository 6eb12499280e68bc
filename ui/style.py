"""The calm look: one stylesheet, large type at the desk, colours for the desk's answers."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

OK_BG, OK_FG = "#e3f4e6", "#14532d"
WARN_BG, WARN_FG = "#fff4d6", "#713f12"
BAD_BG, BAD_FG = "#fde2e1", "#7f1d1d"
IDLE_BG, IDLE_FG = "#eef2f6", "#334155"
OVERDUE = "#b91c1c"

STYLESHEET = """
QMainWindow, QDialog { background: #f7f8fa; }
QListWidget#nav { background: #1f3a5f; color: #e8eef6; border: none; font-size: 15px;
                   padding-top: 8px; }
QListWidget#nav::item { padding: 12px 14px; }
QListWidget#nav::item:selected { background: #2f5689; color: white; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit { padding: 4px; }
QLineEdit#scanField { font-size: 26px; padding: 8px 12px; border: 2px solid #2f5689;
                       border-radius: 6px; background: white; }
QLabel#deskMessage { font-size: 20px; padding: 12px 16px; border-radius: 6px; }
QLabel#patronName { font-size: 22px; font-weight: 600; color: #0f172a; }
QLabel#patronInfo { font-size: 15px; color: #334155; }
QLabel#photo { background: #e2e8f0; border-radius: 4px; color: #64748b; }
QLabel#sectionTitle { font-size: 15px; font-weight: 600; color: #1f3a5f; }
QLabel#keysHint { color: #475569; font-size: 13px; }
QPushButton#mode { font-size: 14px; padding: 6px 12px; }
QPushButton#mode:checked { background: #2f5689; color: white; border-radius: 4px; }
QTableWidget, QTableView { background: white; gridline-color: #e2e8f0;
                            selection-background-color: #cfe0f5; selection-color: black; }
QTableWidget#deskTable { font-size: 15px; }
QHeaderView::section { background: #eef2f6; padding: 4px; border: none;
                        border-bottom: 1px solid #cbd5e1; font-weight: 600; }
QStatusBar { background: #eef2f6; color: #334155; }
QStatusBar QLabel { padding: 2px 14px 2px 6px; }
QStatusBar::item { border: none; border-right: 1px solid #cbd5e1; }
QListWidget#classList { font-size: 14px; }
QListWidget#classList::item { padding: 5px 6px; }
QTabWidget#settings::pane { border: none; }
QTabWidget#settings > QTabBar::tab { padding: 6px 7px; margin-right: 1px; background: #e2e8f0;
                                      color: #1e293b; border: 1px solid #cbd5e1;
                                      border-bottom: none; border-top-left-radius: 4px;
                                      border-top-right-radius: 4px; }
QTabWidget#settings > QTabBar::tab:selected { background: #f7f8fa; color: #0f172a; }
QTabWidget#settings > QTabBar::tab:focus { text-decoration: underline; }
"""


def apply_style(app: QApplication) -> None:
    """Fusion style, the stylesheet, and a font with Vietnamese glyphs at a readable size."""
    app.setStyle("Fusion")
    font = QFont()
    font.setFamilies(["Segoe UI", "Noto Sans", "DejaVu Sans", "Arial"])
    font.setPointSize(11)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def banner_css(kind: str) -> str:
    """Background/foreground for the desk banner: ``ok``, ``warn``, ``bad`` or ``idle``."""
    bg, fg = {"ok": (OK_BG, OK_FG), "warn": (WARN_BG, WARN_FG), "bad": (BAD_BG, BAD_FG)}.get(
        kind, (IDLE_BG, IDLE_FG))
    return f"background: {bg}; color: {fg};"


def show_banner(label: QLabel, kind: str, message: str) -> None:
    """Say *message* in a scanner view's answer *label* (desk, stocktake, write-off record),
    coloured for *kind* (``ok``, ``warn``, ``bad`` or ``idle``); the kind stays readable as the
    label's ``kind`` property."""
    label.setStyleSheet(banner_css(kind))
    label.setProperty("kind", kind)
    label.setText(message)
