"""Personal data (Law 91/2025/QH15): export one student's data, erase one student, and
purge patrons who left or graduated long ago.

Erasing keeps the patron row as an anonymous stub — category, class and grade stay for
statistics, loans and fines keep pointing at it (a fine's waive reason is removed) — but the name, codes, birth date, gender, contact,
photo and notes are removed, the row is marked deleted, and the payloads of earlier outbox
changes for that patron are rewritten with the anonymous values so that nothing personal is
sent later.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from app.circulation.clock import library_today
from app.circulation.fines import scrub_reasons
from app.db.connection import utc_now
from app.db.outbox import record_change
from app.errors import ValidationError
from app.i18n import Text
from app.patrons.model import outbox_payload
from app.text import fold

if TYPE_CHECKING:
    from app.patrons.service import PatronService

SETTING_PURGE_YEARS = "patron_purge_after_years"
DEFAULT_PURGE_YEARS = 5
ANONYMOUS_NAME = "Bạn đọc đã ẩn danh"

OPEN_LOANS = Text(
    "Bạn đọc {name} còn {count} sách đang mượn; hãy nhận trả hoặc báo mất trước khi xoá dữ liệu.",
    "{name} still has {count} items on loan; check them in or mark them lost before erasing.")


class Privacy:
    """Export / erase / purge of patrons' personal data (``lib.patrons.privacy``)."""

    def __init__(self, service: PatronService) -> None:
        self.service = service
        self.db = service.db

    def export(self, patron_id: int) -> dict[str, Any]:
        """Everything the library holds about one patron, as JSON-ready data: the patron
        (photo base64), every loan (with the item and title), every hold and every fine."""
        patron = self.service.get(patron_id)
        data = asdict(patron)
        data["photo"] = base64.b64encode(patron.photo).decode("ascii") if patron.photo else None
        loans = [
            {"barcode": b, "title": t, "loaned_at": la, "due_on": d, "returned_at": r,
             "renewals": n}
            for b, t, la, d, r, n in self.db.conn.execute(
                "SELECT items.barcode, records.title, loans.loaned_at, loans.due_on, "
                "loans.returned_at, loans.renewals FROM loans "
                "JOIN items ON items.id = loans.item_id "
                "JOIN records ON records.id = items.record_id "
                "WHERE loans.patron_id = ? AND loans.deleted = 0 ORDER BY loans.loaned_at",
                (patron_id,))]
        holds = [
            {"title": t, "status": s, "created_at": c}
            for t, s, c in self.db.conn.execute(
                "SELECT records.title, holds.status, holds.created_at FROM holds "
                "JOIN records ON records.id = holds.record_id "
                "WHERE holds.patron_id = ? AND holds.deleted = 0 ORDER BY holds.created_at",
                (patron_id,))]
        fines = [
            {"barcode": b, "title": t, "days_late": d, "per_day": pd, "amount": a, "status": s,
             "assessed_on": on, "settled_at": at, "reason": why, "paid": paid}
            for b, t, d, pd, a, s, on, at, why, paid in self.db.conn.execute(
                "SELECT items.barcode, records.title, fines.days_late, fines.per_day, "
                "fines.amount, fines.status, fines.assessed_on, fines.settled_at, fines.reason, "
                "(SELECT coalesce(sum(fp.amount), 0) FROM fine_payments fp "
                "WHERE fp.fine_id = fines.id AND fp.deleted = 0) "
                "FROM fines JOIN loans ON loans.id = fines.loan_id "
                "JOIN items ON items.id = loans.item_id "
                "JOIN records ON records.id = items.record_id "
                "WHERE fines.patron_id = ? AND fines.deleted = 0 ORDER BY fines.id",
                (patron_id,))]
        return {"exported_at": utc_now(), "patron": data, "loans": loans, "holds": holds,
                "fines": fines}

    def export_json(self, patron_id: int) -> str:
        """:meth:`export` as a UTF-8 JSON document (indented, for a parent to read)."""
        return json.dumps(self.export(patron_id), ensure_ascii=False, indent=2)

    def erase(self, patron_id: int, *, force: bool = False) -> None:
        """Anonymise one patron (see the module text). Refused while items are on loan
        unless *force* (the loans then stay, attached to the anonymous stub)."""
        patron = self.service.get(patron_id)
        with self.db.transaction() as conn:
            open_loans = conn.execute(
                "SELECT count(*) FROM loans WHERE patron_id = ? AND returned_at IS NULL "
                "AND deleted = 0", (patron_id,)).fetchone()[0]
            if open_loans and not force:
                raise ValidationError("patron.open_loans", OPEN_LOANS, name=patron.full_name,
                                      count=open_loans)
            self._anonymise(conn, patron_id)

    def purge_candidates(self, years: int | None = None,
                         today: date | None = None) -> list[int]:
        """Patrons who left or graduated more than *years* ago (setting
        ``patron_purge_after_years``, default 5) and have nothing on loan."""
        years = years if years is not None else int(
            self.service.settings.get(SETTING_PURGE_YEARS, DEFAULT_PURGE_YEARS))
        day = today or library_today()
        try:
            cutoff = day.replace(year=day.year - years)
        except ValueError:  # 29 February
            cutoff = day.replace(year=day.year - years, day=28)
        return [int(r[0]) for r in self.db.conn.execute(
            "SELECT id FROM patrons p WHERE deleted = 0 AND status IN ('left', 'graduated') "
            "AND left_on IS NOT NULL AND left_on < ? AND NOT EXISTS (SELECT 1 FROM loans l "
            "WHERE l.patron_id = p.id AND l.returned_at IS NULL AND l.deleted = 0) ORDER BY id",
            (cutoff.isoformat(),))]

    def purge(self, years: int | None = None, today: date | None = None) -> list[int]:
        """Anonymise every :meth:`purge_candidates` patron in one transaction; returns ids."""
        with self.db.transaction() as conn:
            ids = self.purge_candidates(years, today)
            for patron_id in ids:
                self._anonymise(conn, patron_id)
            return ids

    def _anonymise(self, conn: Any, patron_id: int) -> None:
        uuid = conn.execute("SELECT uuid FROM patrons WHERE id = ?", (patron_id,)).fetchone()[0]
        conn.execute(
            "UPDATE patrons SET full_name = ?, name_fold = ?, student_code = NULL, "
            "birth_date = NULL, gender = NULL, card = ?, phone = NULL, email = NULL, "
            "address = NULL, note = NULL, photo = NULL, deleted = 1, updated_at = ?, "
            "status = CASE WHEN status IN ('left', 'graduated') THEN status ELSE 'left' END, "
            "left_on = coalesce(left_on, ?) WHERE id = ?",
            (ANONYMOUS_NAME, fold(ANONYMOUS_NAME), f"X{uuid.replace('-', '').upper()}",
             utc_now(), library_today().isoformat(), patron_id))
        _, payload = outbox_payload(conn, patron_id)
        conn.execute("UPDATE changes SET payload = ? WHERE entity = 'patron' AND uuid = ?",
                     (json.dumps(payload, ensure_ascii=False), uuid))
        record_change(conn, "patron", uuid, "delete", payload)
        scrub_reasons(conn, patron_id)

