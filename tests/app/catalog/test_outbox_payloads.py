"""What the outbox sends for catalog changes: exactly the stored row, whichever path wrote it.

The form path stores each change's payload; the bulk import stores rows that stand for the
record's or copy's current state (``CURRENT_STATE``), read when the change is sent. Both
must give the district the same content.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.catalog import store
from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.db.outbox import CURRENT_STATE
from app.library import Library
from app.sync import batch

_RECORD_KEYS = [c for c in store.RECORD_COLUMNS if c not in ("id", "title_fold", "library_id")]


def _tricky_records() -> list[tuple[MarcRecord, list[ItemData]]]:
    """Records whose text needs JSON escaping, with and without optional fields."""
    out = []
    for i in range(1, 8):
        fields = [Field("001", f"Q{i:04d}"), Field("003", "VN-TEST"),
                  Field("008", f"250101s20{10 + i}    vm            000 0 vie d"),
                  Field("020", None, " ", " ", [("a", "9786042098182" if i == 2 else "x")]),
                  Field("100", None, "1", " ", [("a", 'Lê "Bút" Tre\\,')]),
                  Field("245", None, "1", "0", [("a", f'Thơ "vui" số {i} /'),
                                                ("c", "Lê Tre.")])]
        if i % 2:
            fields += [Field("264", None, " ", "1", [("a", "Hà Nội :"), ("b", "Kim Đồng,"),
                                                     ("c", "2019.")]),
                       Field("500", None, " ", " ", [("a", "Ghi chú\u2028 dòng\ttab")]),
                       Field("650", None, " ", "7", [("a", "Thơ ca"), ("x", "Việt Nam")])]
        items = [ItemData(barcode=f"TK.{i:05d}", call_number="895.9221 L250" if i % 2 else None,
                          collection="TK", location="Kho mở", price=12500.5 if i % 3 else None,
                          item_type="book", acquired_on="2024-09-05", source="Mua",
                          note='có "dấu"' if i == 3 else None)]
        if i == 4:
            items.append(ItemData(barcode=None, collection="GK"))
        out.append((MarcRecord("00000nam a2200000 a 4500", fields), items))
    return out


def _stored_record_payload(lib: Library, uuid: str) -> dict[str, Any]:
    row = lib.db.conn.execute(f"SELECT {', '.join(_RECORD_KEYS)} FROM records WHERE uuid = ?",
                              (uuid,)).fetchone()
    payload = dict(zip(_RECORD_KEYS, row, strict=True))
    for key in ("authors", "isbns", "subjects"):
        payload[key] = json.loads(payload[key])
    payload["deleted"] = False
    return payload


def _stored_item_payload(lib: Library, uuid: str) -> dict[str, Any]:
    row = lib.db.conn.execute(
        "SELECT i.uuid, i.updated_at, i.barcode, i.collection, i.item_type, i.call_number, "
        "i.location, i.status, i.price, i.acquired_on, i.source, i.note, r.uuid "
        "FROM items i JOIN records r ON r.id = i.record_id WHERE i.uuid = ?", (uuid,)).fetchone()
    keys = ["uuid", "updated_at", "barcode", "collection", "item_type", "call_number",
            "location", "status", "price", "acquired_on", "source", "note", "record_uuid"]
    return {**dict(zip(keys, row, strict=True)), "deleted": False}


def test_imported_changes_send_exactly_the_stored_rows(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "tricky.mrc"
    with path.open("wb") as out:
        assert write_iso2709(_tricky_records(), out) == []
    report = lib.catalog.import_marc(path)
    assert (report.imported, report.items) == (7, 8)
    rows = lib.db.conn.execute("SELECT seq, entity, uuid, op, payload, at FROM changes "
                               "ORDER BY seq").fetchall()
    assert sorted(r[1] for r in rows) == ["item"] * 8 + ["record"] * 7
    assert {r[4] for r in rows} == {CURRENT_STATE}  # no second copy of each row
    states = batch.current_states(lib.db.conn, rows)
    for _seq, entity, uuid, op, _stored, _at in rows:
        assert op == "insert"
        text = states[entity, uuid]
        payload = json.loads(text)
        assert text == json.dumps(payload, ensure_ascii=False)  # the usual JSON form
        if entity == "record":
            assert payload == _stored_record_payload(lib, uuid)
            assert list(payload) == [*_RECORD_KEYS, "deleted"]
        else:
            assert payload == _stored_item_payload(lib, uuid)
    sent = [json.loads(c) for c in batch.build(0, rows, "none", "s", lib.db.conn).changes]
    records = [c["payload"] for c in sent if c["entity"] == "record"]
    assert records[0]["title"] == 'Thơ "vui" số 1'
    assert records[0]["notes"] == "Ghi chú\u2028 dòng\ttab" and records[1]["notes"] is None
    assert all("note" not in c["payload"] for c in sent if c["entity"] == "item")  # privacy


def test_the_form_path_writes_the_same_shape(lib: Library) -> None:
    rid = lib.catalog.add_record('Thơ "vui"', authors=["Lê Tre"], year=2019,
                                 notes="dòng 1\ndòng 2")
    item = lib.catalog.add_item(rid, collection="TK", price=12500.5)
    rows = lib.db.conn.execute("SELECT entity, uuid, payload FROM changes ORDER BY seq"
                               ).fetchall()
    record_uuid = lib.catalog.record(rid).uuid
    assert json.loads(rows[0][2]) == _stored_record_payload(lib, record_uuid)
    assert json.loads(rows[1][2]) == _stored_item_payload(lib, item.uuid)
