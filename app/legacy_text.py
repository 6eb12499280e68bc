"""Legacy Vietnamese font encodings: TCVN3 (ABC, ".VnTime") and VNI ("VNI-Times").

Before Unicode, Vietnamese text was typed in 8-bit fonts. The bytes are ordinary
Windows "ANSI" characters, so inside an .xlsx or a UTF-8 CSV the text is valid Unicode
whose letters are wrong: "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI).

* **TCVN3** (TCVN 5712:1993, VN3) is one byte per letter. It holds the 67 lower-case
  Vietnamese letters with marks and the 7 capitals without tones (Ă Â Ê Ô Ơ Ư Đ); capitals
  with a tone were typed with a second, all-capitals font (".VnTimeH") that shows the
  lower-case codes as capitals.
* **VNI** (VNI Windows) writes most letters as the base letter followed by a mark byte
  (``a`` + ``ù`` = á, ``a`` + ``â`` = â, ``a`` + ``á`` = ấ); ơ, ư, đ and the i's with tones
  are single bytes. Capitals use the capital form of the mark byte.

The tables below are built from the code points of those standards. Legacy text is handled
as a ``str`` whose characters stand for the bytes (Latin-1 / Windows-1252), which is what a
spreadsheet cell or a CSV decoded byte-for-byte contains.

Detection (:func:`detect`) compares how many words form valid Vietnamese syllables when
the text is read as Unicode, as TCVN3 and as VNI — a real syllable carries at most one
tone mark, has no capital in the middle and only Vietnamese letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

UNICODE, TCVN3, VNI = "unicode", "tcvn3", "vni"
ENCODINGS = (UNICODE, TCVN3, VNI)

# Tone marks in the order: grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot (nặng).
_TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")


def _toned(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONE_MARKS[tone])


def _build_tcvn3() -> dict[str, int]:
    """Unicode letter -> TCVN3 byte."""
    table: dict[str, int] = {"\u00a0": 0xA0}
    for letter, code in zip("ĂÂÊÔƠƯĐăâêôơưđ", (*range(0xA1, 0xA8), *range(0xA8, 0xAF)),
                            strict=True):
        table[letter] = code
    toned = {  # base vowel -> bytes for grave, hook, tilde, acute, dot
        "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
        "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
        "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
        "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
        "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
        "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
    }
    for base, codes in toned.items():
        for tone, code in enumerate(codes):
            table[_toned(base, tone)] = code
    return table


def _build_vni() -> dict[str, str]:
    """Unicode letter -> VNI byte sequence (as Latin-1 characters), lower and upper case."""
    plain = (0xF8, 0xFB, 0xF5, 0xF9, 0xEF)  # ø û õ ù ï: grave hook tilde acute dot
    circumflex, circ_toned = 0xE2, (0xE0, 0xE5, 0xE3, 0xE1, 0xE4)  # â; à å ã á ä
    breve, breve_toned = 0xEA, (0xE8, 0xFA, 0xFC, 0xE9, 0xEB)  # ê; è ú ü é ë
    lower: dict[str, list[int]] = {"đ": [0xF1], "ơ": [0xF4], "ư": [0xF6]}
    for vowel in "aeouy":
        for tone, mark in enumerate(plain):
            if vowel == "y" and tone == 4:
                mark = 0xEE  # ỵ uses î: the dot sits lower under the descender
            lower[_toned(vowel, tone)] = [ord(vowel), mark]
    for vowel in "aeo":
        hat = unicodedata.normalize("NFC", vowel + "\u0302")
        lower[hat] = [ord(vowel), circumflex]
        for tone, mark in enumerate(circ_toned):
            lower[_toned(hat, tone)] = [ord(vowel), mark]
    lower["ă"] = [ord("a"), breve]
    for tone, mark in enumerate(breve_toned):
        lower[_toned("ă", tone)] = [ord("a"), mark]
    for horn, single in (("ơ", 0xF4), ("ư", 0xF6)):
        for tone, mark in enumerate(plain):
            lower[_toned(horn, tone)] = [single, mark]
    for tone, code in enumerate((0xEC, 0xE6, 0xF3, 0xED, 0xF2)):  # ì ỉ ĩ í ị
        lower[_toned("i", tone)] = [code]
    table: dict[str, str] = {}
    for letter, codes in lower.items():
        table[letter] = "".join(map(chr, codes))
        upper_codes = [c - 0x20 if c >= 0xC0 or chr(c).islower() else c for c in codes]
        table[letter.upper()] = "".join(map(chr, upper_codes))
    return table


_TCVN3_ENCODE = _build_tcvn3()
_TCVN3_DECODE = {chr(code): letter for letter, code in _TCVN3_ENCODE.items()}
_VNI_ENCODE = _build_vni()
_VNI_DECODE = {seq: letter for letter, seq in _VNI_ENCODE.items()}
# Windows-1252 shows bytes 0x80-0x9F as other characters; map them back to their bytes.
_CP1252_BACK = {bytes([b]).decode("cp1252", errors="ignore"): chr(b) for b in range(0x80, 0xA0)}
_CP1252_BACK.pop("", None)


def _as_bytes_text(text: str) -> str | None:
    """*text* with every character standing for one byte, or None if it has other characters."""
    out = []
    for ch in text:
        if ord(ch) <= 0xFF:
            out.append(ch)
        elif ch in _CP1252_BACK:
            out.append(_CP1252_BACK[ch])
        else:
            return None
    return "".join(out)


_WORD_SPLIT = re.compile(r"(\s+)")


def restore_capitals(text: str, *, title_words: int = 1) -> str:
    """Restore capitals TCVN3 cannot hold in decoded *text*. Words typed in the all-capitals
    font (".VnTimeH") come back upper case (``NGUYễN`` → ``NGUYỄN``); in title-cased text
    such as a name (at least *title_words* words starting with an ASCII letter, all of them
    capitals), a word starting with a toned vowel is capitalised (``Vũ Ngọc ánh`` → ``Ánh``).

    >>> restore_capitals("Tắt đèn"), restore_capitals("Tắt đèn", title_words=2)
    ('Tắt Đèn', 'Tắt đèn')
    """
    parts = _WORD_SPLIT.split(text)
    starts = [p[0] for p in parts if p and p[0].isascii() and p[0].isalpha()]
    title_case = len(starts) >= max(1, title_words) and all(c.isupper() for c in starts)

    def fix(word: str) -> str:
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
            return word.upper()
        if title_case and word and word[0].islower() and not word[0].isascii():
            return word[0].upper() + word[1:]
        return word
    return "".join(fix(part) for part in parts)


def decode_tcvn3(text: str, *, fix_caps: bool = True) -> str:
    """Convert TCVN3 (ABC/.VnTime) text to Unicode NFC.

    >>> decode_tcvn3("NguyÔn V¨n An")
    'Nguyễn Văn An'
    >>> decode_tcvn3("TRÇN THÞ B×NH")
    'TRẦN THỊ BÌNH'
    """
    raw = _as_bytes_text(text)
    if raw is None:
        return unicodedata.normalize("NFC", text)
    out = unicodedata.normalize("NFC", "".join(_TCVN3_DECODE.get(ch, ch) for ch in raw))
    return restore_capitals(out) if fix_caps else out


def decode_vni(text: str) -> str:
    """Convert VNI (VNI-Times) text to Unicode NFC.

    >>> decode_vni("Nguyeãn Vaên An")
    'Nguyễn Văn An'
    >>> decode_vni("TRAÀN THÒ BÌNH")
    'TRẦN THỊ BÌNH'
    """
    raw = _as_bytes_text(text)
    if raw is None:
        return unicodedata.normalize("NFC", text)
    out, i = [], 0
    while i < len(raw):
        pair = raw[i:i + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
            continue
        out.append(_VNI_DECODE.get(raw[i], raw[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def encode_tcvn3(text: str) -> str:
    """Unicode text as TCVN3 (one Latin-1 character per byte); capitals with a tone
    become the lower-case code, as in the ".VnTimeH" font.

    >>> encode_tcvn3("Nguyễn Văn An")
    'NguyÔn V¨n An'
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = _TCVN3_ENCODE.get(ch)
        if code is None and ch.lower() in _TCVN3_ENCODE and not ch.isascii():
            code = _TCVN3_ENCODE[ch.lower()]
        out.append(chr(code) if code is not None else ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    """Unicode text as VNI (Latin-1 characters standing for the bytes).

    >>> encode_vni("Nguyễn Văn An")
    'Nguyeãn Vaên An'
    """
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def decode(text: str, encoding: str) -> str:
    """Convert *text* from ``"tcvn3"``/``"vni"`` to Unicode NFC (``"unicode"``: just NFC)."""
    if encoding == TCVN3:
        return decode_tcvn3(text)
    if encoding == VNI:
        return decode_vni(text)
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- detection
# The vowel groups a written syllable can have (tone marks aside), longest first: any three
# vowels in a row let VNI names read as TCVN3 pass as syllables ('Buứi', 'Haứ' for 'Bùi',
# 'Hà'), a tie TCVN3 won, and a VNI class list came in garbled.
_NUCLEI = sorted((
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui "
    "uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu uêu").split(),
    key=len, reverse=True)
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    rf"({'|'.join(_NUCLEI)})(ch|ng|nh|[cmnpt])?$")
_TONES = frozenset(_TONE_MARKS)
#: What :func:`syllable_counts` strips from the ends of a word.
PUNCTUATION = "\"'()[]{}.,;:!?-–/"


