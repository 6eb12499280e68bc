"""Normalising and validating raw barcode reads; the hook for the library's own code format.

A raw read is ``(text, kind)`` where *kind* is what a decoder called it (``"ean13"``, ``"upca"``,
``"isbn10"``...). :func:`normalize` returns the checked value and its symbology, or None for a
partial or invalid read, which must never reach the desk.

Conventions (matching the ZXing test photos): UPC-A is always 12 digits, even when a decoder
reports it as an EAN-13 with a leading 0; an EAN-13 starting 978/979 is an ``isbn13``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.catalog.isbn import ean13_check_digit, isbn10_check_digit, to_isbn13
from app.scanning.decoded import Decoded, Symbology

#: Reads shorter than this are treated as noise (zbar finds one-letter Code 39 in texture).
MIN_LENGTH: dict[str, int] = {"code39": 3, "code128": 2, "qr": 1}


def ean13_valid(digits: str) -> bool:
    """True for 13 digits whose last one is the right EAN-13 check digit.

    >>> ean13_valid("9780306406157"), ean13_valid("9780306406158")
    (True, False)
    """
    return len(digits) == 13 and digits.isdigit() and ean13_check_digit(digits[:12]) == digits[12]


def upca_valid(digits: str) -> bool:
    """True for a 12-digit UPC-A with the right check digit.

    >>> upca_valid("036602301467")
    True
    """
    return len(digits) == 12 and ean13_valid("0" + digits)


def ean8_valid(digits: str) -> bool:
    """True for an 8-digit EAN-8 with the right check digit.

    >>> ean8_valid("12345670"), ean8_valid("12345671")
    (True, False)
    """
    return len(digits) == 8 and digits.isdigit() and ean13_check_digit("00000" + digits[:7]) == digits[7]


def isbn10_valid(text: str) -> bool:
    """True for a 10-character ISBN-10 (last may be X) with the right check character.

    >>> isbn10_valid("0306406152"), isbn10_valid("0306406153")
    (True, False)
    """
    t = text.upper()
    return len(t) == 10 and t[:9].isdigit() and isbn10_check_digit(t[:9]) == t[9]


def classify_ean13(digits: str) -> tuple[str, Symbology] | None:
    """Name a valid EAN-13: UPC-A (leading 0, given as 12 digits), ISBN-13 or plain EAN-13.

    >>> classify_ean13("0036602301467")
    ('036602301467', 'upca')
    >>> classify_ean13("9780306406157")
    ('9780306406157', 'isbn13')
    """
    if not ean13_valid(digits):
        return None
    if digits[0] == "0":
        return digits[1:], "upca"
    if digits[:3] in ("978", "979"):
        return (digits, "isbn13") if to_isbn13(digits) else None
    return digits, "ean13"


def normalize(text: str, kind: str) -> tuple[str, Symbology] | None:
    """The checked value and symbology of a raw read, or None when it must be rejected.

    >>> normalize("0027011006951", "ean13")
    ('027011006951', 'upca')
    >>> normalize("027011006951", "upca")
    ('027011006951', 'upca')
    >>> normalize("8410054010413", "ean13") is None   # wrong check digit
    True
    >>> normalize("0306406152", "isbn10")
    ('9780306406157', 'isbn13')
    >>> normalize("T", "code39") is None               # too short: noise
    True
    """
    if kind in ("ean13", "isbn13"):
        return classify_ean13(text)
    if kind == "upca":
        if len(text) == 13 and text.startswith("0"):
            text = text[1:]
        return (text, "upca") if upca_valid(text) else None
    if kind == "ean8":
        return (text, "ean8") if ean8_valid(text) else None
    if kind == "isbn10":
        isbn = to_isbn13(text) if isbn10_valid(text) else None
        return (isbn, "isbn13") if isbn else None
    if kind in ("code128", "code39", "qr"):
        if len(text) < MIN_LENGTH[kind] or not text.strip() or "\x00" in text:
            return None
        symbology: Symbology = kind  # type: ignore[assignment]
        return text, symbology
    return None


CodeCheck = Callable[[str], bool]


def accession_check(pattern: str | re.Pattern[str] | CodeCheck) -> CodeCheck:
    """A check for the library's own accession-number format (regex or callable).

    The whole text must match a regex; a callable is used as is.

    >>> check = accession_check(r"(GK|TK|NV|TN)\\.\\d{5}")
    >>> check("GK.00012"), check("GK.12")
    (True, False)
    """
    if callable(pattern):
        return pattern
    regex = re.compile(pattern) if isinstance(pattern, str) else pattern
    return lambda text: regex.fullmatch(text) is not None


def desk_filter(
    accession: str | re.Pattern[str] | CodeCheck | None,
    *,
    book_codes: tuple[Symbology, ...] = ("isbn13", "ean13", "upca", "ean8"),
) -> Callable[[Decoded], bool]:
    """What the desk accepts from the camera: retail/ISBN codes, plus free-text codes
    (Code 128, Code 39, QR) only when they pass the library's accession check.

    With ``accession=None`` every checked code is accepted.

    >>> keep = desk_filter(r"GK\\.\\d{5}")
    >>> corners = ((0, 0), (1, 0), (1, 1), (0, 1))
    >>> keep(Decoded("GK.00012", "code128", corners, "zxing"))
    True
    >>> keep(Decoded("HELLO", "code128", corners, "zxing"))
    False
    """
    if accession is None:
        return lambda decoded: True
    check = accession_check(accession)
    return lambda decoded: decoded.symbology in book_codes or check(decoded.text)
