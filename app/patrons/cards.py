"""Library card numbers: a prefix per patron category plus a zero-padded running number.

The default scheme gives ``HS000001`` (học sinh), ``GV000001`` (giáo viên), ``NV000001``
(nhân viên) and ``BX000001`` (bạn đọc ngoài trường). It is stored in the setting
``patron_card_scheme`` as ``{"student": {"prefix": "HS", "digits": 6}, ...}``.

Why these letters: a USB scanner "types" the code, and when a Vietnamese input method
(Unikey/EVKey, Telex or VNI) is active on the field it rewrites keystrokes — ``DD`` → ``Đ``,
``AA`` → ``Â``, ``OW`` → ``Ơ``, ``W`` → ``Ư``, ``s f r x j`` after a vowel become tone marks, and
in VNI mode digits after a vowel (or after ``d``) become marks. Every one of those rewrites
needs a vowel, a ``D`` or a ``W`` in the word. A prefix made only of the consonants
``B C G H K L M N P Q R S T V X`` followed by digits therefore passes through any of those
input methods unchanged, so :func:`check_prefix` refuses any other letter.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from app.errors import ValidationError
from app.i18n import Text

SETTING = "patron_card_scheme"
SAFE_LETTERS = frozenset("BCGHKLMNPQRSTVXbcghklmnpqrstvx")
DEFAULT_SCHEME: dict[str, dict[str, Any]] = {
    "student": {"prefix": "HS", "digits": 6},
    "teacher": {"prefix": "GV", "digits": 6},
    "staff": {"prefix": "NV", "digits": 6},
    "community": {"prefix": "BX", "digits": 6},
}

UNSAFE_PREFIX = Text(
    "Tiền tố thẻ “{prefix}” có chữ “{letter}”: bộ gõ tiếng Việt (Telex/VNI) có thể biến đổi nó "
    "khi quét mã. Chỉ dùng các phụ âm B C G H K L M N P Q R S T V X.",
    "The card prefix “{prefix}” contains “{letter}”, which a Vietnamese input method "
    "(Telex/VNI) may rewrite when the code is scanned. Use only the consonants "
    "B C G H K L M N P Q R S T V X.",
)
BAD_DIGITS = Text("Số chữ số của mã thẻ phải từ 3 đến 10 (đang là {digits}).",
                  "A card number needs 3 to 10 digits (got {digits}).")


@dataclass(frozen=True, slots=True)
class CardRule:
    """How the cards of one category are numbered."""

    prefix: str
    digits: int

    def format(self, number: int) -> str:
        """The card code for running *number*.

        >>> CardRule("HS", 6).format(42)
        'HS000042'
        """
        return f"{self.prefix}{number:0{self.digits}d}"


def check_prefix(prefix: str) -> str:
    """Return *prefix* in upper case, or raise ValidationError if an input method could mangle it.

    >>> check_prefix("hs")
    'HS'
    >>> check_prefix("DD")
    Traceback (most recent call last):
    ...
    app.errors.ValidationError: ...
    """
    for letter in prefix:
        if not (letter in SAFE_LETTERS or letter.isdigit() and letter.isascii()):
            raise ValidationError("card.unsafe_prefix", UNSAFE_PREFIX, prefix=prefix, letter=letter)
    return prefix.upper()


def rule_for(scheme: dict[str, Any] | None, category: str) -> CardRule:
    """The numbering rule of *category* under *scheme* (missing parts fall back to the default)."""
    base = dict(DEFAULT_SCHEME.get(category, DEFAULT_SCHEME["community"]))
    if scheme and isinstance(scheme.get(category), dict):
        base.update(scheme[category])
    digits = int(base["digits"])
    if not 3 <= digits <= 10:
        raise ValidationError("card.bad_digits", BAD_DIGITS, digits=digits)
    return CardRule(check_prefix(str(base["prefix"])), digits)


def next_card(conn: sqlite3.Connection, rule: CardRule) -> str:
    """Take the next unused card code of *rule* (inside the caller's transaction)."""
    row = conn.execute("SELECT last FROM patron_card_counters WHERE prefix = ?",
                       (rule.prefix,)).fetchone()
    number = int(row[0]) if row else 0
    while True:
        number += 1
        code = rule.format(number)
        if conn.execute("SELECT 1 FROM patrons WHERE card = ?", (code,)).fetchone() is None:
            break
    conn.execute(
        "INSERT INTO patron_card_counters(prefix, last) VALUES (?, ?) "
        "ON CONFLICT(prefix) DO UPDATE SET last = excluded.last",
        (rule.prefix, number),
    )
    return code
