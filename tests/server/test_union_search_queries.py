"""The district's union catalog search (``thuvien-district search``, the /opac page) reads a
query as the desktop's ``thuvien search`` does (app.catalog.query): full-width letters, an
ISBD description pasted whole, a pasted page of words, qualifiers (bare, reversed year
ranges, unknown ones as words), "Ð" for "Đ". Both backends; records come in by the real push
path."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sync_harness import change, enrolled_library, record_payload
from test_union_search import push

from server import catalog_search
from server.db import read
from tests.support.union_queries import FOUND, KIEU_ISBN, NOTHING, TV1_ISBN


def three_records(d: Any) -> None:
    token, uuid = enrolled_library(d, "TH-Q")
    push(d, "TH-Q", token, uuid, [
        change(1, "record", "q1", record_payload("Truyện Kiều", isbns=[KIEU_ISBN],
                                                 authors=["Nguyễn Du"], year=2015)),
        change(2, "record", "q2", record_payload("Tiếng Việt 1", isbns=[TV1_ISBN])),
        change(3, "record", "q3", record_payload("Đất rừng phương Nam", authors=["Đoàn Giỏi"],
                                                 year=2019))])


def first_titles(d: Any, query: str) -> list[str]:
    with read(d.engine) as conn:
        return [h["title"] for h in catalog_search.search(conn, query)["hits"]][:1]


def test_the_union_search_finds_the_record(district: Any) -> None:
    three_records(district)
    wrong = [(q[:60], first_titles(district, q)) for q, title in FOUND
             if first_titles(district, q) != [title]]
    assert wrong == []
    assert [q[:60] for q in NOTHING if first_titles(district, q)] == []


def test_the_web_page_and_the_cli_answer_every_query(district: Any, db_url: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from server.cli import main

    three_records(district)
    for query, title in FOUND:
        page = district.http.get("/opac", params={"q": query})
        assert page.status_code == 200, query[:60]
        assert title in page.text, query[:60]  # a 2,000-word paste is cut to its first words
    for query in NOTHING:
        page = district.http.get("/opac", params={"q": query})
        assert page.status_code == 200 and "Không tìm thấy" in page.text, query[:60]
    for query, title in FOUND[:4]:
        capsys.readouterr()
        assert main(["--db", db_url, "search", query, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["hits"][0]["title"] == title