def is_vietnamese_syllable(word: str) -> bool:
    """True when *word* could be one written Vietnamese syllable (at most one tone mark,
    Vietnamese letters only, no capital after the first letter unless all capitals).

    >>> is_vietnamese_syllable("Nguyễn"), is_vietnamese_syllable("NguyÔn")
    (True, False)
    >>> is_vietnamese_syllable("Nguyeãn"), is_vietnamese_syllable("QUỲNH")
    (False, True)
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(ch in _TONES for ch in decomposed)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if not base or not (base.islower() or base.isupper()
                        or (base[0].isupper() and base[1:].islower()) or len(base) == 1):
        return False
    match = _SYLLABLE.match(base.lower())
    if match is None:
        return False
    nucleus, final = match.group(2), match.group(3) or ""
    if final in ("ch", "nh") and nucleus[-1] not in "aêiy":  # anh, ếch, inh, uỳnh; not 'ũnh'
        return False
    return nucleus != "oo" or final in ("ng", "c")  # xoong, moóc


def syllable_counts(texts: Iterable[str]) -> tuple[int, int]:
    """How many words of *texts* with letters beyond ASCII are valid Vietnamese syllables,
    and how many are not (punctuation around a word ignored, ASCII words not counted).

    >>> syllable_counts(["Truyện Kiều /", "Nguyễn Du", "TruyÖn KiÒu"])
    (3, 2)
    """
    valid = invalid = 0
    for text in texts:
        for word in text.split():
            word = word.strip(PUNCTUATION)
            if not word or word.isascii():
                continue
            if is_vietnamese_syllable(word):
                valid += 1
            else:
                invalid += 1
    return valid, invalid


def _score(texts: Iterable[str]) -> int:
    valid, invalid = syllable_counts(texts)
    return valid - invalid


def detect(texts: Iterable[str], native: Callable[[str], str] | None = None) -> str:
    """Which encoding a column of cells was typed in: ``"unicode"``, ``"tcvn3"`` or ``"vni"``.

    Each candidate is scored by valid minus invalid syllables among the words with
    non-ASCII letters; a legacy encoding wins only when it scores strictly better.
    *native* reads a cell the ordinary way (default: Unicode NFC; a CSV read byte-for-byte
    passes a Windows-1258 decoder).

    >>> detect(["NguyÔn V¨n An", "TrÇn ThÞ B×nh"])
    'tcvn3'
    >>> detect(["Nguyeãn Vaên An", "Traàn Thò Bình"])
    'vni'
    >>> detect(["Nguyễn Văn An", "Hà Thị Mai"])
    'unicode'
    >>> detect(["NguyÔn V¨n An", "TrÇn ThÞ B×nh", "Tổng số: 2 học sinh"])
    'tcvn3'
    """
    cells = [t for t in texts if t]
    read = native or (lambda t: unicodedata.normalize("NFC", t))
    best, best_score = UNICODE, _score(read(t) for t in cells)
    # A cell with letters beyond one byte each was typed in Unicode whatever the column is
    # (a title or a "Tổng số: 32 học sinh" line under a table of .VnTime names): it is left
    # as it is and does not decide. Most cells must fit in bytes for a legacy font to win.
    legacy = [t for t in cells if _as_bytes_text(t) is not None]
    if len(legacy) * 2 <= len(cells):
        return best
    unicode_only = [read(t) for t in cells if _as_bytes_text(t) is None]
    for encoding in (TCVN3, VNI):
        score = _score([*unicode_only, *(decode(t, encoding) for t in legacy)])
        if score > best_score:
            best, best_score = encoding, score
    return best
