"""The class-list wizard when the encoding guess is wrong: the librarian chooses the column's
encoding, the first value, the header and the preview are read again in it; a header row
typed in an old font is shown decoded ("Họ và tên", not "Hoï vaø teân")."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt

from app.legacy_text import encode_vni


def write_vni_list(path: Path) -> Path:
    """Names typed in VNI that also read as Unicode names ("Hoà Thu" is Hồ Thu in VNI): the
    detector keeps Unicode, and only the librarian knows better."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["STT", encode_vni("Họ và tên"), encode_vni("Lớp"), encode_vni("Ngày sinh")])
        for n, name in enumerate(("Hồ Thu", "Lã Hoa"), start=1):
            out.writerow([n, encode_vni(name), "6A", f"0{n}/03/2014"])
    return path


def test_the_librarian_corrects_a_wrong_encoding_guess(window, lib, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_patrons import advance

    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    wizard.file_page.file.setText(str(write_vni_list(tmp_path / "lop6a-vni.csv")))
    advance(qtbot, wizard, wizard.columns_page)
    page = wizard.columns_page
    table = page.table
    headers = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert headers == ["STT", "Họ và tên", "Lớp", "Ngày sinh"]  # the VNI header row, decoded
    names = page.encoding_combos["B"]
    assert names.currentText() == "Unicode" and table.item(1, 4).text() == "Hoà Thu"

    names.setFocus()
    qtbot.keyClick(names, Qt.Key.Key_End)  # the last choice, VNI, from the keyboard
    assert names.currentData() == "vni"
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=5000)
    table = page.table
    assert table.item(1, 4).text() == "Hồ Thu"  # the first value read again, in VNI
    assert page.encoding_combos["B"].currentData() == "vni"
    assert page.combos["B"].currentData() == "full_name"
    assert lib.patrons.list_patrons() == []

    wizard.next()  # the dry run that read the page answers: straight to the preview
    assert wizard.currentPage() is wizard.preview_page
    preview = wizard.preview_page.table
    assert [preview.item(r, 2).text() for r in range(2)] == ["Hồ Thu", "Lã Hoa"]
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    assert sorted(p.full_name for p in lib.patrons.list_patrons()) == ["Hồ Thu", "Lã Hoa"]


def test_the_chosen_encoding_reads_the_header_too(lib, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A header detected as Unicode in a column the librarian says is VNI is read in VNI."""
    path = tmp_path / "lop.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Họ và tên", "Lớp", encode_vni("Ghi chú")])
        out.writerow([ "Nguyễn An", "6A", encode_vni("Hồ Thu")])
    plain = lib.patrons.import_class_list(path)
    assert plain.columns[2].header == encode_vni("Ghi chú")  # one legacy cell: row is Unicode
    chosen = lib.patrons.import_class_list(path, encodings={"C": "vni"})
    assert chosen.columns[2].header == "Ghi chú" and chosen.columns[2].sample == "Hồ Thu"
    assert chosen.rows[0].values["note"] == "Hồ Thu"
