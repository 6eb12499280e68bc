"""What to print, read from the library: items (new since a date, an accession-number range, a
search result, a list of barcodes) as :class:`LabelItem`; a class of patrons as :class:`CardData`.

Read-only. Item rows come from one SQL join (fast for thousands of labels); search goes through
``lib.catalog.search`` and patrons through ``lib.patrons``.

    >>> items = items_in_range(lib, "TK.00001-TK.00050")   # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.circulation.clock import library_today
from app.dates import parse_day
from app.db.connection import in_chunks
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.labels.author_mark import AuthorMarkRule, author_mark
from app.labels.model import CallNumber, CardData, LabelItem
from app.text import nfc

if TYPE_CHECKING:
    from app.library import Library

DEFAULT_LIBRARY = Text("Thư viện", "Library")
BAD_DATE = Text("Ngày “{value}” không hợp lệ: viết dd/mm/yyyy (ví dụ 01/09/2025)",
                "Date “{value}” is not valid: write dd/mm/yyyy (for example 01/09/2025)")
BAD_RANGE = Text(
    "Khoảng số ĐKCB “{value}” không hợp lệ: viết ví dụ TK.00001-TK.00050 (cùng tiền tố, số đầu ≤ số cuối)",
    "Accession range “{value}” is not valid: write e.g. TK.00001-TK.00050 (same prefix, first ≤ last)",
)
UNKNOWN = Text("Không tìm thấy ĐKCB: {codes}", "No such accession numbers: {codes}")
NO_CLASS = Text("Lớp “{name}” không có bạn đọc nào", "Class “{name}” has no patrons")
NONE_SINCE = Text("Không có bản sách nào nhập từ ngày {date} trở đi",
                  "No copies were added on or after {date}")
NONE_IN_RANGE = Text("Không có bản sách nào có số ĐKCB từ {first} đến {last}",
                     "No copies have accession numbers from {first} to {last}")
NONE_FOUND = Text("Tìm “{query}” không thấy bản sách nào", "The search “{query}” finds no copies")
NONE_CHOSEN = Text("Chưa chọn bản sách nào", "No copies chosen")
NO_QUERY = Text("Gõ nhan đề, tác giả hoặc chủ đề để chọn sách",
                "Type a title, author or subject to choose the copies")
SEARCH_PAGE = 1000

_SELECT = """
SELECT i.barcode, i.call_number, r.title, r.authors, r.classification, r.volume, r.year, r.author_mark
FROM items i JOIN records r ON r.id = i.record_id
WHERE i.deleted = 0 AND r.deleted = 0
"""
_NUMBERED = re.compile(r"^(.*?)(\d+)$")
_CLASS_START = re.compile(r"^\d+\.\d")  # a DDC number, its digits in groups of 3: 895.922 34
_VOLUME = re.compile(r"^(?:(?:T|Q|V|c|C)\.|(?:Tập|Quyển|bản)\.?)\d+[A-Za-z]?$")  # T.2, Q.1, c.3
# Copies written off (thanh lý) have left the collection: a selection by date, range or
# search leaves them out (131 of 779 labels of a school's first print run were for copies
# on a write-off record); a copy asked for by its accession number is still printed.
_ON_HAND = " AND i.status <> 'withdrawn'"


def library_name(lib: Library) -> str:
    """The name printed on labels: the ``library_name`` setting, else "Thư viện"."""
    return nfc(str(lib.settings.get("library_name") or DEFAULT_LIBRARY()))


def author_mark_rule(lib: Library) -> AuthorMarkRule:
    """The library's author-mark rule from the ``author_mark_rule`` setting (a JSON object with
    the fields of :class:`AuthorMarkRule`), else the default."""
    value = lib.settings.get("author_mark_rule")
    if isinstance(value, dict):
        known = {k: v for k, v in value.items() if k in AuthorMarkRule.__dataclass_fields__}
        return AuthorMarkRule(**known)
    return AuthorMarkRule()


def short_title(title: str) -> str:
    """The title proper without the statement of responsibility (" / ...").

    >>> short_title("Harry Potter và hòn đá phù thủy / J. K. Rowling ; Lý Lan dịch")
    'Harry Potter và hòn đá phù thủy'
    """
    return nfc(title).split(" / ")[0].strip()


def spine_lines(call_number: str | None, classification: str | None, mark: str,
                volume: str | None, year: int | str | None) -> tuple[str, ...]:
    """The spine lines: the item's own call number split at spaces when it has one, else
    classification, author mark, volume and year. A class number's digits written in groups
    (``895.922 34``) stay one line, and so do volume and copy (``T.2 c.3``): a spine label
    breaks them again only where they do not fit, and the other parts keep their size.

    >>> spine_lines(None, "895.9223", "ÁNH", "T.1", 2019)
    ('895.9223', 'ÁNH', 'T.1', '2019')
    >>> spine_lines("895.922 34 NG-D T.2 c.3", None, "", None, None)
    ('895.922 34', 'NG-D', 'T.2 c.3')
    """
    if call_number and call_number.strip():
        lines: list[str] = []
        for part in nfc(call_number).split():
            if lines and ((part.isdigit() and len(part) <= 3 and _CLASS_START.match(lines[-1]))
                          or (_VOLUME.match(part) and _VOLUME.match(lines[-1].split()[-1]))):
                lines[-1] += " " + part
            else:
                lines.append(part)
        return tuple(lines)
    return CallNumber(classification or "", mark, volume or "", str(year) if year else "").lines()


def _label(row: sqlite3.Row | tuple[Any, ...], name: str, rule: AuthorMarkRule) -> LabelItem:
    barcode, call_number, title, authors, classification, volume, year, override = tuple(row)
    mark = author_mark(json.loads(authors or "[]"), title or "", rule, override)
    return LabelItem(barcode=barcode, title=short_title(title or ""), library_name=name,
                     spine=spine_lines(call_number, classification, mark, volume, year))


def _query(lib: Library, where: str, params: Sequence[Any]) -> list[LabelItem]:
    name, rule = library_name(lib), author_mark_rule(lib)
    rows = lib.db.conn.execute(_SELECT + where, params).fetchall()
    return [_label(row, name, rule) for row in rows]


def parse_date(value: str) -> str:
    """A date typed as dd/mm/yyyy (or ISO yyyy-mm-dd) as an ISO string.

    >>> parse_date("01/09/2025")
    '2025-09-01'
    """
    day = parse_day(value)
    if day is None:
        raise ValidationError("labels.date", BAD_DATE, value=value)
    return day.isoformat()


def accession_order(barcodes: Sequence[str]) -> list[int]:
    """Positions of *barcodes* (in entry order) rearranged into accession order: each prefix's
    numbers in ascending order, the prefixes in the order they were first entered.

    >>> codes = ["TK.00010", "GK.00002", "TK.00009", "GK.00001"]
    >>> [codes[i] for i in accession_order(codes)]
    ['TK.00009', 'TK.00010', 'GK.00001', 'GK.00002']
    """
    first_seen: dict[str, int] = {}
    keys: list[tuple[int, int, int]] = []
    for position, barcode in enumerate(barcodes):
        numbered = _NUMBERED.match(barcode)
        prefix, number = (numbered.group(1).upper(), int(numbered.group(2))) if numbered else \
            (barcode.upper(), -1)
        keys.append((first_seen.setdefault(prefix, len(first_seen)), number, position))
    return [key[2] for key in sorted(keys)]


def items_since(lib: Library, since: str | date) -> list[LabelItem]:
    """Items acquired (or, without an acquisition date, entered: that day in Vietnam, the
    entry time being stored in UTC) on or after *since*, in accession order (each
    collection's copies by number, as the register lists them, even when they were imported
    with their numbers in another order); copies written off are left out."""
    day = since.isoformat() if isinstance(since, date) else parse_date(since)
    found = _query(lib, _ON_HAND + " AND COALESCE(i.acquired_on, date(i.created_at, '+7 hours'))"
                   " >= ? ORDER BY i.id", (day,))
    return [found[i] for i in accession_order([item.barcode for item in found])]


def last_delivery_day(lib: Library) -> date | None:
    """The "added since" day that selects the latest delivery: the earliest acquisition day
    of the copies entered on the last day copies were entered (a MARC import, an afternoon's
    cataloguing), however long ago they were acquired; None with no copies.

    Today selected nothing after an import of copies bought years ago, which is when labels
    are printed. One pass over the copies (40 ms of CPU for 100 000, measured in memory)."""
    newest = lib.db.conn.execute(
        "SELECT date(created_at, '+7 hours') FROM items WHERE NOT deleted "
        "ORDER BY id DESC LIMIT 1").fetchone()
    if newest is None:
        return None
    day = lib.db.conn.execute(
        "SELECT min(COALESCE(acquired_on, date(created_at, '+7 hours'))) FROM items "
        "WHERE NOT deleted AND date(created_at, '+7 hours') >= ?", (newest[0],)).fetchone()[0]
    return parse_day(str(day)) if day else None


def parse_range(spec: str) -> tuple[str, int, int]:
    """``"TK.00001-TK.00050"`` (or ``"TK.00001-50"``) as (prefix, first, last).

    >>> parse_range("TK.00001-TK.00050")
    ('TK.', 1, 50)
    """
    text = spec.strip().upper().replace("–", "-")
    first, sep, last = text.rpartition("-")
    if not sep:
        first = last = text
    return _bounds(first, last, spec)


def parse_bounds(first: str, last: str) -> tuple[str, int, int]:
    """The range typed as two fields, first and last accession number, as (prefix, low, high);
    an empty *last* means the first alone, a bare number the first's prefix.

    >>> parse_bounds("TK.00100", "TK.00150")
    ('TK.', 100, 150)
    """
    last = last if last.strip() else first
    return _bounds(first.strip().upper(), last.strip().upper(), f"{first} – {last}")


def _bounds(first: str, last: str, spec: str) -> tuple[str, int, int]:
    a, b = _NUMBERED.match(first.strip()), _NUMBERED.match(last.strip())
    if a is None or b is None:
        raise ValidationError("labels.range", BAD_RANGE, value=spec)
    prefix = a.group(1)
    if b.group(1) not in ("", prefix) or int(a.group(2)) > int(b.group(2)):
        raise ValidationError("labels.range", BAD_RANGE, value=spec)
    return prefix, int(a.group(2)), int(b.group(2))


def items_in_range(lib: Library, spec: str) -> list[LabelItem]:
    """Items whose accession number has the range's prefix and a number inside it, in number
    order (``TK.00001-TK.00050``; zero padding does not matter); copies written off are
    left out."""
    return _numbered(lib, *parse_range(spec))


def _numbered(lib: Library, prefix: str, low: int, high: int) -> list[LabelItem]:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    found = _query(lib, _ON_HAND + " AND i.barcode LIKE ? ESCAPE '\\'", (escaped + "%",))
    chosen: list[tuple[int, LabelItem]] = []
    for item in found:
        rest = item.barcode[len(prefix):]
        if prefix[-1:].isalpha():  # "TK00001-TK00050" typed without the dot of TK.00001
            rest = rest.lstrip("./-_ ")
        if rest.isdigit() and low <= int(rest) <= high:
            chosen.append((int(rest), item))
    return [item for _, item in sorted(chosen, key=lambda pair: pair[0])]


def items_by_barcodes(lib: Library, barcodes: Iterable[str]) -> list[LabelItem]:
    """Items in the order of *barcodes*; unknown codes raise :class:`NotFoundError` listing them."""
    wanted = [b.strip() for b in barcodes if b.strip()]
    found: dict[str, LabelItem] = {}
    for chunk in in_chunks(wanted):
        marks = ",".join("?" * len(chunk))
        for item in _query(lib, f" AND i.barcode IN ({marks})", chunk):
            found[item.barcode.upper()] = item
    missing = [b for b in wanted if b.upper() not in found]
    if missing:
        raise NotFoundError("labels.unknown_items", UNKNOWN, codes=", ".join(missing[:10]))
    return [found[b.upper()] for b in wanted]


def items_of_search(lib: Library, query: str, limit: int | None = SEARCH_PAGE) -> list[LabelItem]:
    """Every copy of the records a catalog search finds (up to *limit* records, all of them
    with ``None``), in hit order; copies written off are left out."""
    size = limit or SEARCH_PAGE
    result = lib.catalog.search(query, limit=size)
    # In a large catalog the total of a broad search is an estimate and may fall short:
    # ask again for more until a page comes back with room to spare.
    while limit is None and len(result.hits) == size:
        size = max(2 * size, result.total + 1)
        result = lib.catalog.search(query, limit=size)
    return items_by_barcodes(lib, [copy.barcode for hit in result.hits for copy in hit.items
                                   if copy.status != "withdrawn"])


@dataclass(frozen=True)
class ItemChoice:
    """Which copies to print, as the label dialog lets the librarian choose them: ``how`` is
    ``"barcodes"`` (these accession numbers), ``"since"`` (added on or after *since*),
    ``"range"`` (*first* to *last*) or ``"search"`` (every copy of the records *query* finds)."""

    how: str
    barcodes: tuple[str, ...] = ()
    since: date | None = None
    first: str = ""
    last: str = ""
    query: str = ""


def select_items(lib: Library, choice: ItemChoice) -> list[LabelItem]:
    """The copies *choice* selects; a choice that selects nothing raises :class:`NotFoundError`
    saying so in words (a malformed range raises :class:`ValidationError`)."""
    if choice.how == "since":
        day = choice.since or library_today()  # the library's day, not the PC's
        items = items_since(lib, day)
        empty = NONE_SINCE, {"date": day.strftime("%d/%m/%Y")}
    elif choice.how == "range":
        prefix, low, high = parse_bounds(choice.first, choice.last)
        items = _numbered(lib, prefix, low, high)
        empty = NONE_IN_RANGE, {"first": choice.first.strip().upper(),
                                "last": (choice.last.strip() or choice.first.strip()).upper()}
    elif choice.how == "search":
        items = items_of_search(lib, choice.query, limit=None) if choice.query.strip() else []
        # nothing typed yet: say what to type, not 'the search “” finds no copies'
        empty = (NONE_FOUND, {"query": choice.query.strip()}) if choice.query.strip() else \
            (NO_QUERY, {})
    else:
        items = items_by_barcodes(lib, choice.barcodes)
        empty = NONE_CHOSEN, {}
    if not items:
        raise NotFoundError("labels.nothing_selected", empty[0], **empty[1])
    return items


def cards_of_class(lib: Library, class_name: str, *, school_name: str | None = None,
                   logo: Path | None = None, include_inactive: bool = False) -> list[CardData]:
    """Cards for the patrons of one class, in register order (active ones unless asked)."""
    patrons = lib.patrons.list_patrons(class_name=class_name,
                                       status=None if include_inactive else "active")
    if not patrons:
        raise NotFoundError("labels.no_class", NO_CLASS, name=class_name)
    return _cards(lib, patrons, school_name, logo)


def cards_of_patrons(lib: Library, patron_ids: Sequence[int], *,
                     school_name: str | None = None, logo: Path | None = None
                     ) -> list[CardData]:
    """Cards for the given patrons (a lost card replaced), in the order given."""
    return _cards(lib, [lib.patrons.get(patron_id) for patron_id in patron_ids],
                  school_name, logo)


def _cards(lib: Library, patrons: Sequence[Any], school_name: str | None,
           logo: Path | None) -> list[CardData]:
    school = nfc(school_name or str(lib.settings.get("school_name") or library_name(lib)))
    year = lib.patrons.school_year()
    return [CardData(card=p.card, full_name=nfc(p.full_name), school_name=school,
                     class_name=p.class_name or "", school_year=p.school_year or year,
                     category=p.category, photo=p.photo, logo=logo,
                     expires_on=p.expires_on or "") for p in patrons]
