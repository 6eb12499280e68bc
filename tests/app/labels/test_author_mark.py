"""Author marks on spine labels follow the configured rule; the librarian's override wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.labels import AuthorMarkRule, author_mark
from app.labels.pdf import render_labels
from app.labels.selection import items_by_barcodes
from app.labels.templates import load_template
from app.library import Library
from tests.app.labels.raster import pdf_text


@pytest.mark.parametrize(("authors", "title", "mark"), [
    (["Nguyễn Nhật Ánh"], "Mắt biếc", "ÁNH"),        # Vietnamese: the given name
    (["Nguyễn, Nhật Ánh"], "Mắt biếc", "ÁNH"),       # inverted Vietnamese entry
    (["Tô Hoài"], "Dế Mèn phiêu lưu ký", "HOÀ"),
    (["Rowling, J. K."], "Harry Potter", "ROW"),     # foreign: the surname
    (["Rowling, J. K., 1965-"], "Harry Potter", "ROW"),
    (["Victor Hugo"], "Những người khốn khổ", "HUG"),
    ([], "Đất rừng phương Nam", "ĐẤT"),              # no author: the title
    ([], "  “Tuổi thơ dữ dội”", "TUỔ"),
])
def test_default_rule(authors: list[str], title: str, mark: str) -> None:
    assert author_mark(authors, title) == mark


def test_rule_is_configurable() -> None:
    rule = AuthorMarkRule(letters=1, keep_diacritics=False)
    assert author_mark(["Nguyễn Nhật Ánh"], "x", rule) == "A"
    assert author_mark([], "Đất rừng phương Nam", AuthorMarkRule(letters=2, keep_diacritics=False)) == "DA"
    assert author_mark(["Nguyễn Nhật Ánh"], "x", AuthorMarkRule(vietnamese_part="surname")) == "NGU"
    assert author_mark(["Rowling, J. K."], "x", AuthorMarkRule(letters=2, uppercase=False)) == "Ro"


def test_librarians_override_wins() -> None:
    assert author_mark(["Nguyễn Nhật Ánh"], "Mắt biếc", override="NG-A") == "NG-A"
    assert author_mark(["Nguyễn Nhật Ánh"], "Mắt biếc", override="  ") == "ÁNH"


def test_various_authors_is_not_a_name_on_the_spine(tmp_path: Path) -> None:
    """"Nhiều tác giả" (various authors) in the author field is no one's given name: the
    spine label printed for the anthology shows the title's letters (TUY), not "GIẢ"."""
    lib = Library.open(tmp_path / "lib.sqlite3")
    try:
        record = lib.catalog.add_record("Tuyển tập truyện ngắn Việt Nam thế kỷ XX",
                                        authors=["Nhiều tác giả"], classification="895.9223",
                                        year=2019)
        item = lib.catalog.add_item(record, collection="TK")
        items = items_by_barcodes(lib, [item.barcode])
        pdf = render_labels("spine", items, load_template("avery-l7651"))
    finally:
        lib.close()
    words = pdf_text(pdf, tmp_path).split()
    assert words[:3] == ["895.9223", "TUY", "2019"]
    assert author_mark(["Khuyết danh"], "Truyện Kiều") == "TRU"
    assert author_mark(["Tô Hoài", "Nhiều tác giả"], "x") == "HOÀ"
