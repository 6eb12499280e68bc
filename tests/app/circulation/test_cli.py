"""The circulation commands: JSON shape and exit codes (0 done, 1 refused, 2 user error)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1")
        record = lib.catalog.add_record("Toán 6", isbns=["9780306406157"])
        lib.catalog.add_item(record)
        lib.catalog.add_item(record)
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def test_checkout_checkin_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--db", db, "checkout", "HS000001", "TK.00001", "--json")
    assert code == 0 and out["ok"] is True and out["code"] == "checked_out"
    assert out["loan"]["due"] and out["patron"]["card"] == "HS000001"  # type: ignore[index]
    assert out["item"]["barcode"] == "TK.00001"  # type: ignore[index]
    code, out = run(capsys, "--db", db, "checkout", "S1", "TK.00001", "--json")
    assert code == 1 and out["ok"] is False and out["code"] == "already_on_loan"
    code, out = run(capsys, "--db", db, "renew", "TK.00001", "--json")
    assert code == 1 and out["code"] == "renew_no_change"  # the day it was lent: no day added
    code, out = run(capsys, "--db", db, "checkin", "TK.00001", "--json")
    assert code == 0 and out["code"] == "checked_in"


def test_codes_typed_with_spaces_or_in_lower_case_are_found(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A code pasted from a spreadsheet (" TK.00001 "), typed in lower case, or ending in
    a scanner's tab is the same code, as it is at the desk."""
    code, out = run(capsys, "--db", db, "checkout", " hs000001\t", " tk.00001 ", "--json")
    assert code == 0 and out["code"] == "checked_out"
    assert out["item"]["barcode"] == "TK.00001"  # type: ignore[index]
    code, out = run(capsys, "--db", db, "renew", "TK.00001 ", "--json")
    assert out["code"] == "renew_no_change"
    code, out = run(capsys, "--db", db, "checkin", "\ttk.00001", "--json")
    assert code == 0 and out["code"] == "checked_in"
    code, out = run(capsys, "--db", db, "checkout", " s1 ", "TK.00002", "--json")
    assert code == 0 and out["patron"]["card"] == "HS000001"  # type: ignore[index]


