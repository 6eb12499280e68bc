"""The printed missing list: every missing copy in shelf order across numbered A4 pages, and a
PDF a printer takes."""

from __future__ import annotations

from datetime import date

from app.collection.printed import missing_document
from app.labels.pdf import to_pdf
from tests.app.collection.conftest import Shelves


def _texts(page: list[tuple[str, tuple[object, ...]]]) -> list[str]:
    return [str(args[2]) for name, args in page if name == "text"]


def test_the_missing_list_as_pages_and_pdf(shelves: Shelves) -> None:
    lib = shelves.lib
    lib.collection.start_stocktake()  # nothing scanned: every copy of the library is missing
    missing = lib.collection.missing()
    assert len(missing) > 150
    doc = missing_document(
        missing, "Kiểm kê từ 22/11/2026 (toàn thư viện)", "THCS Nguyễn Du", date(2026, 11, 22)
    )
    order = [c.barcode for c in missing]
    per_page = [sum(t in set(order) for t in _texts(page)) for page in doc.pages]
    assert len(per_page) >= 4 and len(set(per_page[:-1])) == 1 and per_page[0] > 30
    listed = [text for page in doc.pages for text in _texts(page)]
    assert [t for t in listed if t in set(order)] == order  # all of them, in shelf order
    first = _texts(doc.pages[0])
    assert f"Trang 1/{len(doc.pages)}" in first
    assert any(t.startswith("THCS Nguyễn Du — in ngày 22/11/2026") for t in first)
    pdf = to_pdf(doc)
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_a_copy_without_its_own_call_number_is_listed_by_its_class_number(shelves: Shelves) -> None:
    """Copies added without a call number carry their record's classification on the spine
    label; the missing list shows and orders them by it, not as "–" at the end of the shelf."""
    lib = shelves.lib
    record = lib.catalog.add_record(
        "Những ngả đường chiến tranh: hồi ký", classification="959.7043"
    )
    copy = lib.catalog.add_item(record, collection="TK")
    lib.collection.start_stocktake()
    missing = lib.collection.missing()
    line = next(c for c in missing if c.barcode == copy.barcode)
    assert line.call_number == "959.7043"
    doc = missing_document(missing, "Kiểm kê", "THCS Nguyễn Du", date(2026, 11, 22))
    texts = [t for page in doc.pages for t in _texts(page)]
    at = texts.index(copy.barcode)
    assert texts[at - 1] == "959.7043"


def test_a_long_school_name_leaves_the_print_date_whole(shelves: Shelves) -> None:
    name = "Thư viện Trường Trung học cơ sở Nguyễn Thị Minh Khai, huyện Hoằng Hoá, tỉnh Thanh Hoá"
    shelves.lib.collection.start_stocktake()
    doc = missing_document(shelves.lib.collection.missing(), "Kiểm kê", name, date(2026, 11, 22))
    assert f"{name} — in ngày 22/11/2026" in _texts(doc.pages[0])
