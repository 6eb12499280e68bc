"""ISSNs (MARC 022) and EAN/UPC bar code numbers (024) find their record, on real files of
../shared/data/marc:

* evergreen/oss.marc: serials with 022 $a (1461-7021, Clinical Child Psychology and
  Psychiatry);
* mrrc-testbed/fixtures/bibliographic/sample.mrc: 022 with $a and a wrong ISSN in $y
  (1331-0968 / 1331-081X), 024 EAN-13 of printed music (8594003443121);
* evergreen/RDA/RDA_record_DVD-BLUE-RAY-MOVIE_Pineapple_express.mrc: a 12-digit UPC
  (043396264175).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.library import Library

MARC = Path(__file__).resolve().parents[4] / "shared" / "data" / "marc"
FILES = ("evergreen/oss.marc", "mrrc-testbed/fixtures/bibliographic/sample.mrc",
         "evergreen/RDA/RDA_record_DVD-BLUE-RAY-MOVIE_Pineapple_express.mrc")
SERIAL = "Clinical Child Psychology and Psychiatry"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not MARC.is_dir():
        pytest.fail(f"test data folder missing: {MARC}")
    path = tmp_path_factory.mktemp("codes") / "lib.sqlite3"
    with Library.open(path) as lib:
        for name in FILES:
            lib.catalog.import_marc(MARC / name)
    return path


@pytest.fixture
def lib(library: Path, tmp_path: Path) -> Library:
    """A copy of the imported library for each test (some change it)."""
    shutil.copy(library, tmp_path / "lib.sqlite3")
    return Library.open(tmp_path / "lib.sqlite3")


def titles(lib: Library, query: str) -> list[str]:
    return [h.title for h in lib.catalog.search(query).hits]


@pytest.mark.parametrize("query", ["1461-7021", "14617021", "1461-7021 ", "issn:1461-7021",
                                   "issn:14617021", "ISSN:1461-7021", "146170"])
def test_an_issn_with_or_without_its_hyphen_finds_the_serial(lib: Library, query: str) -> None:
    assert titles(lib, query)[:1] == [SERIAL]


def test_only_the_issn_of_022_a_is_searched(lib: Library) -> None:
    assert titles(lib, "1331-0968")[0].startswith("Izvješće o radu Sveučilišta u Zagrebu")
    assert titles(lib, "1331-081X") == []  # $y: an ISSN printed wrongly, not this serial's
    assert titles(lib, "issn:1461-7022") == []


def test_a_bar_code_number_finds_its_record(lib: Library) -> None:
    assert titles(lib, "8594003443121")[0].startswith("Sonata à 6")
    assert titles(lib, "ean:8594003443121")[0].startswith("Sonata à 6")
    for typed in ("043396264175", "0043396264175", "upc:043396264175", "ean:0043396264175"):
        assert titles(lib, typed) == ["Pineapple express"], typed


def test_a_year_range_is_still_two_words(lib: Library) -> None:
    rid = lib.catalog.add_record("Nhật ký chiến trường 1945-1975")
    assert [h.id for h in lib.catalog.search("1945-1975").hits] == [rid]


def test_the_issn_stays_searchable_after_the_record_and_its_copies_change(
        lib: Library) -> None:
    rid = lib.catalog.search("1461-7021").hits[0].id
    lib.catalog.update_record(rid, "Clinical child psychology", authors=["Ai Đó"])
    lib.catalog.add_item(rid, barcode="TK.09999")
    assert titles(lib, "issn:1461-7021") == ["Clinical child psychology"]
    assert titles(lib, "14617021") == ["Clinical child psychology"]
