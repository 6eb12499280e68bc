"""Tokens and enrollment codes. Only SHA-256 hashes are stored; secrets are shown once.

Library and admin tokens are 256-bit random values, so a plain SHA-256 is enough (no
password stretching needed); enrollment codes are short, typed by a person, one-time and
expire.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

# No 0/O, 1/I/L: a code read over the phone survives.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def utc_now() -> str:
    """The current UTC time as ISO 8601 with a ``Z`` suffix."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_in(hours: int) -> str:
    """The UTC time *hours* from now, in the same form as :func:`utc_now`."""
    return (datetime.now(UTC) + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def hash_secret(secret: str) -> str:
    """The stored form of a token or code (hex SHA-256 of its normalised text).

    >>> hash_secret("abcd-efgh") == hash_secret("ABCDEFGH")
    False
    >>> len(hash_secret("x"))
    64
    """
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token(kind: str) -> str:
    """A new bearer token, e.g. ``tvl_...`` for a library, ``tva_...`` for an admin."""
    return f"{kind}_{secrets.token_urlsafe(32)}"


def new_enrollment_code() -> str:
    """A one-time enrollment code like ``K7QX-M2PA-9RTD`` (about 60 bits)."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(code: str) -> str:
    """An enrollment code as typed (any case, spaces, dashes) in its canonical form.

    >>> normalise_code(" k7qx m2pa-9rtd ")
    'K7QXM2PA9RTD'
    """
    return "".join(ch for ch in code.upper() if ch.isalnum())
