"""The district server's behaviour through its HTTP API (in-process), on SQLite and
PostgreSQL: enrollment, idempotent pushes, the union catalog, pulls and statistics."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.pool import NullPool
from sync_harness import ISBN_POOL, bearer, change, enrolled_library, record_payload

from server import push_pg, received
from server.models import libraries
from server.security import hash_secret


def push(d: Any, code: str, token: str, lib_uuid: str, from_seq: int, to_seq: int,
         changes: list[dict[str, Any]]) -> Any:
    return d.http.post(f"/v1/libraries/{code}/push", headers=bearer(token),
                       json={"library_uuid": lib_uuid, "from_seq": from_seq, "to_seq": to_seq,
                             "changes": changes})


def all_union(d: Any, token: str) -> list[dict[str, Any]]:
    r = d.http.get("/v1/union/changes", headers=bearer(token), params={"limit": 1000})
    assert r.status_code == 200
    return list(r.json()["records"])


def test_enrollment_code_is_one_time_and_token_is_stored_hashed(district: Any) -> None:
    r = district.http.post("/v1/admin/libraries", headers=bearer(district.admin),
                           json={"code": "TH-01", "name": "TH Kim Đồng", "type": "school"})
    code = r.json()["enrollment_code"]
    first = district.http.post("/v1/enroll", json={"enrollment_code": code.lower(),
                                                   "library_uuid": "db-1"})
    assert first.status_code == 200
    again = district.http.post("/v1/enroll", json={"enrollment_code": code,
                                                   "library_uuid": "db-1"})
    assert again.status_code == 403
    token = first.json()["token"]
    with district.engine.connect() as conn:
        row = conn.execute(select(libraries).where(libraries.c.code == "TH-01")).one()
        dump = json.dumps([str(v) for v in row])
    assert token not in dump and row.token_hash == hash_secret(token)
    assert row.enroll_code_hash is None


def test_library_token_cannot_use_admin_routes(district: Any) -> None:
    token, _ = enrolled_library(district, "A")
    r = district.http.post("/v1/admin/libraries", headers=bearer(token),
                           json={"code": "X", "name": "X", "type": "commune"})
    assert r.status_code == 403
    assert district.http.get("/v1/admin/libraries", headers=bearer("tvl_forged")).status_code == 401


def test_push_is_idempotent_and_resumable(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    batch = [change(1, "record", "r1", record_payload("Toán 1")),
             change(3, "item", "i1", {"record_uuid": "r1", "barcode": "TK.1", "collection": "TK",
                                      "status": "available"})]
    first = push(district, "A", token, lib, 0, 4, batch)
    assert first.json() == {"acked_seq": 4, "applied": 2}
    again = push(district, "A", token, lib, 0, 4, batch)
    assert again.json() == {"acked_seq": 4, "applied": 0}
    gap = push(district, "A", token, lib, 9, 12, [])
    assert gap.status_code == 409 and gap.json()["acked_seq"] == 4
    overlap = push(district, "A", token, lib, 2, 6, [batch[1], change(5, "record", "r2",
                                                                      record_payload("Văn 1"))])
    assert overlap.json() == {"acked_seq": 6, "applied": 1}
    with district.engine.connect() as conn:
        lib_id = conn.execute(select(libraries.c.id).where(libraries.c.code == "A")).scalar_one()
        seqs = [c.seq for c in received.changes(conn, lib_id)]
    assert seqs == [1, 3, 5]


def test_batch_from_another_database_is_refused(district: Any) -> None:
    token, _ = enrolled_library(district, "A")
    r = push(district, "A", token, "some-other-db", 0, 1,
             [change(1, "record", "r1", record_payload("X"))])
    assert r.status_code == 409
    assert all_union(district, token) == []


def test_malformed_batch_changes_nothing(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    r = push(district, "A", token, lib, 0, 3, [change(2, "record", "r1", record_payload("X")),
                                               change(1, "record", "r2", record_payload("Y"))])
    assert r.status_code == 422
    assert district.http.get("/v1/libraries/A", headers=bearer(token)).json()["acked_seq"] == 0


def test_failed_batch_is_rolled_back_whole(district: Any) -> None:
    from server.db import write
    from server.push import store_batch

    token, lib = enrolled_library(district, "A")
    with district.engine.connect() as conn:
        lib_id = conn.execute(select(libraries.c.id).where(libraries.c.code == "A")).scalar_one()

    def power_cut() -> None:
        raise RuntimeError("power cut")

    try:
        with write(district.engine) as conn:
            store_batch(conn, lib_id, 0, 2, [change(1, "record", "r1", record_payload("X")),
                                             change(2, "record", "r2", record_payload("Y"))],
                        before_commit=power_cut)
    except RuntimeError:
        pass
    with district.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM received_batches")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM lib_records")).scalar_one() == 0
    assert all_union(district, token) == []


def test_record_columns_from_odd_values_are_the_same_on_both_backends(district: Any) -> None:
    """A record's deleted flag, time and union link come out of its merged state alike on
    SQLite (Python) and PostgreSQL (the database merges the batch's JSON): Python's truth
    for ``deleted``, non-strings as JSON, cut to the column, live records linked."""
    from server.models import lib_records

    token, lib = enrolled_library(district, "A")
    odd: list[tuple[Any, Any]] = [  # (deleted, updated_at)
        ("yes", 20251001), (0, "x" * 50), ("", {"a": 1}), ([], 1.5), ({}, True), (1, None),
        ("0", "2025-10-01T00:00:00Z"), ([0], [1, "b"]), (None, ""), (False, "ngày mới")]
    first = [change(n + 1, "record", f"r{n}", {**record_payload(f"Sách {n}"), "deleted": d,
                                                "updated_at": u})
             for n, (d, u) in enumerate(odd)]
    assert push(district, "A", token, lib, 0, len(first), first).status_code == 200
    # A second batch merges into the stored states (and one record twice in the batch).
    more = [change(11, "record", "r0", {"deleted": False}, op="update"),
            change(12, "record", "r1", {"title": "Sách 1b"}, op="delete"),
            change(13, "record", "r2", {"deleted": 2, "updated_at": 7}, op="update"),
            change(14, "record", "r2", {"deleted": 0}, op="update")]
    assert push(district, "A", token, lib, 10, 14, more).status_code == 200
    with district.engine.connect() as conn:
        rows = {r.uuid: r for r in conn.execute(select(
            lib_records.c.uuid, lib_records.c.deleted, lib_records.c.updated_at,
            lib_records.c.union_id, lib_records.c.fields))}
    got = {u: (bool(r.deleted), r.updated_at, r.union_id is not None) for u, r in rows.items()}
    assert got == {
        "r0": (False, "20251001", True), "r1": (True, "x" * 40, False),
        "r2": (False, "7", True), "r3": (False, "1.5", True), "r4": (False, "true", True),
        "r5": (True, None, False), "r6": (True, "2025-10-01T00:00:00Z", False),
        "r7": (True, '[1, "b"]', False), "r8": (False, "", True),
        "r9": (False, "ngày mới", True)}
    assert json.loads(rows["r1"].fields) == {**record_payload("Sách 1b"), "uuid": "r1",
                                             "deleted": True, "updated_at": "x" * 50}
    assert json.loads(rows["r2"].fields)["deleted"] == 0


def test_union_merges_by_isbn_and_by_folded_title_author_year(district: Any) -> None:
    ta, ua = enrolled_library(district, "A")
    tb, ub = enrolled_library(district, "B")
    isbn = ISBN_POOL[3]
    push(district, "A", ta, ua, 0, 3, [
        change(1, "record", "a1", record_payload("Tiếng Việt 1", isbns=[isbn])),
        change(2, "record", "a2", record_payload("Truyện Kiều", authors=["Nguyễn Du"],
                                                 year=2015)),
        change(3, "item", "ai1", {"record_uuid": "a1", "barcode": "GK.1", "collection": "GK",
                                  "status": "available"})])
    push(district, "B", tb, ub, 0, 5, [
        # Same ISBN written with hyphens, different title spelling.
        change(1, "record", "b1", record_payload("Tiếng Việt lớp 1", isbns=[
            f"{isbn[:3]}-{isbn[3:6]}-{isbn[6:]}"])),
        # No ISBN: same title/author/year in the other tone-placement habit and case.
        change(2, "record", "b2", record_payload("TRUYỆN KIỀU", authors=["nguyễn du"],
                                                 year=2015)),
        # Same title, different year: another edition, another union record.
        change(3, "record", "b3", record_payload("Truyện Kiều", authors=["Nguyễn Du"],
                                                 year=2019)),
        change(4, "item", "bi1", {"record_uuid": "b1", "barcode": "GK.7", "collection": "GK",
                                  "status": "on_loan"}),
        change(5, "item", "bi2", {"record_uuid": "b1", "barcode": "GK.8", "collection": "GK",
                                  "status": "available"})])
    records = all_union(district, ta)
    assert len(records) == 3
    union = {(r["fields"]["title"], r["fields"]["year"]): r for r in records}
    tv = union[("Tiếng Việt 1", 2020)]
    assert tv["holdings"] == [
        {"library_code": "A", "library_name": "Trường A", "total": 1, "available": 1},
        {"library_code": "B", "library_name": "Trường B", "total": 2, "available": 1}]
    assert {h["library_code"] for h in union[("Truyện Kiều", 2015)]["holdings"]} == {"A", "B"}
    assert {h["library_code"] for h in union[("Truyện Kiều", 2019)]["holdings"]} == {"B"}


def test_deleted_records_leave_the_union_catalog(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    push(district, "A", token, lib, 0, 1, [change(1, "record", "r1", record_payload("Địa lí 6"))])
    cursor = district.http.get("/v1/union/changes", headers=bearer(token)).json()["next_cursor"]
    push(district, "A", token, lib, 1, 2, [change(2, "record", "r1",
                                                  {**record_payload("Địa lí 6"), "deleted": True},
                                                  op="delete")])
    page = district.http.get("/v1/union/changes", headers=bearer(token),
                             params={"cursor": cursor}).json()
    assert [(r["deleted"], r["holdings"]) for r in page["records"]] == [(True, [])]


def test_pull_pages_through_every_change_once(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    for n in range(5):
        push(district, "A", token, lib, n * 10, n * 10 + 10, [
            change(n * 10 + k + 1, "record", f"r{n}-{k}", record_payload(f"Sách {n}-{k}"))
            for k in range(10)])
    seen: list[int] = []
    cursor = ""
    while True:
        page = district.http.get("/v1/union/changes", headers=bearer(token),
                                 params={"cursor": cursor, "limit": 7}).json()
        seen += [r["id"] for r in page["records"]]
        cursor = page["next_cursor"]
        if not page["more"]:
            break
    assert len(seen) == 50 and len(set(seen)) == 50


def test_monthly_statistics_from_anonymised_loans(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    items = [change(n + 1, "item", f"i{n}", {"record_uuid": "r", "barcode": f"TK.{n}",
                                             "collection": "TK" if n < 3 else "GK",
                                             "status": "available", "acquired_on": "2025-09-01"})
             for n in range(5)]
    loans = [change(10 + n, "loan", f"l{n}", {"item_uuid": f"i{n}", "reader_key": key,
                                              "loaned_at": f"2025-10-0{n + 1}T01:00:00Z",
                                              "patron_category": "student"})
             for n, key in enumerate(["k1", "k1", "k2", None])]
    visits = [change(20, "visit", "v1", {"day": "2025-10-05", "count": 3})]
    push(district, "A", token, lib, 0, 20, items + loans + visits)
    stats = district.http.get("/v1/libraries/A/stats", headers=bearer(token),
                              params={"month": "2025-10"}).json()
    assert stats == {"library_code": "A", "month": "2025-10", "collection": {"GK": 2, "TK": 3},
                     "loans": 4, "active_readers": 2, "visits": 3}
    before = district.http.get("/v1/libraries/A/stats", headers=bearer(district.admin),
                               params={"month": "2025-08"}).json()
    assert before["collection"] == {} and before["loans"] == 0


def test_a_month_is_the_library_month_in_vietnam(district: Any) -> None:
    token, lib = enrolled_library(district, "A")
    loans = [change(n + 1, "loan", f"l{n}", {"item_uuid": f"i{n}", "loaned_at": at,
                                             "patron_category": "student"})
             for n, at in enumerate(["2025-09-30T16:59:00Z",     # 23:59 on 30 Sep in Vietnam
                                     "2025-09-30T17:00:00Z",     # 00:00 on 1 Oct
                                     "2025-10-31T16:30:00.000000Z",  # 23:30 on 31 Oct
                                     "2025-10-31T23:30:00.000000Z"])]  # 06:30 on 1 Nov
    push(district, "A", token, lib, 0, 4, loans)
    counts = {month: district.http.get("/v1/libraries/A/stats", headers=bearer(token),
                                       params={"month": month}).json()["loans"]
              for month in ("2025-09", "2025-10", "2025-11")}
    assert counts == {"2025-09": 1, "2025-10": 2, "2025-11": 1}
    for month in ("0000-01", "9999-12"):  # the first and last months the pattern admits
        edge = district.http.get("/v1/libraries/A/stats", headers=bearer(token),
                                 params={"month": month})
        assert edge.status_code == 200 and edge.json()["loans"] == 0


def test_cursor_beyond_a_database_integer_is_refused(district: Any) -> None:
    token, _ = enrolled_library(district, "A")
    r = district.http.get("/v1/union/changes", headers=bearer(token),
                          params={"cursor": "0.10000000000000000000"})
    assert r.status_code == 422


def test_generic_plan_of_the_batch_statement_probes_copies_by_primary_key(district: Any
                                                                         ) -> None:
    """PostgreSQL keeps a generic plan of the batch statement (psycopg prepares it from its
    sixth run on a connection), made from the statistics of that moment. Made on empty
    tables, it must still find a copy's stored row by (library, uuid): through another
    index led by the library it read all of the library's copies for each copy of a batch
    (migration 0006)."""
    if district.settings.is_sqlite:
        pytest.skip("PostgreSQL only")
    sql = push_pg._APPLY
    for n, name in enumerate(("lib", "bodies", "afters", "tos", "rec_uuids", "rec_unions")):
        sql = sql.replace(f"%({name})s", f"${n + 1}")
    engine = create_engine(district.settings.database_url, poolclass=NullPool)
    with engine.connect() as conn:
        conn.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
        conn.exec_driver_sql("PREPARE batch(integer, text, bigint[], bigint[], text[], "
                             "bigint[]) AS " + sql)
        plan = "\n".join(str(r[0]) for r in conn.exec_driver_sql(
            "EXPLAIN EXECUTE batch(1, '[{\"changes\": []}]', ARRAY[0], ARRAY[1], '{}', '{}')"))
    engine.dispose()
    assert "Index Scan using lib_items_pkey on lib_items" in plan
    assert "lib_items_record" not in plan


def test_the_union_refresh_is_planned_for_each_run(district: Any) -> None:
    """PostgreSQL: refreshing union records from their source library's records is never a
    prepared statement on a connection (a generic plan made while union_records was small
    joined it by a sequential scan, 4 ms per batch at 16 000 union records and growing);
    the push's small statements still are (from their sixth run)."""
    if district.settings.is_sqlite:
        pytest.skip("PostgreSQL only")
    token, lib = enrolled_library(district, "A")
    assert push(district, "A", token, lib, 0, 1, [
        change(1, "record", "r1", record_payload("Toán 1"))]).status_code == 200
    for seq in range(2, 10):  # the library edits its record: the union record follows it
        r = push(district, "A", token, lib, seq - 1, seq, [
            change(seq, "record", "r1", {"publisher": f"NXB {seq}"}, op="update")])
        assert r.json() == {"acked_seq": seq, "applied": 1}
    assert all_union(district, token)[0]["fields"]["publisher"] == "NXB 9"
    with district.engine.connect() as conn:
        prepared = [s for (s,) in conn.execute(text("SELECT statement FROM pg_prepared_statements"))]
    assert any("FOR UPDATE" in s for s in prepared)  # the push's connection, used 9 times
    assert not any("UPDATE union_records AS u" in s for s in prepared)
