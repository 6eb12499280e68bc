"""The district's union search finds a union record by its year (the pushed one, else its
MARC record's 264/260 $c or 008), its subjects, publisher and series (title and authors
ranked above them, as the desktop ranks its own records), and reads as many words of a
query as the desktop does. Both backends; records come in by the real push path."""

from __future__ import annotations

import json
from typing import Any

from alembic import command
from sqlalchemy import create_engine, inspect, text
from sync_harness import change, enrolled_library, record_payload
from test_union_search import push

from app.catalog.marc.model import Field, MarcRecord
from server import catalog_search
from server.db import alembic_config, read
from tests.support.union_ranking import ORDERS, RECORDS

KIEU_ISBN = "9786049690365"


def marc_dated(year: str, fixed: str | None = None) -> str:
    """A MARC record (storage form) giving its year only in 264 $c (or only in 008)."""
    fields = [Field("245", None, "1", "0", [("a", "Tắt đèn /"), ("c", "Ngô Tất Tố.")])]
    if fixed:
        fields.insert(0, Field("008", fixed))
    else:
        fields.append(Field("264", None, " ", "1", [("a", "H. :"), ("b", "Văn học,"),
                                                     ("c", year)]))
    return MarcRecord("00000nam a2200000 a 4500", fields).to_storage()


def titles(d: Any, query: str) -> list[str]:
    with read(d.engine) as conn:
        return [h["title"] for h in catalog_search.search(conn, query)["hits"]]


def test_year_alone_and_with_an_isbn(district: Any) -> None:
    token, lib = enrolled_library(district, "TH-Y")
    push(district, "TH-Y", token, lib, [
        # The year only in the MARC record the library sent (264 $c "c2019."; 008/07-10).
        change(1, "record", "y1", {**record_payload("Tắt đèn", authors=["Ngô Tất Tố"],
                                                    year=None), "marc": marc_dated("c2019.")}),
        change(2, "record", "y2", {**record_payload("Số đỏ", authors=["Vũ Trọng Phụng"],
                                                    year=None),
                                   "marc": marc_dated("", "250101s2018    vm a          000 0 vie d")}),
        change(3, "record", "y3", record_payload("Truyện Kiều", isbns=[KIEU_ISBN], year=2015)),
        change(4, "record", "y4", record_payload("Đất rừng phương Nam", year=2019))])
    assert titles(district, "year:2019") == ["Đất rừng phương Nam", "Tắt đèn"]
    assert titles(district, "năm:2018") == ["Số đỏ"]
    assert titles(district, "year:2015-2018") == ["Số đỏ", "Truyện Kiều"]
    assert titles(district, "tat den year:2019") == ["Tắt đèn"]
    assert titles(district, "tat den year:2020") == []
    with read(district.engine) as conn:  # the hit shows the year found in the MARC record
        assert catalog_search.search(conn, "tat den")["hits"][0]["year"] == 2019
    # An ISBN with a year: the year narrows it.
    for isbn in (f"isbn:{KIEU_ISBN}", "ISBN 978-604-969-036-5", KIEU_ISBN):
        assert titles(district, f"{isbn} year:2015") == ["Truyện Kiều"], isbn
        assert titles(district, f"{isbn} year:2019") == [], isbn
    assert titles(district, "isbn:978604969 year:2015") == ["Truyện Kiều"]  # being typed
    assert titles(district, "isbn:978604969 year:2016") == []


def test_subjects_publisher_and_series_rank_below_title_and_authors(district: Any) -> None:
    token, lib = enrolled_library(district, "TH-R")
    push(district, "TH-R", token, lib, [
        change(n, "record", f"r{n}", {**record_payload(r["title"], authors=r["authors"],
                                                       year=r["year"]),
                                      "subjects": r.get("subjects", []),
                                      "publisher": r.get("publisher"),
                                      "series": r.get("series")})
        for n, r in enumerate(RECORDS, start=1)])
    wrong = [(query, titles(district, query)) for query, order in ORDERS
             if titles(district, query) != order]
    assert wrong == []


