"""The wire protocol between a library's desktop and the district server.

Shared by both sides (the server imports this module, never ``ui``). Plain Python only:
the desktop does not need pydantic. Every message is JSON.

Push (``POST /v1/libraries/{code}/push``)::

    {"library_uuid": "...", "from_seq": 100, "to_seq": 600,
     "changes": [{"seq": 101, "entity": "record", "uuid": "...", "op": "insert",
                  "payload": {...}, "at": "2025-...Z"}, ...]}

The batch covers the outbox range ``from_seq < seq <= to_seq`` (changes the privacy
filter kept at the school are listed in ``"withheld": [{"seq", "digest"}]``). Every change
carries ``"digest"`` (:func:`change_digest`). The server answers ``{"acked_seq": N}``:
every change up to ``N`` is stored exactly once. A batch starting after the server's
``acked_seq`` is refused with 409 and the answer tells where to resume. ``(library, seq)``
is the idempotency key: re-sending is always safe. A re-sent number whose digest differs
from the one acknowledged (a library restored from an old backup numbers new changes with
old numbers) is refused with 409 ``{"acked_seq": N, "reused_seq": S}``: the client
renumbers its changes from ``S`` on to follow ``N`` and pushes them.

Pull (``GET /v1/union/changes?cursor=C&limit=L``) returns union-catalog records changed
after the opaque cursor ``C`` (``""`` = from the start), each with its holdings per library.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any, Final

from app.text import fold

PROTOCOL_VERSION: Final = 1
API_PREFIX: Final = "/v1"

#: Entities a library may push. ``patron`` only arrives when the library shares personal
#: data (a library setting); ``visit`` is an anonymous reading-room tally.
ENTITIES: Final = ("record", "item", "loan", "patron", "visit")
OPS: Final = ("insert", "update", "delete")

#: Largest batch the server accepts (changes per push).
MAX_BATCH: Final = 2000
#: Batch size the desktop uses by default (changes per push, ~100 KB of JSON). Chosen from
#: measurements of 50-1000 (docs/sync.md, "Batch size"): against 500 it answers each batch
#: in about half the time when the server is busy and resends 100 KB instead of 257 KB after
#: a dropped connection, for 11-27 % more CPU per change; smaller ones cost much more CPU.
DEFAULT_BATCH: Final = 200
#: Largest page of union-catalog changes per pull.
MAX_PAGE: Final = 1000
DEFAULT_PAGE: Final = 500

LIBRARY_TYPES: Final = ("school", "commune")

#: Patron fields that may leave the school when personal data sharing is on. Photos never do.
PERSONAL_PATRON_FIELDS: Final = ("uuid", "category", "student_code", "full_name", "class_name",
                                 "grade", "school_year", "card", "status", "deleted", "updated_at")

#: Record fields the union catalog keeps (and the desktop caches).
RECORD_FIELDS: Final = ("title", "responsibility", "authors", "isbns", "publisher", "place",
                        "year", "edition", "classification", "subjects", "language", "series",
                        "volume", "notes", "marc")


def push_path(library_code: str) -> str:
    """The push URL path of a library.

    >>> push_path("TH-01")
    '/v1/libraries/TH-01/push'
    """
    return f"{API_PREFIX}/libraries/{library_code}/push"


def change_digest(entity: str, uuid: str, op: str, at: str | None, payload_json: str) -> str:
    """What tells one outbox change from another with the same sequence number.

    Made from the outbox row as the school stored it (before the privacy filter), so a
    resend after a change of the sharing setting still matches; the row's random uuid is
    part of it, so the digest of a change that stays at the school reveals nothing of it.

    >>> len(change_digest("record", "r1", "insert", "2025-10-01T00:00:00.000000Z", "{}"))
    32
    >>> at1, at2 = "2025-10-01T00:00:00.000000Z", "2025-10-01T00:00:00.000001Z"
    >>> change_digest("record", "r1", "insert", at1, "{}") == change_digest("record", "r1",
    ...                                                                     "insert", at2, "{}")
    False
    """
    text = "\x1f".join((entity, uuid, op, at or "", payload_json))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def title_key(title: str, authors: Sequence[str], year: int | None) -> str:
    """The normalised key that merges records without a shared ISBN.

    Folded title + folded first author + year, so "Tiếng Việt 1" by "Bùi Mạnh Hùng" (2020)
    from two schools meets in one union record whatever their tone-placement habits.

    >>> title_key("Toán 1 /", ["Hà Huy Khoái"], 2020)
    'toan 1|ha huy khoai|2020'
    >>> title_key("Toán 1", ["Hà  Huy Khoái."], 2020) == title_key("TOÁN 1", ["Ha Huy Khoai"], 2020)
    True
    """
    author = fold(authors[0]) if authors else ""
    return f"{fold(title)}|{author}|{'' if year is None else int(year)}"


def as_str_list(value: Any) -> list[str]:
    """A JSON value that should be a list of strings, made one (tolerates None and one string).

    >>> as_str_list(None), as_str_list("x"), as_str_list(["a", 1])
    ([], ['x'], ['a', '1'])
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Iterable):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def as_year(value: Any) -> int | None:
    """A publication year from a JSON value, or None when it is not a plausible year.

    >>> as_year("2020"), as_year(None), as_year("c1999"), as_year(99999)
    (2020, None, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        year = value
    elif isinstance(value, str) and value.strip().isdigit():
        year = int(value.strip())
    else:
        return None
    return year if 0 < year < 10000 else None


def encode_cursor(change_seq: int, union_id: int) -> str:
    """The opaque pull cursor after the union record ``union_id`` changed at ``change_seq``.

    >>> encode_cursor(12, 345)
    '12.345'
    """
    return f"{change_seq}.{union_id}"


def decode_cursor(cursor: str) -> tuple[int, int]:
    """Inverse of :func:`encode_cursor`; ``""`` is the start. Raises ValueError when malformed.

    >>> decode_cursor("12.345"), decode_cursor("")
    ((12, 345), (0, 0))
    >>> decode_cursor("0.10000000000000000000")
    Traceback (most recent call last):
    ValueError: malformed cursor '0.10000000000000000000'

    """
    if not cursor:
        return 0, 0
    seq, _, union_id = cursor.partition(".")
    if not (seq.isdigit() and union_id.isdigit()) or len(cursor) > 40 \
            or max(int(seq), int(union_id)) >= 2**63:  # beyond a database integer
        raise ValueError(f"malformed cursor {cursor!r}")
    return int(seq), int(union_id)
