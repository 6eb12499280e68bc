"""A query that starts with "-" ("-dế", a pasted "- Toán 6", "-1") is text, not an unknown
option: ``search``, ``union-search`` and ``patrons search`` run it, through the real command
entry, while their real options (``--limit``, ``--json``, ``-h``) keep working."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.library import Library


def _run(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), *argv])
    except SystemExit as stop:  # argparse's usage errors and -h
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _titles(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> list[Any]:
    code, out, err = _run(db, capsys, "search", *argv)
    assert code == 0, err
    return [hit["title"] for hit in json.loads(out)["hits"]]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    try:
        for title, year in (("Dế Mèn phiêu lưu ký", 2020), ("Toán 6", 2021),
                            ("Tiếng Việt 1", 2020)):
            lib.catalog.add_item(lib.catalog.add_record(title, year=year), collection="TK")
    finally:
        lib.close()
    return path


def test_search_takes_a_query_that_starts_with_a_dash(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _titles(db, capsys, "-dế", "--json") == ["Dế Mèn phiêu lưu ký"]
    assert _titles(db, capsys, "--json", "-Toán") == ["Toán 6"]
    assert _titles(db, capsys, "- Toán 6", "--json") == ["Toán 6"]
    # a dash query reads as it does after "--"; options after it still count
    assert _titles(db, capsys, "-1", "--json") == _titles(db, capsys, "--json", "--", "-1")
    assert _titles(db, capsys, "-viet", "--limit", "1", "--json") == ["Tiếng Việt 1"]
    # "-học" is a query, not "-h" given the value "ọc"
    code, out, err = _run(db, capsys, "search", "-học")
    assert code == 0 and err == ""
    code, out, err = _run(db, capsys, "search", "dế", "--limit", "1")
    assert code == 0 and "Dế Mèn phiêu lưu ký" in out


def test_real_options_still_work_and_are_still_checked(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(db, capsys, "search", "-h")
    assert code == 0 and "--limit" in out and "TỪ_KHOÁ" in out
    # a negative number given to an option reaches the option (and its own check)
    code, _, err = _run(db, capsys, "search", "dế", "--limit", "-1")
    assert code == 2 and "--limit" in err and "-1" in err and err.count("\n") == 1
    # a misspelt long option is still refused
    code, _, err = _run(db, capsys, "search", "dế", "--limt", "1")
    assert code == 2 and "--limt" in err


def test_patrons_search_and_union_search_take_it_too(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(db, capsys, "patrons", "add", "Nguyễn Văn Dế", "--class", "6A")
    assert code == 0, err
    code, out, err = _run(db, capsys, "patrons", "search", "-dế")
    assert code == 0 and "Nguyễn Văn Dế" in out, err
    # no district cache here: the query is run (and finds nothing) instead of a usage error
    code, out, err = _run(db, capsys, "union-search", "-dế", "--json")
    assert code == 0, err
    assert json.loads(out) == json.loads(_run(db, capsys, "union-search", "--json", "--",
                                               "-dế")[1])