def test_as_many_query_words_as_the_desktop(district: Any) -> None:
    """Two titles that share their first ten words: the eleventh (and the 64th) tells them
    apart, as in the desktop's own search."""
    common = "Tuyển tập đề thi học sinh giỏi môn Toán lớp năm"
    token, lib = enrolled_library(district, "TH-W")
    push(district, "TH-W", token, lib, [
        change(1, "record", "w1", record_payload(f"{common} quận Ba Đình")),
        change(2, "record", "w2", record_payload(f"{common} huyện Sóc Sơn"))])
    assert len(common.split()) == 11
    assert titles(district, f"{common} huyện") == [f"{common} huyện Sóc Sơn"]
    padded = " ".join(f"{common} huyện".split() + ["Bùi"] * 5 + [f"t{n}" for n in range(49)])
    assert titles(district, padded + " sóc") == []  # 63 distinct words: all must match
    many = f"{common} Bùi Mạnh Hùng huyện"  # 15 words, the 15th tells them apart
    assert titles(district, many) == [f"{common} huyện Sóc Sơn"]


def test_migration_0009_fills_year_and_subjects_and_downgrades(db_url: str) -> None:
    cfg = alembic_config(db_url)
    command.upgrade(cfg, "0008")
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:  # what the code of 0008 wrote
            conn.execute(text("INSERT INTO libraries (id, code, name, type, created_at) "
                              "VALUES (1, 'TH-A', 'Trường A', 'school', '2025')"))
            conn.execute(text("INSERT INTO union_clock (id, value) VALUES (1, 5) "
                              "ON CONFLICT (id) DO NOTHING"))
            for uid, fields in ((1, {"title": "Tắt đèn", "authors": ["Ngô Tất Tố"], "year": None,
                                     "subjects": ["Tiểu thuyết hiện thực"],
                                     "marc": marc_dated("2019")}),
                                (2, {"title": "Đất rừng phương Nam", "authors": ["Đoàn Giỏi"],
                                     "year": 2020, "subjects": ["Văn học thiếu nhi"]})):
                conn.execute(text(
                    "INSERT INTO union_records (id, title_key, fields, source_library_id, "
                    "source_uuid, deleted, updated_at, search) VALUES (:id, 'k', :f, 1, :u, "
                    "false, '2025', :s)"), {"id": uid, "f": json.dumps(fields), "u": f"r{uid}",
                                            "s": "x|y"})
        command.upgrade(cfg, "head")
        with engine.connect() as conn:
            found = catalog_search.search(conn, "year:2019")["hits"]
            assert [(h["title"], h["year"]) for h in found] == [("Tắt đèn", 2019)]
            assert [h["id"] for h in catalog_search.search(conn, "hien thuc")["hits"]] == [1]
            assert [h["id"] for h in catalog_search.search(conn, "doan gioi")["hits"]] == [2]
            # The record given a year is in the union feed: the libraries' caches pull it.
            fed = conn.execute(text("SELECT union_id FROM union_feed")).scalars().all()
            assert list(fed) == [1]
        command.downgrade(cfg, "0008")
        assert "year" not in {c["name"] for c in inspect(engine).get_columns("union_records")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT search FROM union_records ORDER BY id")
                                ).scalars().all() == ["tat den|ngo tat to",
                                                      "dat rung phuong nam|doan gioi"]
        command.upgrade(cfg, "head")
    finally:
        engine.dispose()


def test_the_web_page_reads_a_whole_catalogue_card(district: Any) -> None:
    """A description pasted from a catalogue card ends with its ISBN, past the 200
    characters the page used to keep: the ISBN tells two editions apart."""
    token, lib = enrolled_library(district, "TH-K")
    push(district, "TH-K", token, lib, [
        change(1, "record", "k1", record_payload("Truyện Kiều", isbns=[KIEU_ISBN],
                                                 authors=["Nguyễn Du"], year=2015)),
        change(2, "record", "k2", record_payload("Truyện Kiều", isbns=["9786040219251"],
                                                 authors=["Nguyễn Du"], year=2019))])
    card = ("Truyện Kiều / Nguyễn Du. - Tái bản lần thứ 3, có sửa chữa và bổ sung. - H. : "
            "Văn học, 2015. - 200 tr. : minh hoạ ; 21 cm. - (Tủ sách Văn học Việt Nam trong "
            "nhà trường). - Thư mục: tr. 195-198. - ISBN 978-604-969-036-5")
    assert len(card) > 200
    page = district.http.get("/opac", params={"q": card}).text
    assert "Tìm thấy 1 biểu ghi" in page and KIEU_ISBN in page
    assert "9786040219251" not in page
