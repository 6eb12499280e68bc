"""Accession numbers and full-width text typed the way librarians and their keyboards type
them, through ``thuvien search`` on a real library file.

An accession number (số ĐKCB) is the collection's prefix, a separator and a zero-padded
number (``TK.00001``, see app.catalog.accession). Read loosely means: whole query = the
prefix's letters + exactly the scheme's width of digits, whatever stands between them and in
whatever case or width the characters are. No title word looks like that, so the tests also
check that ordinary queries with a collection's letters or short numbers are left alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.library import Library

ROOT = Path(__file__).resolve().parents[3]


def _search(db: Path, capsys: pytest.CaptureFixture[str], query: str) -> Any:
    code = main(["--db", str(db), "search", query, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def _titles(db: Path, capsys: pytest.CaptureFixture[str], query: str) -> list[str]:
    return [hit["title"] for hit in _search(db, capsys, query)["hits"]]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "school.sqlite3"
    with Library.open(path) as lib:
        add = lib.catalog.add_record
        lib.catalog.add_item(add("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2020),
                             collection="TK")  # TK.00001
        lib.catalog.add_item(add("Toán 12", authors=["Trần Văn Hạo"], year=2021),
                             collection="GK")  # GK.00001
        lib.catalog.add_item(add("Truyện Kiều", authors=["Nguyễn Du"]), collection="TK")  # TK.00002
        lib.catalog.add_item(add("Tuyển tập STK", authors=["Vô danh"]),
                             barcode="STK.00012")  # a collection with no scheme of its own
        add("Sổ tay ＴＫ kỹ thuật")  # stored with full-width letters (pasted from a PDF)
    return path


@pytest.mark.parametrize("typed", [
    "TK.00001",  # as printed on the label
    "tk.00001",  # lower case
    "TK00001",  # without the dot
    "tk00001",
    "TK 00001",  # a space instead of the dot
    "tk - 00001",
    " TK.00001 ",
    "ＴＫ．００００１",  # full-width, as some Windows input methods type
    "ＴＫ００００１",
])
def test_an_accession_number_typed_loosely_finds_its_record(
        library: Path, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    result = _search(library, capsys, typed)
    assert [h["title"] for h in result["hits"]][:1] == ["Dế Mèn phiêu lưu ký"], typed
    assert result["hits"][0]["items"][0]["barcode"] == "TK.00001"


def test_a_collection_without_a_scheme_uses_code_dot_five_digits(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _titles(library, capsys, "stk00012")[:1] == ["Tuyển tập STK"]


def test_a_library_scheme_of_its_own_is_followed(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(library) as lib:
        lib.settings.set("accession_schemes", {"NV": {"prefix": "NV-", "width": 6}})
        lib.catalog.add_item(lib.catalog.add_record("Nghiệp vụ thư viện"), collection="NV")
        assert lib.catalog.items_of(6)[0].barcode == "NV-000001"
    assert _titles(library, capsys, "nv000001") == ["Nghiệp vụ thư viện"]
    assert _titles(library, capsys, "NV.000001") == ["Nghiệp vụ thư viện"]
    # Its width is six: five digits are not one of its numbers.
    assert _titles(library, capsys, "NV00001") == []


def test_words_and_short_numbers_are_not_taken_for_accession_numbers(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "Toán 12": letters then digits, but two digits are not a five-digit accession number;
    # the record is found by its words only.
    assert _titles(library, capsys, "Toán 12") == ["Toán 12"]
    # "GK1" / "TK 1": too few digits for the scheme, nothing is pinned to GK.00001/TK.00001.
    assert _titles(library, capsys, "GK1") == []
    assert _titles(library, capsys, "TK 1") == []
    # Six digits under a five-digit scheme, or letters after the number: not the copy.
    assert _titles(library, capsys, "TK000001") == []
    assert _titles(library, capsys, "TK00001A") == []
    # An accession number inside a longer query is a word like the others.
    assert _titles(library, capsys, "Kiều TK00001") == []


def test_full_width_words_find_plain_text_and_plain_words_still_find_full_width_text(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _titles(library, capsys, "Ｔｒｕｙệｎ Ｋｉềｕ") == ["Truyện Kiều"]
    assert _titles(library, capsys, "ｔｏａｎ １２") == ["Toán 12"]
    # A title stored with full-width letters is still found when pasted as it is.
    assert _titles(library, capsys, "Sổ tay ＴＫ") == ["Sổ tay ＴＫ kỹ thuật"]


def test_full_width_accession_number_through_the_console_command(library: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", str(library), "search", "ｔｋ００００２",
         "--json"], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
        check=False)
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)["hits"]
    assert [h["title"] for h in hits] == ["Truyện Kiều"]
