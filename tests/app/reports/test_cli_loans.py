"""``thuvien register loans``, ``thuvien report annual`` and ``thuvien report tally`` on a
real library file (the desk's clock in September 2025; the command's is the real one)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main

from .conftest import School, layout_text
from .test_loanbook import september
from .test_tally import two_days


def run(school: School, *args: str) -> int:
    return main(["--db", str(school.lib.path), *args])


def test_register_loans(school: School, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    september(school)
    pdf = tmp_path / "so-muon-hs.pdf"
    assert run(school, "register", "loans", "--readers", "students", "--from", "01/09/2025",
               "--to", "30/09/2025", "--out", str(pdf)) == 0
    assert capsys.readouterr().out.strip() == \
        f"Đã ghi Sổ mượn sách của học sinh (5 dòng) vào {pdf}"
    text = layout_text(pdf)
    assert "Nguyễn Văn An" in text and "Phạm Văn Dũng" not in text
    xlsx = tmp_path / "so-muon-gv.xlsx"
    assert run(school, "register", "loans", "--readers", "staff", "--out", str(xlsx)) == 0
    rows = [r for r in load_workbook(xlsx)["Sổ mượn"].iter_rows(values_only=True)
            if isinstance(r[0], int)]
    assert [(r[2], r[3], r[1]) for r in rows] == [("Phạm Văn Dũng", "Giáo viên",
                                                   datetime(2025, 9, 8))]
    capsys.readouterr()
    assert run(school, "register", "loans", "--readers", "all", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["data"]) == 7 and data["readers"] == "all"
    assert sum(1 for x in data["data"] if x["returned_on"] is None) == 4
    assert run(school, "register", "loans", "--out", str(pdf)) == 2
    assert "--readers students" in capsys.readouterr().err
    assert run(school, "register", "loans", "--readers", "staff", "--out", "x.docx") == 2
    assert "chỉ ghi được .pdf hoặc .xlsx" in capsys.readouterr().err


def test_report_annual_and_tally(school: School, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    two_days(school)
    pdf = tmp_path / "nam.pdf"
    assert run(school, "report", "annual", "--year", "2025-2026", "--out", str(pdf)) == 0
    assert "Báo cáo công tác thư viện năm học 2025-2026" in capsys.readouterr().out
    text = layout_text(pdf)
    assert "BÁO CÁO CÔNG TÁC THƯ VIỆN NĂM HỌC 2025-2026" in text
    assert ["09/2025", "2", "1", "0", "3"] in [line.split() for line in text.splitlines()]
    assert run(school, "report", "annual", "--year", "2025", "--json") == 2
    assert "2025-2026" in capsys.readouterr().err
    assert run(school, "report", "tally", "--month", "09/2025", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["days"]) == 30
    assert data["days"][7] == {"day": "2025-09-08", "visits": {"student": 2, "staff": 1,
                                                               "other": 3},
                               "in_library": 2, "loans": 2}
    xlsx = tmp_path / "luot-doc.xlsx"
    assert run(school, "report", "tally", "--from", "08/09/2025", "--to", "10/09/2025",
               "--xlsx", str(xlsx)) == 0
    days = [r for r in load_workbook(xlsx)["Ngày"].iter_rows(values_only=True)
            if isinstance(r[0], datetime)]
    assert [r[5] for r in days] == [6, 0, 5]  # visits on 08, 09 and 10/09
    assert run(school, "report", "tally", "--month", "13/2025") == 2
    assert "13/2025" in capsys.readouterr().err
