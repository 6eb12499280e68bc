"""Accession numbers (số đăng ký cá biệt): prefix + zero-padded running number per collection.

The scheme is library policy, kept in the ``accession_schemes`` setting, e.g.
``{"TK": {"prefix": "TK.", "width": 5}}`` gives ``TK.00001``, ``TK.00002``…
Collections without an entry use ``<code>.`` and 5 digits.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any

from app.errors import ValidationError
from app.i18n import Text

DEFAULT_SCHEMES: dict[str, dict[str, Any]] = {
    "GK": {"prefix": "GK.", "width": 5, "label": "Sách giáo khoa"},
    "TK": {"prefix": "TK.", "width": 5, "label": "Sách tham khảo"},
    "NV": {"prefix": "NV.", "width": 5, "label": "Sách nghiệp vụ"},
    "TN": {"prefix": "TN.", "width": 5, "label": "Sách thiếu nhi"},
}
BAD_RANGE = Text(
    "Khoảng số ĐKCB không hợp lệ: «{text}». Ví dụ đúng: TK.00001-TK.00050",
    "Invalid accession-number range: “{text}”. Example: TK.00001-TK.00050",
)
BAD_COLLECTION = Text(
    "Mã kho «{code}» không hợp lệ: chỉ dùng chữ cái và chữ số (ví dụ GK, TK, NV, TN).",
    "Collection code “{code}” is invalid: use letters and digits only (e.g. GK, TK, NV, TN).",
)


@dataclass(frozen=True)
class Scheme:
    """How accession numbers of one collection are written."""

    prefix: str
    width: int

    def format(self, number: int) -> str:
        """``Scheme("TK.", 5).format(3)`` → ``'TK.00003'``."""
        return f"{self.prefix}{number:0{self.width}d}"

    def number_of(self, barcode: str) -> int | None:
        """The running number inside *barcode* when it follows this scheme."""
        if barcode.upper().startswith(self.prefix.upper()):
            digits = barcode[len(self.prefix):]
            if digits.isdigit():
                return int(digits)
        return None


def scheme_for(schemes: dict[str, dict[str, Any]], collection: str) -> Scheme:
    """The scheme of *collection*, falling back to ``<code>.`` + 5 digits."""
    code = collection.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{1,8}", code):
        raise ValidationError("catalog.bad_collection", BAD_COLLECTION, code=collection)
    entry = schemes.get(code) or {"prefix": f"{code}.", "width": 5}
    return Scheme(str(entry.get("prefix", f"{code}.")), int(entry.get("width", 5)))


# What may stand between a collection's letters and its number when one is typed: the
# scheme's own separator, another one, a space, or none at all.
_TYPED_SEPARATORS = re.compile(r"[\s.\-_/·]+")
_LEADING_CODE = re.compile(r"[A-Z]{1,8}")


def typed_accessions(text: str, schemes: dict[str, dict[str, Any]]) -> list[str]:
    """The accession numbers *text* stands for when it is one typed loosely: in any case,
    with full-width characters (NFKC), with another separator, spaces or none between the
    collection's letters and the number ("tk00001", "TK 00001", "ＴＫ．００００１" for
    ``TK.00001``).

    Only a whole text of a scheme's prefix letters followed by exactly its width of digits
    is read so, the collections of *schemes* and the ``<code>.`` + 5 digits of any other
    collection code: no title word has letters then five digits, and "Toán 12" or a year
    range are never taken for a copy. A prefix without a letter is left to the exact match.

    >>> typed_accessions("tk 00001", DEFAULT_SCHEMES)
    ['TK.00001']
    >>> typed_accessions("Toán 12", DEFAULT_SCHEMES), typed_accessions("TK1", DEFAULT_SCHEMES)
    ([], [])
    """
    key = _TYPED_SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    if not (key.isascii() and key.isalnum() and key[-1:].isdigit() and len(key) <= 40):
        return []
    schemes_typed = [scheme_for(schemes, code) for code in schemes
                     if re.fullmatch(r"[A-Z0-9]{1,8}", code.strip().upper())]
    code = _LEADING_CODE.match(key)
    if code:
        schemes_typed.append(scheme_for(schemes, code.group(0)))
    found: list[str] = []
    for scheme in schemes_typed:
        letters = "".join(c for c in scheme.prefix.upper() if c.isalnum())
        digits = key[len(letters):]
        if letters and not letters.isdigit() and key.startswith(letters) and \
                digits.isdigit() and len(digits) == scheme.width:
            spelled = scheme.format(int(digits))
            if spelled not in found:
                found.append(spelled)
    return found


def next_accession(conn: sqlite3.Connection, scheme: Scheme) -> str:
    """Reserve the next free accession number of *scheme* (inside the caller's transaction)."""
    row = conn.execute("SELECT last FROM accession_counters WHERE prefix = ?",
                       (scheme.prefix,)).fetchone()
    number = (row[0] if row else 0) + 1
    while True:
        candidate = scheme.format(number)
        taken = conn.execute("SELECT 1 FROM items WHERE barcode = ?", (candidate,)).fetchone()
        if not taken:
            break
        number += 1
    conn.execute(
        "INSERT INTO accession_counters(prefix, last) VALUES (?, ?) "
        "ON CONFLICT(prefix) DO UPDATE SET last = excluded.last",
        (scheme.prefix, number),
    )
    return candidate


def peek_next(conn: sqlite3.Connection, scheme: Scheme) -> str:
    """The accession number the next copy under *scheme* would get, reserving nothing (what
    the set-up shows a library that already has copies)."""
    row = conn.execute("SELECT last FROM accession_counters WHERE prefix = ?",
                       (scheme.prefix,)).fetchone()
    number = (row[0] if row else 0) + 1
    while conn.execute("SELECT 1 FROM items WHERE barcode = ?",
                       (scheme.format(number),)).fetchone():
        number += 1
    return scheme.format(number)


def note_used(conn: sqlite3.Connection, scheme: Scheme, barcode: str) -> None:
    """Move the counter past *barcode* when an imported copy already carries a number."""
    number = scheme.number_of(barcode)
    if number is None:
        return
    conn.execute(
        "INSERT INTO accession_counters(prefix, last) VALUES (?, ?) "
        "ON CONFLICT(prefix) DO UPDATE SET last = max(last, excluded.last)",
        (scheme.prefix, number),
    )


def parse_range(text: str) -> tuple[str, int, int]:
    """Split ``"TK.00001-TK.00050"`` (or ``"TK.1-50"``) into prefix, first and last number.

    >>> parse_range("TK.00001-TK.00050")
    ('TK.', 1, 50)
    """
    match = re.fullmatch(r"\s*([^\d\s]*)(\d+)\s*[-–]\s*([^\d\s]*)(\d+)\s*", text)
    if not match or (match.group(3) and match.group(3).upper() != match.group(1).upper()):
        raise ValidationError("catalog.bad_range", BAD_RANGE, text=text)
    first, last = int(match.group(2)), int(match.group(4))
    if last < first:
        raise ValidationError("catalog.bad_range", BAD_RANGE, text=text)
    return match.group(1), first, last
