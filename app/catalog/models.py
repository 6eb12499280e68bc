"""Plain values the catalog hands out: items, record views and search results."""

from __future__ import annotations

from dataclasses import dataclass, field

ITEM_STATUSES = ("available", "on_loan", "on_hold_shelf", "lost", "damaged", "withdrawn")
ITEM_TYPES = ("book", "textbook", "reference", "periodical", "children", "professional",
              "audiovisual")
# The usual school collections whose copies are not plain books, so that the loan rules for
# textbooks (due at the end of the school year), children's and teachers' books apply.
COLLECTION_ITEM_TYPES = {"GK": "textbook", "TN": "children", "NV": "professional"}


def default_item_type(collection: str | None) -> str:
    """The item type a new copy gets in *collection* when none is given (``book`` mostly)."""
    return COLLECTION_ITEM_TYPES.get((collection or "").strip().upper(), "book")


@dataclass(frozen=True)
class Item:
    """One physical copy; ``barcode`` is its accession number (số ĐKCB)."""

    id: int
    uuid: str
    record_id: int
    barcode: str
    collection: str | None
    item_type: str
    call_number: str | None
    location: str | None
    status: str
    price: float | None
    acquired_on: str | None
    source: str | None
    note: str | None


@dataclass(frozen=True)
class RecordView:
    """A bibliographic record's key fields for display (the full MARC is in ``marc``)."""

    id: int
    uuid: str
    title: str
    responsibility: str | None
    authors: list[str]
    isbns: list[str]
    publisher: str | None
    place: str | None
    year: int | None
    edition: str | None
    classification: str | None
    subjects: list[str]
    language: str | None
    series: str | None
    volume: str | None
    notes: str | None
    author_mark: str | None
    control_number: str | None
    marc: str


@dataclass(frozen=True)
class HitItem:
    """A copy shown under a search hit."""

    barcode: str
    status: str


@dataclass(frozen=True)
class Hit:
    """One record found by a search."""

    id: int
    title: str
    author: str | None
    isbns: list[str]
    year: int | None
    call_number: str | None
    items: list[HitItem] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult:
    """A page of hits and the number of records matching in all.

    ``total`` is exact unless ``total_exact`` is False: a very broad query on a large
    catalog gets an estimate (see ``app.catalog.search.COUNT_CAP``).
    """

    total: int
    hits: list[Hit]
    total_exact: bool = True
