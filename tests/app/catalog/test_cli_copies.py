"""``thuvien copy show|edit|remove``: the window's Edit copy… and Remove copy… from the
command line, with typed dates and prices as a librarian writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        record = lib.catalog.add_record("Số đỏ", authors=["Vũ Trọng Phụng"])
        lib.catalog.add_copies(record, 2, collection="TK")
    return str(path)


def test_a_copy_is_corrected_and_shown(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "copy", "edit", "TK.00001", "--price", "45.000",
                 "--acquired", "05/09/2025", "--source", "Biếu tặng", "--location", "Tủ 3",
                 "--type", "reference"]) == 0
    shown = capsys.readouterr().out
    assert "giá 45.000 đ; nhập 05/09/2025 (Biếu tặng); vị trí Tủ 3" in shown
    assert "loại Sách tra cứu" in shown
    assert main(["--db", db, "copy", "edit", "TK.00001", "--location", "", "--json"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert (item["location"], item["price"], item["acquired_on"], item["title"]) == (
        None, 45000.0, "2025-09-05", "Số đỏ")


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--price", "bốn lăm", "is not a price"), ("--price", "-5", "is not a price"),
    ("--acquired", "31/02/2025", "is not valid"), ("--acquired", "01/01/2999", "in the future"),
])
def test_a_wrong_value_is_refused_and_nothing_changes(
        db: str, capsys: pytest.CaptureFixture[str], option: str, value: str,
        words: str) -> None:
    before = main(["--db", db, "copy", "show", "TK.00001", "--json"]), capsys.readouterr().out
    assert main(["--lang", "en", "--db", db, "copy", "edit", "TK.00001", option, value,
                 "--location", "Tủ 9"]) == 2
    assert words in capsys.readouterr().err
    assert (main(["--db", db, "copy", "show", "TK.00001", "--json"]),
            capsys.readouterr().out) == before


def test_a_copy_entered_by_mistake_is_removed_once(db: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "copy", "remove", "TK.00002"]) == 0
    assert "TK.00002" in capsys.readouterr().out
    assert main(["--lang", "en", "--db", db, "copy", "remove", "TK.00002"]) == 2
    assert "There is no copy TK.00002." in capsys.readouterr().err


def test_a_copy_is_withdrawn_with_its_write_off_record(db: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "copy", "withdraw", "TK.00001", "--reference", "BB số 12/2026",
                 "--json"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert item["status"] == "withdrawn" and item["note"].endswith(": BB số 12/2026")
    assert main(["--lang", "en", "--db", db, "copy", "withdraw", "TK.00001"]) == 2
    assert "already withdrawn" in capsys.readouterr().err
    # Why goes on the write-off record (the general register's part II); 'other' unless said.
    assert main(["--db", db, "copy", "withdraw", "TK.00002", "--reference", "BB số 13/2026",
                 "--reason", "worn"]) == 0
    assert main(["--db", db, "writeoffs", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.splitlines()[-1])
    reasons = {w["number"]: w["reason"] for w in listed}
    assert reasons == {"BB số 12/2026": "other", "BB số 13/2026": "worn"}
