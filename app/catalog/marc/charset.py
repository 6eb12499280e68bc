"""Which character set the bytes of a record that are not UTF-8 are in, record by record.

A record whose leader/09 is blank says "MARC-8", but many Vietnamese libraries kept their
catalogs in CDS/ISIS (WinISIS) and early local programs that wrote Vietnamese in the legacy
font encodings TCVN3 (ABC, ".VnTime"), VNI or Windows-1258, and European sources write
ISO-8859-1 / Windows-1252 under the same blank flag. Read as MARC-8, "Truyện Kiều" and
"Müller" silently become other letters. :func:`guess` decides, from evidence that is hard to
find by chance, and otherwise keeps MARC-8 (what the flag says):

* **Vietnamese** (TCVN3, VNI, Windows-1258): the words with letters beyond ASCII form valid
  Vietnamese syllables (:func:`app.legacy_text.syllable_counts`: at most one tone mark,
  Vietnamese letters, a real onset, nucleus and final) when read that way — at least
  ``MIN_SYLLABLES`` of them, at least twice as many as the words that do not, and more than
  when the record is read as MARC-8 (Vietnamese written in real MARC-8, marks before their
  letter, reads as valid syllables as MARC-8 and stays MARC-8).
* **Windows-1252** (ISO-8859-1 is its subset for letters): read that way the text is Latin
  letters in Latin words, and read as MARC-8 it would need at least one impossible thing
  for every ``IMPOSSIBLE_PER_POSSIBLE`` possible ones. Impossible in MARC-8: a byte its
  extended Latin set (ANSEL) leaves undefined (``Ü`` 0xDC, ``ü`` 0xFC, ``É`` 0xC9 ...;
  counted twice), a non-spacing mark before something it cannot sit on (a space,
  punctuation, a letter it makes no character with: the ``é`` of ``café`` is a caron
  before a space). Possible: a mark before a letter it combines with (MARC-8's ``´e``).
  Neither: a mark before another (marks stack), a mark that has a character with no letter
  (ligature halves, underline), and a grave or acute where English puts an apostrophe
  (``Don`t``, ``livin` ``): MARC-8 records use them so, while they are ``á`` / ``â`` in
  ISO-8859-1. A record whose only accented letters read as possible MARC-8 marks
  (``São``, ``Noël``) stays MARC-8.

Only the data fields' subfields are looked at (not the leader, the directory, the
indicators or the control fields, where a stray byte says nothing about the text), and
only for records whose bytes are not UTF-8 and carry no MARC-8 escape: the UTF-8 path never
comes here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from itertools import filterfalse

from app import legacy_text

MARC8, TCVN3, VNI, CP1258, CP1252 = "marc-8", "tcvn3", "vni", "cp1258", "cp1252"
#: The legacy Vietnamese encodings :func:`guess` can answer, as the import report counts them.
VIETNAMESE = (TCVN3, VNI, CP1258)
#: Valid Vietnamese syllables a reading needs at the least to be taken for Vietnamese (one
#: happens by chance: a record of marc4j's pride-and-prejudice-with-many-errors.mrc has a
#: word that reads as one valid syllable in TCVN3 and as nothing valid otherwise).
MIN_SYLLABLES = 2
#: A record is Windows-1252 rather than MARC-8 with one thing impossible in MARC-8 for every
#: this many possible ones. An accented letter of ISO-8859-1 read as a MARC-8 mark sits on
#: its next letter about as often as not, while a real MARC-8 mark is impossible only
#: through a slip (in the project's real MARC-8 files: at most 3 for 17 or more possible).
IMPOSSIBLE_PER_POSSIBLE = 4

# Bytes MARC-8's extended Latin set (ANSEL, pymarc's table 0x45) leaves undefined.
_NOT_ANSEL = re.compile(rb"[\x80-\x87\x8a-\x8c\x8f-\xa0\xaf\xbb\xbe\xbf\xc9-\xdf\xfc\xfd\xff]")
_MARK = re.compile(rb"[\xe0-\xfb\xfe]")
# Grave and acute: also MARC-8 producers' apostrophe ("Don\xe1t", "livin\xe1", "o\xe1 the"),
# where English has one: before "t", "s", "d", "m", "ll", "re", "ve" ending a word, or at its
# end.
_APOSTROPHE_MARKS = frozenset(b"\xe1\xe2")
_AFTER_APOSTROPHE = re.compile(rb"(?:t|s|d|m|ll|re|ve)?(?![A-Za-z])")

# A word (bytes) that can read as a Vietnamese syllable in TCVN3, VNI or Windows-1258: its
# ASCII letters, punctuation at its ends aside, are Vietnamese consonants, then vowels, then
# consonants (onset, nucleus, final: the "i" of "gi" and the "u" of "qu" pass as vowels),
# its bytes beyond ASCII anything (a letter, a tone, "đ" in one of the three). The three
# decoders keep ASCII bytes as they are and in their order (VNI joins a vowel and its mark
# into a vowel, Windows-1258 a letter and its tone), so a word this does not match (an
# ASCII letter Vietnamese lacks: f, j, w, z; a digit or punctuation inside; a consonant
# between vowels) reads as no syllable in any of them, and counts as one invalid word in
# each: it stays one word, and its bytes beyond ASCII stay letters that punctuation
# stripping does not reach — unless it holds a byte one of them reads as a space or a
# dash (_READ_AS_SPACE_OR_DASH), and such a word is read.
_PUNCT = re.escape(legacy_text.PUNCTUATION.encode("ascii", "ignore"))
_SYLLABLE_SHAPE = (  # possessive all through: each part ends where the next begins
    rb"[%(p)s]*+[%(c)s%(n)s]*+(?:[%(v)s][%(v)s%(n)s]*+)?+(?:[%(c)s][%(c)s%(n)s]*+)?+[%(p)s]*+"
    % {b"p": _PUNCT, b"c": rb"bcdghklmnpqrstvxBCDGHKLMNPQRSTVX", b"v": rb"aeiouyAEIOUY",
       b"n": rb"\x80-\xff"})
_MAYBE_SYLLABLE = re.compile(_SYLLABLE_SHAPE)
_READ_AS_SPACE_OR_DASH = re.compile(rb"[\x1c-\x1f\x85\x96\xa0]")
# A byte that settles nothing at a glance (:func:`_plainly_marc8`): one beyond ANSEL (0x85,
# 0x96 and 0xA0 among them), or one a legacy decoder reads as a space.
_UNSETTLED = re.compile(_NOT_ANSEL.pattern[:-1] + rb"\x1c-\x1f]")
# Each MARC-8 mark and the byte after it (b"" at the end).
_MARK_AND_NEXT = re.compile(rb"([\xe0-\xfb\xfe])(?=([\x00-\xff]?))")
# The words of a record's fields, roughly: a subfield ends a word.
_SUBFIELD_STARTS_AS_SPACES = bytes.maketrans(b"\x1f", b" ")
#: Distinct words whose counts :func:`_word_counts` keeps (per decoder): a catalog repeats
#: its words (names, places, publishers) from record to record.
WORD_CACHE = 16384


def decode_tcvn3(raw: bytes) -> str:
    """TCVN3 (ABC, ".VnTime") bytes as Unicode NFC, the capitals TCVN3 cannot hold restored
    (:func:`app.legacy_text.restore_capitals`) in names of two words or more: a title such as
    "Tắt đèn" keeps its small letters."""
    text = legacy_text.decode_tcvn3(raw.decode("latin-1"), fix_caps=False)
    return legacy_text.restore_capitals(text, title_words=2)


def decode_vni(raw: bytes) -> str:
    """VNI (VNI-Times) bytes as Unicode NFC."""
    return legacy_text.decode_vni(raw.decode("latin-1"))


def decode_cp1258(raw: bytes) -> str:
    """Windows-1258 bytes (tone marks as combining characters) as Unicode NFC; a byte
    Windows-1258 leaves undefined makes the piece Windows-1252 / Latin-1."""
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return unicodedata.normalize("NFC", text)


def decoder(encoding: str) -> Callable[[bytes], str]:
    """The subfield decoder for *encoding* (one of this module's names)."""
    return _decoders()[encoding]


@cache
def _decoders() -> dict[str, Callable[[bytes], str]]:
    from app.catalog.marc.iso2709 import _decode_latin, _decode_marc8

    return {MARC8: _decode_marc8, TCVN3: decode_tcvn3, VNI: decode_vni,
            CP1258: decode_cp1258, CP1252: _decode_latin}


def subfield_texts(data: bytes) -> list[bytes]:
    """The subfield values beyond ASCII in *data* (a record's fields, from its base
    address): what :func:`guess` weighs."""
    return [piece[1:] for body in data.split(b"\x1e") for piece in body.split(b"\x1f")[1:]
            if not piece.isascii()]


def guess(data: bytes) -> str:
    """The character set of a record whose fields *data* (from its base address) are not
    UTF-8 and hold no MARC-8 escape, its leader/09 not ``a``: one of ``MARC8``, ``TCVN3``,
    ``VNI``, ``CP1258``, ``CP1252`` (see the module's text for the evidence each needs).

    >>> guess(b"  \\x1faTruy\\xd6n Ki\\xd2u /\\x1fcNguy\\xd4n Du.\\x1e")
    'tcvn3'
    >>> guess(b"  \\x1faTi\\xe3\\xe2eng Vi\\xf2\\xe3et\\x1e")
    'marc-8'
    >>> guess(b"1 \\x1faM\\xfcller, J\\xfcrgen\\x1e")
    'cp1252'
    """
    return MARC8 if _plainly_marc8(data) else weigh(data)


def weigh(data: bytes) -> str:
    """:func:`guess` the long way: every subfield's words read in each character set
    (:func:`guess` takes it for records that are not MARC-8 at a glance, and decides the
    same)."""
    texts = subfield_texts(data)
    if not texts:
        return MARC8
    found = _vietnamese(texts, decoder(MARC8))
    if found is not None:
        return found
    return CP1252 if _latin(texts) else MARC8


def vietnamese(data: bytes, native: Callable[[bytes], str]) -> str | None:
    """The legacy Vietnamese encoding (``TCVN3``, ``VNI``, ``CP1258``) the fields *data*
    read clearly better in than with the *native* decoder (and than as Windows-1252), or
    None."""
    texts = subfield_texts(data)
    return _vietnamese(texts, native) if texts else None


def _plainly_marc8(data: bytes) -> bool:
    """Whether the fields *data* are MARC-8 at a glance, as most MARC-8 records are: no
    byte beyond ANSEL, every mark before a letter it fits or another mark, and fewer than
    ``MIN_SYLLABLES`` words that read as Vietnamese syllables in each legacy encoding —
    so that :func:`guess` would find MARC-8 the long way.

    Looked for in the words beyond ASCII of the fields beyond ASCII, 0x1F a space: each
    word of a subfield's text is one of them, or one without its first byte (the code of
    the subfield it opens), and where a text ends a space follows as its end does (no
    letter). Words of indicators and control fields (and codes) only add evidence."""
    fields_beyond_ascii: Iterator[bytes] = filterfalse(bytes.isascii, data.split(b"\x1e"))
    fields = b" ".join(fields_beyond_ascii)
    words = list(filterfalse(bytes.isascii, fields.translate(_SUBFIELD_STARTS_AS_SPACES).split()))
    joined = b" ".join(words)
    if _UNSETTLED.search(joined) is not None:
        return False
    if any(_fits(mark[0], following) is False
           for mark, following in set(_MARK_AND_NEXT.findall(joined))):
        return False
    shaped = _MAYBE_SYLLABLE.fullmatch
    valid = [_legacy_valid(word) for word in words if shaped(word) or shaped(word, 1)]
    return all(sum(counts) < MIN_SYLLABLES for counts in zip(*valid, strict=True))


@lru_cache(maxsize=WORD_CACHE)
def _legacy_valid(word: bytes) -> tuple[int, ...]:
    """The most valid Vietnamese syllables *word* or *word* without its first byte reads as
    in each of :data:`VIETNAMESE`."""
    parts = [part for part in (word, word[1:]) if not part.isascii()
             and _MAYBE_SYLLABLE.fullmatch(part)]
    return tuple(max((_word_counts(decoder(encoding), part)[0] for part in parts), default=0)
                 for encoding in VIETNAMESE)


def _score(counts: tuple[int, int]) -> int:
    return counts[0] - counts[1]


def _vietnamese(texts: list[bytes], native: Callable[[bytes], str]) -> str | None:
    # Only the words beyond ASCII count, and each reads alone as it reads in its text (the
    # five decoders work within a word): decoding them alone spares the rest of the text,
    # and a word is read once (:func:`_word_counts`), or not at all when it cannot be a
    # Vietnamese syllable in any legacy reading (most words of a MARC-8 record).
    words = [word for text in texts for word in text.split() if not word.isascii()]
    readable = [word for word in words if _READ_AS_SPACE_OR_DASH.search(word)
                or _MAYBE_SYLLABLE.fullmatch(word)]
    unreadable = len(words) - len(readable)
    counts = {}
    for encoding in VIETNAMESE:
        valid, invalid = _counts(readable, decoder(encoding))
        counts[encoding] = valid, invalid + unreadable
    best = max(VIETNAMESE, key=lambda encoding: _score(counts[encoding]))
    valid, invalid = counts[best]
    if valid < MIN_SYLLABLES or valid < 2 * invalid:
        return None
    if sum(_score(counts[e]) == _score(counts[best]) for e in VIETNAMESE) > 1:
        return None  # two legacy readings equally good: nothing to choose by
    others = (_counts(words, read) for read in (native, decoder(CP1252)))
    if _score(counts[best]) <= max(map(_score, others)):
        return None
    return best


def _counts(words: Iterable[bytes], read: Callable[[bytes], str]) -> tuple[int, int]:
    """:func:`app.legacy_text.syllable_counts` of *words* each read with *read*."""
    valid = invalid = 0
    for word in words:
        more_valid, more_invalid = _word_counts(read, word)
        valid += more_valid
        invalid += more_invalid
    return valid, invalid


@lru_cache(maxsize=WORD_CACHE)
def _word_counts(read: Callable[[bytes], str], word: bytes) -> tuple[int, int]:
    return legacy_text.syllable_counts((read(word),))


def _latin(texts: list[bytes]) -> bool:
    """Whether *texts* are Windows-1252 rather than MARC-8 (see the module's text)."""
    possible = impossible = 0
    for raw in texts:
        impossible += 2 * len(_NOT_ANSEL.findall(raw))
        for match in _MARK.finditer(raw):
            end = match.end()
            mark = raw[end - 1]
            fits = _fits(mark, raw[end:end + 1])
            if fits is None or (not fits and mark in _APOSTROPHE_MARKS
                                and _AFTER_APOSTROPHE.match(raw, end)):
                continue
            if fits:
                possible += 1
            else:
                impossible += 1
    return (impossible > 0 and impossible * IMPOSSIBLE_PER_POSSIBLE >= possible
            and _latin_shaped(texts))


def _latin_shaped(texts: list[bytes]) -> bool:
    """Read as Windows-1252, every character beyond ASCII is a letter, a punctuation mark
    or a symbol, and the words holding such letters are mostly ASCII letters (Cyrillic or
    Greek in a code page of their own reads as whole words of accented capitals)."""
    plain = accented = 0
    for raw in texts:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return False
        for word in text.split():
            if word.isascii():
                continue
            for ch in word:
                if ch.isascii():
                    plain += ch.isalpha()
                elif ch.isalpha():
                    accented += 1
                elif unicodedata.category(ch)[0] not in "PSZ":
                    return False
    return 0 < accented <= plain


@cache
def _fits(mark: int, following: bytes) -> bool | None:
    """Whether the MARC-8 non-spacing *mark* makes a letter with the byte *following* it
    (a Unicode character of its own when composed); None when that byte is another mark
    (marks stack) or the mark has no composed character with any letter."""
    if following and _MARK.fullmatch(following):
        return None
    table = _ansel()
    base = chr(following[0]) if following and following.isascii() else \
        table.get(following[0], "") if following else ""
    if not base.isalpha():
        return False
    if mark not in _composing():
        return None  # a mark no letter has a character for (ligature halves, underline)
    return _composes(base, table[mark])


def _composes(base: str, mark: str) -> bool:
    return len(unicodedata.normalize("NFC", base + mark)) == 1


@cache
def _ansel() -> dict[int, str]:
    """MARC-8's extended Latin set (ANSEL): byte -> character (a combining one for marks)."""
    from pymarc.marc8_mapping import CODESETS

    return {code: chr(point) for code, (point, _combining) in CODESETS[0x45].items()}


@cache
def _composing() -> frozenset[int]:
    """The MARC-8 marks that make a character of their own with some Latin letter (the
    others, such as the ligature halves of romanized Cyrillic, fit on any letter)."""
    letters = [chr(c) for c in range(0x41, 0x7B) if chr(c).isalpha()]
    return frozenset(code for code, char in _ansel().items() if _MARK.fullmatch(bytes([code]))
                     and any(_composes(letter, char) for letter in letters))
