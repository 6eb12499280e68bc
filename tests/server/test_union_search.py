"""Searching the union catalog on the district server: libraries push their records through
the real push path (HTTP push, then the applier), then the district's search, the
``thuvien-district search`` / ``export-marc`` commands and the public page find them
(both backends)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sync_harness import ISBN_POOL, bearer, change, enrolled_library, record_payload

from app.catalog.isbn import isbn10_check_digit
from server import catalog_search
from server.db import alembic_config, read

TV1_ISBN = ISBN_POOL[5]
TV1_ISBN10 = TV1_ISBN[3:12] + isbn10_check_digit(TV1_ISBN[3:12])


def push(d: Any, code: str, token: str, lib_uuid: str, changes: list[dict[str, Any]],
         after: int = 0) -> None:
    r = d.http.post(f"/v1/libraries/{code}/push", headers=bearer(token),
                    json={"library_uuid": lib_uuid, "from_seq": after,
                          "to_seq": after + len(changes), "changes": changes})
    assert r.status_code == 200, r.text


def item(seq: int, uuid: str, record: str, status: str = "available") -> dict[str, Any]:
    return change(seq, "item", uuid, {"record_uuid": record, "barcode": f"GK.{uuid}",
                                      "collection": "GK", "status": status})


def two_libraries(d: Any) -> None:
    """Library A and B push overlapping catalogs (a title in each tone-placement habit)."""
    ta, ua = enrolled_library(d, "TH-A")
    tb, ub = enrolled_library(d, "TH-B")
    push(d, "TH-A", ta, ua, [
        change(1, "record", "a1", record_payload("Tiếng Việt 1 /", isbns=[TV1_ISBN],
                                                 authors=["Bùi Mạnh Hùng"])),
        change(2, "record", "a2", record_payload("Đất rừng phương Nam", authors=["Đoàn Giỏi"],
                                                 year=2019)),
        change(3, "record", "a3", record_payload("Hoà bình và chiến tranh", authors=["Lép Tôn-xtôi"],
                                                 year=2010)),
        change(4, "record", "a4", record_payload("Luyện viết Tiếng Việt 1", year=2021)),
        item(5, "a1-1", "a1"), item(6, "a1-2", "a1", "on_loan"),
        item(7, "a1-3", "a1", "withdrawn"), item(8, "a1-4", "a1", "lost"),
        item(9, "a2-1", "a2")])
    push(d, "TH-B", tb, ub, [
        # The same book by its ISBN-10: joins A's union record.
        change(1, "record", "b1", record_payload("Tiếng Việt 1", isbns=[TV1_ISBN10])),
        change(2, "record", "b2", record_payload("Kỹ thuật điện", authors=["Trần Văn Thuỷ"],
                                                 year=2018)),
        change(3, "record", "b3", record_payload("Tiếng Việt 1 - Tập hai", year=2022)),
        item(4, "b1-1", "b1", "on_loan"), item(5, "b2-1", "b2"), item(6, "b2-2", "b2")])


def find(d: Any, query: str, limit: int = 20) -> dict[str, Any]:
    with read(d.engine) as conn:
        return catalog_search.search(conn, query, limit=limit)


def titles(d: Any, query: str) -> list[str]:
    return [h["title"] for h in find(d, query)["hits"]]


def test_search_is_vietnamese_aware_and_ranked(district: Any) -> None:
    two_libraries(district)
    assert titles(district, "Tiếng Việt 1") == ["Tiếng Việt 1", "Tiếng Việt 1 - Tập hai",
                                                "Luyện viết Tiếng Việt 1"]
    assert titles(district, "tieng viet 1") == titles(district, "TIẾNG VIỆT 1")
    assert titles(district, "tiếng vi")[:1] == ["Tiếng Việt 1"]  # word prefixes
    assert titles(district, "dat rung") == ["Đất rừng phương Nam"]  # đ→d, no marks
    assert titles(district, "ĐẤT RỪNG PHƯƠNG") == ["Đất rừng phương Nam"]
    assert titles(district, "hòa bình") == ["Hoà bình và chiến tranh"]  # tone placement
    assert titles(district, "kĩ thuật") == ["Kỹ thuật điện"]  # i/y variants
    assert titles(district, "doan gioi") == ["Đất rừng phương Nam"]  # an author's words
    assert titles(district, "thủy") == ["Kỹ thuật điện"]
    assert find(district, "khong co sach nay") == {"total": 0, "total_exact": True, "hits": []}
    assert find(district, "  ,.; ") == {"total": 0, "total_exact": True, "hits": []}
    assert find(district, "tieng viet", limit=1)["total"] == 3


def test_isbn_in_any_form_and_holdings_per_library(district: Any) -> None:
    two_libraries(district)
    hyphenated = f"{TV1_ISBN[:3]}-{TV1_ISBN[3:6]}-{TV1_ISBN[6:12]}-{TV1_ISBN[12]}"
    for query in (TV1_ISBN, TV1_ISBN10, hyphenated):
        result = find(district, query)
        assert result["total"] == 1, query
        [hit] = result["hits"]
        assert hit["title"] == "Tiếng Việt 1" and hit["isbn"] == [TV1_ISBN]
    # A: 4 copies of which one withdrawn and one lost (not counted), one on loan;
    # B: one copy, on loan. Nothing about borrowers.
    assert hit == {"id": hit["id"], "title": "Tiếng Việt 1", "author": "Bùi Mạnh Hùng",
                   "isbn": [TV1_ISBN], "year": 2020, "holdings": [
                       {"library": "TH-A", "name": "Trường TH-A", "copies": 2, "available": 1},
                       {"library": "TH-B", "name": "Trường TH-B", "copies": 1, "available": 0}]}


def test_a_record_renamed_or_deleted_is_searched_as_it_is_now(district: Any) -> None:
    token, lib = enrolled_library(district, "TH-C")
    push(district, "TH-C", token, lib, [change(1, "record", "c1", record_payload("Địa lí 6"))])
    assert titles(district, "dia li") == ["Địa lí 6"]
    push(district, "TH-C", token, lib, [change(2, "record", "c1",
                                               record_payload("Lịch sử 6"), op="update")], 1)
    assert titles(district, "dia li") == [] and titles(district, "lich su") == ["Lịch sử 6"]
    push(district, "TH-C", token, lib, [change(3, "record", "c1", {
        **record_payload("Lịch sử 6"), "deleted": True}, op="delete")], 2)
    assert find(district, "lich su")["total"] == 0


def _cli(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    from server.cli import main

    code = main(["--db", db, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_search_json(district: Any, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    two_libraries(district)
    code, out, _ = _cli(capsys, db_url, "search", "tieng viet 1", "--limit", "2", "--json")
    result = json.loads(out)
    assert code == 0 and result["total"] == 3
    assert [h["title"] for h in result["hits"]] == ["Tiếng Việt 1", "Tiếng Việt 1 - Tập hai"]
    assert set(result["hits"][0]) == {"id", "title", "author", "isbn", "year", "holdings"}
    code, out, _ = _cli(capsys, db_url, "search", "dat rung")
    assert code == 0 and "Đất rừng phương Nam — Đoàn Giỏi (2019)" in out and "TH-A 1/1" in out


@pytest.mark.parametrize("fmt", ["iso2709", "marcxml"])
def test_export_marc_reads_back_in_the_desktop(district: Any, db_url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               fmt: str) -> None:
    from app.catalog.marc import read_marc
    from app.cli import main as thuvien

    two_libraries(district)
    out = tmp_path / f"union.{'mrc' if fmt == 'iso2709' else 'xml'}"
    code, said, err = _cli(capsys, db_url, "export-marc", str(out), "--format", fmt)
    assert code == 0, err
    assert "6" in said and not list(tmp_path.glob("*.part"))
    records = [r for r in read_marc(out) if not hasattr(r, "reason")]
    tv = next(r for r in records if (r.value("245", "a") or "").startswith("Tiếng Việt 1")
              and r.value("020", "a") is not None)
    assert [(f.value("a"), f.value("b"), f.value("z")) for f in tv.get_fields("852")] == [
        ("TH-A", "Trường TH-A", "Số bản: 2; sẵn có: 1"),
        ("TH-B", "Trường TH-B", "Số bản: 1; sẵn có: 0")]
    db = tmp_path / "school.sqlite3"
    assert thuvien(["--db", str(db), "--lang", "en", "import-marc", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] + report["merged"] == 6
    assert thuvien(["--db", str(db), "--lang", "en", "search", "dat rung", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [h["title"] for h in found["hits"]] == ["Đất rừng phương Nam"]
    assert thuvien(["--db", str(db), "--lang", "en", "search", "tieng viet", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 3


def test_the_web_page_finds_and_escapes(district: Any) -> None:
    two_libraries(district)
    token, lib = enrolled_library(district, "TH-X")
    push(district, "TH-X", token, lib, [
        change(1, "record", "x1", record_payload('Bí ẩn <script>alert("x")</script> & co',
                                                 authors=["<b>Tác giả</b>"]))])
    page = district.http.get("/", params={"q": "tieng viet 1"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<html lang="vi">' in html and "Tìm thấy 3 biểu ghi" in html
    assert html.index("Tiếng Việt 1</div>") < html.index("Luyện viết Tiếng Việt 1")
    assert "Trường TH-A (TH-A)" in html and 'value="tieng viet 1"' in html
    assert "<script" not in html.lower()
    english = district.http.get("/opac", params={"q": "hoa binh", "lang": "en"}).text
    assert '<html lang="en">' in english and "1 record found" in english
    assert "Hoà bình và chiến tranh" in english
    bad = district.http.get("/", params={"q": "bi an script"}).text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in bad
    assert "&lt;b&gt;Tác giả&lt;/b&gt;" in bad and "<script" not in bad.lower()
    injected = district.http.get("/", params={"q": '"><script>x</script>'}).text
    assert "<script" not in injected.lower() and "&quot;&gt;&lt;script&gt;" in injected
    empty = district.http.get("/", params={"page": "x", "lang": "zz"})
    assert empty.status_code == 200 and "Tra cứu mục lục liên hợp" in empty.text
    assert district.http.get("/", params={"q": "tieng", "page": "99"}).status_code == 200
    assert "/" not in district.http.get("/openapi.json").json()["paths"]


def test_the_web_page_past_its_last_page_and_odd_characters(district: Any) -> None:
    """An old link or a typed page number past the end showed 'Trang 500' over an empty
    list: the last page is shown. A NUL or other control character in the query was echoed
    into the page; it is dropped."""
    two_libraries(district)
    page = district.http.get("/opac", params={"q": "tieng viet", "page": "99"}).text
    assert "Tìm thấy 3 biểu ghi" in page and "Trang 99" not in page
    assert "Tiếng Việt 1</div>" in page  # the hits of the last (only) page
    odd = district.http.get("/opac", params={"q": "tieng\x00 viet\x0c 1\u200b"})
    assert odd.status_code == 200 and "\x00" not in odd.text and "\x0c" not in odd.text
    assert 'value="tieng viet 1"' in odd.text and "Tìm thấy 3 biểu ghi" in odd.text


def test_the_web_page_can_be_turned_off(db_url: str) -> None:
    from fastapi.testclient import TestClient

    from server.api import create_app
    from server.db import upgrade
    from server.settings import load_settings

    settings = load_settings(db_url, {"THUVIEN_DISTRICT_OPAC": "0",
                                      "THUVIEN_DISTRICT_APPLIER": "off"})
    upgrade(settings)
    with TestClient(create_app(settings)) as http:
        assert http.get("/", params={"q": "x"}).status_code == 404
        assert http.get("/opac").status_code == 404
        assert http.get("/v1/health").status_code == 200


def test_migration_0008_fills_existing_union_records_and_downgrades(db_url: str) -> None:
    cfg = alembic_config(db_url)
    command.upgrade(cfg, "0007")
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:  # what the code of 0007 wrote
            conn.execute(text("INSERT INTO libraries (id, code, name, type, created_at) "
                              "VALUES (1, 'TH-A', 'Trường A', 'school', '2025')"))
            for uid, title, author in ((1, "Tiếng Việt 1 /", "Bùi Mạnh Hùng"),
                                       (2, "Đất rừng phương Nam", "Đoàn Giỏi")):
                fields = {"title": title, "authors": [author], "isbns": [], "year": 2020}
                conn.execute(text(
                    "INSERT INTO union_records (id, title_key, fields, source_library_id, "
                    "source_uuid, deleted, updated_at) VALUES (:id, 'k', :f, 1, :u, false, "
                    "'2025')"), {"id": uid, "f": json.dumps(fields, ensure_ascii=False),
                                 "u": f"r{uid}"})
                conn.execute(text("INSERT INTO lib_records (library_id, uuid, union_id, fields, "
                                  "deleted) VALUES (1, :u, :id, '{}', false)"),
                             {"u": f"r{uid}", "id": uid})
        command.upgrade(cfg, "head")
        with engine.connect() as conn:
            hits = catalog_search.search(conn, "dat rung")["hits"]
            assert [(h["title"], h["holdings"]) for h in hits] == [(
                "Đất rừng phương Nam", [{"library": "TH-A", "name": "Trường A", "copies": 0,
                                        "available": 0}])]
            assert [h["id"] for h in catalog_search.search(conn, "tieng viet")["hits"]] == [1]
        command.downgrade(cfg, "0007")
        columns = {c["name"] for c in inspect(engine).get_columns("union_records")}
        assert "search" not in columns and "fields" in columns
        assert "union_search" not in inspect(engine).get_table_names()
        with engine.begin() as conn:  # 0007's code still writes union records
            conn.execute(text(
                "INSERT INTO union_records (id, title_key, fields, source_library_id, "
                "source_uuid, deleted, updated_at) VALUES (3, 'k', :f, 1, 'r3', false, '2025')"),
                {"f": json.dumps({"title": "Toán 1", "authors": []})})
        command.upgrade(cfg, "head")
        with engine.connect() as conn:
            assert [h["title"] for h in catalog_search.search(conn, "toan")["hits"]] == ["Toán 1"]
    finally:
        engine.dispose()


def test_a_broad_query_still_puts_the_exact_title_first(district: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Past RANK_CAP matches only the first ones are ranked, with the titles beginning
    with the query found through the title index: the exact title still comes first even
    when it was catalogued last (the caps made small here instead of pushing 10,000
    records)."""
    token, lib = enrolled_library(district, "TH-D")
    titles_in_order = ["Vở bài tập Toán 1", "Em học Toán 1", "Toán 10", "Toán 1 nâng cao",
                       "Luyện Toán 1", "Toán 1"]
    push(district, "TH-D", token, lib, [
        change(n, "record", f"d{n}", record_payload(t, year=2000 + n))
        for n, t in enumerate(titles_in_order, start=1)])
    assert titles(district, "toán 1")[:3] == ["Toán 1", "Toán 1 nâng cao", "Toán 10"]
    monkeypatch.setattr(catalog_search, "RANK_CAP", 2)
    monkeypatch.setattr(catalog_search, "COUNT_CAP", 4)
    capped = find(district, "toán 1")
    # The exact title and the one beginning with the query, then two of the first matches.
    assert [h["title"] for h in capped["hits"]][:2] == ["Toán 1", "Toán 1 nâng cao"]
    assert len(capped["hits"]) == 4
    assert (capped["total"], capped["total_exact"]) == (4, False)
    html = district.http.get("/", params={"q": "toan 1"}).text
    assert "Tìm thấy hơn 4 biểu ghi; sau đây là 2 biểu ghi đầu tiên" in html
    assert html.index("Toán 1</div>") < html.index("Toán 1 nâng cao")
