"""The catalog query language, parsed into FTS5 terms and filters.

A query is words (folded like the index: no diacritics, đ→d, i/y variants equal), "quoted
phrases" and field qualifiers ``title:``, ``author:``, ``subject:``, ``isbn:``, ``issn:``, ``ean:`` (or
``upc:``, a bar code number), ``year:`` (``year:2020`` or ``year:2015-2020``) and ``callno:``. The last bare word is a prefix while
the user is typing (no space after it yet).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from app.catalog.isbn import to_isbn13
from app.text import fold

# FTS5 answers "t"* by merging the lists of every indexed word starting with t (50-80 ms
# on 100k records): a one-letter prefix is written instead as the letter itself or any of
# its two-character prefixes, which the index's prefix index ('2 3') reads lazily (< 2 ms).
# Letters outside a-z0-9 (Cyrillic, Chinese...) cannot be spread that way and are matched
# as a whole word until a second one is typed.
_SPREAD = "abcdefghijklmnopqrstuvwxyz0123456789"
_COLUMNS = {"title": "title", "author": "author", "subject": "subject", "callno": "callno",
            "ti": "title", "au": "author", "su": "subject", "tieude": "title",
            "tacgia": "author", "chude": "subject"}
_CODE_KEYS = ("issn", "ean", "upc")
_TOKEN = re.compile(r'(\w+):(?:"([^"]*)"?|(\S+))|"([^"]*)"?|(\S+)', re.UNICODE)
# An ISBN being typed with its hyphens ("978-604-1"): one number, as the index holds it,
# not the words "978", "604" and "1". Only the EAN prefixes of books (978, 979) are read so:
# a title's "1945-1975" stays two years.
_HYPHENATED_ISBN = re.compile(r"^97[89](?:-?\d)*-?[\dX]?$", re.IGNORECASE)
# The first characters of an ISSN ("0866-8", "08668"), under ``isbn:`` or ``issn:``: the
# beginning of the eight-character number the index holds (without its hyphen).
_PARTIAL_ISSN = re.compile(r"^\d{4}-?\d{0,3}$")
# Words of a query beyond this many (a pasted page of text) are left out: every record
# matching all of them already matches the first ones, and FTS5 refuses an expression
# deeper than 1000 ("Expression tree is too large").
MAX_TERMS = 64


@dataclass(frozen=True)
class Term:
    """One FTS5 phrase of the query: its folded words, the column it is confined to (None for
    a bare word or phrase, which may match anywhere) and whether its last word is a prefix.

    ``completions`` are the indexed words that a prefix stands for, when the search looked
    them up: FTS5 then reads those words' lists one by one instead of first merging the whole
    prefix's lists in memory (see :meth:`app.catalog.search.CatalogSearch`).
    """

    words: tuple[str, ...]
    column: str | None = None
    prefix: bool = False
    completions: tuple[str, ...] | None = None

    @property
    def phrase(self) -> str:
        """The FTS5 phrase: ``"w"``, ``"w"*``, ``"w1 w2"``, the completions of a prefix, or a
        one-letter prefix spread over its two-letter prefixes.

        >>> Term(("viet",), prefix=True, completions=("viet", "vietnam")).phrase
        '("viet" OR "vietnam")'
        """
        if self.completions:
            return "(" + " OR ".join(f'"{w}"' for w in self.completions) + ")"
        if self.prefix and len(self.words) == 1 and len(self.words[0]) == 1:
            letter = self.words[0]
            return "(" + " OR ".join([f'"{letter}"', *(f'"{letter}{c}"*' for c in _SPREAD)]) + ")"
        star = "*" if self.prefix and self.completions is None else ""
        return '"' + " ".join(self.words) + '"' + star


@dataclass
class Query:
    """A parsed search query."""

    terms: list[Term] = field(default_factory=list)
    isbns: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    exact_title: str = ""
    typing: bool = False  # the last bare word is a prefix (still being typed)
    isbn_prefix: str | None = None  # the first digits of an ISBN-13 being typed
    raw: str = ""

    @property
    def match(self) -> str:
        """The FTS5 MATCH expression (empty when only filters were given)."""
        return " AND ".join(f"{t.column} : {t.phrase}" if t.column else t.phrase
                            for t in self.terms)

    @property
    def bare(self) -> list[Term]:
        """The terms that may match in any column (they decide the ranking)."""
        return [t for t in self.terms if t.column is None]



def typed_forms(text: str) -> list[str]:
    """The forms of *text* to search, in turn until one finds something: its NFKC form
    (full-width letters and digits, which some Vietnamese input methods on Windows type, are
    the plain ones a catalog holds), then the text as typed when that differs (a record
    stored with the same full-width characters).

    >>> typed_forms("Ｔｏáｎ １")
    ['Toán 1', 'Ｔｏáｎ １']
    """
    typed = unicodedata.normalize("NFKC", text)
    return [typed] if typed == text else [typed, text]


def _add(query: Query, words: list[str], column: str | None, prefix_last: bool) -> None:
    """Add one term per word (the last one a prefix when asked and long enough)."""
    if not words:
        return
    for i, w in enumerate(words):
        prefix = prefix_last and i == len(words) - 1 and (len(w) > 1 or w in _SPREAD)
        query.terms.append(Term((w,), column, prefix))
    if column is None:
        query.typing = query.terms[-1].prefix


_KEYS = {*_COLUMNS, *_CODE_KEYS, "isbn", "year", "nam"}
# "title: truyện kiều", "isbn : 978…": a known qualifier, spaces before its value.
_QUALIFIER_SPACE = re.compile(r"(?<!\S)(\w+)\s*:\s+(?=\S)", re.UNICODE)


# ISBD's area separator, ". - " (". — " in print): a description pasted from a catalogue
# card or another library's catalogue ("Truyện Kiều / Nguyễn Du. - H. : Văn học, 2015. -
# 200 tr.") is searched by its first area, title and authors; the rest (place abbreviated
# "H.", pages, size) is mostly not in the index and would leave nothing found.
_ISBD_AREA = re.compile(r"(?<=\S)\.\s+[-–—]{1,2}\s+(?=\S)")


# "ISBN 978-604-2-09818-2", "ISBN-10: 0 306 40615 2", as printed on a book and pasted.
_LABELLED_ISBN = re.compile(r"(?<!\S)isbn(?:[-‐ ]?1[03])?\s*:?\s*(\d[\d\s\-‐–]{8,20}[\dXx])(?!\S)",
                            re.IGNORECASE)


def _isbn_qualifier(match: re.Match[str]) -> str:
    """A labelled valid ISBN becomes ``isbn:`` and its ISBN-13; anything else stays as typed."""
    isbn = to_isbn13(match.group(1))
    return f"isbn:{isbn}" if isbn else match.group(0)


def _join_qualifier(match: re.Match[str]) -> str:
    """``title: x`` → ``title:x`` for a known qualifier; ``nam:`` (also the word "năm" or
    "Nam") only before a year, so "Việt Nam: lịch sử" stays words."""
    key = fold(match.group(1)).replace(" ", "")
    if key not in _KEYS:
        return match.group(0)
    if key == "nam" and not match.string[match.end() : match.end() + 1].isdigit():
        return match.group(0)
    return match.group(1) + ":"


def parse_query(text: str) -> Query:
    """Parse *text* into FTS terms and filters.

    >>> parse_query('title:"dế mèn" tô ho').match
    'title : "de" AND title : "men" AND "to" AND "ho"*'
    """
    query = Query(raw=text)
    typing = bool(text) and not text[-1].isspace() and not text.rstrip().endswith('"')
    first_area = _ISBD_AREA.split(text, maxsplit=1)
    if len(first_area) > 1:  # its ISBN too, when the description gives it
        isbns = [m.group(0) for m in _LABELLED_ISBN.finditer(first_area[1])]
        text, typing = " ".join([first_area[0], *isbns]), False
    text = _QUALIFIER_SPACE.sub(_join_qualifier, _LABELLED_ISBN.sub(_isbn_qualifier, text))
    tokens = list(_TOKEN.finditer(text))
    bare: list[str] = []
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        name, quoted_value, plain_value, phrase, word = token.groups()
        if name is not None:
            key = fold(name).replace(" ", "")
            value = quoted_value if quoted_value is not None else plain_value or ""
            if key == "isbn":
                isbn = to_isbn13(value)
                if isbn:
                    query.isbns.append(isbn)
                else:
                    digits = fold(value).replace(" ", "")
                    if _HYPHENATED_ISBN.match(digits) and len(digits.replace("-", "")) < 13:
                        query.isbn_prefix = digits.replace("-", "")  # isbn:978604…
                    elif _PARTIAL_ISSN.match(digits):  # isbn:0866-8, the start of an ISSN
                        query.terms.append(Term((digits.replace("-", ""),), "other", True))
                    elif digits:
                        query.terms.append(Term((digits,), "other"))
                continue
            if key in _CODE_KEYS:  # ISSN, EAN/UPC: one number, indexed without its hyphen
                code = fold(value).replace(" ", "")
                if key == "issn" and _PARTIAL_ISSN.match(code):  # issn:0866-8: its start
                    query.terms.append(Term((code.replace("-", ""),), "other", True))
                elif code:
                    query.terms.append(Term((code,), "other"))
                continue
            if key in ("year", "nam"):
                years = re.findall(r"\d{3,4}", value)
                if years:  # "year:2020-2015" is the same years as "year:2015-2020"
                    query.year_from = min(int(years[0]), int(years[-1]))
                    query.year_to = max(int(years[0]), int(years[-1]))
                continue
            if key in _COLUMNS:
                words = fold(value).split()
                if words:
                    _add(query, words, _COLUMNS[key], last and typing and quoted_value is None)
                continue
            word = token.group(0)
        if phrase is not None:
            words = fold(phrase).split()
            if words:
                query.terms.append(Term(tuple(words)))
            continue
        if word and word.endswith(":") and fold(word[:-1]) in _KEYS - {"nam"}:
            continue  # "title:" with its value still to come: not the word "title"
        if word and "-" in word and _HYPHENATED_ISBN.match(word):
            word = word.replace("-", "")
        words = fold(word or "").split()
        bare.extend(words)
        _add(query, words, None, last and typing)
    query.exact_title = " ".join(bare)
    distinct = list(dict.fromkeys(query.terms))  # "dế dế dế" is "dế"
    if len(distinct) > MAX_TERMS:
        distinct, query.typing = distinct[:MAX_TERMS], False
    query.terms = distinct
    return query
