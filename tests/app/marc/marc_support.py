"""Helpers for the MARC tests: the real files in ../shared/data/marc and a record factory."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog.marc.model import Field, MarcRecord
from app.catalog.marc.reader import RecordProblem, read_marc

REPO_ROOT = Path(__file__).resolve().parents[3]
MARC_DATA = REPO_ROOT.parent / "shared" / "data" / "marc"
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def data(relative: str) -> Path:
    """A file under shared/data/marc; fails (never skips) when the shared data is missing."""
    path = MARC_DATA / relative
    if not path.exists():
        pytest.fail(f"shared test data missing: {path}")
    return path


def split(results: list[MarcRecord | RecordProblem]) -> tuple[list[MarcRecord], list[RecordProblem]]:
    records = [r for r in results if isinstance(r, MarcRecord)]
    problems = [r for r in results if isinstance(r, RecordProblem)]
    return records, problems


def read_all(source: Path | bytes) -> tuple[list[MarcRecord], list[RecordProblem]]:
    return split(list(read_marc(source)))


def vietnamese_record(n: int = 1) -> MarcRecord:
    """A realistic Vietnamese book record with two 952 items."""
    return MarcRecord("00000nam a2200000 a 4500", [
        Field("001", f"VN{n:06d}"),
        Field("003", "TVTHCS-NT"),
        Field("008", "230905s2023    vm            000 0 vie d"),
        Field("020", None, " ", " ", [("a", "9786042088763 (bìa mềm) :"), ("c", "50.000đ")]),
        Field("082", None, "0", "4", [("a", "895.9223/34")]),
        Field("100", None, "0", " ", [("a", "Tô Hoài,"), ("d", "1920-2014.")]),
        Field("245", None, "1", "0", [("a", f"Dế Mèn phiêu lưu ký {n} :"), ("b", "truyện dài /"),
                                      ("c", "Tô Hoài ; minh hoạ: Tạ Thúc Bình.")]),
        Field("250", None, " ", " ", [("a", "Tái bản lần thứ 12.")]),
        Field("264", None, " ", "1", [("a", "Hà Nội :"), ("b", "Kim Đồng,"), ("c", "2023.")]),
        Field("490", None, "0", " ", [("a", "Tủ sách vàng ;"), ("v", "T.3")]),
        Field("500", None, " ", " ", [("a", "Sách dành cho thiếu nhi.")]),
        Field("650", None, " ", "7", [("a", "Văn học thiếu nhi"), ("z", "Việt Nam"), ("x", "Truyện dài."),
                                      ("2", "Bộ TK TVQG")]),
        Field("700", None, "0", " ", [("a", "Tạ Thúc Bình,"), ("e", "minh hoạ.")]),
        Field("952", None, " ", " ", [("8", "TN"), ("a", "TV"), ("b", "TV"), ("c", "Kho mở"),
                                      ("d", "2023-09-05"), ("e", "Mua"), ("g", "50.000"),
                                      ("o", "895.922 T450H"), ("p", "TN.00456"), ("y", "BK")]),
        Field("952", None, " ", " ", [("8", "TN"), ("o", "895.922 T450H"), ("p", "TN.00457"),
                                      ("z", "Bìa rách nhẹ")]),
    ])
