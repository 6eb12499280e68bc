"""The catalog window's MARC import report counts records the way the CLI does: imported +
merged + skipped = the records in the file; copies left out are told apart."""

from __future__ import annotations

import io
from pathlib import Path

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from tests.support.catalog_import import import_in_the_catalog, report_shown


def _file(path: Path) -> Path:
    """Two good records sharing accession number TK.20001, and a record with no title."""
    out = io.BytesIO()
    records = []
    for number, title in ((1, "Tắt đèn"), (2, "Số đỏ"), (3, None)):
        fields = [Field("001", f"IR{number}")]
        if title:
            fields.append(Field("245", None, "1", "0", [("a", title)]))
        else:
            fields.append(Field("100", None, "1", " ", [("a", "Vô danh")]))
        records.append((MarcRecord("00000nam a2200000 a 4500", fields),
                        [ItemData(barcode="TK.20001", collection="TK")]))
    assert write_iso2709(records, out) == []
    path.write_bytes(out.getvalue())
    return path


def test_a_copy_left_out_is_not_counted_as_a_skipped_record(  # type: ignore[no-untyped-def]
        window, lib, qtbot, tmp_path) -> None:
    view = import_in_the_catalog(window, qtbot, _file(tmp_path / "shared-number.mrc"))
    dialog = report_shown(view)
    summary = dialog.summary.text()
    # 2 imported + 0 merged + 1 skipped = the 3 records of the file (it said "bỏ qua 2")
    assert "Đã nhập 2 biểu ghi, gộp 0, thêm 1 bản sách; bỏ qua 1." in summary
    assert "1 bản sách không được nhập: số ĐKCB của chúng đã thuộc một cuốn sách khác." in summary
    lines = dialog.skipped.toPlainText().splitlines()
    assert lines[0].startswith("Biểu ghi 3 (byte ")
    assert lines[1:3] == ["", "Các bản sách không được nhập:"]
    assert lines[3].startswith("Bản sách của biểu ghi 2 (byte ") and "TK.20001" in lines[3]
    assert lib.catalog.record_count() == 2
