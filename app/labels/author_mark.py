"""The author mark (ký hiệu tác giả) printed under the classification number on a spine label.

The rule is configurable (:class:`AuthorMarkRule`); the default takes the first 3 letters of
the Vietnamese author's GIVEN name (the last word: Nguyễn Nhật Ánh → ÁNH), of a foreign
author's SURNAME (Rowling, J. K. → ROW), or of the title when there is no author (or the
author field says "Nhiều tác giả", "Khuyết danh": no one's name); upper case,
diacritics kept. A librarian's per-record override (``records.author_mark``) always wins.

    >>> author_mark(["Nguyễn Nhật Ánh"], "Mắt biếc")
    'ÁNH'
    >>> author_mark(["Rowling, J. K."], "Harry Potter")
    'ROW'
    >>> author_mark([], "Dế Mèn phiêu lưu ký", AuthorMarkRule(letters=2, keep_diacritics=False))
    'DE'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.text import fold, nfc, strip_marks

NamePart = Literal["given", "surname"]

# Common Vietnamese family names, folded (no marks, lower case).
_VIETNAMESE_SURNAMES = frozenset(fold(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Đinh "
    "Lâm Mai Trịnh Trương Lương Hà Tạ Tô Cao Chu Châu Lưu Quách Thái Tôn Văn Vương Kiều La "
    "Mạc Nghiêm Phùng Triệu Khúc Hứa Hầu Đàm Lại Thân Tăng Từ Ông Diệp Doãn Giang Lục Âu Quan"
).split())
# Letters that only Vietnamese spelling uses (among the Latin scripts a library meets).
_VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_DATES = re.compile(r"[\d?]")
# What catalogues write where no one author can be named ("Nhiều tác giả" = various authors):
# not a name, so the mark comes from the title, as for a work entered under its title.
_NO_AUTHOR = frozenset(fold(words) for words in (
    "Nhiều tác giả", "Tập thể tác giả", "Nhóm tác giả", "Khuyết danh", "Nhiều người",
    "Various authors", "Various", "Anonymous"))


@dataclass(frozen=True)
class AuthorMarkRule:
    """How to make an author mark: how many letters, from which part of the name, and whether
    to keep Vietnamese diacritics (ÁNH) or strip them (ANH)."""

    letters: int = 3
    vietnamese_part: NamePart = "given"
    foreign_part: NamePart = "surname"
    keep_diacritics: bool = True
    uppercase: bool = True


def is_vietnamese_name(name: str) -> bool:
    """Whether *name* looks Vietnamese: Vietnamese letters or a Vietnamese family name first.

    >>> is_vietnamese_name("Tô Hoài"), is_vietnamese_name("Hugo, Victor")
    (True, False)
    """
    if _VIETNAMESE_LETTERS.search(name):
        return True
    words = fold(name.split(",")[0]).split()
    return bool(words) and words[0] in _VIETNAMESE_SURNAMES


def name_part(name: str, part: NamePart) -> str:
    """The given name or the surname of a personal name, direct ("J. K. Rowling", "Nguyễn Nhật
    Ánh") or inverted ("Rowling, J. K.", "Nguyễn, Nhật Ánh"); dates after a comma are ignored.

    >>> name_part("Nguyễn Nhật Ánh", "given"), name_part("Rowling, J. K., 1965-", "surname")
    ('Ánh', 'Rowling')
    """
    pieces = [p.strip() for p in nfc(name).split(",") if p.strip() and not _DATES.search(p)]
    if not pieces:
        return ""
    vietnamese = is_vietnamese_name(name)
    if len(pieces) >= 2:  # inverted: "Surname, Given names"
        surname, given_words = pieces[0], pieces[1].split()
        given = given_words[-1] if vietnamese and given_words else (given_words[0] if given_words else "")
        return surname if part == "surname" else given
    words = pieces[0].split()
    if vietnamese:  # Vietnamese direct order: family name first, given name last
        return words[0] if part == "surname" else words[-1]
    return words[-1] if part == "surname" else words[0]


def _letters(text: str, count: int) -> str:
    return "".join(c for c in nfc(text) if c.isalpha())[:count]


def is_no_author(name: str) -> bool:
    """Whether *name* says that there is no one author ("Nhiều tác giả", "Khuyết danh").

    >>> is_no_author("Nhiều tác giả."), is_no_author("Tô Hoài")
    (True, False)
    """
    return fold(" ".join(re.sub(r"[^\w\s]", " ", nfc(name)).split())) in _NO_AUTHOR


def author_mark(authors: Sequence[str], title: str, rule: AuthorMarkRule | None = None,
                override: str | None = None) -> str:
    """The author mark of a record: *override* if set, else computed from the first author, else
    from *title* (also when the author is written "Nhiều tác giả", various authors)."""
    if override and override.strip():
        return nfc(override.strip())
    rule = rule or AuthorMarkRule()
    source = ""
    for author in authors:
        if author and author.strip() and not is_no_author(author):
            part = rule.vietnamese_part if is_vietnamese_name(author) else rule.foreign_part
            source = name_part(author, part)
            break
    if not _letters(source, 1):
        source = title
    mark = _letters(source, max(1, rule.letters))
    if not rule.keep_diacritics:
        mark = strip_marks(mark)
    return mark.upper() if rule.uppercase else mark
