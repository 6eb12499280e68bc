"""Libraries, enrollment and tokens: who may call the server and as whom."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from server.models import admin_tokens, apply_positions, libraries
from server.security import (
    hash_secret,
    new_enrollment_code,
    new_token,
    normalise_code,
    utc_in,
    utc_now,
)


class RegistryError(ValueError):
    """A registry request that cannot be done; ``code`` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def public(row: Any) -> dict[str, Any]:
    """A library row as shown to the admin or to the library itself (no hashes).
    ``applied_seq``: how far its changes are in the union catalog and statistics (the
    row from :data:`WITH_APPLIED`; the acknowledged position otherwise)."""
    acked = int(row.acked_seq)
    applied = getattr(row, "applied_seq", None)
    applied = acked if applied is None else int(applied)
    return {"code": row.code, "name": row.name, "type": row.type, "commune": row.commune,
            "district": row.district, "enrolled": row.token_hash is not None,
            "acked_seq": acked, "applied_seq": applied, "last_push_at": row.last_push_at,
            "last_pull_at": row.last_pull_at,
            "apply_error": getattr(row, "apply_error", None)}


#: Libraries with how far their changes are applied (:mod:`server.applier`).
WITH_APPLIED = select(libraries, func.coalesce(apply_positions.c.applied_seq, 0)
                      .label("applied_seq"), apply_positions.c.last_error.label("apply_error")
                      ).select_from(libraries.outerjoin(
                          apply_positions, apply_positions.c.library_id == libraries.c.id))


def add_library(conn: Connection, *, code: str, name: str, type: str, commune: str | None = None,
                district: str | None = None, hours: int = 168) -> tuple[dict[str, Any], str, str]:
    """Register a library; return ``(library, enrollment_code, expires_at)``."""
    if conn.execute(select(libraries.c.id).where(libraries.c.code == code)).first():
        raise RegistryError("library.exists", f"a library with code {code} already exists")
    enrollment, expires = new_enrollment_code(), utc_in(hours)
    conn.execute(insert(libraries).values(
        code=code, name=name, type=type, commune=commune, district=district,
        enroll_code_hash=hash_secret(normalise_code(enrollment)), enroll_expires_at=expires,
        created_at=utc_now(), acked_seq=0))
    row = conn.execute(WITH_APPLIED.where(libraries.c.code == code)).one()
    conn.execute(insert(apply_positions).values(library_id=row.id, applied_seq=0))
    return public(row), enrollment, expires


def new_enrollment(conn: Connection, code: str, hours: int = 168) -> tuple[str, str]:
    """A fresh one-time code for an existing library (a new PC); the old token stops working."""
    enrollment, expires = new_enrollment_code(), utc_in(hours)
    done = conn.execute(update(libraries).where(libraries.c.code == code).values(
        enroll_code_hash=hash_secret(normalise_code(enrollment)), enroll_expires_at=expires,
        token_hash=None)).rowcount
    if not done:
        raise RegistryError("library.unknown", f"no library with code {code}")
    return enrollment, expires


def enroll(conn: Connection, enrollment_code: str, library_uuid: str) -> tuple[str, dict[str, Any]]:
    """Exchange a valid one-time code for the library's token (only its hash is kept).

    A library database already known under another id is refused: its sequence numbers
    would collide with the ones the server has.
    """
    digest = hash_secret(normalise_code(enrollment_code))
    row = conn.execute(select(libraries).where(libraries.c.enroll_code_hash == digest)
                       .with_for_update()).first()
    if row is None or (row.enroll_expires_at or "") < utc_now():
        raise RegistryError("enroll.invalid", "enrollment code unknown, used or expired")
    if row.library_uuid not in (None, library_uuid):
        raise RegistryError("enroll.other_database",
                            "this library is enrolled with another database")
    clash = conn.execute(select(libraries.c.code).where(libraries.c.library_uuid == library_uuid,
                                                        libraries.c.id != row.id)).first()
    if clash is not None:
        raise RegistryError("enroll.other_library",
                            f"this database is already enrolled as library {clash.code}")
    token = new_token("tvl")
    conn.execute(update(libraries).where(libraries.c.id == row.id).values(
        token_hash=hash_secret(token), enroll_code_hash=None, enroll_expires_at=None,
        library_uuid=library_uuid, enrolled_at=utc_now()))
    fresh = conn.execute(WITH_APPLIED.where(libraries.c.id == row.id)).one()
    return token, public(fresh)


def library_for_token(conn: Connection, token: str) -> Any | None:
    """The library row whose token this is, or None."""
    return conn.execute(select(libraries).where(libraries.c.token_hash == hash_secret(token))
                        ).first()


def lock_library_for_token(conn: Connection, token: str) -> Any | None:
    """The library row whose token this is, locked for the rest of the transaction (a push
    starts with it), or None."""
    if not token.startswith("tvl_"):
        return None
    return conn.execute(select(libraries.c.id, libraries.c.code, libraries.c.library_uuid,
                               libraries.c.acked_seq, libraries.c.digest_floor)
                        .where(libraries.c.token_hash == hash_secret(token))
                        .with_for_update()).first()


def is_admin_token(conn: Connection, token: str) -> bool:
    """True when *token* is a district admin token."""
    return conn.execute(select(admin_tokens.c.id).where(
        admin_tokens.c.token_hash == hash_secret(token))).first() is not None


def create_admin_token(conn: Connection, label: str) -> str:
    """A new admin token (shown once; only its hash is kept)."""
    token = new_token("tva")
    conn.execute(insert(admin_tokens).values(token_hash=hash_secret(token), label=label,
                                             created_at=utc_now()))
    return token


def list_libraries(conn: Connection) -> list[dict[str, Any]]:
    """Every library, by code."""
    return [public(r) for r in conn.execute(WITH_APPLIED.order_by(libraries.c.code))]


def library_by_code(conn: Connection, code: str) -> Any | None:
    """The library row with *code* (and its applied position), or None."""
    return conn.execute(WITH_APPLIED.where(libraries.c.code == code)).first()


def touch_pull(conn: Connection, library_id: int) -> None:
    """Remember when a library last pulled the union catalog."""
    conn.execute(update(libraries).where(libraries.c.id == library_id)
                 .values(last_pull_at=utc_now()))
