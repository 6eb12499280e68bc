"""A read-only command given a library path that does not exist (a typo in --db or
THUVIEN_DB) says so on one line instead of creating an empty library there and answering
"0 results"; commands that bring data in still create the library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.cli import main

ROOT = Path(__file__).resolve().parents[3]


def test_search_on_a_mistyped_path_says_there_is_no_library(tmp_path: Path) -> None:
    typo = tmp_path / "no" / "such" / "typo.sqlite3"
    done = subprocess.run([sys.executable, "-m", "app.cli", "--db", str(typo), "search", "x",
                           "--json"], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"Không có thư viện ở {typo}: hãy kiểm tra tên tệp (--db hoặc THUVIEN_DB)."]
    assert not (tmp_path / "no").exists()  # neither the file nor its folders were made


@pytest.mark.parametrize("argv", [
    ["search", "dế mèn"],
    ["export-marc", "{tmp}/out.mrc"],
    ["union-search", "dế mèn"],
    ["register", "individual", "--json"],
    ["stats"],
    ["backup", "list"],
    ["patrons", "list"],
    ["sync", "status"],
    ["stocktake", "missing"],
    ["fines"],
    ["fines", "received", "--json"],
    ["fines", "show", "1"],
    ["fines", "receipt", "--patron", "HS0001"],
    ["loan-rules", "list"],
    ["closed-days", "list"],
    ["class-loan", "list"],
    ["copy", "show", "TK.00001"],
])
def test_read_only_commands_refuse_a_missing_library(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    typo = tmp_path / "thuvein.sqlite3"
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(["--db", str(typo), "--lang", "en", *argv]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"There is no library at {typo}: check the file name (--db or THUVIEN_DB)."]
    assert not typo.exists()
    assert not (tmp_path / "out.mrc").exists()


def test_thuvien_db_naming_a_missing_file_is_refused_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    typo = tmp_path / "school.sqlite"  # the real one ends in .sqlite3
    monkeypatch.setenv("THUVIEN_DB", str(typo))
    assert main(["--lang", "en", "search", "x", "--json"]) == 2
    assert "There is no library at" in capsys.readouterr().err
    assert not typo.exists()


def test_import_creates_the_library_and_search_then_reads_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marc = tmp_path / "one.mrc"
    record = MarcRecord("00000nam a2200000 a 4500",
                        [Field("001", "M1"), Field("245", None, "1", "0", [("a", "Dế Mèn")])])
    with marc.open("wb") as out:
        write_iso2709([(record, [ItemData(barcode="TK.00001", collection="TK")])], out)
    db = tmp_path / "new" / "school.sqlite3"
    assert main(["--db", str(db), "import-marc", str(marc), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    assert db.is_file()
    assert main(["--db", str(db), "search", "de men", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_adding_a_patron_to_a_new_library_still_creates_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "school.sqlite3"
    assert not db.exists()
    code = main(["--db", str(db), "patrons", "add", "Nguyễn Văn An", "--class", "6A"])
    assert code == 0, capsys.readouterr().err
    assert db.is_file() and os.path.getsize(db) > 0
