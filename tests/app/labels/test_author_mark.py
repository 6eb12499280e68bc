"""Author marks on spine labels follow the configured rule; the librarian's override wins."""

from __future__ import annotations

import pytest

from app.labels import AuthorMarkRule, author_mark


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
