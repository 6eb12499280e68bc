"""Class-list import from real generated CSV / XLSX files."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app import legacy_text
from app.db.connection import Database
from app.errors import ImportFormatError
from app.patrons.class_list import import_class_list
from app.patrons.service import PatronService
from tests.support.class_lists import write_csv

CLASS_6A = [
    ("1", "Nguyễn Văn An", "6A", "05/09/2013", "0101001", "Nam"),
    ("2", "Trần Thị Bình", "6A", "17/02/2013", "0101002", "Nữ"),
    ("3", "Lê Hoàng Quỳnh", "6A", "1/12/13", "0101003", "Nữ"),
    ("4", "Phạm Đức Thắng", "6A", "2013-03-30", "0101004", "Nam"),
    ("5", "Đỗ Thị Hường", "6A", "28/08/2013", "0101005", "Nữ"),
]
HEADER_VI = ("STT", "Họ và tên", "Lớp", "Ngày sinh", "Mã học sinh", "Giới tính")


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def names(patrons: PatronService) -> list[str]:
    return sorted(p.full_name for p in patrons.list_patrons())


def table() -> list[Sequence[str]]:
    return [HEADER_VI, *CLASS_6A]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path: Path, patrons: PatronService,
                                      encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "6a.csv", table(), encoding=encoding, delimiter=delimiter)
    result = import_class_list(patrons, path, dry_run=False)
    assert result.counts == {"new": 5, "update": 0, "unchanged": 0, "error": 0}
    assert names(patrons) == sorted(r[1] for r in CLASS_6A)
    an = patrons.by_student_code("0101001")
    assert an is not None
    assert (an.full_name, an.class_name, an.birth_date, an.gender) == \
        ("Nguyễn Văn An", "6A", "2013-09-05", "male")
    assert unicodedata.is_normalized("NFC", an.full_name)
    assert patrons.by_student_code("0101003").birth_date == "2013-12-01"  # type: ignore[union-attr]


def test_dry_run_writes_nothing_and_shows_each_row(tmp_path: Path, patrons: PatronService,
                                                   db: Database) -> None:
    path = write_csv(tmp_path / "6a.csv", table())
    result = import_class_list(patrons, path, dry_run=True)
    assert not result.applied
    assert [r.status for r in result.rows] == ["new"] * 5
    assert [r.line for r in result.rows] == [2, 3, 4, 5, 6]
    assert result.mapping == {"STT": "ignore", "Họ và tên": "full_name", "Lớp": "class_name",
                              "Ngày sinh": "birth_date", "Mã học sinh": "student_code",
                              "Giới tính": "gender"}
    assert db.conn.execute("SELECT count(*) FROM patrons").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


def test_reimport_updates_by_code_and_never_duplicates(tmp_path: Path,
                                                       patrons: PatronService) -> None:
    path = write_csv(tmp_path / "6a.csv", table())
    import_class_list(patrons, path, dry_run=False)
    again = import_class_list(patrons, path, dry_run=False)
    assert again.counts == {"new": 0, "update": 0, "unchanged": 5, "error": 0}
    changed = [HEADER_VI, *CLASS_6A[:4], ("5", "Đỗ Thị Hương", "6B", "28/08/2013", "0101005", "Nữ"),
               ("6", "Vũ Ngọc Ánh", "6B", "09/09/2013", "0101006", "Nữ")]
    path2 = write_csv(tmp_path / "6a-v2.csv", changed)
    dry = import_class_list(patrons, path2)
    assert [r.status for r in dry.rows] == ["unchanged"] * 4 + ["update", "new"]
    assert dry.rows[4].changes == {"full_name": ("Đỗ Thị Hường", "Đỗ Thị Hương"),
                                   "class_name": ("6A", "6B")}
    import_class_list(patrons, path2, dry_run=False)
    assert len(patrons.list_patrons()) == 6
    huong = patrons.by_student_code("0101005")
    assert huong is not None and (huong.full_name, huong.class_name) == ("Đỗ Thị Hương", "6B")


def test_reimport_without_codes_matches_name_and_birth_date(tmp_path: Path,
                                                           patrons: PatronService) -> None:
    rows = [("Họ tên", "Lớp", "Ngày sinh"), ("Nguyễn Văn An", "6A", "05/09/2013"),
            ("Nguyễn Văn An", "6A", "06/10/2013")]
    path = write_csv(tmp_path / "x.csv", rows)
    assert import_class_list(patrons, path, dry_run=False).counts["new"] == 2
    assert import_class_list(patrons, path, dry_run=False).counts["unchanged"] == 2
    assert len(patrons.list_patrons()) == 2


def test_a_header_on_two_rows_with_a_girls_column(tmp_path: Path, patrons: PatronService) -> None:
    """The layout school systems export: "Họ và tên" merged over "Họ đệm" | "Tên", the other
    headings merged down over both rows, and girls marked with an x under "Nữ"."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "8A"
    sheet["A1"] = "DANH SÁCH LỚP 8A"
    sheet["A3"], sheet["B3"], sheet["D3"], sheet["E3"], sheet["F3"] = (
        "STT", "Họ và tên", "Ngày tháng năm sinh", "Nữ", "Dân tộc")
    for merged in ("A3:A4", "B3:C3", "D3:D4", "E3:E4", "F3:F4"):
        sheet.merge_cells(merged)
    sheet["B4"], sheet["C4"] = "Họ đệm", "Tên"
    for row in ((1, "Nguyễn Văn", "An", "01/02/2012", None, "Kinh"),
                (2, "Trần Thị", "Bình", "06/05/2012", "x", "Tày"),
                (3, "Lò Văn", "Chăn", "08/07/2012", "", "Thái")):
        sheet.append(row)
    book.save(tmp_path / "8a.xlsx")
    result = import_class_list(patrons, tmp_path / "8a.xlsx", dry_run=False)
    assert result.counts == {"new": 3, "update": 0, "unchanged": 0, "error": 0}
    found = {p.full_name: (p.gender, p.birth_date, p.class_name)
             for p in patrons.list_patrons()}
    assert found == {"Nguyễn Văn An": ("male", "2012-02-01", "8A"),
                     "Trần Thị Bình": ("female", "2012-05-06", "8A"),
                     "Lò Văn Chăn": ("male", "2012-07-08", "8A")}


