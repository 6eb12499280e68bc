"""Text as Windows writes it in code page 1258 (Vietnamese)."""

from __future__ import annotations

import unicodedata

# Windows-1258 writes the five tones (huyền, sắc, ngã, hỏi, nặng) as combining characters
# after a letter it holds.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """*text* as Windows-1258 bytes: a letter the code page lacks (ệ, ữ, ả ...) is its base
    letter (ê, ư, a ...) followed by the tone as a combining mark, as Windows writes it."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)
