"""The start of an ISSN typed with its hyphen finds the records whose ISSN begins so, bare or
under ``isbn:``/``issn:``, as a partial ISBN does (real serial: evergreen/oss.marc, 022 $a
1461-7021; a Vietnamese serial made here, 022 $a 0866-8000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog.marc import Field, MarcRecord, write_iso2709
from app.library import Library

MARC = Path(__file__).resolve().parents[4] / "shared" / "data" / "marc"
SERIAL = "Clinical Child Psychology and Psychiatry"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("issn")
    made = folder / "vn.mrc"
    records = []
    for issn, title in (("0866-8000", "Tạp chí Văn học"), ("1859-2171", "Tạp chí Giáo dục")):
        records.append(
            (
                MarcRecord(
                    "00000nas a2200000 a 4500",
                    [
                        Field("022", None, " ", " ", [("a", issn)]),
                        Field("245", None, "0", "0", [("a", title)]),
                    ],
                ),
                [],
            )
        )
    records.append(
        (
            MarcRecord(
                "00000nam a2200000 a 4500",
                [Field("245", None, "0", "0", [("a", "Kháng chiến 1945-1975")])],
            ),
            [],
        )
    )
    with made.open("wb") as out:
        write_iso2709(records, out)
    path = folder / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.catalog.import_marc(MARC / "evergreen" / "oss.marc")
        lib.catalog.import_marc(made)
    return path


@pytest.mark.parametrize(
    "query",
    [
        "1461-7",
        "1461-70",
        "1461-702",
        "isbn:1461-70",
        "issn:1461-70",
        "issn:146170",
        "isbn:146170 ",
    ],
)
def test_partial_issn_finds_the_serial(library: Path, query: str) -> None:
    with Library.open(library) as lib:
        found = lib.catalog.search(query)
    assert [h.title for h in found.hits] == [SERIAL]


@pytest.mark.parametrize("query", ["0866-8", "0866-80", "isbn:0866-8", "issn:0866-80"])
def test_partial_vietnamese_issn(library: Path, query: str) -> None:
    with Library.open(library) as lib:
        found = lib.catalog.search(query)
    assert [h.title for h in found.hits] == ["Tạp chí Văn học"]


def test_a_year_range_being_typed_still_finds_its_title(library: Path) -> None:
    with Library.open(library) as lib:
        assert [h.title for h in lib.catalog.search("1945-19").hits] == ["Kháng chiến 1945-1975"]
        assert lib.catalog.search("0866-9").total == 0