def test_a_header_whose_name_parts_are_on_the_lower_row(tmp_path: Path,
                                                         patrons: PatronService) -> None:
    """Only the lower row names the name's parts; "STT" and "Ngày sinh" are above it."""
    rows = [("STT", "Họ và tên học sinh", None, "Ngày sinh", "Giới tính"),
            (None, "Họ", "Tên", None, None),
            (1, "Phạm Thị", "Dung", "09/10/2012", "Nữ")]
    path = write_xlsx(tmp_path / "two.xlsx", {"Lớp 8B": rows})
    result = import_class_list(patrons, path, dry_run=False, default_class="8B")
    assert result.counts["new"] == 1 and result.counts["error"] == 0
    [dung] = patrons.list_patrons()
    assert (dung.full_name, dung.birth_date, dung.gender) == ("Phạm Thị Dung", "2012-10-09",
                                                              "female")


def test_lines_under_the_table_are_not_students(tmp_path: Path, patrons: PatronService) -> None:
    """A school's list ends with the place and date and the head teacher's signature, in the
    date column: not students, not errors. A student whose name was left out is still
    reported."""
    from datetime import datetime

    rows = [("DANH SÁCH HỌC SINH LỚP 7B - NĂM HỌC 2026-2027",),
            (), ("STT", "Mã định danh", "Họ đệm", "Tên", "Ngày sinh", "Giới tính"),
            (1, "0123456789", "Nguyễn Văn", "An", datetime(2013, 2, 1), "Nam"),
            (2, "0123456790", "", "", "03/04/2013", "Nữ"),
            ("Tổng số: 2 học sinh",),
            (), (None, None, None, None, "Hà Nội, ngày 05 tháng 9 năm 2026"),
            (None, None, None, None, "HIỆU TRƯỞNG"), (None, None, None, None, "Nguyễn Thị Hoa")]
    path = write_xlsx(tmp_path / "7b.xlsx", {"Lớp 7B": rows})
    result = import_class_list(patrons, path, dry_run=False)
    by_line = {r.line: r for r in result.rows}
    assert by_line[4].status == "new"
    assert by_line[5].codes == ["import.no_name"]  # code and birth date: a student, unnamed
    assert sorted(by_line) == [4, 5]  # the total, place, date and signature are skipped
    assert result.counts == {"new": 1, "update": 0, "unchanged": 0, "error": 1}


