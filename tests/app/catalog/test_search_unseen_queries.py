"""``thuvien search`` against queries nobody planned for: pasted catalogue descriptions,
punctuation, qualifiers half typed, pasted pages of text, control and non-Latin characters.
Every answer is JSON with a total and hits, never a traceback or a database error."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.library import Library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("unseen") / "school.sqlite3"
    with Library.open(path) as lib:
        add = lib.catalog.add_record
        lib.catalog.add_item(add("Truyện Kiều", authors=["Nguyễn Du"], year=2015,
                                 publisher="Văn học", place="Hà Nội", classification="895.9221"),
                             collection="TK")
        lib.catalog.add_item(add("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2020,
                                 isbns=["978-604-2-09818-2"], publisher="Kim Đồng"),
                             collection="TN")
        add("Đất rừng phương Nam", authors=["Đoàn Giỏi"], year=2018)
        add("Hoà bình và chiến tranh", authors=["Lev Tolstoy"], year=2010)
        add("Title of the year", authors=["Author Unknown"], year=2001)  # qualifier words
    return path


def _search(db: Path, capsys: pytest.CaptureFixture[str], query: str) -> Any:
    code = main(["--db", str(db), "search", query, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, (query, err)
    assert err == ""
    result = json.loads(out)
    assert set(result) == {"total", "hits"} and result["total"] >= len(result["hits"])
    return result


def _titles(db: Path, capsys: pytest.CaptureFixture[str], query: str) -> list[str]:
    return [h["title"] for h in _search(db, capsys, query)["hits"]]


def test_a_pasted_page_of_words_is_searched_not_refused_as_a_database_error(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2,000 words made an FTS5 expression deeper than it takes: "CSDL ... báo lỗi:
    # Expression tree is too large", exit 2, as if the library were damaged.
    assert _titles(library, capsys, "kiều " * 2000) == ["Truyện Kiều"]
    assert _titles(library, capsys, " ".join(f"w{i}" for i in range(3000))) == []
    assert _titles(library, capsys, "truyện kiều " + "x" * 5000) == []


def test_a_qualifier_with_its_value_still_to_come_is_not_a_word(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # While "title:" is being typed the record titled "Title of the year" is not an answer.
    for typed in ("title:", "author:", "year:", "tieude:", "kiều title:"):
        assert "Title of the year" not in _titles(library, capsys, typed), typed
    assert _titles(library, capsys, "kiều title:") == ["Truyện Kiều"]
    # "Nam:" is a word (Việt Nam: ...) unless a year follows.
    assert _titles(library, capsys, "phương Nam:") == ["Đất rừng phương Nam"]


def test_a_year_range_typed_backwards_is_the_same_years(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _titles(library, capsys, "year:2020-2015") == _titles(
        library, capsys, "year:2015-2020") == [
            "Đất rừng phương Nam", "Dế Mèn phiêu lưu ký", "Truyện Kiều"]


def test_an_isbd_description_finds_its_record_by_its_first_area(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _titles(library, capsys, "Truyện Kiều / Nguyễn Du. - H. : Văn học, 2015. - "
                                    "200 tr. ; 21 cm") == ["Truyện Kiều"]
    assert _titles(library, capsys, "Truyện Kiều. — H. : Văn học, 2015") == ["Truyện Kiều"]
    # The ISBN in a later area still narrows the search: a wrong one finds nothing.
    described = "Dế Mèn / Tô Hoài. - H. : Kim Đồng, 2020. - 120 tr. - ISBN {}"
    assert _titles(library, capsys, described.format("978-604-2-09818-2")) == [
        "Dế Mèn phiêu lưu ký"]
    assert _titles(library, capsys, described.format("978-604-1-00000-5")) == []
    # A hyphen between words is not an area separator.
    assert _titles(library, capsys, "Kiều - Nguyễn Du") == ["Truyện Kiều"]


@pytest.mark.parametrize("typed, title", [
    ("Ðất rừng", "Đất rừng phương Nam"),  # U+00D0 (eth) typed for U+0110
    ("ÐOÀN GIỎI", "Đất rừng phương Nam"),
    (unicodedata.normalize("NFD", "Đất rừng"), "Đất rừng phương Nam"),
    ("Đất " + unicodedata.normalize("NFD", "rừng"), "Đất rừng phương Nam"),  # mixed
    ("hòa bình", "Hoà bình và chiến tranh"),  # tone on the other vowel
    ("HOÀ BÌNH", "Hoà bình và chiến tranh"),
    ("\ufeffdế mèn", "Dế Mèn phiêu lưu ký"),  # a byte-order mark pasted in front
    ("dế\u200bmèn", "Dế Mèn phiêu lưu ký"),  # a zero-width space between the words
    ("\u00a0dế\u00a0mèn", "Dế Mèn phiêu lưu ký"),
    ("dế\x00mèn", "Dế Mèn phiêu lưu ký"),
    ("📚 dế mèn", "Dế Mèn phiêu lưu ký"),
    ("«Truyện Kiều»", "Truyện Kiều"),
    ("“Dế Mèn”", "Dế Mèn phiêu lưu ký"),
    ("(Dế Mèn)", "Dế Mèn phiêu lưu ký"),
    ("Dế-Mèn", "Dế Mèn phiêu lưu ký"),
    ("title:dế author:tô", "Dế Mèn phiêu lưu ký"),
    ('title:"dế mèn" author:hoài', "Dế Mèn phiêu lưu ký"),
    ("Title : truyện kiều", "Truyện Kiều"),
    ("phiêu:lưu", "Dế Mèn phiêu lưu ký"),  # an unknown qualifier: both words searched
    ("dế tieude:mèn", "Dế Mèn phiêu lưu ký"),  # a Vietnamese qualifier
])
def test_unusual_spellings_find_the_record(library: Path, capsys: pytest.CaptureFixture[str],
                                           typed: str, title: str) -> None:
    assert _titles(library, capsys, typed)[:1] == [title]


@pytest.mark.parametrize("typed", [
    "", " ", "\t", "\x00", "\x00\x00", "\u200b", "\ufffd", "\U0010ffff", "\u0301", '"', '""',
    '"""', "'", "(", ")", "()", "[", "]", "{}", "*", "**", "^", "+", "-", ":", "::", "\\", "%",
    "_", "NEAR(dế mèn)", "dế OR mèn", "NOT dế", "dế*", "*dế", "dế^2", "- dế", "dế -mèn", "foo:bar",
    "foo:bar dế", "dế foo:mèn", "http://example.com", "C:\\Users\\x.mrc", "isbn:", "isbn:abc",
    "issn:abc", "ean:", "upc:x", "year:abcd", "year:99999", "year:-", "callno:", 'callno:"',
    "title:x author:y", "; DROP TABLE records; --", "dế' OR '1'='1", "và của những", "the",
    "📚", "日本", "Буйда", "한국어", "Ⅻ", "ﬁ", "²", "½", "１２３", "x" * 5000, ". - ", "a. - b",
])
def test_any_query_gets_an_answer(library: Path, capsys: pytest.CaptureFixture[str],
                                  typed: str) -> None:
    _search(library, capsys, typed)
