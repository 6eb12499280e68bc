"""The values the collection modules return: frozen dataclasses, no database handles."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

#: Reasons a write-off record may give (stored codes).
REASONS = ("worn", "outdated", "lost", "other")
#: What closing a stocktake does with the copies not found.
MISSING_ACTIONS = ("lost", "leave")


@dataclass(frozen=True)
class CopyLine:
    """One copy as the stocktake and write-off lists show it."""

    item_id: int
    barcode: str
    title: str
    call_number: str | None
    collection: str | None
    location: str | None
    status: str
    price: float | None = None
    due_on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints."""
        return asdict(self)


@dataclass(frozen=True)
class Stocktake:
    """A stocktake: its scope (empty = all) and whether it is still open."""

    id: int
    uuid: str
    started_on: date
    collections: tuple[str, ...]
    locations: tuple[str, ...]
    status: str
    closed_on: date | None
    missing_action: str | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints."""
        return {"uuid": self.uuid, "started_on": self.started_on.isoformat(),
                "collections": list(self.collections), "locations": list(self.locations),
                "status": self.status,
                "closed_on": self.closed_on.isoformat() if self.closed_on else None,
                "missing_action": self.missing_action}


@dataclass(frozen=True)
class ProgressLine:
    """Figures of one collection and location during a stocktake."""

    collection: str
    location: str
    expected: int
    found: int
    on_loan: int
    missing: int


@dataclass(frozen=True)
class Progress:
    """Where an open stocktake stands: one line per collection and location."""

    stocktake: Stocktake
    lines: tuple[ProgressLine, ...]

    @property
    def expected(self) -> int:
        """Copies that should be accounted for."""
        return sum(line.expected for line in self.lines)

    @property
    def found(self) -> int:
        """Copies scanned."""
        return sum(line.found for line in self.lines)

    @property
    def on_loan(self) -> int:
        """Copies not scanned that are on loan (accounted for)."""
        return sum(line.on_loan for line in self.lines)

    @property
    def missing(self) -> int:
        """Copies neither scanned nor on loan (yet)."""
        return sum(line.missing for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints."""
        return {"stocktake": self.stocktake.to_dict(), "expected": self.expected,
                "found": self.found, "on_loan": self.on_loan, "missing": self.missing,
                "lines": [asdict(line) for line in self.lines]}


@dataclass(frozen=True)
class StocktakeLine:
    """A closed stocktake's figures for one collection (register part III)."""

    collection: str
    expected: int
    present: int
    on_loan: int
    missing: int
    lost_marked: int


@dataclass(frozen=True)
class StocktakeResult:
    """A closed stocktake with its figures frozen at closing time."""

    uuid: str
    started_on: date
    closed_on: date
    collections: tuple[str, ...]
    locations: tuple[str, ...]
    missing_action: str
    lines: tuple[StocktakeLine, ...]

    def _sum(self, name: str) -> int:
        return sum(int(getattr(line, name)) for line in self.lines)

    @property
    def expected(self) -> int:
        """Copies that should have been there, all collections."""
        return self._sum("expected")

    @property
    def present(self) -> int:
        """Copies scanned, all collections."""
        return self._sum("present")

    @property
    def on_loan(self) -> int:
        """Copies on loan at closing, all collections."""
        return self._sum("on_loan")

    @property
    def missing(self) -> int:
        """Copies not found, all collections."""
        return self._sum("missing")

    @property
    def lost_marked(self) -> int:
        """Copies marked lost at closing, all collections."""
        return self._sum("lost_marked")

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints."""
        return {"uuid": self.uuid, "started_on": self.started_on.isoformat(),
                "closed_on": self.closed_on.isoformat(), "collections": list(self.collections),
                "locations": list(self.locations), "missing_action": self.missing_action,
                "expected": self.expected, "present": self.present, "on_loan": self.on_loan,
                "missing": self.missing, "lost_marked": self.lost_marked,
                "lines": [asdict(line) for line in self.lines]}


@dataclass(frozen=True)
class WriteoffLine:
    """One write-off record as the register's part II lists it."""

    uuid: str
    number: str
    day: date
    reason: str
    reason_text: str
    approved_by: str | None
    note: str | None
    copies: int
    total_value: float
    unpriced: int
    by_collection: tuple[tuple[str, int], ...]
    by_item_type: tuple[tuple[str, int], ...]
    #: The copies' value per collection, from their prices when written off.
    value_by_collection: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints."""
        values = asdict(self)
        values["day"] = self.day.isoformat()
        values["by_collection"] = dict(self.by_collection)
        values["by_item_type"] = dict(self.by_item_type)
        values["value_by_collection"] = dict(self.value_by_collection)
        return values


@dataclass(frozen=True)
class WriteoffCopy:
    """A copy on a write-off record, with its collection, type and price at that time."""

    item_id: int
    barcode: str
    title: str
    call_number: str | None
    collection: str | None
    item_type: str
    price: float | None
