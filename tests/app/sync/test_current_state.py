"""Imported records and copies are in the outbox as "their current state" (no second copy
of each row): pushed to a real district server on loopback, the district gets the rows as
they are when sent, a resend after an edit is still the same change, and outboxes holding
both stored payloads and current-state rows push together."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.library import Library
from app.sync import batch, state
from app.sync.client import SyncClient
from server import received
from server.models import lib_items, lib_records, libraries


def _import(lib: Library, tmp_path: Path, n: int = 3) -> None:
    entries = [(MarcRecord("00000nam a2200000 a 4500", [
        Field("001", f"CS{k:03d}"), Field("003", "VN-T"),
        Field("245", None, "1", "0", [("a", f"Dế Mèn phiêu lưu ký {k} /")])]),
        [ItemData(barcode=f"TK.{k:05d}", collection="TK", note="để ở tủ kính")])
        for k in range(1, n + 1)]
    path = tmp_path / "import.mrc"
    with path.open("wb") as out:
        write_iso2709(entries, out)
    assert lib.catalog.import_marc(path).imported == n


def _push(lib: Library, client: SyncClient, size: int = 500, record: bool = True) -> int:
    """Push the outbox batch by batch, building each batch with the library's connection;
    with *record* False the acknowledgement is not kept (the client "dies")."""
    conn = lib.db.conn
    acked = start = state.acked_seq(conn)
    while True:
        rows = conn.execute("SELECT seq, entity, uuid, op, payload, at FROM changes "
                            "WHERE seq > ? ORDER BY seq LIMIT ?", (acked, size)).fetchall()
        if not rows:
            return acked - start
        acked = client.send_batch(acked, batch.build(acked, rows, "none", "s", conn))
        if not record:
            return acked - start
        state.set_acked_seq(lib.db, acked)


def _district_rows(district: Any, code: str) -> tuple[dict[str, Any], dict[str, Any], list[int]]:
    district.wait_applied()
    with district.engine.connect() as conn:
        lib_id = conn.execute(select(libraries.c.id).where(libraries.c.code == code)
                              ).scalar_one()
        records = {r.uuid: json.loads(r.fields) for r in conn.execute(
            select(lib_records.c.uuid, lib_records.c.fields)
            .where(lib_records.c.library_id == lib_id))}
        items = {r.uuid: json.loads(r.fields) for r in conn.execute(
            select(lib_items.c.uuid, lib_items.c.fields).where(lib_items.c.library_id == lib_id))}
        seqs = [c.seq for c in received.changes(conn, lib_id)]
    return records, items, seqs


def test_imported_records_and_copies_reach_the_district(enrolled: Library, district: Any,
                                                         tmp_path: Path) -> None:
    _import(enrolled, tmp_path)
    client = SyncClient(enrolled.path)
    try:
        assert _push(enrolled, client) == 6
    finally:
        client.close()
    records, items, seqs = _district_rows(district, enrolled.code)
    assert sorted(r["title"] for r in records.values()) == [
        f"Dế Mèn phiêu lưu ký {k}" for k in (1, 2, 3)]
    assert all(r["marc"].startswith('["') and r["deleted"] is False for r in records.values())
    assert {i["record_uuid"] for i in items.values()} == set(records)
    assert sorted(i["barcode"] for i in items.values()) == ["TK.00001", "TK.00002", "TK.00003"]
    assert all("note" not in i for i in items.values())  # item notes stay at the school
    assert seqs == list(range(1, 7))


def test_a_resend_after_an_edit_is_the_same_change(enrolled: Library, district: Any,
                                                   tmp_path: Path) -> None:
    _import(enrolled, tmp_path)
    client = SyncClient(enrolled.path)
    try:
        assert _push(enrolled, client, record=False) == 6  # sent; the answer was lost
        rid = enrolled.db.conn.execute("SELECT min(id) FROM records").fetchone()[0]
        enrolled.catalog.update_record(rid, "Dế Mèn (bản sửa)")
        assert _push(enrolled, client) == 7  # no "number reused": the same 6, then the edit
    finally:
        client.close()
    records, _items, seqs = _district_rows(district, enrolled.code)
    assert seqs == list(range(1, 8))
    assert "Dế Mèn (bản sửa)" in {r["title"] for r in records.values()}


def test_stored_payloads_and_current_state_rows_push_together(enrolled: Library,
                                                              district: Any,
                                                              tmp_path: Path) -> None:
    rid = enrolled.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2019)
    enrolled.catalog.add_item(rid, collection="GK")
    _import(enrolled, tmp_path)
    kinds = [bool(p) for (p,) in enrolled.db.conn.execute(
        "SELECT payload FROM changes ORDER BY seq")]
    assert kinds == [True, True] + [False] * 6
    client = SyncClient(enrolled.path)
    try:
        assert _push(enrolled, client, size=5) == 8  # batches mixing both forms
    finally:
        client.close()
    records, items, _seqs = _district_rows(district, enrolled.code)
    assert len(records) == 4 and len(items) == 4
    assert "Tắt đèn" in {r["title"] for r in records.values()}


def test_a_copy_deleted_before_the_push_arrives_deleted(enrolled: Library, district: Any,
                                                        tmp_path: Path) -> None:
    _import(enrolled, tmp_path, n=1)
    enrolled.db.conn.execute("UPDATE items SET deleted = 1")  # a soft delete after the import
    client = SyncClient(enrolled.path)
    try:
        _push(enrolled, client)
    finally:
        client.close()
    _records, items, _seqs = _district_rows(district, enrolled.code)
    assert [i["deleted"] for i in items.values()] == [True]


def test_the_sync_client_pushes_an_imported_catalog(enrolled: Library, district: Any,
                                                    tmp_path: Path) -> None:
    _import(enrolled, tmp_path)
    assert enrolled.sync.sync_now().acked_seq == 6
