"""A small school library built through the app's own services: real MARC records imported
from ../shared/data plus Vietnamese titles, copies bought or given on known days at known
prices, readers who borrow, return, come in and read in the room, under a clock the test
moves."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.catalog.models import Item
from app.circulation import Circulation
from app.library import Library
from app.patrons.model import Patron
from app.reports.service import Reports

LIBRARY = "Thư viện Trường THCS Kim Đồng"
LONG_TITLE = ("Tuyển tập truyện ngắn Việt Nam thế kỷ XX: những tác phẩm đặc sắc nhất của các nhà "
              "văn hiện đại từ Nam Cao, Tô Hoài, Nguyễn Tuân đến Nguyễn Minh Châu và Nguyễn Huy "
              "Thiệp")


@dataclass
class Clock:
    """Starts Monday 8 Sep 2025, 09:00 in Hà Nội; moves only when told."""

    now: datetime = field(default_factory=lambda: datetime(2025, 9, 8, 2, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def today(self) -> date:
        return (self.now + timedelta(hours=7)).date()


@dataclass
class School:
    """The library, its desk under the test's clock, its reports, and what was put in."""

    lib: Library
    circ: Circulation
    reports: Reports
    clock: Clock
    toan: list[Item] = field(default_factory=list)
    van: list[Item] = field(default_factory=list)
    toan_later: list[Item] = field(default_factory=list)
    imported: list[Item] = field(default_factory=list)
    de_men: list[Item] = field(default_factory=list)
    long_one: list[Item] = field(default_factory=list)
    gifts: list[Item] = field(default_factory=list)
    readers: dict[str, Patron] = field(default_factory=dict)

    def copies(self, record_id: int, count: int, collection: str, day: str,
               source: str | None, price: float | None, call: str | None = None) -> list[Item]:
        return [self.lib.catalog.add_item(record_id, collection=collection, acquired_on=day,
                                          source=source, price=price, call_number=call)
                for _ in range(count)]


def build_school(lib: Library, clock: Clock, marc: Path) -> School:
    lib.settings.set("library_name", LIBRARY)
    lib.settings.set("school_year", "2025-2026")
    school = School(lib, Circulation(lib.db, lib.settings, clock=clock),
                    Reports(lib.db, lib.settings, today=clock.today), clock)
    cat = lib.catalog
    toan = cat.add_record("Toán 6", volume="Tập 1", authors=["Hà Huy Khoái"],
                          publisher="Giáo dục Việt Nam", place="Hà Nội", year=2021,
                          classification="51")
    van = cat.add_record("Ngữ văn 6", volume="Tập 1", authors=["Nguyễn Minh Thuyết"],
                         publisher="Giáo dục Việt Nam", place="Hà Nội", year=2021,
                         classification="807")
    # Delivery 1 — 20/08/2025, the publisher: 30 + 10 textbooks
    school.toan = school.copies(toan, 30, "GK", "2025-08-20", "NXB Giáo dục", 18000, "51 T406")
    school.van = school.copies(van, 10, "GK", "2025-08-20", "NXB Giáo dục", 20000)
    # Delivery 2 — 02/09/2025, bought: 5 more Toán 6 at a new price, real imported records,
    # a Vietnamese novel and a title too long for its column
    school.toan_later = school.copies(toan, 5, "GK", "2025-09-02", "Mua", 19000, "51 T406")
    report = cat.import_marc(marc)
    assert report.imported == 10
    first_three = [r[0] for r in lib.db.conn.execute(
        "SELECT id FROM records WHERE control_number IS NOT NULL ORDER BY id LIMIT 3")]
    for record_id in first_three:
        school.imported += school.copies(record_id, 1, "TK", "2025-09-02", "mua ", 50000)
    de_men = cat.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], publisher="Kim Đồng",
                            place="Hà Nội", year=2020, classification="895.9223")
    school.de_men = school.copies(de_men, 3, "TK", "2025-09-02", "Mua", 45000, "895.9223 T450H")
    long_one = cat.add_record(LONG_TITLE, authors=["Nhiều tác giả"], publisher="Văn học",
                              place="Hà Nội", year=2019)
    school.long_one = school.copies(long_one, 1, "TK", "2025-09-02", "Mua", 125000)
    # Delivery 3 — 05/09/2025, a gift without prices
    tales = cat.add_record("Truyện cổ tích Việt Nam", authors=["Nguyễn Đổng Chi"], year=2018)
    school.gifts = school.copies(tales, 2, "TN", "2025-09-05", "Biếu tặng", None)
    for name, cls, category in (("Nguyễn Văn An", "6A", "student"),
                                ("Trần Thị Bình", "6A", "student"),
                                ("Lê Văn Cường", "7B", "student"),
                                ("Phạm Văn Dũng", None, "teacher")):
        school.readers[name] = lib.patrons.add(name, category=category, class_name=cls)
    return school


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def school(tmp_path: Path, clock: Clock, shared_data: Path) -> Iterator[School]:
    lib = Library.open(tmp_path / "library.sqlite3")
    try:
        yield build_school(lib, clock, shared_data / "marc" / "pymarc" / "test.dat")
    finally:
        lib.close()


def layout_text(pdf: Path) -> str:
    """The PDF's text with each table row kept on one line (pdftotext -layout)."""
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
