"""A library re-sending sequence numbers the server acknowledged, on SQLite and PostgreSQL:
the same changes again are "seen before"; other changes under those numbers (a database
restored from an old backup) are refused with 409 and change nothing. Also: a database
made before the digests and the union feed existed upgrades with its data intact."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import create_engine, insert, select, text
from sync_harness import bearer, enrolled_library, record_payload

from app.sync.protocol import change_digest
from server.db import alembic_config, upgrade
from server.models import libraries, received_changes
from server.settings import load_settings

AT = "2025-10-01T00:00:00.000000Z"


def change(seq: int, uuid: str, title: str, at: str = AT) -> dict[str, Any]:
    payload = record_payload(title)
    return {"seq": seq, "entity": "record", "uuid": uuid, "op": "insert", "payload": payload,
            "at": at, "digest": change_digest("record", uuid, "insert", at, repr(payload))}


def withheld(seq: int, uuid: str, at: str = AT) -> dict[str, Any]:
    return {"seq": seq, "digest": change_digest("patron", uuid, "insert", at, "{}")}


def push(d: Any, token: str, lib: str, from_seq: int, to_seq: int,
         changes: list[dict[str, Any]], kept: list[dict[str, Any]] | None = None) -> Any:
    return d.http.post("/v1/libraries/A/push", headers=bearer(token), json={
        "library_uuid": lib, "from_seq": from_seq, "to_seq": to_seq, "changes": changes,
        "withheld": kept or []})


def stored(d: Any) -> list[tuple[int, str]]:
    with d.engine.connect() as conn:
        return [(r.seq, r.uuid) for r in conn.execute(
            select(received_changes.c.seq, received_changes.c.uuid).order_by(
                received_changes.c.seq))]


def test_same_changes_again_are_seen_before(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    batch = [change(1, "r1", "Toán 1"), change(2, "r2", "Văn 1")]
    assert push(district, token, lib, 0, 3, batch, [withheld(3, "p1")]).json() == {
        "acked_seq": 3, "applied": 2}
    again = push(district, token, lib, 0, 3, batch, [withheld(3, "p1")])
    assert again.status_code == 200 and again.json() == {"acked_seq": 3, "applied": 0}
    assert stored(district) == [(1, "r1"), (2, "r2")]


def test_another_change_under_an_acknowledged_number_is_refused(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    push(district, token, lib, 0, 3, [change(1, "r1", "Toán 1"), change(2, "r2", "Văn 1")],
         [withheld(3, "p1")])
    # Restored from a backup holding only seq 1: seq 2 is now another record.
    reused = push(district, token, lib, 0, 2, [change(1, "r1", "Toán 1"),
                                               change(2, "r9", "Sách mới", at=AT[:-2] + "9Z")])
    assert reused.status_code == 409
    assert reused.json()["acked_seq"] == 3 and reused.json()["reused_seq"] == 2
    assert stored(district) == [(1, "r1"), (2, "r2")]
    # A number the server acknowledged as a change kept at the school, now a sent change.
    clash = push(district, token, lib, 2, 3, [change(3, "r8", "Sách khác", at=AT[:-2] + "8Z")])
    assert clash.status_code == 409 and clash.json()["reused_seq"] == 3
    # A withheld change whose number was a sent one.
    swap = push(district, token, lib, 1, 2, [], [withheld(2, "p2")])
    assert swap.status_code == 409 and swap.json()["reused_seq"] == 2
    # Renumbered past the acknowledged 3, the new record is taken.
    moved = push(district, token, lib, 3, 4, [change(4, "r9", "Sách mới", at=AT[:-2] + "9Z")])
    assert moved.json() == {"acked_seq": 4, "applied": 1}
    assert stored(district) == [(1, "r1"), (2, "r2"), (4, "r9")]


def test_a_number_acknowledged_as_a_gap_is_refused_for_a_new_change(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    push(district, token, lib, 0, 5, [change(1, "r1", "Toán 1")])  # 2..5: no outbox rows
    r = push(district, token, lib, 1, 2, [change(2, "r2", "Văn 1")])
    assert r.status_code == 409 and r.json()["reused_seq"] == 2


def test_numbers_acknowledged_without_digests_are_not_checked(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    old_client = [{k: v for k, v in change(n, f"r{n}", f"Sách {n}").items() if k != "digest"}
                  for n in (1, 2)]
    assert push(district, token, lib, 0, 4, old_client).json()["acked_seq"] == 4
    resend = push(district, token, lib, 0, 4, [change(1, "r1", "Sách 1"),
                                               change(3, "r3", "Sách 3")])
    assert resend.json() == {"acked_seq": 4, "applied": 0}


def test_upgrade_keeps_data_and_marks_old_numbers_unchecked(db_url: str) -> None:
    url = db_url
    command.upgrade(alembic_config(url), "0001")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(insert(libraries).values(id=1, code="A", name="A", type="school",
                                              created_at=AT, acked_seq=42))
        conn.execute(text("INSERT INTO union_records (id, title_key, fields, change_seq, "
                          "updated_at) VALUES (7, 'k', '{}', 5, :at)"), {"at": AT})
    upgrade(load_settings(url))
    with engine.connect() as conn:
        assert conn.execute(select(libraries.c.digest_floor)).scalar_one() == 42
        assert conn.execute(text("SELECT union_id, change_seq FROM union_feed")).all() == [(7, 5)]
    engine.dispose()
