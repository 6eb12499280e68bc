"""``thuvien patrons …`` and ``thuvien rollover`` through the real command entry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app import legacy_text
from app.cli import main
from app.library import Library


class Cli:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.capsys = db, capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(self.db), "--lang", "en", *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> Any:
        code, out, err = self(*argv, "--json")
        assert code in (0, 1), err
        return json.loads(out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    from app.i18n import set_language

    yield Cli(tmp_path / "lib.sqlite3", capsys)  # type: ignore[misc]
    set_language("vi")


def class_list(tmp_path: Path) -> Path:
    path = tmp_path / "lop.csv"
    rows = ["DANH SÁCH HỌC SINH LỚP 6A;;;", "STT;Họ và tên;Ngày sinh;Mã HS",
            "1;Nguyễn Văn An;05/09/2014;S1", "2;Trần Thị Bình;17/02/2014;S2",
            "3;Lê Văn Cường;30/02/2014;S3"]
    # the whole file typed in the .VnTime font and saved as ANSI
    path.write_bytes("\r\n".join(legacy_text.encode_tcvn3(r) for r in rows).encode("latin-1"))
    return path


def test_import_dry_run_then_real_run_json(cli: Cli, tmp_path: Path) -> None:
    path = class_list(tmp_path)
    dry = cli.json("patrons", "import", str(path), "--dry-run")
    assert dry["applied"] is False and dry["counts"] == {"new": 2, "update": 0, "unchanged": 0,
                                                         "error": 1}
    assert dry["rows"][2]["codes"] == ["import.bad_date"]
    name_column = next(c for c in dry["columns"] if c["field"] == "full_name")
    assert name_column["encoding"] == "tcvn3" and name_column["column"] == "B"
    assert cli.json("patrons", "list") == {"patrons": []}
    code, out, _ = cli("patrons", "import", str(path))
    assert code == 1 and "1 errors" in out and "line 5" in out
    listed = cli.json("patrons", "list", "--class", "6A")
    assert [(p["name"], p["class"], p["student_code"], p["status"]) for p in listed["patrons"]] \
        == [("Nguyễn Văn An", "6A", "S1", "active"), ("Trần Thị Bình", "6A", "S2", "active")]
    assert set(listed["patrons"][0]) == {"id", "student_code", "name", "class", "card", "status",
                                         "expires_on"}
    assert listed["patrons"][0]["card"].startswith("HS")
    again = cli.json("patrons", "import", str(path))
    assert again["counts"]["unchanged"] == 2 and again["counts"]["new"] == 0


def test_import_with_manual_map(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("A,B\nNguyễn Văn An,7C\n", encoding="utf-8")
    result = cli.json("patrons", "import", str(path), "--map", "A=full_name",
                      "--map", "B=class_name")
    assert result["counts"]["new"] == 1
    assert cli.json("patrons", "list")["patrons"][0]["class"] == "7C"
    code, _, err = cli("patrons", "import", str(path), "--map", "nonsense")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_user_errors_are_one_line(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("patrons", "import", str(tmp_path / "missing.csv"))
    assert code == 2 and out == "" and err.strip() and err.count("\n") == 1
    code, _, err = cli("patrons", "add", "  ")
    assert code == 2 and "name" in err
    code, _, err = cli("rollover", "--undo")
    assert code == 2 and "no rollover" in err.lower()


def test_add_search_status_export_erase(cli: Cli, tmp_path: Path) -> None:
    added = cli.json("patrons", "add", "Phạm Thu Hà", "--class", "lớp 8a", "--code", "S9",
                     "--birth", "01/02/2012", "--gender", "Nữ")["patron"]
    assert (added["class"], added["card"]) == ("8A", "HS000001")
    assert cli.json("patrons", "search", "ha pham")["patrons"][0]["id"] == added["id"]
    assert cli.json("patrons", "status", "HS000001", "blocked")["patron"]["status"] == "blocked"
    out_file = tmp_path / "ha.json"
    assert cli("patrons", "export", "S9", "--out", str(out_file))[0] == 0
    assert json.loads(out_file.read_text(encoding="utf-8"))["patron"]["full_name"] == "Phạm Thu Hà"
    assert cli("patrons", "erase", str(added["id"]))[0] == 0
    assert cli.json("patrons", "list") == {"patrons": []}


def test_rollover_dry_run_apply_undo(cli: Cli) -> None:
    for name, klass in [("An", "6A"), ("Bình", "9A")]:
        cli("patrons", "add", name, "--class", klass)
    preview = cli.json("rollover", "--dry-run")
    assert preview["classes"] == [
        {"from": "6A", "to": "7A", "students": 1, "graduates": False},
        {"from": "9A", "to": None, "students": 1, "graduates": True}]
    assert cli.json("patrons", "list")["patrons"][0]["class"] == "6A"
    applied = cli.json("rollover")
    assert (applied["promoted"], applied["graduated"]) == (1, 1)
    assert [(p["class"], p["status"]) for p in cli.json("patrons", "list")["patrons"]] == \
        [("7A", "active"), ("9A", "graduated")]
    code, out, _ = cli("rollover", "--undo")
    assert code == 0 and "Undid" in out
    assert [(p["class"], p["status"]) for p in cli.json("patrons", "list")["patrons"]] == \
        [("6A", "active"), ("9A", "active")]


def test_list_in_vietnamese_says_the_status_in_words_and_keeps_columns(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'active' / 'graduated' were printed in a Vietnamese list, and a name longer than 30
    letters pushed its student code and status out of line."""
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1")
        gone = lib.patrons.add("Tôn Nữ Hoàng Thị Ngọc Quỳnh Hương", class_name="6A",
                               student_code="S2")
        lib.patrons.set_status(gone.id, "graduated")
    assert main(["--db", str(db), "--lang", "vi", "patrons", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(" S1 đang học") and lines[1].endswith(" S2 đã ra trường")
    assert lines[0].index(" S1 ") == lines[1].index(" S2 ")


def test_setting_a_status_says_it_in_words(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """'thuvien patrons status HS000005 left' answered "Lê Văn Nam: left." in Vietnamese."""
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        card = lib.patrons.add("Lê Văn Nam", class_name="6A").card
    assert main(["--db", str(db), "--lang", "vi", "patrons", "status", card, "left"]) == 0
    assert capsys.readouterr().out == "Lê Văn Nam: đã chuyển đi.\n"
    assert main(["--db", str(db), "--lang", "en", "patrons", "status", card, "blocked"]) == 0
    assert capsys.readouterr().out == "Lê Văn Nam: blocked.\n"


def test_card_validity_renew_card_show_and_lists(cli: Cli) -> None:
    from app.circulation.clock import library_today
    from app.patrons.validity import add_months

    assert cli("patrons", "add", "Bà Tư", "--category", "community", "--card", "BD001")[0] == 0
    assert cli.json("patrons", "list")["patrons"][0]["expires_on"] is None  # the new field
    code, _, err = cli("patrons", "renew-card", "BD001")
    assert code == 2 and "No default card validity is set for community readers" in err
    assert cli.json("patrons", "validity", "--community", "12",
                    "--student", "school-year")["validity"]["community"] == {
        "kind": "months", "months": 12}
    renewed = cli.json("patrons", "renew-card", "BD001")["patron"]
    assert renewed["expires_on"] == add_months(library_today(), 12).isoformat()
    code, out, _ = cli("patrons", "renew-card", "BD001", "--until", "01/01/2020")
    assert code == 0 and out.strip() == "Renewed Bà Tư's card BD001 until 01/01/2020."
    code, out, _ = cli("patrons", "show", "BD001")
    assert "Card validity:" in out and "CARD EXPIRED (valid until 01/01/2020)" in out
    shown = cli.json("patrons", "show", "BD001")["patron"]
    assert shown["expires_on"] == "2020-01-01" and shown["card"] == "BD001"
    assert [p["card"] for p in cli.json("patrons", "list", "--cards", "expired")["patrons"]] == [
        "BD001"]
    assert cli.json("patrons", "list", "--cards", "expiring") == {"patrons": []}
    code, out, _ = cli("patrons", "validity")
    assert "community readers: 12 months" in out and "students: to the end of the school year" in out
    code, _, err = cli("patrons", "validity", "--staff", "forever")
    assert code == 2 and "Bad card validity “forever”" in err
    added = cli.json("patrons", "add", "Ông Năm", "--category", "community")["patron"]
    assert added["expires_on"] == add_months(library_today(), 12).isoformat()  # the default
    assert cli.json("patrons", "add", "Chị Sáu", "--category", "community",
                    "--expires", "none")["patron"]["expires_on"] is None
    assert cli.json("patrons", "add", "Anh Bảy", "--category", "community",
                    "--expires", "30/06/2027")["patron"]["expires_on"] == "2027-06-30"


def test_rollover_says_which_cards_it_extends(cli: Cli) -> None:
    for name in ("An", "Bình"):
        cli("patrons", "add", name, "--class", "6A")
    cli("patrons", "add", "Chi", "--class", "9A")
    with Library.open(cli.db) as lib:
        lib.settings.set("school_year", "2025-2026")
        for p in lib.patrons.list_patrons():
            lib.patrons.update(p.id, expires_on="2026-05-31")
    code, out, _ = cli("rollover", "--dry-run", "--extend-cards")
    assert code == 0 and "The cards of 2 students moving up are extended to 31/05/2027." in out
    code, out, _ = cli("rollover", "--dry-run")
    assert "Cards not extended: 2 students moving up keep their expiry" in out
    done = cli.json("rollover", "--extend-cards")
    assert done["cards_extended"] == 2 and done["cards_until"] == "2027-05-31"
    assert {p["name"]: p["expires_on"] for p in cli.json("patrons", "list")["patrons"]} == {
        "An": "2027-05-31", "Bình": "2027-05-31", "Chi": "2026-05-31"}


def test_a_rollover_before_the_year_ends_is_called_early(cli: Cli) -> None:
    """In November of 2026-2027 the rollover says, on stderr, that it is a year early and
    how to undo it; JSON carries ``early``. A forgotten summer's rollover is not early."""
    from app.circulation.clock import library_today

    today = library_today()
    with Library.open(cli.db) as lib:
        lib.patrons.add("Nguyễn An", class_name="6A")
        lib.settings.set("school_year", f"{today.year}-{today.year + 1}")
    code, _, err = cli("rollover", "--dry-run")
    assert code == 0 and "has not ended" in err and "rollover --undo" in err
    assert cli.json("rollover", "--dry-run")["early"] is True
    with Library.open(cli.db) as lib:
        lib.settings.set("school_year", f"{today.year - 2}-{today.year - 1}")
    code, _, err = cli("rollover", "--dry-run")
    assert code == 0 and err == ""
    assert cli.json("rollover", "--dry-run")["early"] is False


def test_show_list_and_status_say_a_teachers_status_in_a_teachers_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A teacher was 'đang học' (as a pupil) in 'patrons show' and 'list'; the window has
    said 'đang công tác' since ee35b1a."""
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        teacher = lib.patrons.add("Đỗ Thị Lan", category="teacher")
        staff = lib.patrons.add("Vũ Văn Hải", category="staff")
        pupil = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    assert main(["--db", str(db), "--lang", "vi", "patrons", "show", teacher.card]) == 0
    assert "Tình trạng:    đang công tác\n" in capsys.readouterr().out
    assert main(["--db", str(db), "--lang", "vi", "patrons", "list"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert lines[teacher.card].endswith(" đang công tác")
    assert lines[staff.card].endswith(" đang công tác")
    assert lines[pupil.card].endswith(" đang học")
    assert main(["--db", str(db), "--lang", "vi", "patrons", "status", staff.card, "left"]) == 0
    assert capsys.readouterr().out == "Vũ Văn Hải: đã chuyển công tác.\n"


def _vni_list(tmp_path: Path) -> Path:
    """Names typed in VNI that also read as Unicode ("Hoà Thu" is Hồ Thu in VNI): detected
    as Unicode, only the librarian knows better."""
    path = tmp_path / "lop6a-vni.csv"
    rows = [["STT", legacy_text.encode_vni("Họ và tên"), "Lớp"]]
    rows += [[str(n), legacy_text.encode_vni(name), "6A"]
             for n, name in enumerate(("Hồ Thu", "Lã Hoa"), start=1)]
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_import_encoding_corrects_a_misdetected_column(cli: Cli, tmp_path: Path) -> None:
    path = _vni_list(tmp_path)
    guessed = cli.json("patrons", "import", str(path), "--dry-run")
    assert guessed["rows"][0]["name"] == "Hoà Thu"  # the guess: Unicode
    code, out, err = cli("patrons", "import", str(path), "--encoding", "B=VNI")
    assert code == 0, err
    assert "column B “Họ và tên” → full_name (vni)" in out
    assert sorted(p["name"] for p in cli.json("patrons", "list", "--class", "6A")["patrons"]) == [
        "Hồ Thu", "Lã Hoa"]


def test_import_encoding_bad_names_are_said_before_anything_is_written(
        cli: Cli, tmp_path: Path) -> None:
    path = _vni_list(tmp_path)
    code, out, err = cli("patrons", "import", str(path), "--encoding", "B=utf8")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "B=utf8" in err and "unicode, tcvn3, vni" in err
    code, out, err = cli("patrons", "import", str(path), "--encoding", "vni")
    assert code == 2 and "COLUMN=ENCODING" in err
    code, out, err = cli("patrons", "import", str(path), "--encoding", "Tên HS=vni")
    assert code == 2 and err.count("\n") == 1 and "no column “Tên HS”" in err
    assert "B “Họ và tên”" in err  # the file's columns, to pick from
    assert cli.json("patrons", "list") == {"patrons": []}
    code, _, err = cli("patrons", "import", str(path), "--encoding", "Họ và tên=vni",
                       "--dry-run")
    assert code == 0, err


def test_rollover_dry_run_lists_the_textbook_sets_it_moves_or_closes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The plan's class_loans were only in the JSON: a librarian reading the dry run did
    not learn that 6A's textbook set goes to 7A and 9A's is closed."""
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A")
        lib.patrons.add("Lê Văn Em", class_name="9A")
        toan6, van9 = lib.catalog.add_record("Toán 6"), lib.catalog.add_record("Ngữ văn 9")
        lib.catalog.add_copies(toan6, 1, collection="GK", item_type="textbook")
        lib.catalog.add_copies(van9, 1, collection="GK", item_type="textbook")
        six = lib.circulation.start_class_loan("6A", [toan6])
        nine = lib.circulation.start_class_loan("9A", [van9])
    due6 = "/".join(reversed(six.due.split("-")))
    due9 = "/".join(reversed(nine.due.split("-")))
    assert main(["--db", str(db), "--lang", "vi", "rollover", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Bộ sách giáo khoa còn đang cho lớp mượn (2):\n" in out
    assert f"  lớp 6A (hạn {due6}) chuyển theo học sinh sang lớp 7A\n" in out
    assert f"  lớp 9A (hạn {due9}) được kết thúc: học sinh ra trường" in out
    assert "Chạy thử, chưa thay đổi gì." in out
    with Library.open(db) as lib:  # nothing moved
        assert [s.id for s in lib.circulation.class_loans("6A")] == [six.id]
