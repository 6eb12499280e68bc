"""``thuvien stocktake ...``, ``thuvien writeoff`` and ``thuvien writeoffs`` through
``app.cli.main`` on a real library file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.app.collection.conftest import stock


@pytest.fixture
def db(tmp_path: Path, shared_data: Path) -> tuple[str, list[str], list[str]]:
    shelves = stock(tmp_path / "lib.sqlite3", shared_data)
    shelves.lib.close()
    return str(shelves.path), shelves.gk, shelves.tn


def test_a_stocktake_from_the_command_line(db: tuple[str, list[str], list[str]],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path, gk, tn = db
    assert main(["--db", path, "stocktake", "start", "--collection", "GK",
                 "--collection", "tn"]) == 0
    assert "Đã bắt đầu: Kiểm kê từ" in capsys.readouterr().out
    assert main(["--db", path, "stocktake", "start"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "vẫn đang mở" in error
    assert main(["--db", path, "stocktake", "scan", *gk[:10], *tn[:6]]) == 0
    assert main(["--db", path, "stocktake", "scan", gk[0], "MCL.00001", "XYZ"]) == 1
    out = capsys.readouterr()
    assert "chỉ tính một lần" in out.out
    assert "ngoài phạm vi" in out.err and "Không có bản sách nào mã “XYZ”" in out.err
    assert main(["--db", path, "stocktake", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["expected"], status["found"], status["missing"]) == (20, 16, 4)
    assert main(["--db", path, "--lang", "en", "stocktake", "status"]) == 0
    assert "expected 20, found 16, on loan 0, missing 4" in capsys.readouterr().out
    assert main(["--db", path, "--lang", "vi", "stocktake", "missing", "--json"]) == 0
    missing = json.loads(capsys.readouterr().out)
    assert [m["barcode"] for m in missing] == [gk[10], gk[11], tn[6], tn[7]]
    assert main(["--db", path, "stocktake", "missing"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "4 bản chưa thấy (theo thứ tự trên giá):"
    assert main(["--db", path, "stocktake", "close", "--mark-lost"]) == 0
    assert "đánh dấu mất 4" in capsys.readouterr().out
    assert main(["--db", path, "stocktake", "status"]) == 2
    assert "Chưa có đợt kiểm kê nào đang mở" in capsys.readouterr().err


def test_writeoff_records_from_the_command_line(db: tuple[str, list[str], list[str]],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path, gk, _tn = db
    assert main(["--db", path, "writeoffs"]) == 0
    assert "Chưa có biên bản" in capsys.readouterr().out
    assert main(["--db", path, "writeoff", "--number", "5/2026", "--reason", "worn",
                 "--date", "01/01/2026", gk[0], gk[1]]) == 0
    assert capsys.readouterr().out.strip() == (
        "Đã lập biên bản 5/2026 ngày 01/01/2026 (Rách nát, hư hỏng): 2 bản, trị giá 40.001 đ.")
    assert main(["--db", path, "writeoff", "--number", "6/2026", "--reason", "lost",
                 gk[1], "KHONG.CO", gk[2]]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert f"{gk[1]} đã thanh lý rồi (biên bản 5/2026)" in error and "KHONG.CO" in error
    with pytest.raises(SystemExit) as bad_reason:
        main(["--db", path, "writeoff", "--number", "6/2026", "--reason", "x", gk[2]])
    assert bad_reason.value.code == 2
    assert "không có lựa chọn 'x'" in capsys.readouterr().err
    assert main(["--db", path, "writeoff", "--number", "7/2026", "--reason", "lost",
                 "--date", "31/02/2026", gk[2]]) == 2
    capsys.readouterr()
    assert main(["--db", path, "writeoffs", "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert [(w["number"], w["copies"], w["by_collection"]) for w in lines] == [
        ("5/2026", 2, {"GK": 2})]
    assert main(["--db", path, "--lang", "en", "writeoffs"]) == 0
    assert "01/01/2026  5/2026  Worn out, damaged: 2 copies, 40.001 đ" in capsys.readouterr().out
