"""For every server route: library A's token is refused on library B's data (or, for the
shared union catalog, sees only counts), and nothing in the database changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select
from starlette.routing import Route
from sync_harness import bearer, change, enrolled_library, record_payload

from server.models import metadata


def snapshot(engine: Any) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {t.name: sorted(tuple(map(str, r)) for r in conn.execute(select(t)))
                for t in metadata.sorted_tables}


@pytest.fixture
def two_libraries(district: Any) -> dict[str, Any]:
    ta, ua = enrolled_library(district, "A")
    tb, ub = enrolled_library(district, "B")
    r = district.http.post("/v1/libraries/B/push", headers=bearer(tb), json={
        "library_uuid": ub, "from_seq": 0, "to_seq": 3, "changes": [
            change(1, "record", "b1", record_payload("Sách của B")),
            change(2, "item", "bi", {"record_uuid": "b1", "barcode": "B.1", "status": "on_loan"}),
            change(3, "loan", "loan-uuid-of-b", {"item_uuid": "bi", "loaned_at": "2025-10-01",
                                     "reader_key": "secret-reader"})]})
    assert r.status_code == 200
    return {"ta": ta, "ua": ua, "tb": tb, "ub": ub}


Case = Callable[[Any, dict[str, Any]], Any]

REFUSED: dict[tuple[str, str], Case] = {
    ("GET", "/v1/libraries/{code}"):
        lambda d, k: d.http.get("/v1/libraries/B", headers=bearer(k["ta"])),
    ("POST", "/v1/libraries/{code}/push"):
        lambda d, k: d.http.post("/v1/libraries/B/push", headers=bearer(k["ta"]), json={
            "library_uuid": k["ub"], "from_seq": 3, "to_seq": 4,
            "changes": [change(4, "record", "b1", record_payload("Sửa trộm"), op="update")]}),
    ("GET", "/v1/libraries/{code}/stats"):
        lambda d, k: d.http.get("/v1/libraries/B/stats", headers=bearer(k["ta"]),
                                params={"month": "2025-10"}),
    ("POST", "/v1/admin/libraries"):
        lambda d, k: d.http.post("/v1/admin/libraries", headers=bearer(k["ta"]),
                                 json={"code": "C", "name": "C", "type": "school"}),
    ("GET", "/v1/admin/libraries"):
        lambda d, k: d.http.get("/v1/admin/libraries", headers=bearer(k["ta"])),
    ("POST", "/v1/admin/libraries/{code}/enrollment"):
        lambda d, k: d.http.post("/v1/admin/libraries/B/enrollment", headers=bearer(k["ta"])),
    # A cannot take over B: B's used code is dead, and A's database cannot enroll as B.
    ("POST", "/v1/enroll"):
        lambda d, k: d.http.post("/v1/enroll", json={"enrollment_code": "AAAA-BBBB-CCCC",
                                                     "library_uuid": k["ua"]}),
}
# The shared union catalog: allowed to every library, but it holds no borrower data.
SHARED: dict[tuple[str, str], Case] = {
    ("GET", "/v1/union/changes"):
        lambda d, k: d.http.get("/v1/union/changes", headers=bearer(k["ta"])),
    ("GET", "/v1/union/records/{union_id}"):
        lambda d, k: d.http.get("/v1/union/records/1", headers=bearer(k["ta"])),
    ("GET", "/v1/health"): lambda d, k: d.http.get("/v1/health"),
}

#: The public search page (plain routes outside the API): no token, the union catalog only.
PAGES: dict[tuple[str, str], Case] = {
    ("GET", "/"): lambda d, k: d.http.get("/", params={"q": "sach cua b"}),
    ("GET", "/opac"): lambda d, k: d.http.get("/opac", params={"q": "Sách của B", "lang": "en"}),
}


def test_every_route_has_a_case(district: Any) -> None:
    routes = {(m, r.path) for r in district.http.app.routes if isinstance(r, APIRoute)
              for m in r.methods}
    assert routes == set(REFUSED) | set(SHARED)
    pages = {(m, r.path) for r in district.http.app.routes
             if isinstance(r, Route) and not isinstance(r, APIRoute) and r.methods
             and not r.path.startswith(("/docs", "/redoc", "/openapi"))
             for m in r.methods - {"HEAD"}}
    assert pages == set(PAGES)


@pytest.mark.parametrize("route", sorted(REFUSED), ids=lambda r: f"{r[0]} {r[1]}")
def test_library_a_is_refused_on_library_b(district: Any, two_libraries: dict[str, Any],
                                           route: tuple[str, str]) -> None:
    before = snapshot(district.engine)
    answer = REFUSED[route](district, two_libraries)
    assert answer.status_code in (401, 403, 404, 409), answer.text
    assert "Sách của B" not in answer.text and "secret-reader" not in answer.text
    assert snapshot(district.engine) == before


def test_push_with_own_path_but_other_database_is_refused(district: Any,
                                                          two_libraries: dict[str, Any]) -> None:
    before = snapshot(district.engine)
    k = two_libraries
    r = district.http.post("/v1/libraries/A/push", headers=bearer(k["ta"]), json={
        "library_uuid": k["ub"], "from_seq": 0, "to_seq": 1,
        "changes": [change(1, "record", "b1", record_payload("Giả mạo"))]})
    assert r.status_code == 409
    assert snapshot(district.engine) == before


@pytest.mark.parametrize("route", sorted(SHARED), ids=lambda r: f"{r[0]} {r[1]}")
def test_shared_routes_show_no_borrower_data(district: Any, two_libraries: dict[str, Any],
                                             route: tuple[str, str]) -> None:
    answer = SHARED[route](district, two_libraries)
    assert answer.status_code == 200
    for secret in ("secret-reader", "loan-uuid-of-b", "patron", "reader_key", "barcode", "B.1"):
        assert secret not in answer.text


@pytest.mark.parametrize("route", sorted(PAGES), ids=lambda r: f"{r[0]} {r[1]}")
def test_the_public_page_shows_the_book_and_no_borrower_data(
        district: Any, two_libraries: dict[str, Any], route: tuple[str, str]) -> None:
    """Library B's book, lent to a reader, is found on the public page with B's copy, and
    nothing of the loan or the reader shows."""
    answer = PAGES[route](district, two_libraries)
    assert answer.status_code == 200 and "Sách của B" in answer.text
    for secret in ("secret-reader", "loan-uuid-of-b", "reader_key", "B.1"):
        assert secret not in answer.text


def test_no_token_and_forged_token_are_refused(district: Any) -> None:
    assert district.http.get("/v1/union/changes").status_code == 401
    assert district.http.get("/v1/union/changes",
                             headers=bearer("tvl_not-a-real-token")).status_code == 401