def test_bad_rows_reported_with_reasons_and_good_rows_written(
        tmp_path: Path, patrons: PatronService) -> None:
    rows = [HEADER_VI,
            ("1", "Nguyễn Văn An", "6A", "05/09/2013", "S1", "Nam"),
            ("2", "", "6A", "05/09/2013", "S2", "Nam"),
            ("3", "Trần Bình", "6A", "31/02/2013", "S3", "Nam"),
            ("4", "Lê Chi", "6A", "01/01/2013", "S4", "Nữ"),
            ("5", "Lê Chi Hai", "6A", "01/01/2013", "S4", "Nữ"),
            ("6", "Phạm Dũng", "Toán", "01/01/2013", "S6", "Nam"),
            ("7", "Hồ Em", "6A", "01/01/2013", "S7", "???"),
            ("", "", "", "", "", ""),
            ("", "Tổng số: 7 học sinh", "", "", "", "")]
    path = write_csv(tmp_path / "bad.csv", rows)
    result = import_class_list(patrons, path, dry_run=False)
    by_line = {r.line: r for r in result.rows}
    assert by_line[2].status == "new"
    assert by_line[3].codes == ["import.no_name"]
    assert by_line[4].codes == ["import.bad_date"] and "31/02/2013" in by_line[4].messages[0]
    assert by_line[5].codes == by_line[6].codes == ["import.duplicate_code"]
    assert by_line[7].codes == ["import.bad_class"]
    assert by_line[8].status == "new" and by_line[8].codes == ["import.bad_gender"]
    assert 9 not in by_line and 10 not in by_line  # the blank row, the totals line
    assert result.counts == {"new": 2, "update": 0, "unchanged": 0, "error": 5}
    assert names(patrons) == ["Hồ Em", "Nguyễn Văn An"]
    assert patrons.by_student_code("S7").gender is None  # type: ignore[union-attr]


def test_title_rows_above_header_give_class_and_year(tmp_path: Path,
                                                     patrons: PatronService) -> None:
    rows = [("TRƯỜNG THCS NGUYỄN HUỆ", "", ""), ("DANH SÁCH HỌC SINH LỚP 7B", "", ""),
            ("Năm học 2025 - 2026", "", ""), ("", "", ""),
            ("Số TT", "Họ đệm", "Tên"), ("1", "Nguyễn Thị", "Mai"), ("2", "Trần Văn", "Nam")]
    path = write_csv(tmp_path / "7b.csv", rows)
    result = import_class_list(patrons, path, dry_run=False)
    assert result.counts["new"] == 2 and result.school_year == "2025-2026"
    assert [(p.full_name, p.class_name, p.grade) for p in patrons.list_patrons()] == \
        [("Nguyễn Thị Mai", "7B", 7), ("Trần Văn Nam", "7B", 7)]
    assert [r.line for r in result.rows] == [6, 7]


ROUND_TRIP = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Quỳnh", "Phạm Đức Thắng",
              "Đỗ Thị Hường", "Bùi Xuân Trường", "Ngô Kiều Oanh", "Lý Thị Mỹ Duyên"]


