"""A library re-sending sequence numbers the server acknowledged, on SQLite and PostgreSQL:
the same changes again are "seen before"; other changes under those numbers (a database
restored from an old backup) are refused with 409 and change nothing. Also: a database
made before the digests and the union feed existed upgrades with its data intact."""

from __future__ import annotations

import json
from typing import Any

from alembic import command
from sqlalchemy import create_engine, insert, select, text
from sync_harness import bearer, enrolled_library, record_payload

from app.sync.protocol import change_digest
from server import received
from server.db import alembic_config, upgrade
from server.models import libraries
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
        lib_id = conn.execute(select(libraries.c.id).where(libraries.c.code == "A")).scalar_one()
        return [(c.seq, c.uuid) for c in received.changes(conn, lib_id)]


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


def test_upgrade_to_one_log_row_per_batch_keeps_every_change_and_digest(db_url: str) -> None:
    """A database of 0004 (one received row per change) upgrades to 0005 (one per batch):
    the same changes read back, resends are checked against the kept digests, and a
    downgrade gives the rows back."""
    from fastapi.testclient import TestClient

    from server import registry
    from server.api import create_app
    from server.db import make_engine, write

    command.upgrade(alembic_config(db_url), "0004")
    engine = create_engine(db_url)
    logged = [  # (seq, received_at, digest): seq 1 from before digests, 4 withheld
        (1, "2025-10-01T00:00:01.000000Z", None),
        (2, "2025-10-01T00:00:02.000000Z", change(2, "r2", "Văn 1")["digest"]),
        (3, "2025-10-01T00:00:02.000000Z", change(3, "r3", "Toán 1")["digest"]),
        (5, "2025-10-01T00:00:03.000000Z", change(5, "r5", "Sử 1")["digest"])]
    titles = {1: "Sách 1", 2: "Văn 1", 3: "Toán 1", 5: "Sử 1"}
    old_rows = [(seq, "record", f"r{seq}", "insert", json.dumps(record_payload(titles[seq]),
                                                                ensure_ascii=False),
                 AT, at, digest) for seq, at, digest in logged]
    with engine.begin() as conn:
        conn.execute(insert(libraries).values(id=1, code="A", name="A", type="school",
                                              created_at=AT, acked_seq=5, digest_floor=1))
        for row in old_rows:
            conn.execute(text(
                "INSERT INTO received_changes (library_id, seq, entity, uuid, op, payload, at, "
                "received_at, digest) VALUES (1, :s, :e, :u, :o, :p, :a, :r, :d)"),
                dict(zip("seuopard", row, strict=True)))
        conn.execute(text("INSERT INTO withheld_changes (library_id, seq, digest) "
                          "VALUES (1, 4, :d)"), {"d": withheld(4, "p4")["digest"]})
    upgrade(load_settings(db_url))
    with engine.connect() as conn:
        back = received.changes(conn, 1)
        assert conn.execute(text("SELECT count(*) FROM received_batches")).scalar_one() == 3
    assert [(c.seq, c.entity, c.uuid, c.op, c.payload, c.at, c.received_at, c.digest)
            for c in back] == [(s, e, u, o, json.loads(p), a, r, d)
                               for s, e, u, o, p, a, r, d in old_rows]

    settings = load_settings(db_url)
    server_engine = make_engine(settings)
    with write(server_engine) as conn:
        code, _ = registry.new_enrollment(conn, "A")
        token, _ = registry.enroll(conn, code, "db-of-a")
    district = type("District", (), {})()
    district.http = TestClient(create_app(settings, server_engine))  # type: ignore[attr-defined]
    try:
        same = [change(2, "r2", "Văn 1"), change(3, "r3", "Toán 1")]
        assert push(district, token, "db-of-a", 1, 4, same, [withheld(4, "p4")]).json() == {
            "acked_seq": 5, "applied": 0}
        other = push(district, token, "db-of-a", 2, 3, [change(3, "r9", "Sách mới")])
        assert other.status_code == 409 and other.json()["reused_seq"] == 3
        gap = push(district, token, "db-of-a", 4, 5, [change(5, "r5", "Sử 2")])
        assert gap.status_code == 409 and gap.json()["reused_seq"] == 5
        assert push(district, token, "db-of-a", 5, 6, [change(6, "r6", "Địa 1")]).json() == {
            "acked_seq": 6, "applied": 1}
    finally:
        district.http.close()  # type: ignore[attr-defined]
        server_engine.dispose()

    command.downgrade(alembic_config(db_url), "0004")
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT seq, entity, uuid, op, payload, at, received_at, digest "
            "FROM received_changes ORDER BY seq")).all()
    engine.dispose()
    assert [(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7]) for r in rows][:4] == [
        (s, e, u, o, json.loads(p), a, r, d) for s, e, u, o, p, a, r, d in old_rows]
    assert [r[0] for r in rows] == [1, 2, 3, 5, 6]
