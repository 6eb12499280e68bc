"""``thuvien register`` and ``thuvien stats`` on a real library file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from tests.app.labels.raster import pdf_text

from .conftest import School


def run(school: School, *args: str) -> int:
    return main(["--db", str(school.lib.path), *args])


def test_register_to_pdf_and_xlsx(school: School, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "ca-biet-tk.pdf"
    assert run(school, "register", "individual", "--collection", "TK", "--pdf", str(pdf)) == 0
    assert capsys.readouterr().out.strip() == f"Đã ghi Sổ đăng ký cá biệt (7 dòng) vào {pdf}"
    text = pdf_text(pdf.read_bytes(), tmp_path)
    assert "TK.00007" in text and "GK.00001" not in text and "Kho TK" in text
    xlsx = tmp_path / "tq.xlsx"
    assert run(school, "register", "general", "--from", "01/09/2025", "--to", "2025-09-30",
               "--xlsx", str(xlsx)) == 0
    rows = [[c.value for c in row] for row in load_workbook(xlsx)["Phần I"].iter_rows()]
    # September's deliveries keep their running numbers 2 and 3
    assert [(r[0], r[2], r[4]) for r in rows if isinstance(r[0], int)] == [
        (2, "Mua", 12), (3, "Biếu tặng", 2)]
    assert "Từ ngày 01/09/2025 đến ngày 30/09/2025" in [r[0] for r in rows]


def test_register_json_and_errors(school: School, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(school, "register", "textbook", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["title"], [x["numbers"] for x in p["lines"]]) for p in data["data"]] == [
        ("Ngữ văn 6. Tập 1", ["GK.00031–GK.00040"]),
        ("Toán 6. Tập 1", ["GK.00001–GK.00030", "GK.00041–GK.00045"])]
    assert run(school, "register", "general") == 2
    err = capsys.readouterr().err
    assert err.strip() == "Hãy cho biết tệp cần ghi: --pdf TỆP hoặc --xlsx TỆP (hoặc --json)."
    assert run(school, "register", "individual", "--from", "31/02/2025", "--json") == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert run(school, "stats", "--from", "05/09/2025", "--to", "01/09/2025") == 2
    assert "ở sau ngày kết thúc" in capsys.readouterr().err


def test_stats_printed_and_as_json(school: School, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(school, "stats", "--from", "01/08/2025", "--to", "31/08/2025", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["collection_total"]["copies"] == 40 and data["end"] == "2025-08-31"
    assert run(school, "stats", "--from", "01/08/2025", "--to", "31/08/2025") == 0
    out = capsys.readouterr().out
    assert "Từ ngày 01/08/2025 đến ngày 31/08/2025" in out
    assert "GK — Sách giáo khoa: Số tên sách: 2; Số bản: 40; Giá trị (đ): 740.000" in out
