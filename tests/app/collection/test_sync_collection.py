"""Stocktakes and write-off records stay at the school: a real district server on loopback
acknowledges the whole outbox (their rows are withheld, not refused) and stores none of them,
while the copies' new statuses (lost, withdrawn) reach it as usual."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.library import Library
from server.models import metadata
from tests.support.district import District


@pytest.fixture
def district(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[District]:
    monkeypatch.setenv("THUVIEN_NO_KEYRING", "1")
    monkeypatch.setenv("THUVIEN_TOKEN_DIR", str(tmp_path / "tokens"))
    (tmp_path / "district").mkdir()
    served = District(tmp_path / "district")
    yield served
    served.stop()


def test_collection_records_are_withheld_and_the_push_completes(tmp_path: Path,
                                                                 district: District) -> None:
    with Library.open(tmp_path / "school.sqlite3") as lib:
        lib.sync.enroll(district.url, district.add_library("TH-KK"))
        record = lib.catalog.add_record("Tiếng Việt 1", authors=["Bùi Mạnh Hùng"])
        codes = [lib.catalog.add_item(record, collection="GK").barcode for _ in range(4)]
        lib.collection.start_stocktake(collections=["GK"])
        lib.collection.scan(codes[0])
        lib.collection.scan(codes[1])
        lib.collection.close_stocktake(mark_lost=True)
        lost = lib.catalog.item_by_barcode(codes[2])
        lib.collection.create_writeoff("BB-KK-7", "lost", [lost.id],
                                       approved_by="Hiệu trưởng Trần Văn Bình")
        report = lib.sync.sync_now()
        assert lib.sync.status().pending == 0
        assert report.acked_seq == lib.db.conn.execute("SELECT max(seq) FROM changes"
                                                       ).fetchone()[0]
        stocktake_uuid = lib.db.conn.execute("SELECT uuid FROM stocktakes").fetchone()[0]
    with district.engine.connect() as conn:
        stored = "\n".join(repr(tuple(row)) for table in metadata.sorted_tables
                           for row in conn.execute(select(table)))
    assert "BB-KK-7" not in stored and "Trần Văn Bình" not in stored
    assert stocktake_uuid not in stored
    assert "withdrawn" in stored and "lost" in stored  # codes[2] withdrawn, codes[3] lost
