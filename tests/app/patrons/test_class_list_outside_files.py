"""Class lists as teachers type them, imported through the real ``thuvien patrons import``:
a totals line under the table, a lone "Tên" column, birth dates left as Excel serials in a
CSV. Each is checked by what lands in the library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.i18n import set_language


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    db = tmp_path / "lib.sqlite3"

    def run(*argv: str) -> tuple[int, dict[str, Any]]:
        code = main(["--db", str(db), "--lang", "en", *argv, "--json"])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, json.loads(out) if out.strip() else {"error": err}

    yield run
    set_language("vi")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def names(cli: Any) -> list[str]:
    return sorted(p["name"] for p in cli("patrons", "list")[1]["patrons"])


@pytest.mark.parametrize("total", ["Tổng cộng", "Tổng số: 3 học sinh", "Cộng: 3", "TỔNG CỘNG"])
def test_a_totals_line_under_the_table_is_not_a_pupil(cli: Any, tmp_path: Path,
                                                      total: str) -> None:
    """With the class given (or in the title) "Tổng cộng" became a patron of 6A; with
    digits it was an error row that made a good list exit 1."""
    path = write(tmp_path, "6a.csv", "STT,Họ và tên,Ngày sinh,Nữ\n"
                 "1,Nguyễn Văn An,05/09/2013,\n2,Trần Thị Bích,12/01/2014,x\n"
                 "3,Tống Công Minh,01/02/2014,\n"  # a family name, not a total
                 f",{total},,2\n")
    code, out = cli("patrons", "import", str(path), "--class", "6A")
    assert code == 0 and out["counts"] == {"new": 3, "update": 0, "unchanged": 0, "error": 0}
    assert names(cli) == ["Nguyễn Văn An", "Trần Thị Bích", "Tống Công Minh"]


def test_a_lone_ten_column_holds_the_whole_name(cli: Any, tmp_path: Path) -> None:
    """ "Tên" with no "Họ" beside it is the full name; the file was refused (no header)."""
    path = write(tmp_path, "lop.csv", "STT;Tên;Lớp\n1;Nguyễn Văn An;6A\n2;Lê Thị Hoa;6A\n")
    code, out = cli("patrons", "import", str(path))
    assert code == 0 and out["counts"]["new"] == 2
    assert names(cli) == ["Lê Thị Hoa", "Nguyễn Văn An"]


def test_birth_dates_left_as_excel_serials_in_a_csv(cli: Any, tmp_path: Path) -> None:
    """A date column formatted 'General' in Excel is saved to CSV as its serial (41522);
    each row was refused as a bad date."""
    path = write(tmp_path, "lop.csv", "Họ và tên,Lớp,Ngày sinh\nNguyễn Văn An,6A,41522\n"
                 "Lê Thị Hoa,6A,41651\n")
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert sorted(r["birth_date"] for r in out["rows"]) == ["2013-09-05", "2014-01-12"]


def test_a_student_code_kept_with_its_zeros_by_the_cells_format(cli: Any, tmp_path: Path) -> None:
    """The 12-digit personal ID number (mã định danh) typed in a cell formatted
    "000000000000" shows 001213004567 in Excel; the number under it is 1213004567, and that
    is what was stored, so the student's code never matched the school's records."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Mã định danh", "Họ và tên", "Lớp"])
    sheet.append([1, 1213004567, "Nguyễn Văn An", "6A"])
    sheet.append([2, 1213004568, "Lê Thị Hoa", "6A"])
    for cell in ("B2", "B3"):
        sheet[cell].number_format = "000000000000"
    path = tmp_path / "6a.xlsx"
    book.save(path)
    code, out = cli("patrons", "import", str(path))
    assert code == 0, out
    assert sorted(r["student_code"] for r in out["rows"]) == ["001213004567", "001213004568"]
    assert [r["student_code"] for r in out["rows"]][0] == "001213004567"


