"""Vietnamese personal names: register order and joining split name columns."""

from __future__ import annotations

import re

from app.text import nfc, sort_key

# A run of letters (tone marks included once NFC has composed them): a name's syllable, or
# each side of "H'Hen" and "Y-Moan".
_LETTERS = re.compile(r"[^\W\d_]+")


def join_name(family_and_middle: str | None, given: str | None) -> str:
    """Join the "Họ đệm" and "Tên" columns of a class list into one full name.

    >>> join_name("Nguyễn Thị ", " Mai")
    'Nguyễn Thị Mai'
    """
    parts = [nfc(p).strip() for p in (family_and_middle, given) if p and p.strip()]
    return " ".join(" ".join(parts).split())


def title_case_name(name: str) -> str:
    """A name written ALL IN CAPITALS as registers write names: each word a capital and
    small letters, Vietnamese letters included (NFC: "Đ" stays "Đ", "Ố" becomes "ố"). So is
    a name with no capital at all (typed in TCVN3's capitals font .VnTimeH, whose codes are
    the small letters'), and a name in capitals but for a small middle word ("PHẠM văn
    BÌNH", "NGUYỄN thị MAI": no word of it is written as a name is). A name with a word
    mixing both is left exactly as typed ("Nguyễn Văn AN", "Lê thị Thu").

    >>> title_case_name("ĐẶNG THỊ ÁNH"), title_case_name("NGUYỄN VĂN AN")
    ('Đặng Thị Ánh', 'Nguyễn Văn An')
    >>> title_case_name("H'HEN NIÊ"), title_case_name("Lê thị Thu"), title_case_name("đỗ an")
    ("H'Hen Niê", 'Lê thị Thu', 'Đỗ An')
    >>> title_case_name("PHẠM văn BÌNH"), title_case_name("Nguyễn Văn AN")
    ('Phạm Văn Bình', 'Nguyễn Văn AN')
    """
    name = nfc(name)
    words = _LETTERS.findall(name)
    if not words or not all(word.isupper() or word.islower() for word in words):
        return name  # no letters, or a word mixing capitals and small letters
    return _LETTERS.sub(lambda word: word[0][0].upper() + word[0][1:].lower(), name)


def register_order(full_name: str) -> tuple[object, ...]:
    """Sort key of a class register: given name (last word) first, then the whole name.

    >>> sorted(["Trần Văn Bình", "Nguyễn Thị An", "Lê An"], key=register_order)
    ['Lê An', 'Nguyễn Thị An', 'Trần Văn Bình']
    """
    words = full_name.split()
    return (sort_key(words[-1] if words else ""), sort_key(full_name))
