"""ISBN parsing: any written form (hyphens, spaces, ISBN-10 or ISBN-13) to ISBN-13 digits."""

from __future__ import annotations

import operator
import re

_WEIGHTS10 = (10, 9, 8, 7, 6, 5, 4, 3, 2)
_WEIGHTS13 = (1, 3) * 6
_SUM10, _SUM13 = sum(_WEIGHTS10), sum(_WEIGHTS13)
_CANDIDATE = re.compile(r"(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]|97[89](?:[\s-]?\d){10}")
_SEPARATORS = re.compile(r"[\s\-‐–]")


def isbn10_check_digit(first9: str) -> str:
    """The check character of an ISBN-10 from its first nine digits.

    >>> isbn10_check_digit("030640615")
    '2'
    """
    if first9.isascii() and first9.isdigit():  # digits' codes are 48 + the digit
        total = sum(map(operator.mul, _WEIGHTS10, first9.encode())) - 48 * _SUM10
    else:
        total = sum(map(operator.mul, _WEIGHTS10, map(int, first9)))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def ean13_check_digit(first12: str) -> str:
    """The check digit of an EAN-13 / ISBN-13 from its first twelve digits.

    >>> ean13_check_digit("978030640615")
    '7'
    """
    if first12.isascii() and first12.isdigit():
        total = sum(map(operator.mul, _WEIGHTS13, first12.encode())) - 48 * _SUM13
    else:
        total = sum(map(operator.mul, _WEIGHTS13, map(int, first12)))
    return str((10 - total % 10) % 10)


def to_isbn13(text: str) -> str | None:
    """Return the ISBN-13 digits for a valid ISBN-10 or ISBN-13 written in any form, else None.

    >>> to_isbn13("0-306-40615-2")
    '9780306406157'
    >>> to_isbn13("978 0 306 40615 7")
    '9780306406157'
    >>> to_isbn13("978-0-306-40615-8") is None  # wrong check digit
    True
    """
    compact = text if text.isdigit() else _SEPARATORS.sub("", text).upper()
    if len(compact) == 10 and compact[:9].isdigit() and (compact[9].isdigit() or compact[9] == "X"):
        if isbn10_check_digit(compact[:9]) != compact[9]:
            return None
        body = "978" + compact[:9]
        return body + ean13_check_digit(body)
    if len(compact) == 13 and compact.isdigit() and compact[:3] in ("978", "979"):
        return compact if ean13_check_digit(compact[:12]) == compact[12] else None
    return None


def to_isbn10(isbn13: str) -> str | None:
    """The ISBN-10 form of a 978- ISBN-13, or None (979- ISBNs have no ISBN-10).

    >>> to_isbn10("9780306406157")
    '0306406152'
    """
    if len(isbn13) != 13 or not isbn13.startswith("978"):
        return None
    return isbn13[3:12] + isbn10_check_digit(isbn13[3:12])


def find_isbns(text: str) -> list[str]:
    """All valid ISBNs in a free-text MARC 020 value, as ISBN-13 digits, in order.

    >>> find_isbns("0306406152 (pbk.) : 50.000đ")
    ['9780306406157']
    """
    found: list[str] = []
    for match in _CANDIDATE.finditer(text):
        isbn = to_isbn13(match.group(0))
        if isbn and isbn not in found:
            found.append(isbn)
    return found


def looks_like_isbn(text: str) -> bool:
    """True when *text* is nothing but one valid ISBN (used to route searches)."""
    return to_isbn13(text.strip()) is not None
