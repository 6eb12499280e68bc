"""The copies table shows the call number the spine label prints: a copy without its own shows
the computed one (classification + author mark), grey and marked computed in its tooltip;
a copy with its own shows that."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.labels.selection import items_by_barcodes


def test_the_copies_table_shows_what_the_spine_prints(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019,
                                    classification="895.9223")
    copies = lib.catalog.add_copies(record, 2, collection="TK")
    first, second = (item.barcode for item in copies)
    lib.catalog.update_item(copies[1].id, call_number="895.9223 TH 2019")
    view = window.show_view("catalog")
    view.open_record(record)
    table = view.detail.copies
    shown = {table.item(r, 0).text(): table.item(r, 4) for r in range(table.rowCount())}
    spines = {label.barcode: " ".join(label.spine)
              for label in items_by_barcodes(lib, [first, second])}
    assert shown[first].text() == spines[first] != ""  # what the label prints on the book
    assert shown[first].foreground().color() == QColor("#64748b")
    assert shown[first].toolTip().startswith("Tính từ ký hiệu phân loại và ký hiệu tác giả")
    assert shown[second].text() == spines[second] == "895.9223 TH 2019"  # its own, as typed
    assert shown[second].foreground().color() != QColor("#64748b")


def test_the_call_number_is_whole_at_1024(window, lib, qtbot, app_look) -> None:  # type: ignore[no-untyped-def]
    """It was cut to "895.9223 …" beside the other columns' wide headers."""
    record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019,
                                    classification="895.9223")
    lib.catalog.add_copies(record, 2, collection="TK")
    window.resize(1024, 768)
    view = window.show_view("catalog")
    view.open_record(record)
    view.detail.setCurrentIndex(2)
    table = view.detail.copies
    text = table.item(0, 4).text()
    qtbot.waitUntil(lambda: table.columnWidth(4) >= table.fontMetrics().horizontalAdvance(text)
                    + 6, timeout=2000)
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert sum(widths) <= table.viewport().width()
    status = table.item(0, 1).text()
    assert widths[1] >= table.fontMetrics().horizontalAdvance(status)  # "trên giá" whole
    assert widths[0] >= table.fontMetrics().horizontalAdvance(table.item(0, 0).text())
