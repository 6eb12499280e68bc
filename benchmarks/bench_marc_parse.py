"""Parse rate of ThuVien's MARC reader against pymarc on generated Vietnamese UTF-8 records.

    .venv/bin/python benchmarks/bench_marc_parse.py [N]

Prints records/s for: pymarc.MARCReader (raw parse), read_marc, read_marc + extract +
holdings + storage form (the object path), the same straight from the bytes
(``app.catalog.marc.direct``, the path an import takes for well-formed UTF-8 records), and
the ratios.
"""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pymarc  # noqa: E402

from app.catalog.isbn import ean13_check_digit  # noqa: E402
from app.catalog.marc.extract import extract, holdings  # noqa: E402
from app.catalog.marc.holdings import ItemData  # noqa: E402
from app.catalog.marc.model import Field, MarcRecord  # noqa: E402
from app.catalog.marc.reader import read_marc  # noqa: E402
from app.catalog.marc.writer import write_iso2709  # noqa: E402
from app.catalog.reading import _direct_at  # noqa: E402

_WORDS = ("Tiếng Việt", "lịch sử", "địa lý", "toán học", "văn học", "thiếu nhi", "khoa học", "tự nhiên",
          "Dế Mèn", "phiêu lưu", "ký", "truyện", "ngắn", "những", "người", "khốn khổ", "đất rừng",
          "phương Nam", "kỹ thuật", "điện", "hoá học", "sinh học", "giáo dục", "công dân", "âm nhạc")
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
_GIVEN = ("Văn An", "Thị Bình", "Đức Cường", "Minh Đức", "Thu Hà", "Quốc Hùng", "Ngọc Lan", "Tất Tố")
_PUBLISHERS = ("Kim Đồng", "Giáo dục Việt Nam", "Văn học", "Trẻ", "Hội Nhà văn", "Đại học Quốc gia")
_SUBJECTS = ("Văn học thiếu nhi", "Lịch sử", "Toán học", "Khoa học tự nhiên", "Tiếng Việt", "Địa lý")
_DDC = ("895.9223", "959.7", "510", "500", "372.6", "915.97", "540", "570")


def make_record(rng: random.Random, n: int) -> tuple[MarcRecord, list[ItemData]]:
    """One realistic Vietnamese book record with 1-3 items."""
    title = " ".join(rng.sample(_WORDS, rng.randint(2, 5))).capitalize()
    author = f"{rng.choice(_SURNAMES)} {rng.choice(_GIVEN)}"
    body = "978604" + f"{rng.randrange(10**6):06d}"
    year = rng.randint(1990, 2025)
    ddc = rng.choice(_DDC)
    fields = [
        Field("001", f"TV{n:07d}"),
        Field("003", "TVTHCS"),
        Field("005", "20240101120000.0"),
        Field("008", f"240101s{year}    vm            000 0 vie d"),
        Field("020", None, " ", " ", [("a", body + ean13_check_digit(body)), ("c", f"{rng.randint(20, 200)}.000đ")]),
        Field("041", None, "0", " ", [("a", "vie")]),
        Field("082", None, "0", "4", [("a", ddc), ("2", "23")]),
        Field("100", None, "0", " ", [("a", author + ".")]),
        Field("245", None, "1", "0", [("a", title + " :"), ("b", "sách tham khảo /"), ("c", author + ".")]),
        Field("250", None, " ", " ", [("a", f"Tái bản lần thứ {rng.randint(1, 9)}.")]),
        Field("264", None, " ", "1", [("a", "Hà Nội :"), ("b", rng.choice(_PUBLISHERS) + ","), ("c", f"{year}.")]),
        Field("300", None, " ", " ", [("a", f"{rng.randint(50, 400)} tr. :"), ("b", "minh hoạ ;"), ("c", "21 cm.")]),
        Field("500", None, " ", " ", [("a", "Sách dùng cho học sinh trung học cơ sở.")]),
        Field("650", None, " ", "7", [("a", rng.choice(_SUBJECTS)), ("z", "Việt Nam"), ("2", "Bộ TK TVQG")]),
        Field("650", None, " ", "7", [("a", rng.choice(_SUBJECTS)), ("x", "Sách đọc thêm"), ("2", "Bộ TK TVQG")]),
    ]
    items = [ItemData(barcode=f"TK.{n * 3 + i:06d}", call_number=f"{ddc} {author[:2].upper()}",
                      collection="TK", location="Kho mở", price=float(rng.randint(20, 200) * 1000),
                      item_type="BK", acquired_on=f"{year}-09-0{i + 1}", source="Mua")
             for i in range(rng.randint(1, 3))]
    return MarcRecord("00000nam a2200000 i 4500", fields), items


def generate(count: int) -> bytes:
    """*count* records as UTF-8 ISO 2709 bytes."""
    rng = random.Random(2024)
    out = io.BytesIO()
    problems = write_iso2709((make_record(rng, n) for n in range(count)), out)
    assert not problems
    return out.getvalue()


def _rate(label: str, count: int, seconds: float) -> float:
    rate = count / seconds
    print(f"{label:40s} {count:7d} records in {seconds:6.2f} s = {rate:8.0f} records/s")
    return rate


def main(count: int) -> None:
    data = generate(count)
    print(f"{count} generated Vietnamese records, {len(data) / count:.0f} bytes each, UTF-8 ISO 2709")
    start = time.perf_counter()
    n = sum(1 for _ in pymarc.MARCReader(io.BytesIO(data), to_unicode=True, force_utf8=True))
    pymarc_rate = _rate("pymarc.MARCReader (parse only)", n, time.perf_counter() - start)
    start = time.perf_counter()
    n = sum(1 for _ in read_marc(data))
    read_rate = _rate("read_marc", n, time.perf_counter() - start)
    start = time.perf_counter()
    n = 0
    for record in read_marc(data):
        if isinstance(record, MarcRecord):
            extract(record)
            holdings(record)
            record.to_storage()
            n += 1
    full_rate = _rate("read_marc + extract + holdings + storage", n, time.perf_counter() - start)
    start = time.perf_counter()
    n = sum(1 for _ in read_marc(data, None, _direct_at))
    direct_rate = _rate("the same, straight from the bytes", n, time.perf_counter() - start)
    print(f"read_marc / pymarc = {read_rate / pymarc_rate:.2f}x; "
          f"with extract+holdings+to_storage = {full_rate / pymarc_rate:.2f}x; "
          f"the import's direct reader = {direct_rate / pymarc_rate:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