@pytest.mark.parametrize("encoding, encode", [("tcvn3", legacy_text.encode_tcvn3),
                                              ("vni", legacy_text.encode_vni)])
def test_legacy_column_in_ansi_csv(tmp_path: Path, patrons: PatronService, encoding: str,
                                   encode: Callable[[str], str]) -> None:
    rows = [("STT", encode("Họ và tên"), encode("Lớp"), encode("Ngày sinh"))]
    rows += [(str(i), encode(n), "6A", "01/01/2013") for i, n in enumerate(ROUND_TRIP, 1)]
    path = write_csv(tmp_path / f"{encoding}.csv", rows, encoding="bytes")
    result = import_class_list(patrons, path, dry_run=False)
    assert result.file_encoding == "cp1258"
    assert result.encodings[result.columns[1].header] == encoding
    assert result.counts["new"] == len(ROUND_TRIP)
    assert names(patrons) == sorted(ROUND_TRIP)


def test_xlsx_with_legacy_columns_title_rows_and_date_cells(tmp_path: Path,
                                                           patrons: PatronService) -> None:
    rows: list[Sequence[Any]] = [
        ("DANH SÁCH LỚP 10A1",), (),
        ("STT", "Họ tên (TCVN3)", "Họ tên (VNI)", "Lớp", "Ngày sinh", "Mã HS", "Ghi chú"),
    ]
    for i, name in enumerate(ROUND_TRIP, 1):
        rows.append((i, legacy_text.encode_tcvn3(name), legacy_text.encode_vni(name),
                     "Lớp 10a1", datetime(2010, 1, i), 9000 + i, legacy_text.encode_vni("Đã nộp ảnh")))
    path = write_xlsx(tmp_path / "10a1.xlsx", {"Sheet1": rows})
    result = import_class_list(patrons, path, mapping={"Họ tên (TCVN3)": "full_name",
                                                        "Họ tên (VNI)": "ignore",
                                                        "Ghi chú": "note"}, dry_run=False)
    encodings = {c.header: c.encoding for c in result.columns}
    assert encodings["Họ tên (TCVN3)"] == "tcvn3" and encodings["Ghi chú"] == "vni"
    assert result.counts["new"] == len(ROUND_TRIP)
    assert names(patrons) == sorted(ROUND_TRIP)
    first = patrons.by_student_code("9001")
    assert first is not None
    assert (first.class_name, first.birth_date, first.note) == ("10A1", "2010-01-01", "Đã nộp ảnh")


def test_xlsx_one_sheet_per_class_and_english_headers(tmp_path: Path,
                                                      patrons: PatronService) -> None:
    path = write_xlsx(tmp_path / "school.xlsx", {
        "6A": [("No", "Full name", "Date of birth", "Student ID", "Gender"),
               (1, "Nguyễn Văn An", "05/09/2013", "A1", "M")],
        "6B": [("No", "Full name", "Date of birth", "Student ID", "Gender"),
               (1, "Trần Thị Bình", 41522, "B1", "F")],
        "Ghi chú": [("Danh sách cập nhật tháng 9",)],
    })
    result = import_class_list(patrons, path, dry_run=False)
    assert result.skipped_sheets == ["Ghi chú"]
    assert [(p.full_name, p.class_name, p.birth_date, p.gender) for p in patrons.list_patrons()] \
        == [("Nguyễn Văn An", "6A", "2013-09-05", "male"),
            ("Trần Thị Bình", "6B", "2013-09-05", "female")]


