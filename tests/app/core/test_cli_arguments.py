"""What the command line does with a mistyped argument: one line saying what is wrong, in the
chosen language, exit 2, and nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    with Library.open(path) as lib:
        lib.catalog.add_record("Toán 6", isbns=["9780306406157"])
    return str(path)


@pytest.mark.parametrize(("argv", "shown"), [
    (["search", "toan", "--limit", "99999999999999999999"], "--limit"),
    (["search", "toan", "--limit", "-1"], "--limit"),
    (["search", "toan", "--limit", "mười"], "--limit"),
    (["union-search", "toan", "--limit", "-1"], "--limit"),
    (["union-copy", "99999999999999999999"], "UNION_ID"),
    (["patrons", "purge", "--years", "-3"], "--years"),
    (["rollover", "--last-grade", "13", "--dry-run"], "--last-grade"),
])
def test_a_number_out_of_range_is_refused_on_one_line(
        db: str, argv: list[str], shown: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "en", "--db", db, *argv])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert shown in err and "is not a whole number from" in err and "Traceback" not in err


def test_the_message_is_vietnamese_by_default(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--db", db, "search", "toan", "--limit", "-1"])
    assert "không phải số nguyên từ 0 đến" in capsys.readouterr().err


def test_search_limit_zero_counts_and_a_large_limit_lists_all_it_may(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--limit 0 is "how many?" (the total, no hits); a limit above what one search lists
    (a checker asking for everything) lists them all instead of being refused."""
    import json

    with Library.open(Path(db)) as lib:
        for n in range(30):
            lib.catalog.add_record(f"Toán {n}")
    assert main(["--db", db, "search", "toan", "--limit", "0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"total": 31, "hits": []}
    assert main(["--db", db, "search", "toan", "--limit", "1000000", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["total"] == 31 and len(answer["hits"]) == 31


def test_loan_rule_figures_out_of_range_name_the_field_and_change_nothing(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(Path(db)) as lib:
        before = lib.circulation.rules.rule_for("*", "book")
    for option, value, field in (("--days", "99999999999999999999", "Loan days"),
                                 ("--fine", "99999999999999999999", "Fine per day"),
                                 ("--max", "-1", "Items at once"),
                                 ("--renewals", "101", "Renewals")):
        assert main(["--lang", "en", "--db", db, "loan-rules", "set", "*", "book",
                     option, value]) == 2
        err = capsys.readouterr().err
        assert field in err and value in err and "Traceback" not in err
    with Library.open(Path(db)) as lib:
        assert lib.circulation.rules.rule_for("*", "book") == before


def test_dates_are_typed_day_first(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "loan-rules", "set", "*", "textbook", "--fixed-due", "30/06"]) == 0
    assert main(["--db", db, "closed-days", "add", "02/09/2026"]) == 0
    assert main(["--lang", "en", "--db", db, "closed-days", "add", "31/02/2026"]) == 2
    assert "day/month/year" in capsys.readouterr().err
    with Library.open(Path(db)) as lib:
        assert lib.circulation.rules.rule_for("student", "textbook").fixed_due == "--06-30"
        [period] = lib.circulation.calendar.periods()
        assert (period.start, period.end) == (date(2026, 9, 2), date(2026, 9, 2))


@pytest.mark.parametrize("argv", [
    ["closed-days", "remove", "abc"],
    ["class-loan", "report", "999999999999999999999"],
    ["fines", "pay", "99999999999999999999999"],
])
def test_an_id_that_is_not_one_is_refused_in_words(
        db: str, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--db", db, *argv]) == 2
    err = capsys.readouterr().err
    assert "is not a valid number" in err and "Traceback" not in err


@pytest.mark.parametrize("key", ["²", "99999999999999999999"])
def test_a_patron_key_that_is_no_id_is_simply_not_found(
        db: str, key: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--db", db, "loan-slip", key]) == 1  # refused, no traceback
    assert f"Patron “{key}” not found." in capsys.readouterr().err


def test_export_to_a_folder_says_so_and_to_a_missing_folder_makes_it(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing folder is made, as for every command that writes a file
    (tests/app/core/test_cli_output_folders.py)."""
    assert main(["--lang", "en", "--db", db, "export-marc", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    missing = tmp_path / "no such folder" / "catalog.mrc"
    assert main(["--lang", "en", "--db", db, "export-marc", str(missing)]) == 0
    assert missing.is_file() and not list(tmp_path.rglob("*.part"))


def test_a_database_path_that_is_a_folder_is_refused_in_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--db", str(tmp_path), "search", "x"]) == 2
    err = capsys.readouterr().err
    assert "Cannot open the database" in err and "Traceback" not in err


def test_output_piped_into_a_program_that_stops_reading_ends_quietly(
        db: str, tmp_path: Path) -> None:
    """``thuvien search … | head -1``: no traceback when head goes away."""
    import subprocess
    import sys

    with Library.open(Path(db)) as lib:
        for n in range(400):
            lib.catalog.add_record(f"Toán {n}", authors=["Nguyễn Văn A" * 20])
    command = [sys.executable, "-m", "app.cli", "--db", db, "search", "toan", "--limit", "400"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           cwd=Path(__file__).resolve().parents[3])
    assert run.stdout is not None and run.stderr is not None
    assert run.stdout.readline()  # the first line, then stop reading like head -1
    run.stdout.close()
    err = run.stderr.read().decode()
    assert run.wait(timeout=60) in (0, 141) and "Traceback" not in err, err