def test_scan_keeps_the_patron_between_calls(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--db", db, "scan", "HS000001", "--json")
    assert code == 0 and out["code"] == "patron_selected"
    code, out = run(capsys, "--db", db, "scan", "TK.00002", "--json")
    assert code == 0 and out["code"] == "checked_out"
    assert out["patron"]["name"] == "Nguyễn Văn An"  # type: ignore[index]
    assert main(["--db", db, "desk-mode", "checkout"]) == 0
    code, out = run(capsys, "--db", db, "scan", "9780306406157", "--json")
    assert code == 1 and out["code"] == "isbn_ambiguous" and len(out["choices"]) == 2  # type: ignore[arg-type]


def test_hold_and_overdue(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(db) as lib:
        lib.patrons.add("Trần Thị Bình", class_name="6A")
    run(capsys, "--db", db, "checkout", "HS000001", "TK.00001", "--json")
    run(capsys, "--db", db, "checkout", "HS000001", "TK.00002", "--json")
    code, out = run(capsys, "--db", db, "hold", "HS000002", "9780306406157", "--json")
    assert code == 0 and out["code"] == "hold_placed"
    code, out = run(capsys, "--db", db, "overdue", "--json")
    assert code == 0 and out["classes"] == []


def test_no_hold_on_a_record_without_a_copy(db: str, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    with Library.open(db) as lib:
        lib.catalog.add_record("Sách chưa về", isbns=["9780262033848"])
    assert main(["--db", db, "hold", "HS000001", "9780262033848"]) == 1
    assert "thư viện không có bản nào của đầu sách này" in capsys.readouterr().err
    code, out = run(capsys, "--db", db, "hold", "HS000001", "9780262033848", "--json")
    assert code == 1 and out["code"] == "hold_no_copies"


def test_user_errors_exit_2(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "hold", "HS000001", "no-such-record"]) == 2
    assert main(["--db", db, "closed-days", "add", "2026-13-01"]) == 2
    assert main(["--db", db, "loan-rules", "set", "*", "book", "--days", "0"]) == 2
    capsys.readouterr()


def test_rules_and_calendar_commands(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--db", db, "loan-rules", "set", "student", "book", "--days", "10",
                    "--json")
    assert code == 0
    assert {"category": "student", "item_type": "book", "loanable": True, "loan_days": 10,
            "fixed_due": None, "max_items": 3, "renewals": 1, "holds_allowed": True,
            "fine_per_day": 0} in out["rules"]  # type: ignore[operator]
    code, out = run(capsys, "--db", db, "closed-days", "add", "2026-02-14", "2026-02-22",
                    "--label", "Tết", "--json")
    assert out["periods"][0]["label"] == "Tết"  # type: ignore[index]
    assert main(["--db", db, "desk-mode", "checkin"]) == 0
    assert main(["--db", db, "desk-mode"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "checkin"


def test_rules_and_closed_days_are_listed_in_words(db: str, capsys: pytest.CaptureFixture[str]
                                                   ) -> None:
    assert main(["--db", db, "loan-rules", "list"]) == 0
    out = capsys.readouterr().out
    assert "Mọi bạn đọc · Sách giáo khoa: hạn trả 31/05 hằng năm, tối đa 20" in out
    assert "Mọi bạn đọc · Sách tra cứu: chỉ đọc tại chỗ" in out
    assert main(["--lang", "en", "--db", db, "closed-days", "weekdays", "5", "6"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Closed every week: Saturday, Sunday"


def test_class_loan_without_json_speaks_in_words(db: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """start, list, report and close printed raw JSON (ISO dates, ids) even without --json."""
    assert main(["--db", db, "class-loan", "start", "6A", "1", "--due", "29/05/2027"]) == 0
    assert capsys.readouterr().out.strip() == (
        "Đã mở đợt mượn lớp số 1 cho lớp 6A: 1 đầu sách, hạn trả 29/05/2027. "
        "Tiếp theo: thuvien class-loan auto 1")
    assert main(["--db", db, "class-loan", "auto", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "class-loan", "list"]) == 0
    assert capsys.readouterr().out.strip() == (
        "Đợt 1: lớp 6A, 1 đầu sách, hạn trả 29/05/2027 — đang mượn")
    assert main(["--db", db, "--lang", "en", "class-loan", "report", "1"]) == 0
    assert capsys.readouterr().out.strip().splitlines() == [
        "Class 6A, due 29/05/2027: 1 copy(ies) still out.",
        "Nguyễn Văn An (HS000001): returned 0 of 1",
        "  still out: TK.00001  Toán 6"]
    assert main(["--db", db, "--lang", "vi", "class-loan", "close", "1"]) == 0
    out = capsys.readouterr().out
    assert "Đợt mượn đã kết thúc." in out and "{" not in out
    code, report = run(capsys, "--db", db, "class-loan", "report", "1", "--json")
    assert code == 0 and report["missing"] == 1 and report["due"] == "2027-05-29"


def test_visits_and_reading_room_tally(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A card scanned twice is one visit; in reading mode a copy scanned is read here; the
    tally says so per day, in JSON and in words."""
    for card in ("HS000001", "HS000001"):
        run(capsys, "--db", db, "scan", card, "--json")
    assert main(["--db", db, "desk-mode", "reading"]) == 0
    code, out = run(capsys, "--db", db, "scan", "TK.00001", "--json")
    assert code == 0 and out["code"] == "in_library_use"
    code, out = run(capsys, "--db", db, "walk-in", "4", "--json")
    assert code == 0 and out["code"] == "walk_in"
    code, out = run(capsys, "--db", db, "usage", "--json")
    assert code == 0 and out["visits"] == 5 and out["in_library"] == 1
    assert {(d["kind"], d["group"]) for d in out["days"]} == {  # type: ignore[union-attr]
        ("visit", "student"), ("visit", "walk_in"), ("in_library", "book")}
    assert main(["--db", db, "usage"]) == 0
    said = capsys.readouterr().out
    assert "5 lượt bạn đọc, 1 lượt đọc tại chỗ" in said and "(học sinh): 1" in said
    assert "(khách không có thẻ): 4" in said
    with pytest.raises(SystemExit) as refused:
        main(["--db", db, "walk-in", "many"])
    assert refused.value.code == 2 and "giá trị không hợp lệ: 'many'" in capsys.readouterr().err
    assert main(["--db", db, "usage", "--from", "31/02/2026"]) == 2