def test_manual_mapping_by_column_letter_when_headers_unknown(tmp_path: Path,
                                                             patrons: PatronService) -> None:
    rows = [("Cột 1", "Cột 2"), ("Nguyễn Văn An", "6A")]
    path = write_csv(tmp_path / "x.csv", rows)
    with pytest.raises(ImportFormatError) as err:
        import_class_list(patrons, path)
    assert err.value.code == "import.no_header"
    result = import_class_list(patrons, path, mapping={"A": "full_name", "Cột 2": "class_name"})
    assert [(r.status, r.values["full_name"], r.values["class_name"]) for r in result.rows] == \
        [("new", "Nguyễn Văn An", "6A")]


def test_unknown_field_in_mapping_is_a_user_error(tmp_path: Path, patrons: PatronService) -> None:
    path = write_csv(tmp_path / "6a.csv", table())
    with pytest.raises(ImportFormatError) as err:
        import_class_list(patrons, path, mapping={"Lớp": "shoe_size"})
    assert err.value.code == "import.bad_field"


def test_unreadable_files_refused(tmp_path: Path, patrons: PatronService) -> None:
    for name, data, code in (("a.xls", b"\xd0\xcf\x11\xe0", "import.unsupported"),
                             ("b.xlsx", b"not a zip", "import.bad_xlsx"),
                             ("c.csv", b"", "import.empty")):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ImportFormatError) as err:
            import_class_list(patrons, tmp_path / name)
        assert err.value.code == code
    with pytest.raises(ImportFormatError):
        import_class_list(patrons, tmp_path / "missing.csv")


def test_real_run_is_one_transaction_with_outbox_rows(tmp_path: Path, patrons: PatronService,
                                                      outbox: Callable[[], list[Any]]) -> None:
    import_class_list(patrons, write_csv(tmp_path / "6a.csv", table()), dry_run=False)
    rows = outbox()
    assert [op for _, op, _ in rows] == ["insert"] * 5
    assert {p["full_name"] for _, _, p in rows} == {r[1] for r in CLASS_6A}


def test_tcvn3_names_with_a_unicode_total_line_under_them(tmp_path: Path,
                                                         patrons: PatronService) -> None:
    """A list of .VnTime names (on a two-row header) ends with "Tổng số: … học sinh" typed
    in Unicode in the name column. The names are still read as TCVN3 — before, that one line
    made the column Unicode and the wizard showed "NguyÔn V¨n" and "Ph¹m ThÞ" (an error: a
    digit in the name)."""
    people = [("Nguyễn Văn", "An", None), ("Trần Thị", "Bích", "x"), ("Phạm Thị Thu", "Hương", "x"),
              ("Đỗ Đức", "Mạnh", None), ("Vũ Ngọc", "Ánh", "x")]
    rows: list[Sequence[Any]] = [
        ("DANH SÁCH HỌC SINH LỚP 6A – NĂM HỌC 2025-2026",), (),
        ("STT", "Mã học sinh", "Họ và tên", None, "Ngày sinh", "Nữ"),
        (None, None, "Họ đệm", "Tên", None, None)]
    for i, (family, given, girl) in enumerate(people, 1):
        rows.append((i, f"HS{i:03d}", legacy_text.encode_tcvn3(family),
                     legacy_text.encode_tcvn3(given), datetime(2014, i, 3), girl))
    rows += [(), (None, None, "Tổng số: 5 học sinh")]
    path = write_xlsx(tmp_path / "6a.xlsx", {"6A": rows})
    result = import_class_list(patrons, path, dry_run=False)
    assert {c.header: c.encoding for c in result.columns}["Họ đệm"] == "tcvn3"
    assert result.counts["new"] == 5
    found = {p.full_name: (p.gender, p.birth_date, p.class_name) for p in patrons.list_patrons()}
    assert found["Phạm Thị Thu Hương"] == ("female", "2014-03-03", "6A")
    assert found["Vũ Ngọc Ánh"] == ("female", "2014-05-03", "6A")
    assert found["Nguyễn Văn An"] == ("male", "2014-01-03", "6A")
    assert [r.line for r in result.rows if r.status == "error"] == []  # the total line: no pupil
    assert len(result.rows) == 5
