"""The catalog window's MARC export writes a file other accounts and programs can read (the
user's umask, 0644 with 022; it was mkstemp's owner-only 0600), and leaves no temporary file."""

from __future__ import annotations

import os
import stat
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.support.catalog_import import import_in_the_catalog


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_exported_file_gets_the_umask_mode(window, lib, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"])
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        staticmethod(lambda _parent, _title, text, *a: said.append(text)),
    )
    folder = tmp_path / "exports"
    folder.mkdir()
    old = os.umask(0o022)
    try:
        view = window.show_view("catalog")
        operation = view.export_marc(folder / "catalog.mrc", "iso2709")
        with qtbot.waitSignal(operation.finished, timeout=20000):
            pass
    finally:
        os.umask(old)
    qtbot.waitUntil(lambda: bool(said))
    out = folder / "catalog.mrc"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert "Tắt đèn".encode() in out.read_bytes()
    assert [p.name for p in folder.iterdir()] == ["catalog.mrc"]


def test_import_report_counts_other_libraries_holdings(window, lib, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A district union export: 852s of other libraries are not copies, and the report says so."""
    from app.catalog.marc import write_iso2709
    from server.union_marc import holding_items, marc_of

    held = [
        {"library_code": "TH-A", "library_name": "Trường A", "total": 3, "available": 2},
        {"library_code": "TH-B", "library_name": "Trường B", "total": 1, "available": 1},
    ]
    source = tmp_path / "lienhop.mrc"
    with source.open("wb") as out:
        write_iso2709(
            [(marc_of(n, {"title": f"Truyện Kiều {n}"}), holding_items(held)) for n in range(1, 4)],
            out,
            holdings_tag="852",
        )
    view = import_in_the_catalog(window, qtbot, source)
    assert view.last_import.items == 0 and lib.catalog.record_count() == 3
    from ui.catalog.view import ImportReportDialog

    dialog = ImportReportDialog(view.last_import, view)
    qtbot.addWidget(dialog)
    assert "6 dòng sách của thư viện khác" in dialog.summary.text()


def test_the_marc_file_dialogs_open_in_the_documents_folder(  # type: ignore[no-untyped-def]
        window, qtbot, tmp_path, monkeypatch) -> None:
    """Seen under Xvfb: Export MARC… proposed 'catalog.mrc' in the folder ThuVien was
    started from (on Windows its program folder, not writable), Import MARC… opened there."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(
        lambda kind: str(documents) if kind == QStandardPaths.StandardLocation.DocumentsLocation
        else str(tmp_path)))
    monkeypatch.chdir(tmp_path)  # started from another folder
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _parent, _title, proposed, *_a: (asked.append(proposed), ("", ""))[1]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda _parent, _title, proposed, *_a: (asked.append(proposed), ("", ""))[1]))
    view = window.show_view("catalog")
    view.choose_export()
    view.choose_import()
    assert asked == [str(documents / "catalog.mrc"), str(documents)]


def test_the_export_message_shows_once_the_progress_bar_is_gone(  # type: ignore[no-untyped-def]
        window, lib, qtbot, tmp_path, monkeypatch) -> None:
    """Seen under Xvfb: 'Đang xuất' kept turning over 'Catalog written to …' until that
    message was closed (the message box blocked the operation's signal that closes it)."""
    import time

    from app.catalog.service import Catalog
    from ui.operations import ProgressDialog

    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"])
    export = Catalog.export_marc

    def slow_export(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.8)  # a large catalog: the bar shows after 300 ms
        return export(self, *args, **kwargs)

    monkeypatch.setattr(Catalog, "export_marc", slow_export)
    bars_at_message: list[int] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(
        lambda parent, *_a: bars_at_message.append(len(
            [d for d in parent.window().findChildren(ProgressDialog) if d.isVisible()]))))
    view = window.show_view("catalog")
    view.export_marc(tmp_path / "catalog.mrc", "iso2709")
    for bar in window.findChildren(ProgressDialog):
        bar.show()  # as it does after 300 ms in the running app
    qtbot.waitUntil(lambda: bool(bars_at_message), timeout=20000)
    assert bars_at_message == [0]
