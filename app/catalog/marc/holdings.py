"""Items (physical copies) carried in MARC holdings fields: Koha-style 952 and standard 852."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from app.catalog.marc.model import Field, MarcRecord
from app.text import nfc

HOLDINGS_TAGS = ("952", "852")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMBER = re.compile(r"\d[\d.,\s]*")
_SPACE = re.compile(r"\s")


@dataclass(slots=True)
class ItemData:
    """One copy as found in (or written to) a holdings field. Text is NFC; a missing value is None."""

    barcode: str | None = None
    call_number: str | None = None
    collection: str | None = None
    location: str | None = None
    price: float | None = None
    item_type: str | None = None
    acquired_on: str | None = None
    source: str | None = None
    note: str | None = None
    branch: str | None = None


#: The note of each 852 in ThuVien's district union export (``server.union_marc``), one per
#: library holding the title: how many copies that library has, not a copy of its own.
_UNION_COUNT = re.compile(nfc(r"^\s*Số bản:\s*\d+\s*;\s*sẵn có:\s*\d+\s*$"))


def is_union_holding(barcode: object, note: object) -> bool:
    """Whether a holdings field with *barcode* and *note* is a library's line in a district
    union export (no barcode, the note "Số bản: 3; sẵn có: 2"): another library's copies
    counted, which must not become copies of the library importing the file.

    Only that note decides: most real 852 fields have no barcode ($p) and are a library's
    own holdings (a location and a call number), which stay copies.

    >>> is_union_holding(None, "Số bản: 3; sẵn có: 2"), is_union_holding("TK.00001", "Số bản: 3; sẵn có: 2")
    (True, False)
    >>> is_union_holding(None, "Gift"), is_union_holding(None, None)
    (False, False)
    """
    return barcode is None and isinstance(note, str) and _UNION_COUNT.match(note) is not None


#: The highest price a copy can have, in đồng; a larger figure is a typing slip, dropped.
MAX_PRICE = 1_000_000_000


@functools.lru_cache(maxsize=4096)  # a catalog's copies share a few hundred prices
def parse_price(text: str | None) -> float | None:
    """A price written any usual way, as a number; Vietnamese thousands dots are understood.
    None when there is none, or when it is beyond :data:`MAX_PRICE`.

    >>> parse_price("50.000đ"), parse_price("1.250.000 VND"), parse_price("12.50"), parse_price("45,000")
    (50000.0, 1250000.0, 12.5, 45000.0)
    >>> parse_price("99999999999999999999999"), parse_price("-5")
    (None, None)
    """
    if not text:
        return None
    match = _NUMBER.search(text)
    if not match or text[:match.start()].rstrip().endswith("-"):
        return None  # no figure, or a negative one
    number = _SPACE.sub("", match.group(0)).rstrip(".,")
    if not number:
        return None
    if "." in number and "," in number:
        decimal = "." if number.rfind(".") > number.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        number = number.replace(thousands, "").replace(decimal, ".")
    elif "." in number or "," in number:
        sep = "." if "." in number else ","
        groups = number.split(sep)
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3 and groups[0] != "0":
            number = "".join(groups)
        elif len(groups) == 2:
            number = ".".join(groups)
        else:
            return None
    try:
        price = float(number)
    except ValueError:
        return None
    return price if price <= MAX_PRICE else None


@functools.lru_cache(maxsize=4096)  # and a few hundred acquisition dates
def parse_date(text: str | None) -> str | None:
    """An acquisition date as ISO ``YYYY-MM-DD`` from ISO, dd/mm/yyyy or yyyymmdd, else None.

    >>> parse_date("2023-09-05"), parse_date("5/9/2023"), parse_date("20230905"), parse_date("9/2023")
    ('2023-09-05', '2023-09-05', '2023-09-05', None)
    """
    if not text:
        return None
    value = text.strip()
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit() \
            and value[5:7].isdigit() and value[8:].isdigit() and "01" <= value[5:7] <= "12":
        return value
    for pattern, order in ((_DATE_ISO, (0, 1, 2)), (_DATE_DMY, (2, 1, 0)), (_DATE_COMPACT, (0, 1, 2))):
        match = pattern.match(value)
        if match:
            parts = match.groups()
            year, month, day = (int(parts[i]) for i in order)
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _codes(subfields: list[tuple[str, str]]) -> dict[str, str]:
    """The first non-blank value of each subfield code."""
    found: dict[str, str] = {}
    for c, v in subfields:
        if c not in found:
            v = v.strip()
            if v:
                found[c] = v
    return found


def item_952(subfields: list[tuple[str, str]]) -> ItemData:
    """The copy in a 952 field, given its subfields (see :func:`holdings`)."""
    s = _codes(subfields)
    get = s.get
    return ItemData(
        barcode=get("p"),
        call_number=get("o"),
        collection=get("8"),
        location=get("c"),
        price=parse_price(get("g") or get("v")),
        item_type=get("y"),
        acquired_on=parse_date(get("d")),
        source=get("e"),
        note=get("z") or get("x"),
        branch=get("a") or get("b"),
    )


#: A copy as the MARC import stores it: ``(collection, barcode, item_type, call_number,
#: location, price, acquired_on, source, note)``; the barcode stripped and NFC (None when
#: there is none); from the call number on, '' stands for NULL (``app.catalog.store.NO_VALUE``).
CopyValues = tuple[str | None, str | None, str | None, str, str, float | str, str, str, str]


def copy_values(item: ItemData) -> CopyValues:
    """*item* as the import stores it (:data:`CopyValues`)."""
    barcode = item.barcode.strip() if item.barcode else None
    price = item.price
    return (item.collection, nfc(barcode) if barcode else None, item.item_type,
            item.call_number or "", item.location or "", "" if price is None else price,
            item.acquired_on or "", item.source or "", item.note or "")


def copy_952(subfields: list[tuple[str, str]]) -> CopyValues:
    """``copy_values(item_952(subfields))`` without the :class:`ItemData` in between (the
    import's direct reader: about 1 µs less per copy)."""
    s = _codes(subfields)
    get = s.get
    barcode = get("p")  # stripped and not empty, or None
    price = parse_price(get("g") or get("v"))
    return (get("8"), nfc(barcode) if barcode else None, get("y"), get("o") or "",
            get("c") or "", "" if price is None else price, parse_date(get("d")) or "",
            get("e") or "", get("z") or get("x") or "")


def item_852(subfields: list[tuple[str, str]]) -> ItemData:
    """The copy in an 852 field, given its subfields (see :func:`holdings`)."""
    s = _codes(subfields)
    call = " ".join(v.strip() for c, v in subfields if c in "khim" and v.strip()) or None
    shelving = s.get("c")
    return ItemData(
        barcode=s.get("p"),
        call_number=call,
        collection=s.get("b") if shelving else None,
        location=shelving or s.get("b"),
        price=parse_price(s.get("9")),
        note=s.get("z") or s.get("x"),
        branch=s.get("a"),
    )


def holdings(record: MarcRecord) -> list[ItemData]:
    """The items in the record's 952 (Koha) and 852 fields, in record order.

    952: $p barcode, $o call number, $8 collection code, $c shelving location, $a/$b branch,
    $g (else $v) price, $y item type, $d acquisition date, $e source, $z note.
    852: $p barcode, $k $h $i $m call number, $c (else $b) location, $b collection when $c
    is present, $9 price, $z/$x note, $a branch. Items without a barcode are returned too.

    >>> r = MarcRecord("00000nam a2200000 a 4500", [Field("952", None, " ", " ", [("p", "TK.00003"), ("g", "45.000")])])
    >>> holdings(r)[0].barcode, holdings(r)[0].price
    ('TK.00003', 45000.0)
    """
    items: list[ItemData] = []
    for f in record.fields:
        if f.tag == "952" and f.data is None:
            items.append(item_952(f.subfields))
        elif f.tag == "852" and f.data is None:
            items.append(item_852(f.subfields))
    return items


def _price_text(price: float) -> str:
    return str(int(price)) if price == int(price) else f"{price:.2f}"


def item_field(item: ItemData, tag: str = "952") -> Field:
    """The holdings field (952 Koha-style or 852) that carries *item*; read back by :func:`holdings`.

    >>> item_field(ItemData(barcode="GK.00012", call_number="895.922 NG-D"), "852").subfields
    [('h', '895.922 NG-D'), ('p', 'GK.00012')]
    """
    subs: list[tuple[str, str]] = []

    def add(code: str, value: str | None) -> None:
        if value:
            subs.append((code, value))

    if tag == "852":
        add("a", item.branch)
        add("b", item.collection)
        add("c", item.location)
        add("h", item.call_number)
        add("p", item.barcode)
        add("9", _price_text(item.price) if item.price is not None else None)
        add("z", item.note)
        return Field("852", None, " ", " ", subs)
    add("8", item.collection)
    add("a", item.branch)
    add("b", item.branch)
    add("c", item.location)
    add("d", item.acquired_on)
    add("e", item.source)
    add("g", _price_text(item.price) if item.price is not None else None)
    add("o", item.call_number)
    add("p", item.barcode)
    add("y", item.item_type)
    add("z", item.note)
    return Field("952", None, " ", " ", subs)
