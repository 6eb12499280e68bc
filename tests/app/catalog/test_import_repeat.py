"""Importing the same MARC file twice by mistake does not double the copies that came
without an accession number; another file with the same books (a new delivery) adds its
copies."""

from __future__ import annotations

from pathlib import Path

from app.catalog.import_history import repeat_note
from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.cli import main
from app.library import Library


def delivery(path: Path, note: str, with_barcode: bool = False) -> Path:
    """Two books; the first with two copies without accession numbers (a supplier's file),
    the second with one numbered copy when *with_barcode*."""
    records = []
    for n, (title, isbn) in enumerate((("Tắt đèn", "9786049692123"),
                                       ("Số đỏ", "9786049692130"))):
        fields = [Field("001", f"NCC{n}"), Field("003", "VN-NCC"),
                  Field("020", None, " ", " ", [("a", isbn)]),
                  Field("245", None, "1", "0", [("a", title)]),
                  Field("500", None, " ", " ", [("a", note)])]
        copies = 2 if n == 0 else 1
        items = [ItemData(barcode="TK.00050" if with_barcode and n == 1 else None,
                          call_number="895.9223", collection="TK", location=None,
                          price=45000.0, item_type="book", acquired_on=None, source="Mua",
                          note=None) for _ in range(copies)]
        records.append((MarcRecord("00000nam a2200000 a 4500", fields), items))
    with path.open("wb") as out:
        write_iso2709(records, out)
    return path


def copies(lib: Library) -> int:
    return int(lib.db.conn.execute("SELECT count(*) FROM items WHERE deleted = 0").fetchone()[0])


def test_the_same_file_twice_adds_no_copies_and_says_so(lib: Library, tmp_path: Path) -> None:
    path = delivery(tmp_path / "giao-nhan.mrc", "Đợt 1", with_barcode=True)
    first = lib.catalog.import_marc(path)
    assert (first.imported, first.items, first.imported_before) == (2, 3, None)
    again = lib.catalog.import_marc(path)
    assert (again.imported, again.merged, again.items) == (0, 2, 0)
    assert again.copies_not_repeated == 2 and again.imported_before is not None
    assert copies(lib) == 3  # was 5: the two copies without numbers came twice
    assert "2 bản sách không có số ĐKCB của các biểu ghi đã có không được thêm lần nữa" in \
        repeat_note(again.imported_before, again.copies_not_repeated)


def test_another_file_with_the_same_books_is_a_new_delivery(lib: Library,
                                                            tmp_path: Path) -> None:
    lib.catalog.import_marc(delivery(tmp_path / "dot1.mrc", "Đợt 1"))
    second = lib.catalog.import_marc(delivery(tmp_path / "dot2.mrc", "Đợt 2"))
    assert second.merged == 2 and second.items == 3 and second.imported_before is None
    assert copies(lib) == 6


def test_the_command_line_says_the_file_was_imported_before(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    db, path = str(tmp_path / "lib.sqlite3"), delivery(tmp_path / "giao-nhan.mrc", "Đợt 1")
    assert main(["--db", db, "import-marc", str(path)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "import-marc", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("nhập 0 biểu ghi, gộp 2, 0 bản sách, bỏ qua 0.")
    assert lines[1].startswith("  Tệp này đã được nhập ngày ") and "3 bản sách" in lines[1]
    assert main(["--db", db, "import-marc", str(path), "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)["files"]
    assert entry["copies_not_repeated"] == 3 and entry["imported_before"].endswith("Z")
