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
    doc = missing_document(missing, "Kiểm kê từ 22/11/2026 (toàn thư viện)", "THCS Nguyễn Du",
                           date(2026, 11, 22))
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
