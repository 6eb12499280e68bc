"""The search index the bulk import builds is the one a record's own re-indexing builds."""

from __future__ import annotations

from pathlib import Path

from app.catalog import store
from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.library import Library


def _records() -> list[tuple[MarcRecord, list[ItemData]]]:
    out = []
    for i in range(1, 6):
        fields = [Field("001", f"S{i}"), Field("003", "VN-TEST"),
                  Field("020", None, " ", " ", [("a", "978-0-306-40615-7" if i == 1 else "-")]),
                  Field("082", None, "0", "4", [("a", "895.9223")]),
                  Field("100", None, "1", " ", [("a", "Nguyễn Nhật Ánh,")]),
                  Field("245", None, "1", "0", [("a", f"Kỹ thuật điện {i} :"), ("b", "lý thuyết /"),
                                                ("n", "Tập 2") if i == 2 else ("c", "NNA.")]),
                  Field("264", None, " ", "1", [("a", "Hà Nội :"), ("b", "Kim Đồng,"), ("c", "2020")]),
                  Field("650", None, " ", "7", [("a", "Điện học"), ("x", "Giáo trình")])]
        items = [ItemData(barcode=f"TK.{i:05d}", call_number="621.3 K600" if i % 2 else None,
                          collection="TK")]
        if i == 3:
            items.append(ItemData(barcode="GK.00001", collection="GK"))
        out.append((MarcRecord("00000nam a2200000 a 4500", fields), items))
    # The same book again (same ISBN) with one more copy: it merges into the first.
    again = MarcRecord("00000nam a2200000 a 4500", [f for f in out[0][0].fields if f.tag != "001"])
    out.append((again, [ItemData(barcode="TK.00099", call_number="621.3 Đ108")]))
    return out


def test_imported_search_rows_equal_a_fresh_reindex(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "index.mrc"
    with path.open("wb") as out:
        assert write_iso2709(_records(), out) == []
    report = lib.catalog.import_marc(path)
    assert (report.imported, report.merged, report.items) == (5, 1, 7)
    conn = lib.db.conn
    select = "SELECT rowid, title, author, subject, other, callno FROM record_search ORDER BY rowid"
    imported = conn.execute(select).fetchall()
    assert imported[1][1].startswith("ki thuat dien 2 li thuyet tap 2")
    assert "tk 00001" in imported[0][5] and "tk 00099" in imported[0][5]
    with lib.db.transaction():
        for (rid, *_rest) in imported:
            store.reindex_record(conn, rid)
    assert conn.execute(select).fetchall() == imported
    assert [h.title for h in lib.catalog.search("tk.00099").hits] == ["Kỹ thuật điện 1 : lý thuyết"]
    assert lib.catalog.search("621.3 k600").total == 3
