"""Request and answer bodies of the HTTP API (pydantic), mirroring app.sync.protocol."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.sync.protocol import MAX_BATCH

Code = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
#: app.sync.protocol.change_digest: lowercase hex.
DIGEST_PATTERN = r"^[0-9a-f]{16,64}$"


class LibraryIn(BaseModel):
    """A library the district admin registers."""

    model_config = ConfigDict(extra="forbid")
    code: str = Code
    name: str = Field(min_length=1, max_length=200)
    type: Literal["school", "commune"]
    commune: str | None = Field(default=None, max_length=200)
    district: str | None = Field(default=None, max_length=200)


class LibraryOut(BaseModel):
    """A library as the admin (or the library itself) sees it."""

    code: str
    name: str
    type: str
    commune: str | None
    district: str | None
    enrolled: bool
    acked_seq: int
    applied_seq: int = Field(description="changes up to here are in the union catalog and "
                                         "statistics; acked_seq - applied_seq wait to be applied")
    last_push_at: str | None
    last_pull_at: str | None
    apply_error: str | None = Field(None, description="why the next stored batch could not "
                                                      "be applied yet (retried), if so")


class EnrollmentOut(BaseModel):
    """A fresh one-time enrollment code (shown once)."""

    code: str
    enrollment_code: str
    expires_at: str


class EnrollIn(BaseModel):
    """What the desktop sends to exchange its enrollment code for a token."""

    model_config = ConfigDict(extra="forbid")
    enrollment_code: str = Field(min_length=1, max_length=64)
    library_uuid: str = Field(min_length=1, max_length=64)


class EnrollOut(BaseModel):
    """The library's token (shown once) and who it is."""

    token: str
    library: LibraryOut


class ChangeIn(BaseModel):
    """One outbox change."""

    model_config = ConfigDict(extra="forbid")
    # Strict: PostgreSQL reads the number from the body's text (a 5.0 or "5" is refused).
    seq: int = Field(ge=1, le=2**62, strict=True)
    entity: Literal["record", "item", "loan", "patron", "visit"]
    uuid: str = Field(min_length=1, max_length=64)
    op: Literal["insert", "update", "delete"]
    payload: dict[str, Any]
    at: str | None = Field(default=None, max_length=40)
    digest: str | None = Field(default=None, max_length=64, pattern=DIGEST_PATTERN)


class WithheldIn(BaseModel):
    """An outbox row in the batch's range that the privacy filter kept at the school."""

    model_config = ConfigDict(extra="forbid")
    seq: int = Field(ge=1, le=2**62)
    digest: str = Field(max_length=64, pattern=DIGEST_PATTERN)


class PushIn(BaseModel):
    """A batch covering the outbox range ``from_seq < seq <= to_seq``."""

    model_config = ConfigDict(extra="forbid")
    library_uuid: str = Field(min_length=1, max_length=64)
    from_seq: int = Field(ge=0, le=2**62)
    to_seq: int = Field(ge=0, le=2**62)
    changes: list[ChangeIn] = Field(max_length=MAX_BATCH)
    withheld: list[WithheldIn] = Field(default=[], max_length=MAX_BATCH)


class ReusedOut(BaseModel):
    """409: the batch re-sends sequence number ``reused_seq`` with another change than the one
    acknowledged (a library restored from a backup): renumber from there past ``acked_seq``."""

    detail: str
    acked_seq: int
    reused_seq: int


class PushOut(BaseModel):
    """Everything up to ``acked_seq`` is stored exactly once (on disk: nothing is lost)."""

    acked_seq: int
    applied: int = Field(description="how many changes of this batch were new and stored; "
                                     "the union catalog takes them in shortly after "
                                     "(applied_seq of the library)")


class Holding(BaseModel):
    """One library's copies of a union record: counts only, never borrowers."""

    library_code: str
    library_name: str
    total: int
    available: int


class UnionRecordOut(BaseModel):
    """A union-catalog record with its holdings."""

    id: int
    deleted: bool
    cursor: str
    fields: dict[str, Any]
    holdings: list[Holding]


class UnionPage(BaseModel):
    """A page of union-catalog changes after a cursor."""

    records: list[UnionRecordOut]
    next_cursor: str
    more: bool


class MonthStats(BaseModel):
    """A library's statistics for one month, from anonymised data."""

    library_code: str
    month: str
    collection: dict[str, int]
    loans: int
    active_readers: int
    visits: int


class ErrorOut(BaseModel):
    """An error answer: a machine code and a message in Vietnamese and English."""

    detail: str


def _inline(schema: Any, defs: dict[str, Any]) -> Any:
    """*schema* with its ``$ref``s to *defs* replaced by their definitions."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [_inline(v, defs) for v in schema]
    return schema


#: The push body's JSON schema for the OpenAPI document (the route reads the body itself).
PUSH_IN_SCHEMA: dict[str, Any] = _inline(PushIn.model_json_schema(),
                                         PushIn.model_json_schema().get("$defs", {}))
