"""Removing ISBD punctuation and brackets from MARC subfield values for display and folding."""

from __future__ import annotations

import re

_TRAILING = " /:;=,+\t"
_INITIAL = re.compile(r"(?:^|[\s.,])[^\W\d_]\.$")  # "J." / "A.B." : an initial keeps its period
_YEAR = re.compile(r"(?<!\d)(1[4-9]\d\d|20\d\d)(?!\d)")


def clean(value: str | None) -> str:
    """Strip whitespace, trailing ISBD punctuation (`` /`` `` :`` `` ;`` ``,`` ``=``) and a
    final period that does not close an initial or an ellipsis.

    >>> clean("Tắt đèn /")
    'Tắt đèn'
    >>> clean("Brand, Max,")
    'Brand, Max'
    >>> clean("Nguyễn, Văn A.")
    'Nguyễn, Văn A.'
    >>> clean("Hà Nội :")
    'Hà Nội'
    """
    if not value:
        return ""
    text = value.strip().rstrip(_TRAILING)
    if not text.endswith("."):
        return text
    while text.endswith(".") and not text.endswith("..") and not _INITIAL.search(text):
        text = text[:-1].rstrip(_TRAILING)
    return text


def unbracket(value: str) -> str:
    """Drop the square brackets ISBD puts around supplied data: ``[Hà Nội]`` → ``Hà Nội``.

    >>> unbracket("[Hà Nội]")
    'Hà Nội'
    """
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    elif text.startswith("[") and "]" not in text:
        text = text[1:].strip()
    elif text.endswith("]") and "[" not in text:
        text = text[:-1].strip()
    return text


def find_year(value: str | None) -> int | None:
    """The first plausible 4-digit year in *value* (1400-2099), or None.

    >>> find_year("c2019.")
    2019
    >>> find_year("[19--?]") is None
    True
    """
    if not value:
        return None
    match = _YEAR.search(value)
    return int(match.group(1)) if match else None
