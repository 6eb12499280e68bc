"""``thuvien-district``, as a district admin types it: JSON answers, and a mistyped value or
an unreachable database refused on one line with nothing written (both backends)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from server.cli import main


def _run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _libraries(capsys: pytest.CaptureFixture[str], db: str) -> list[dict[str, Any]]:
    code, out, _ = _run(capsys, db, "libraries", "--json")
    assert code == 0
    return list(json.loads(out))


def test_a_library_is_registered_listed_and_given_a_new_code(
        db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, db_url, "library", "add", "--code", "TH-NGUYENDU", "--name",
                        "Trường Tiểu học Nguyễn Du", "--type", "school", "--json")
    added = json.loads(out)
    assert code == 0 and added["library"]["name"] == "Trường Tiểu học Nguyễn Du"
    assert added["library"]["enrolled"] is False and len(added["enrollment_code"]) >= 12
    assert [lib["code"] for lib in _libraries(capsys, db_url)] == ["TH-NGUYENDU"]
    code, out, _ = _run(capsys, db_url, "library", "enrollment", "TH-NGUYENDU", "--json")
    assert code == 0 and json.loads(out)["enrollment_code"] != added["enrollment_code"]
    code, _, err = _run(capsys, db_url, "library", "add", "--code", "TH-NGUYENDU", "--name",
                        "Trùng mã", "--type", "school")
    assert code == 2 and "already exists" in err


@pytest.mark.parametrize(("option", "value", "rule"), [
    ("--code", "TH Nguyễn Du", "library code"), ("--code", "X" * 40, "at most 32"),
    ("--name", " ", "1 to 200 characters"), ("--name", "A" * 201, "1 to 200 characters"),
    ("--commune", "B" * 201, "at most 200"),
])
def test_a_value_the_api_would_refuse_is_refused_here_and_nothing_is_written(
        db_url: str, capsys: pytest.CaptureFixture[str], option: str, value: str,
        rule: str) -> None:
    values = {"--code": "TH01", "--name": "Trường THCS Lê Lợi", "--commune": "Xã An Bình"}
    values[option] = value
    argv = [part for pair in values.items() for part in pair]
    code, out, err = _run(capsys, db_url, "library", "add", *argv, "--type", "commune")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"Lỗi / Error: {option}:") and rule in err
    assert _libraries(capsys, db_url) == []


def test_a_database_that_cannot_be_opened_is_one_line_without_its_password(
        capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    code, _, err = _run(capsys, str(tmp_path), "libraries")  # a folder, not a file
    assert code == 2 and err.startswith("Lỗi / Error: không mở được CSDL") and \
        err.count("\n") == 1
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"  # nothing listens on port 1
    code, _, err = _run(capsys, url, "libraries")
    assert code == 2 and "secret" not in err and "nobody:***@" in err


def test_statistics_for_a_month_that_does_not_exist_are_refused_in_words(
        db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, db_url, "library", "add", "--code", "TH01", "--name", "Trường A",
                "--type", "school")[0] == 0
    code, out, err = _run(capsys, db_url, "stats", "--code", "TH01", "--month", "2026-13")
    assert code == 2 and out == "" and "--month" in err and "Traceback" not in err
    code, out, _ = _run(capsys, db_url, "stats", "--code", "TH01", "--month", "2026-11",
                        "--json")
    assert code == 0 and json.loads(out)["loans"] == 0


def test_a_port_out_of_range_is_refused_before_anything_starts(
        tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(tmp_path / "d.sqlite3"), "serve", "--port", "99999"])
    assert stop.value.code == 2 and "1 to 65535" in capsys.readouterr().err


def test_the_district_month_for_every_library_with_a_total_and_a_spreadsheet(
        tmp_path: Any, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two schools sync real loans; the district's table adds them up, the CSV opens in
    Excel with the Vietnamese names intact."""
    import csv
    from datetime import UTC, datetime

    from app.library import Library
    from tests.support.district import District

    monkeypatch.setenv("THUVIEN_TOKEN_DIR", str(tmp_path / "tokens"))
    (tmp_path / "district").mkdir()
    district = District(tmp_path / "district")
    db = str(tmp_path / "district" / "district.sqlite3")
    month = datetime.now(UTC).strftime("%Y-%m")
    try:
        for lib_code, name, lent in (("TH01", "Trường Tiểu học Lê Lợi", 2),
                                     ("TH02", "Trường THCS Nguyễn Du", 1)):
            added = _run(capsys, db, "library", "add", "--code", lib_code, "--name", name,
                         "--type", "school", "--json")[1]
            with Library.open(tmp_path / f"{lib_code}.sqlite3") as lib:
                lib.sync.enroll(district.url, json.loads(added)["enrollment_code"])
                record = lib.catalog.add_record("Dế Mèn phiêu lưu ký")
                copies = lib.catalog.add_copies(record, 3, collection="TN")
                reader = lib.patrons.add("Nguyễn Văn An", class_name="6A")
                for item in copies[:lent]:
                    assert lib.circulation.checkout(reader.card, item.barcode).ok
                lib.sync.sync_now()
    finally:
        district.stop()
    code, out, _ = _run(capsys, db, "stats", "--month", month, "--json",
                        "--csv", str(tmp_path / "month.csv"))
    rows = json.loads(out)
    assert code == 0 and [(r["library_code"], r["loans"], r["active_readers"]) for r in rows] \
        == [("TH01", 2, 1), ("TH02", 1, 1)]
    code, out, _ = _run(capsys, db, "stats", "--month", month)
    total = out.splitlines()[-1].split()
    assert "Trường THCS Nguyễn Du" in out and total[-4:] == ["6", "3", "2", "0"]
    with open(tmp_path / "month.csv", encoding="utf-8-sig", newline="") as sheet:
        table = list(csv.reader(sheet))
    assert table[1][:4] == ["TH01", "Trường Tiểu học Lê Lợi", "3", "2"]
    assert table[0][-1] == "Kho / Collection TN" and table[2][-1] == "3"


def test_help_is_vietnamese_by_default_and_english_on_request(
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.i18n import set_language

    try:
        with pytest.raises(SystemExit):
            main(["library", "add", "--help"])
        shown = capsys.readouterr().out
        assert shown.startswith("cách dùng: thuvien-district library add")
        assert "mã thư viện: chữ không dấu" in shown and "tùy chọn:" in shown
        with pytest.raises(SystemExit) as stop:
            main(["stats"])
        assert stop.value.code == 2
        assert "thiếu tham số bắt buộc: --month" in capsys.readouterr().err
        with pytest.raises(SystemExit):
            main(["--lang", "en", "library", "add", "--help"])
        shown = capsys.readouterr().out
        assert shown.startswith("usage: thuvien-district library add")
        assert "library code: plain letters" in shown
    finally:
        set_language("vi")
