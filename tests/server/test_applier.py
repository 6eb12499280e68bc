"""The push stores, the applier applies (both backends): what a district admin and a
school see between the two, and what the applier does with what it cannot apply."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, insert, select, text, update
from sync_harness import ISBN_POOL, bearer, change, enrolled_library, record_payload

from server import applier, registry
from server.api import create_app
from server.cli import main
from server.db import alembic_config, make_engine, upgrade, write
from server.models import apply_positions, lib_records, libraries, received_batches
from server.settings import load_settings


def _push(http: Any, token: str, lib: str, from_seq: int, to_seq: int,
          changes: list[dict[str, Any]]) -> Any:
    return http.post("/v1/libraries/A/push", headers=bearer(token),
                     json={"library_uuid": lib, "from_seq": from_seq, "to_seq": to_seq,
                           "changes": changes})


def _server(db_url: str, mode: str, pull_wait: float = 3.0) -> tuple[Any, Any, str]:
    settings = load_settings(db_url, {"THUVIEN_DISTRICT_APPLIER": mode,
                                      "THUVIEN_DISTRICT_PULL_WAIT": str(pull_wait)})
    upgrade(settings)
    engine = make_engine(settings)
    with write(engine) as conn:
        admin = registry.create_admin_token(conn, "tests")
    return create_app(settings, engine), engine, admin


def test_acknowledged_before_applied_and_the_admin_sees_both(
        db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """With no applier running, a push is acknowledged and stored, the union catalog does
    not have it yet and ``libraries`` says so; ``thuvien-district apply`` applies it."""
    app, engine, admin = _server(db_url, "off", pull_wait=0)
    http = TestClient(app)
    district = type("D", (), {"http": http, "admin": admin})()
    try:
        token, lib = enrolled_library(district, "A")
        r = _push(http, token, lib, 0, 2, [
            change(1, "record", "r1", record_payload("Toán 1", isbns=[ISBN_POOL[0]])),
            change(2, "item", "i1", {"record_uuid": "r1", "barcode": "TK.1",
                                     "collection": "TK", "status": "available"})])
        assert r.json() == {"acked_seq": 2, "applied": 2}
        info = http.get("/v1/libraries/A", headers=bearer(token)).json()
        assert (info["acked_seq"], info["applied_seq"]) == (2, 0)
        pulled = http.get("/v1/union/changes", headers=bearer(token)).json()["records"]
        assert pulled == []
        assert main(["--db", db_url, "libraries"]) == 0
        assert "received=2" in capsys.readouterr().out
        assert main(["--db", db_url, "libraries"]) == 0
        listed = capsys.readouterr().out
        assert "applied=0" in listed and "pending: 2" in listed
        assert main(["--db", db_url, "apply"]) == 0
        capsys.readouterr()
        info = http.get("/v1/libraries/A", headers=bearer(token)).json()
        assert (info["acked_seq"], info["applied_seq"]) == (2, 2)
        union = http.get("/v1/union/changes", headers=bearer(token)).json()["records"]
        assert [u["fields"]["title"] for u in union] == ["Toán 1"]
        assert union[0]["holdings"][0]["total"] == 1
    finally:
        http.close()
        engine.dispose()


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_a_school_pulls_its_own_push_right_after_it(db_url: str, mode: str) -> None:
    """With the server's applier running, a pull right after a push already holds the
    pushed record: the pull waits for the school's own changes to be applied."""
    app, engine, admin = _server(db_url, mode)
    try:
        with TestClient(app) as http:  # runs the application's lifespan: its applier
            district = type("D", (), {"http": http, "admin": admin})()
            token, lib = enrolled_library(district, "A")
            for n in range(1, 4):
                r = _push(http, token, lib, n - 1, n,
                          [change(n, "record", f"r{n}", record_payload(f"Địa lí {n}"))])
                assert r.status_code == 200
                union = http.get("/v1/union/changes", headers=bearer(token),
                                 params={"limit": 1000}).json()["records"]
                assert f"Địa lí {n}" in {u["fields"]["title"] for u in union}
    finally:
        engine.dispose()


