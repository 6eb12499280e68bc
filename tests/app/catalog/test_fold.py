"""Search folding is computed piece by piece from a cache: it must give exactly what folding
the whole text at once gives (the definition below), for any text a catalog may hold, the
first time a piece is met and from the cache after."""

from __future__ import annotations

import random
import re
import unicodedata

from app import text

_NON_WORD = re.compile(r"[\W_]+")
_FINAL_Y = re.compile(r"(?:(?<=[bcdghklmnprstvx])|(?<=qu))y\b")
_ALPHABET = ("aăâbcdđeêghiklmnoôơpqrstuưvxyY QUqu.,;:/-_—\u0300\u0301\u0303\u0309\u0323"
             "\u0302\u0306\u031b\t\n\x1c\x1f\u00a0\u2028ΣσЖж中1234567890'\"()[]ĐÐðßİ")


def _whole_text_fold(value: str) -> str:
    """The definition: one pass of the letter table over the whole text, punctuation to
    spaces, a final consonant + y to i."""
    plain = _NON_WORD.sub(" ", value.translate(text._FOLD_TABLE).lower()).strip()
    return _FINAL_Y.sub("i", plain)


def test_fold_equals_folding_the_whole_text() -> None:
    rng = random.Random(5)
    samples = ["Kỹ thuật Điện  —  HOÀ bình", "Thuỷ thủy QUY quy ky", "VN00000123 978-604-1",
               "TK.0000001A", "Lý Thái Tổ,", "Nguye\u0302\u0303n", ""]
    samples += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 16)))
                for _ in range(20000)]
    for value in samples:
        for form in (value, unicodedata.normalize("NFC", value),
                     unicodedata.normalize("NFD", value)):
            assert text.fold(form) == text.fold(form) == _whole_text_fold(form), repr(form)
