"""Vietnamese text: NFC storage form, search folding and Vietnamese collation.

Search compares *folded* text: lower case, no diacritics, ``đ`` → ``d``, and the
``i``/``y`` spelling variants made equal (``kĩ``/``kỹ``, ``lí``/``lý``, ``quí``/``quý``).
Both tone-placement habits (``hoà``/``hòa``, ``thuỷ``/``thủy``) fold to the same
letters because the tone mark is removed wherever it sits.

Legacy font encodings (TCVN3, VNI) live in :mod:`app.legacy_text`.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
# A syllable whose only vowel is a final "y" (ky, ly, my, sy, hy, ty, quy...) is spelled
# with "i" by many writers: a "y" ending a word right after a consonant (or "qu") is that
# case, since a Vietnamese syllable is consonants + vowel nucleus; fold it to "i".
_FINAL_Y = re.compile(r"(?:(?<=[bcdghklmnprstvx])|(?<=qu))y\b")
_MARKS = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"}


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC, the form ThuVien stores.

    >>> nfc("Nguye\\u0302\\u0303n") == "Nguyễn"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def thousands(number: int) -> str:
    """A whole number as Vietnamese write it, dots between the thousands.

    >>> thousands(20000), thousands(999), thousands(-1234567)
    ('20.000', '999', '-1.234.567')
    """
    return f"{number:,}".replace(",", ".")


def strip_marks(text: str) -> str:
    """Remove every diacritic (tones and vowel marks) and turn đ into d, keeping case.

    >>> strip_marks("Đường Thủy")
    'Duong Thuy'
    """
    decomposed = unicodedata.normalize("NFD", text)
    out = [c for c in decomposed if not unicodedata.combining(c)]
    return "".join(_MARKS.get(c, c) for c in out)


def _fold_table() -> dict[int, str | None]:
    # One str.translate pass lower-cases and strips marks: folding runs for every record
    # imported, so it must stay in C. Letters outside these blocks pass through unchanged.
    table: dict[int, str | None] = {}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = strip_marks(char).lower()
        if folded != char:
            table[code] = folded
    for code in range(0x300, 0x370):  # combining marks of NFD input
        table[code] = None
    return table


_FOLD_TABLE = _fold_table()
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _fold_piece(text: str) -> str:
    if text.isascii() and text.isalnum():  # numbers, codes: nothing to strip or split
        plain = text.lower()
    else:
        plain = _NON_WORD.sub(" ", text.translate(_FOLD_TABLE).lower()).strip()
    return _FINAL_Y.sub("i", plain) if "y" in plain else plain


class _FoldedWords(dict[str, str]):
    """Folded form of each whitespace-separated piece of text met so far.

    Whitespace is a word boundary, so folding a text piece by piece and joining the
    non-empty results with single spaces gives exactly its fold. Catalog text is made of a
    few thousand Vietnamese syllables, so nearly every piece is a dictionary hit in C
    instead of a per-character ``translate`` and two regular expressions (fold runs several
    times for every imported record). Bounded: cleared when it grows past ``LIMIT``.
    """

    LIMIT = 100_000

    def __missing__(self, piece: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        folded = self[piece] = _fold_piece(piece)
        return folded


_FOLDED = _FoldedWords()


def fold(text: str) -> str:
    """Fold *text* for searching: lower case, no marks, đ→d, i/y variants unified.

    Words are kept, separated by single spaces; punctuation becomes a space.

    >>> fold("Kỹ thuật Điện  —  HOÀ bình")
    'ki thuat dien hoa binh'
    >>> fold("Thuỷ") == fold("thủy")
    True
    """
    return " ".join(filter(None, map(_FOLDED.__getitem__, text.split())))


def fold_words(text: str) -> list[str]:
    """The folded words of *text*, in order.

    >>> fold_words("Lý Thái Tổ")
    ['li', 'thai', 'to']
    """
    return fold(text).split()


# Vietnamese alphabet order; tones are compared after the letters.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A key that sorts Vietnamese text in dictionary order.

    Letters compare in the order a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y;
    a word without a tone comes before the same letters with one.

    >>> sorted(["đá", "da", "dạ", "ăn", "an"], key=sort_key)
    ['an', 'ăn', 'da', 'dạ', 'đá']
    """
    letters: list[int] = []
    tones: list[int] = []
    for base in unicodedata.normalize("NFD", text.lower()):
        if base in _TONES:
            if tones:
                tones[-1] = _TONES[base]
            continue
        if base in _LETTER_MARKS and letters:
            prev = _ALPHABET[letters[-1]] if letters[-1] < len(_ALPHABET) else ""
            combined = unicodedata.normalize("NFC", prev + base)
            if combined in _ORDER:
                letters[-1] = _ORDER[combined]
            continue
        if unicodedata.combining(base):
            continue
        letters.append(_ORDER.get(base, len(_ALPHABET) + ord(base)))
        tones.append(0)
    return tuple(letters), tuple(tones)
