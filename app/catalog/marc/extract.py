"""The key bibliographic fields of a MARC21 record, cleaned for display, search and storage.

:func:`extract` reads them; :func:`holdings` (re-exported from :mod:`.holdings`) reads items;
:func:`build_record` (re-exported from :mod:`.build`) writes a record from form fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.catalog.isbn import find_isbns
from app.catalog.marc.clean import clean, find_year, unbracket
from app.catalog.marc.holdings import ItemData, holdings
from app.catalog.marc.model import Field, MarcRecord

__all__ = ["BibData", "ItemData", "build_record", "extract", "extract_fields", "holdings",
           "standard_numbers", "stored_codes"]

Subfields = list[tuple[str, str]]
_SUBDIVISIONS = ("v", "x", "y", "z")
_AUTHOR_TAGS = ("100", "110", "111", "700", "710", "711")


@dataclass(slots=True)
class BibData:
    """Key fields of a bibliographic record. Text is NFC and free of ISBD punctuation."""

    title: str = ""
    responsibility: str | None = None
    authors: list[str] = field(default_factory=list)
    isbns: list[str] = field(default_factory=list)
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    edition: str | None = None
    classification: str | None = None
    subjects: list[str] = field(default_factory=list)
    language: str | None = None
    series: str | None = None
    volume: str | None = None
    notes: str | None = None
    control_number: str | None = None
    control_org: str | None = None
    #: ISSNs (022 $a: eight characters, no hyphen, a final X upper case) and EAN/UPC numbers
    #: (024 $a: the digits), for search.
    codes: list[str] = field(default_factory=list)


_ISSN = re.compile(r"(?<![\dXx])(\d{4})[-\s\u2010\u2013]?(\d{3}[\dXx])(?![\dXx])")
_NUMBER = re.compile(r"\d[\d\s-]*\d")
#: 024 numbers searched: EAN-8 to GTIN-14 (UPC-A 12, EAN-13 13 digits), as printed under
#: the bar code.
_NUMBER_LENGTHS = range(8, 15)


def standard_numbers(tag: str, subfields: Subfields) -> list[str]:
    """The ISSN of a 022 field or the EAN/UPC number of a 024 field ($a), compacted.

    >>> standard_numbers("022", [("a", "1859-2171 (bản in)"), ("y", "1859-0000")])
    ['18592171']
    >>> standard_numbers("024", [("a", "8 935235 226272"), ("d", "51000")])
    ['8935235226272']
    >>> standard_numbers("022", [("a", "ISSN chưa có")]), standard_numbers("024", [("a", "12")])
    ([], [])
    """
    found: list[str] = []
    for code, value in subfields:
        if code != "a":
            continue
        if tag == "022":
            issn = _ISSN.search(value)
            if issn:
                found.append((issn.group(1) + issn.group(2)).upper())
        else:
            number = _NUMBER.search(value)
            digits = number.group(0).replace(" ", "").replace("-", "") if number else ""
            if len(digits) in _NUMBER_LENGTHS:
                found.append(digits)
    return found


def stored_codes(record: MarcRecord) -> list[str]:
    """:attr:`BibData.codes` of a stored record (a search row rebuilt from ``records.marc``)."""
    codes: list[str] = []
    for f in record.fields:
        if f.tag in _CODE_TAGS and f.data is None:
            codes += (c for c in standard_numbers(f.tag, f.subfields) if c not in codes)
    return codes


def _or_none(text: str) -> str | None:
    return text or None


def title_of(f: Field) -> str:
    """The title in a 245 field: $a, $n, $p and $b joined with ISBD-like separators.

    >>> title_of(Field("245", None, "1", "0", [("a", "Toán 6 :"), ("b", "sách giáo khoa /"), ("c", "Hà Huy Khoái.")]))
    'Toán 6 : sách giáo khoa'
    >>> title_of(Field("245", None, "0", "0", [("a", "Lịch sử Việt Nam."), ("n", "Tập 2,"), ("p", "Thời Lý.")]))
    'Lịch sử Việt Nam. Tập 2, Thời Lý'
    """
    return _title(f.subfields)


def _title(subfields: Subfields) -> str:
    out = ""
    previous = ""
    for code, value in subfields:
        if code not in "abnp":
            continue
        text = clean(value)
        if not text:
            continue
        if not out:
            out = text
        elif code == "b":
            out += " : " + text
        elif code == "p" and previous == "n":
            out += ", " + text
        else:
            out += ". " + text
        previous = code
    return out


def _first(subfields: Subfields, code: str) -> str | None:
    """The first subfield *code* in *subfields*, or None (``Field.value``)."""
    for c, v in subfields:
        if c == code:
            return v
    return None


def _year(dated: list[Subfields], fixed: str | None) -> int | None:
    """The year in the first of the 260/264 fields *dated* (their subfields) that has one,
    else in 008."""
    for subfields in dated:
        year = find_year(_first(subfields, "c"))
        if year:
            return year
    if fixed and len(fixed) >= 11 and fixed[7:11].isdigit() and fixed[7:11] != "9999":
        return int(fixed[7:11])
    return None


def _language(fixed: str | None, coded: str | None) -> str | None:
    if fixed and len(fixed) >= 38:
        code = fixed[35:38].strip().lower()
        if len(code) == 3 and code.isalpha():
            return code
    if coded and coded[:3].isalpha():
        return coded[:3].lower()
    return None


# Class number fields, in the order they are preferred; 041 $a is the language code.
_CLASS_TAGS = ("082", "080", "084", "090")
_FIRST_A = frozenset((*_CLASS_TAGS, "041"))


def _classification(first_a: dict[str, str]) -> str | None:
    for tag in _CLASS_TAGS:
        value = first_a.get(tag)
        if value and value.strip():
            text = value.strip()
            if tag == "082":
                text = text.replace("/", "").replace("'", "")
            return text
    return None


def _subject(subfields: Subfields) -> str:
    parts: list[str] = []
    for code, value in subfields:
        if (code == "a" and not parts) or (code in _SUBDIVISIONS and parts):
            text = clean(value)
            if text:
                parts.append(text)
    return " -- ".join(parts)


def extract(record: MarcRecord) -> BibData:
    """Read the key fields of *record* into a :class:`BibData`.

    >>> from app.catalog.marc.model import MarcRecord, Field
    >>> r = MarcRecord("00000nam a2200000 a 4500", [
    ...     Field("020", None, " ", " ", [("a", "9786042088763 (bìa mềm) :"), ("c", "50.000đ")]),
    ...     Field("100", None, "0", " ", [("a", "Tô Hoài,")]),
    ...     Field("245", None, "1", "0", [("a", "Dế Mèn phiêu lưu ký /"), ("c", "Tô Hoài.")]),
    ...     Field("264", None, " ", "1", [("a", "Hà Nội :"), ("b", "Kim Đồng,"), ("c", "2020.")])])
    >>> b = extract(r)
    >>> b.title, b.authors, b.isbns, b.publisher, b.place, b.year
    ('Dế Mèn phiêu lưu ký', ['Tô Hoài'], ['9786042088763'], 'Kim Đồng', 'Hà Nội', 2020)
    """
    return extract_fields([(f.tag, f.data, f.ind2, f.subfields) for f in record.fields])


#: The data fields :func:`extract_fields` reads, besides every 5XX and 6XX: it passes over the
#: others (a caller may leave them out).
_CODE_TAGS = ("022", "024")
READ_TAGS = frozenset(("245", *_AUTHOR_TAGS, "020", *_CODE_TAGS, "250", "490", "830", "260",
                       "264", *_FIRST_A))

#: A field as :func:`extract_fields` reads it: ``(tag, data, ind2, subfields)``, ``data``
#: being None for a data field (whose ``subfields`` are ``(code, value)`` pairs).
FieldTuple = tuple[str, str | None, str, Subfields]


def extract_fields(fields: Iterable[FieldTuple]) -> BibData:
    """:func:`extract` of a record given as its fields, in record order, as plain tuples
    (the import's reader builds these straight from the file's bytes)."""
    bib = BibData()
    fixed: str | None = None
    authors: list[str] = []
    isbns: list[str] = []
    codes: list[str] = []
    subjects: list[str] = []
    notes: list[str] = []
    series_490: str | None = None
    series_830: str | None = None
    # Gathered in the same pass: the first $a of the class number and language fields, the
    # publication field (264 with ind2 1, else the first 260/264) and the fields a year may
    # come from (260, 264 with ind2 1 or blank), in record order.
    first_a: dict[str, str] = {}
    publication: Subfields | None = None
    fallback: Subfields | None = None
    dated: list[Subfields] = []
    for tag, data, ind2, subfields in fields:
        if data is not None:
            if tag == "001":
                bib.control_number = _or_none(data.strip())
            elif tag == "003":
                bib.control_org = _or_none(data.strip())
            elif tag == "008" and fixed is None:
                fixed = data
            continue
        if tag == "245" and not bib.title:
            bib.title = _title(subfields)
            bib.responsibility = _or_none(clean(_first(subfields, "c")))
            number = _first(subfields, "n")
            if number and not bib.volume:
                bib.volume = _or_none(clean(number))
        elif tag in _AUTHOR_TAGS:
            name = clean(_first(subfields, "a"))
            if name and name not in authors:
                authors.append(name)
        elif tag == "020":
            for code, value in subfields:
                if code == "a":
                    for isbn in find_isbns(value):
                        if isbn not in isbns:
                            isbns.append(isbn)
        elif tag == "022" or tag == "024":
            codes += (c for c in standard_numbers(tag, subfields) if c not in codes)
        elif tag == "250" and bib.edition is None:
            bib.edition = _or_none(clean(" ".join(v for c, v in subfields if c in ("a", "b"))))
        elif tag[0] == "6" and tag[1:].isdigit():
            subject = _subject(subfields)
            if subject and subject not in subjects:
                subjects.append(subject)
        elif tag[0] == "5" and tag[1:].isdigit():
            note = clean(_first(subfields, "a"))
            if note:
                notes.append(note)
        elif tag == "490" and series_490 is None:
            series_490 = _or_none(clean(_first(subfields, "a")))
            volume = _first(subfields, "v")
            if volume:
                bib.volume = _or_none(clean(volume))
        elif tag == "830" and series_830 is None:
            series_830 = _or_none(clean(_first(subfields, "a")))
        elif tag == "264" or tag == "260":
            if tag == "264" and ind2 == "1" and publication is None:
                publication = subfields
            if fallback is None:
                fallback = subfields
            if tag == "260" or ind2 in ("1", " "):
                dated.append(subfields)
        elif tag in _FIRST_A and tag not in first_a:
            coded = _first(subfields, "a")
            if coded is not None:
                first_a[tag] = coded
    bib.authors = authors
    bib.isbns = isbns
    bib.codes = codes
    bib.subjects = subjects
    bib.notes = "\n".join(notes) or None
    bib.series = series_490 or series_830
    pub = publication or fallback
    if pub is not None:
        bib.publisher = _or_none(unbracket(clean(_first(pub, "b"))))
        bib.place = _or_none(unbracket(clean(_first(pub, "a"))))
    bib.year = _year(dated, fixed)
    bib.classification = _classification(first_a)
    bib.language = _language(fixed, first_a.get("041"))
    return bib


from app.catalog.marc.build import build_record  # noqa: E402  (re-export; build imports BibData)