def test_a_batch_that_cannot_be_applied_is_kept_shown_and_retried(db_url: str) -> None:
    """A stored batch the applier fails on stays stored, its error is shown, later batches
    of that library wait behind it, other libraries go on; once it can be applied it is."""
    app, engine, admin = _server(db_url, "off", pull_wait=0)
    http = TestClient(app)
    district = type("D", (), {"http": http, "admin": admin})()
    try:
        token, lib = enrolled_library(district, "A")
        _push(http, token, lib, 0, 1, [change(1, "record", "r1", record_payload("Sử 1"))])
        with write(engine) as conn:  # damage the stored body (as a bug would)
            conn.execute(update(received_batches).values(body='{"changes": [{"seq": 1}]}'))
        _push(http, token, lib, 1, 2, [change(2, "record", "r2", record_payload("Sử 2"))])
        other, other_lib = enrolled_library(district, "B")
        http.post("/v1/libraries/B/push", headers=bearer(other), json={
            "library_uuid": other_lib, "from_seq": 0, "to_seq": 1,
            "changes": [change(1, "record", "b1", record_payload("Văn 1"))]})
        with pytest.raises(TimeoutError):
            applier.drain(engine, timeout=1)
        info = http.get("/v1/admin/libraries", headers=bearer(admin)).json()
        a, b = info
        assert (a["acked_seq"], a["applied_seq"]) == (2, 0) and "KeyError" in a["apply_error"]
        assert (b["acked_seq"], b["applied_seq"], b["apply_error"]) == (1, 1, None)
        with write(engine) as conn:  # repaired
            conn.execute(update(received_batches).where(received_batches.c.to_seq == 1,
                                                        received_batches.c.library_id == 1)
                         .values(body=json.dumps({"changes": [
                             change(1, "record", "r1", record_payload("Sử 1"))]})))
        applier.drain(engine, timeout=5)
        with engine.connect() as conn:
            titles = sorted(json.loads(f)["title"] for (f,) in conn.execute(
                select(lib_records.c.fields).where(lib_records.c.library_id == 1)))
        assert titles == ["Sử 1", "Sử 2"]
        a = http.get("/v1/libraries/A", headers=bearer(admin)).json()
        assert (a["applied_seq"], a["apply_error"]) == (2, None)
    finally:
        http.close()
        engine.dispose()


def test_a_nul_character_is_refused_at_the_push_on_postgresql(district: Any) -> None:
    """PostgreSQL's JSON cannot hold a NUL: such a batch could never be applied, so the
    push refuses it (422) instead of acknowledging it."""
    token, lib = enrolled_library(district, "A")
    r = district.http.post("/v1/libraries/A/push", headers=bearer(token), json={
        "library_uuid": lib, "from_seq": 0, "to_seq": 1,
        "changes": [change(1, "record", "r1", record_payload("Sách\u0000 lạ"))]})
    if district.settings.is_sqlite:
        assert r.status_code == 200
    else:
        assert r.status_code == 422 and "NUL" in r.text
        info = district.http.get("/v1/libraries/A", headers=bearer(token)).json()
        assert info["acked_seq"] == 0


def test_upgrade_to_0007_marks_what_was_applied_and_downgrade_applies_what_waits(
        db_url: str) -> None:
    """Every batch stored before 0007 was applied by its push: the applied position starts
    at the acknowledged one. A downgrade first applies what is stored and not applied
    (the older code would never apply it)."""
    from alembic import command

    command.upgrade(alembic_config(db_url), "0006")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(insert(libraries).values(id=1, code="A", name="A", type="school",
                                              created_at="2025-10-01T00:00:00.000000Z",
                                              acked_seq=7))
    upgrade(load_settings(db_url))
    with engine.connect() as conn:
        assert conn.execute(select(apply_positions.c.library_id, apply_positions.c.applied_seq)
                            ).all() == [(1, 7)]
    body = json.dumps({"changes": [change(8, "record", "r8", record_payload("Toán 8"))]})
    with engine.begin() as conn:
        conn.execute(insert(received_batches).values(library_id=1, after_seq=7, to_seq=8,
                                                     received_at="x", body=body))
        conn.execute(update(libraries).values(acked_seq=8))
    command.downgrade(alembic_config(db_url), "0006")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(lib_records)).scalar_one() == 1
        assert "apply_positions" not in {r[0] for r in conn.execute(text(
            "SELECT table_name FROM information_schema.tables") if db_url.startswith(
                "postgresql") else text("SELECT name FROM sqlite_master"))}
    engine.dispose()


@pytest.mark.parametrize("number", ["1e400", "-1e400", "1e200000"])
def test_a_number_beyond_what_the_server_can_store_is_refused_at_the_push(
        district: Any, number: str) -> None:
    """A number no double can hold (JSON allows any) would be acknowledged and then stick
    as an apply error for ever, blocking the library's later changes: the push refuses
    it (422) on both backends, and the next good batch goes through and is applied."""
    token, lib = enrolled_library(district, "A")
    payload = json.dumps(record_payload("Sách có giá lạ")).replace(
        '"title"', f'"price": {number}, "title"', 1)
    one = json.dumps(change(1, "record", "r1", {})).replace("{}", payload)
    body = f'{{"library_uuid": "{lib}", "from_seq": 0, "to_seq": 1, "changes": [{one}]}}'
    r = district.http.post("/v1/libraries/A/push", content=body.encode(),
                           headers={**bearer(token), "Content-Type": "application/json"})
    assert r.status_code == 422 and "number" in r.text
    info = district.http.get("/v1/libraries/A", headers=bearer(token)).json()
    assert info["acked_seq"] == 0
    r = _push(district.http, token, lib, 0, 1,
              [change(1, "record", "r1", record_payload("Sách có giá thường"))])
    assert r.json() == {"acked_seq": 1, "applied": 1}
    applier.drain(district.engine, timeout=5)
    info = district.http.get("/v1/libraries/A", headers=bearer(district.admin)).json()
    assert (info["applied_seq"], info["apply_error"]) == (1, None)
