"""Vietnamese personal names: register order and joining split name columns."""

from __future__ import annotations

from app.text import nfc, sort_key


def join_name(family_and_middle: str | None, given: str | None) -> str:
    """Join the "Họ đệm" and "Tên" columns of a class list into one full name.

    >>> join_name("Nguyễn Thị ", " Mai")
    'Nguyễn Thị Mai'
    """
    parts = [nfc(p).strip() for p in (family_and_middle, given) if p and p.strip()]
    return " ".join(" ".join(parts).split())


def register_order(full_name: str) -> tuple[object, ...]:
    """Sort key of a class register: given name (last word) first, then the whole name.

    >>> sorted(["Trần Văn Bình", "Nguyễn Thị An", "Lê An"], key=register_order)
    ['Lê An', 'Nguyễn Thị An', 'Trần Văn Bình']
    """
    words = full_name.split()
    return (sort_key(words[-1] if words else ""), sort_key(full_name))