def test_invisible_characters_copied_into_a_name_are_not_kept(cli: Any, tmp_path: Path) -> None:
    """A name copied from a web page or a chat ("Lê\\u200bThị Hoa", a stray BOM) was stored
    with the invisible character, so searching "Lê Thị Hoa" never found her."""
    path = write(tmp_path, "lop.csv", "Họ và tên,Lớp\nLê\u200bThị Hoa,6A\n"
                 "\ufeffNguyễn Văn\u200b An,6A\n")
    code, out = cli("patrons", "import", str(path))
    assert code == 0
    assert names(cli) == ["Lê Thị Hoa", "Nguyễn Văn An"]


def test_the_same_list_with_two_pupils_of_one_name_imported_twice(cli: Any,
                                                                  tmp_path: Path) -> None:
    """Two "Nguyễn Văn An" in 6A, no code or birth date: the first import adds both, the
    second found two patrons for each row and refused both rows ('add a student code')."""
    path = write(tmp_path, "6a.csv", "Họ và tên,Lớp,Giới tính\nNguyễn Văn An,6A,Nam\n"
                 "Nguyễn Văn An,6A,Nam\nTrần Bình,6A,Nam\n")
    code, out = cli("patrons", "import", str(path))
    assert code == 0 and out["counts"]["new"] == 3
    code, out = cli("patrons", "import", str(path))
    assert code == 0 and out["counts"] == {"new": 0, "update": 0, "unchanged": 3, "error": 0}
    assert len({r["patron_id"] for r in out["rows"]}) == 3
    assert names(cli) == ["Nguyễn Văn An", "Nguyễn Văn An", "Trần Bình"]
    one = write(tmp_path, "one.csv", "Họ và tên,Lớp\nNguyễn Văn An,6A\n")
    code, out = cli("patrons", "import", str(one))  # which of the two? still not guessed
    assert code == 1 and out["rows"][0]["codes"] == ["import.ambiguous"]


def test_a_name_column_mapped_past_the_last_column_is_no_traceback(
        cli: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--map Z=full_name`` on a three-column list raised IndexError (a traceback)."""
    path = write(tmp_path, "lop.csv", "STT,Họ và tên,Lớp\n1,Nguyễn Văn An,6A\n")
    code, out = cli("patrons", "import", "--dry-run", str(path), "--map", "Z=full_name")
    assert code == 2 and out["error"].strip() == "There is no column “Z”."
    code, out = cli("patrons", "import", str(path), "--map", "C=class_name")  # one that exists
    assert code == 0 and out["counts"]["new"] == 1


@pytest.mark.parametrize("year", ["abc", "2026-2025", "2025", "25-26"])
def test_a_school_year_that_is_none_is_refused_before_anything_is_written(
        cli: Any, tmp_path: Path, year: str) -> None:
    """``--year abc`` stored "abc" as the school year of every pupil of the list."""
    path = write(tmp_path, "lop.csv", "Họ và tên,Lớp\nNguyễn Văn An,6A\n")
    code, out = cli("patrons", "import", str(path), "--year", year)
    assert code == 2 and out["error"].strip() == (
        f"The school year “{year}” is not valid; write e.g. 2025-2026.")
    assert names(cli) == []
    code, out = cli("patrons", "import", str(path), "--year", "2025 – 2026")
    assert code == 0 and out["school_year"] == "2025-2026"


@pytest.mark.parametrize("klass", ["Toán", "13A", "Lớp Toán"])
def test_a_class_given_that_is_no_class_is_refused_once(cli: Any, tmp_path: Path,
                                                        klass: str) -> None:
    """``--class Toán`` made every row an error (exit 1, a line per pupil); the slip is the
    argument's, said once."""
    path = write(tmp_path, "lop.csv", "Họ và tên\nNguyễn Văn An\nLê Thị Hoa\n")
    code, out = cli("patrons", "import", str(path), "--class", klass)
    assert code == 2 and out["error"].strip() == (
        f"The class “{klass}” is not in a known format (e.g. 6A, 10A1, 6/1).")
    code, out = cli("patrons", "import", str(path), "--class", "lớp 6a")
    assert code == 0 and {r["class"] for r in out["rows"]} == {"6A"}
