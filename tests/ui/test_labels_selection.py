"""Printing a selection of copies from the window: Tools → Print labels opens on "added since"
the last delivery's first acquisition day, a date or an accession range selects exactly those copies (counted before preview, and
nothing selected is said in words), and the catalog prints every copy of its search result; the
labels the preview lays out scan back as exactly the selected barcodes, each once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from tests.app.labels.raster import DPI, decode, qimage_to_pil


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "thuvien.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shelves(lib):  # type: ignore[no-untyped-def]
    """Copies catalogued over three days, two collections; returns {barcode: acquired_on}."""
    cat = lib.catalog
    old = cat.add_record("Mắt biếc", authors=["Nguyễn Nhật Ánh"], classification="895.9223")
    lamp = cat.add_record("Tắt đèn", authors=["Ngô Tất Tố"], classification="895.9223")
    forest = cat.add_record("Đất rừng phương Nam", authors=["Đoàn Giỏi"],
                            classification="895.9223")
    copies = [*cat.add_copies(old, 4, acquired_on="2025-08-29"),      # TK.00001..00004
              *cat.add_copies(lamp, 5, acquired_on="2025-09-01"),     # TK.00005..00009
              *cat.add_copies(forest, 3, acquired_on="2025-09-03"),   # TK.00010..00012
              *cat.add_copies(forest, 2, collection="GK", acquired_on="2025-09-03")]
    return {item.barcode: item.acquired_on for item in copies}


def _counted(dialog, qtbot) -> str:  # type: ignore[no-untyped-def]
    box = dialog.selection
    qtbot.waitUntil(lambda: box.selected is not None and not box._timer.isActive(), timeout=10000)
    return str(box.count.text())


def _printed_codes(dialog, qtbot) -> Counter[str]:  # type: ignore[no-untyped-def]
    """Lay the labels out as Preview does and scan every page of what the preview shows."""
    from ui.labels.painter import page_image

    operation = dialog.make_document()
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert dialog.preview is not None, dialog.error.text()
    qtbot.addWidget(dialog.preview)
    document = dialog.document
    return Counter(read.text for page in range(len(document.pages))
                   for read in decode(qimage_to_pil(page_image(document, page, DPI))))


def _tools_action(window, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in window.tools_menu.actions() if a.text() == text)


def test_tools_menu_prints_the_copies_added_since_a_date(window, lib, shelves, qtbot,  # type: ignore[no-untyped-def]
                                                          settings) -> None:
    from ui.format import qdate
    from ui.labels.dialog import LabelsDialog

    _tools_action(window, "In &nhãn…").trigger()
    dialog = window.findChild(LabelsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    box = dialog.selection
    assert box.how.currentData() == "since" and box.since.isVisible()
    assert not box.range.isVisible() and not box.query.isVisible()
    # The copies entered today were acquired from 29/08/2025 on: that is the day shown, so
    # the last delivery is selected (today selected nothing: they were bought long ago).
    assert box.since.date() == QDate(2025, 8, 29)
    assert box.since.displayFormat() == "dd/MM/yyyy"
    assert _counted(dialog, qtbot) == "Đã chọn 14 bản sách"
    box.since.setDate(qdate(lib.circulation.today()))
    today = lib.circulation.today().strftime("%d/%m/%Y")
    assert _counted(dialog, qtbot) == f"Không có bản sách nào nhập từ ngày {today} trở đi"

    box.since.setDate(QDate(2025, 9, 1))
    assert _counted(dialog, qtbot) == "Đã chọn 10 bản sách"
    dialog.kind.setCurrentIndex(dialog.kind.findData("items"))
    expected = {code for code, day in shelves.items() if day >= "2025-09-01"}
    assert len(expected) == 10 and "TK.00004" not in expected
    assert _printed_codes(dialog, qtbot) == Counter(expected)
    assert dialog.preview.status.text().startswith("1 trang · 10 nhãn")
    dialog.preview.close()


def test_an_accession_range_prints_exactly_that_range(window, lib, shelves, qtbot,  # type: ignore[no-untyped-def]
                                                      settings) -> None:
    from ui.labels.dialog import LabelsDialog

    dialog = LabelsDialog(lib, window.operations, (), window, settings=settings, how="range")
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.selection
    assert box.range.isVisible() and not box.since.isVisible()
    qtbot.keyClicks(box.first, "TK.00100")
    qtbot.keyClicks(box.last, "TK.00150")
    assert _counted(dialog, qtbot) == "Không có bản sách nào có số ĐKCB từ TK.00100 đến TK.00150"
    operation = dialog.make_document()  # printing anyway says the same, and opens no preview
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    assert dialog.preview is None
    assert dialog.error.text() == "Không có bản sách nào có số ĐKCB từ TK.00100 đến TK.00150"

    box.last.setText("TK.00003")
    assert "không hợp lệ" in _counted(dialog, qtbot)  # first after last
    box.first.setText("TK.00003")
    box.last.setText("TK.00011")
    assert _counted(dialog, qtbot) == "Đã chọn 9 bản sách"
    dialog.kind.setCurrentIndex(dialog.kind.findData("combined"))
    assert _printed_codes(dialog, qtbot) == Counter(f"TK.{n:05d}" for n in range(3, 12))
    dialog.preview.close()


def test_catalog_prints_every_copy_of_its_search_result(window, lib, shelves, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.labels.dialog import LabelsDialog

    view = window.show_view("catalog")
    assert not view.result_labels_button.isEnabled()
    view.search_field.setFocus()
    qtbot.keyClicks(view.search_field, "phuong nam")  # folded: "phương Nam"
    qtbot.waitUntil(lambda: view.result_labels_button.isEnabled(), timeout=10000)
    hits = view.last_result.hits
    expected = {item.barcode for hit in hits for item in lib.catalog.items_of(hit.id)}
    assert expected == {"TK.00010", "TK.00011", "TK.00012", "GK.00001", "GK.00002"}
    # from the keyboard: Ctrl+Shift+L in the catalog
    qtbot.keyClick(view.search_field, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.findChild(LabelsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    box = dialog.selection
    assert box.how.currentData() == "search" and box.query.text() == "phuong nam"
    assert _counted(dialog, qtbot) == "Đã chọn 5 bản sách"
    dialog.kind.setCurrentIndex(dialog.kind.findData("items"))
    assert _printed_codes(dialog, qtbot) == Counter(expected)
    dialog.preview.close()

    # the record's own copies are still the default from the record detail
    view.open_record(hits[0].id)
    view.labels_button.click()
    record_dialog = next(d for d in view.findChildren(LabelsDialog) if d is not dialog)
    qtbot.addWidget(record_dialog)
    assert record_dialog.selection.how.currentData() == "barcodes"
    own = len(lib.catalog.items_of(hits[0].id))
    assert _counted(record_dialog, qtbot) == f"Đã chọn {own} bản sách"
    record_dialog.close()


def test_choosing_by_search_before_typing_says_what_to_type(window, lib, shelves, qtbot,  # type: ignore[no-untyped-def]
                                                            settings) -> None:
    """Switching "Which copies" to a search shows what to type, not the red
    'Tìm “” không thấy bản sách nào' about a search nobody made."""
    from ui.labels.dialog import LabelsDialog

    dialog = LabelsDialog(lib, window.operations, (), window, settings=settings, how="search")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selection.query.isVisible()
    assert _counted(dialog, qtbot) == "Gõ nhan đề, tác giả hoặc chủ đề để chọn sách"
    qtbot.keyClicks(dialog.selection.query, "xyz khong co")
    assert _counted(dialog, qtbot) == "Tìm “xyz khong co” không thấy bản sách nào"


def test_added_since_starts_at_the_last_delivery_not_at_older_ones(window, lib, shelves, qtbot,  # type: ignore[no-untyped-def]
                                                                    settings) -> None:
    """Copies entered on an earlier day (the old collection) stay out of the default choice:
    only the copies entered on the last day of entry, from their first acquisition day."""
    from ui.labels.dialog import LabelsDialog

    lib.db.conn.execute("UPDATE items SET created_at = '2025-09-04T02:00:00.000000Z'")
    lib.db.conn.commit()
    record = lib.catalog.add_record("Số đỏ", authors=["Vũ Trọng Phụng"])
    lib.catalog.add_copies(record, 3, acquired_on="2025-10-20")
    dialog = LabelsDialog(lib, window.operations, (), window, settings=settings, how="since")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selection.since.date() == QDate(2025, 10, 20)
    assert _counted(dialog, qtbot) == "Đã chọn 3 bản sách"
