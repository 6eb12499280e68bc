"""What a scanned code that is neither a card nor an accession number might be.

Library cards (``HS000001``) and accession numbers (``TK.00003``) carry no check digit;
EAN-13 / UPC-A product codes and ISBNs do. A code shaped like one of those whose check
digit is wrong is reported as a misread (``bad_check_digit``) rather than as unknown.
Plain 8- or 10-digit numbers are not checked: old accession numbers often look like that.
"""

from __future__ import annotations

import re
import unicodedata

from app.catalog.isbn import ean13_check_digit, to_isbn13

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# ISO/IEC 15424: "]", the symbology's letter, one modifier character ("]C1" GS1-128,
# "]E0" EAN-13, "]A0" Code 39, "]I0" Interleaved 2 of 5, "]Q1" QR…).
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_WIDE = re.compile("[\u3000\uff01-\uffee]+")  # ideographic space, full-width forms
_TYPED_ACCESSION = re.compile(r"^([A-Za-z]{1,4})[\s./_-]*(\d{1,10})$")
_SEPARATORS = (".", "", "-", "/", "_", " ")
_WIDEST = 10


def normalise(code: str) -> str:
    """The scanned or typed text as looked up: NFC, no control characters, no outer
    spaces, full-width forms read as the plain ones (NFKC of those alone: "ＨＳ０００００１"
    typed with a Windows IME is HS000001, while "²" stays "²", no patron 2), and no AIM
    symbology identifier before the data ("]C1", "]E0", "]A0", "]I0"…: what a scanner set
    to send them puts first), nor Code 39's "*" start and stop characters around it.

    >>> normalise(" TK.00003\\r\\n"), normalise("]C1TK.00003"), normalise("ＴＫ．０００３")
    ('TK.00003', 'TK.00003', 'TK.0003')
    >>> normalise("]E09786041234561"), normalise("]A0HS000001"), normalise("*HS000001*")
    ('9786041234561', 'HS000001', 'HS000001')
    """
    text = _WIDE.sub(lambda wide: unicodedata.normalize("NFKC", wide[0]), _CONTROL.sub("", code))
    text = _AIM.sub("", unicodedata.normalize("NFC", text).strip(), count=1).strip()
    if len(text) > 2 and text[0] == text[-1] == "*":  # Code 39's start/stop sent as data
        text = text[1:-1].strip()
    return text


def isbn_of(code: str) -> str | None:
    """The ISBN-13 a scan stands for (ISBN-10, ISBN-13 or Bookland EAN), or None."""
    return to_isbn13(code)


def has_bad_check_digit(code: str) -> bool:
    """True for an EAN-13, UPC-A or ISBN-10 (ending in X) whose check digit is wrong.

    >>> has_bad_check_digit("9780306406158")
    True
    >>> has_bad_check_digit("9780306406157")
    False
    """
    compact = re.sub(r"[\s\-]", "", code).upper()
    if compact.isdigit() and len(compact) == 13:
        return ean13_check_digit(compact[:12]) != compact[12]
    if compact.isdigit() and len(compact) == 12:  # UPC-A = EAN-13 with a leading 0
        return ean13_check_digit("0" + compact[:11]) != compact[11]
    if len(compact) == 10 and compact[:9].isdigit() and compact[9] == "X":
        return to_isbn13(compact) is None
    return False


def accession_spellings(code: str) -> list[str]:
    """The accession numbers *code* may have been typed for: its prefix with each usual
    separator and the number with any zero padding ("tk2" → "tk.2", "tk.02", …,
    "TK00002" → "TK.00002"); full-width characters read as ASCII. Empty when *code* is not
    letters followed by a number.

    >>> "TK.00002" in accession_spellings("TK00002"), "TK.00002" in accession_spellings("tk-2")
    (True, False)
    >>> accession_spellings("Toán 6")
    []
    """
    match = _TYPED_ACCESSION.match(unicodedata.normalize("NFKC", code).strip())
    if match is None:
        return []
    prefix, number = match[1], str(int(match[2]))
    return [f"{prefix}{sep}{number.zfill(width)}" for sep in _SEPARATORS
            for width in range(len(number), _WIDEST + 1)]
