"""The catalog window's MARC import report tells the librarian how many records came from a
legacy Vietnamese encoding (TCVN3 / VNI / Windows-1258) and were converted."""

from __future__ import annotations

from pathlib import Path

from tests.support.catalog_import import import_in_the_catalog, report_shown
from tests.support.legacy_marc import VIETNAMESE_BOOKS, book


def test_the_report_counts_the_records_converted_from_a_legacy_encoding(  # type: ignore[no-untyped-def]
        window, lib, qtbot, tmp_path) -> None:
    path = Path(tmp_path / "winisis.mrc")
    path.write_bytes(b"".join(book(encoding, f"W{n}", *VIETNAMESE_BOOKS[n], barcode=f"TK.{n:05d}")
                              for n, encoding in enumerate(("tcvn3", "tcvn3", "cp1258"))))
    view = import_in_the_catalog(window, qtbot, path)
    dialog = report_shown(view)
    summary = dialog.summary.text()
    assert "Đã nhập 3 biểu ghi, gộp 0, thêm 3 bản sách; bỏ qua 0." in summary
    assert ("3 biểu ghi được đọc từ bảng mã tiếng Việt cũ (TCVN3 (ABC): 2, Windows-1258: 1) "
            "và đã được chuyển sang Unicode.") in summary
    titles = [row[0] for row in lib.db.conn.execute("SELECT title FROM records ORDER BY id")]
    assert titles == ["Truyện Kiều", "Đất rừng phương Nam", "Tiếng Việt 1 - Tập một"]
