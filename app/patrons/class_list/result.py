"""What a class-list import found and did: a value the UI wizard and the CLI can show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import Text

HIDDEN_SHEETS = Text("Bỏ qua trang tính ẩn trong Excel: {names}.",
                     "Hidden Excel sheets left out: {names}.")

STATUSES = ("new", "update", "unchanged", "error")


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 → "A", 27 → "AB")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class ColumnInfo:
    """One column of the file: its header, the field it was mapped to and the text
    encoding detected for its cells (``unicode``, ``tcvn3``, ``vni``; ``None`` if no text)."""

    sheet: str
    index: int
    header: str
    field: str | None
    encoding: str | None
    sample: str = ""  # the first cell below the header, read in ``encoding``

    @property
    def letter(self) -> str:
        """Spreadsheet column letter ("A", "B", …)."""
        return column_letter(self.index)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"sheet": self.sheet, "column": self.letter, "header": self.header,
                "field": self.field, "encoding": self.encoding, "sample": self.sample}


@dataclass
class RowResult:
    """The outcome of one data row: ``status`` is new / update / unchanged / error.

    ``messages`` are translated sentences (errors first, then warnings); ``codes`` are their
    machine codes; ``changes`` maps each field an update would change to (old, new).
    """

    sheet: str
    line: int
    status: str = "new"
    values: dict[str, Any] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    patron_id: int | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def error(self, code: str, message: str) -> None:
        """Mark the row as refused for *message*."""
        self.status = "error"
        self.codes.append(code)
        self.messages.append(message)

    def warn(self, code: str, message: str) -> None:
        """Add a warning (the row is still imported)."""
        self.codes.append(code)
        self.messages.append(message)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"sheet": self.sheet, "line": self.line, "status": self.status,
                "name": self.values.get("full_name"), "student_code": self.values.get("student_code"),
                "class": self.values.get("class_name"), "birth_date": self.values.get("birth_date"),
                "patron_id": self.patron_id, "codes": self.codes, "messages": self.messages,
                "changes": {k: [old, new] for k, (old, new) in self.changes.items()}}


@dataclass
class ImportResult:
    """Everything a dry run shows before writing, and what a real run wrote."""

    path: str
    file_encoding: str
    delimiter: str | None
    columns: list[ColumnInfo]
    rows: list[RowResult]
    applied: bool
    school_year: str | None = None
    skipped_sheets: list[str] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Number of rows per status."""
        return {status: sum(r.status == status for r in self.rows) for status in STATUSES}

    @property
    def encodings(self) -> dict[str, str]:
        """Detected text encoding per mapped column header."""
        return {c.header or c.letter: c.encoding for c in self.columns
                if c.field not in (None, "ignore") and c.encoding is not None}

    @property
    def mapping(self) -> dict[str, str | None]:
        """Field per column header (None: not recognised, skipped)."""
        return {c.header or c.letter: c.field for c in self.columns}

    def hidden_note(self) -> str:
        """One line naming the hidden sheets left out ("" when there were none)."""
        return HIDDEN_SHEETS(names=", ".join(self.hidden_sheets)) if self.hidden_sheets else ""

    @property
    def errors(self) -> list[RowResult]:
        """The rows refused."""
        return [r for r in self.rows if r.status == "error"]

    def to_dict(self) -> dict[str, Any]:
        """JSON form (for ``thuvien patrons import --json`` and the UI)."""
        return {"path": self.path, "file_encoding": self.file_encoding,
                "delimiter": self.delimiter, "applied": self.applied,
                "school_year": self.school_year, "counts": self.counts,
                "columns": [c.to_dict() for c in self.columns],
                "skipped_sheets": self.skipped_sheets, "hidden_sheets": self.hidden_sheets,
                "rows": [r.to_dict() for r in self.rows]}
