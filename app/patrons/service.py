"""``PatronService``: add, find, edit and change the status of patrons.

Every mutation runs in one transaction together with its outbox row
(``record_change(conn, "patron", uuid, op, payload)``). Names are stored NFC with a folded
copy (``name_fold``) for searching.
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.circulation.clock import library_today
from app.db.connection import Database, utc_now
from app.db.outbox import record_change
from app.errors import NotFoundError, ValidationError
from app.i18n import Text
from app.patrons import cards
from app.patrons import validity as validitymod
from app.patrons.classes import grade_of, normalize_class
from app.patrons.fields import (
    current_school_year,
    normalize_school_year,
    parse_birth_date,
    parse_date,
    parse_gender,
)
from app.patrons.model import (
    CATEGORIES,
    GONE_STATUSES,
    SELECT,
    STATUSES,
    Patron,
    outbox_payload,
    patron_from_row,
)
from app.patrons.names import register_order
from app.patrons.privacy import Privacy
from app.patrons.rollover import Rollover
from app.settings import Settings

if TYPE_CHECKING:
    from app.patrons.class_list.result import ImportResult
from app.text import fold, nfc

NO_NAME = Text("Thiếu họ tên bạn đọc.", "The patron's name is missing.")
BAD_CATEGORY = Text("Loại bạn đọc “{value}” không hợp lệ (chọn: {allowed}).",
                    "Unknown patron category “{value}” (choose: {allowed}).")
BAD_STATUS = Text("Trạng thái “{value}” không hợp lệ (chọn: {allowed}).",
                  "Unknown status “{value}” (choose: {allowed}).")
BAD_DATE = Text("Ngày “{value}” không hợp lệ (nhập dd/mm/yyyy).",
                "The date “{value}” is not valid (use dd/mm/yyyy).")
BAD_GENDER = Text("Giới tính “{value}” không hợp lệ (Nam/Nữ).",
                  "Unknown gender “{value}” (male/female).")
CARD_TAKEN = Text("Mã thẻ {card} đã thuộc về bạn đọc khác.",
                  "The card {card} already belongs to another patron.")
CODE_TAKEN = Text("Mã học sinh {student_code} đã thuộc về bạn đọc khác.",
                  "The student code {student_code} already belongs to another patron.")
NO_CARD = Text("Mã thẻ không được để trống.", "The card code cannot be empty.")
NOT_FOUND = Text("Không tìm thấy bạn đọc {what}.", "Patron {what} not found.")
UNKNOWN_FIELD = Text("Không sửa được trường “{field}”.", "The field “{field}” cannot be edited.")

EDITABLE = ("full_name", "category", "student_code", "birth_date", "gender", "class_name",
            "school_year", "card", "status", "phone", "email", "address", "note", "photo",
            "left_on", "expires_on")
#: ``add(expires_on=DEFAULT_EXPIRY)``: the card gets its category's default validity.
DEFAULT_EXPIRY = "default"
CARD_FILTERS = ("expired", "expiring")
NO_DEFAULT_VALIDITY = Text(
    "Chưa đặt thời hạn thẻ mặc định cho {category}: hãy nhập ngày hết hạn mới, hoặc đặt thời "
    "hạn thẻ trong Cài đặt.",
    "No default card validity is set for {category}: give the new expiry date, or set the "
    "card validity in Settings.")
CATEGORY_WORDS = {"student": Text("học sinh", "students"),
                  "teacher": Text("giáo viên", "teachers"),
                  "staff": Text("cán bộ, nhân viên", "staff"),
                  "community": Text("bạn đọc ngoài trường", "community readers")}


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = nfc(str(value)).strip()
    return value or None


class PatronService:
    """Patrons of one library.

    >>> p = lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="HS1")  # doctest: +SKIP
    >>> lib.patrons.by_card(p.card).full_name                                       # doctest: +SKIP
    'Nguyễn Văn An'
    """

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    # ----------------------------------------------------------------- reading
    def get(self, patron_id: int) -> Patron:
        """The patron with *patron_id* (raises NotFoundError if missing or deleted)."""
        row = self.db.conn.execute(SELECT + " WHERE id = ? AND deleted = 0",
                                   (patron_id,)).fetchone()
        if row is None:
            raise NotFoundError("patron.not_found", NOT_FOUND, what=f"#{patron_id}")
        return patron_from_row(row)

    def by_card(self, code: str) -> Patron | None:
        """The patron whose card is *code* (case-insensitive, spaces trimmed), or ``None``."""
        row = self.db.conn.execute(SELECT + " WHERE card = ? AND deleted = 0",
                                   (code.strip(),)).fetchone()
        return patron_from_row(row) if row else None

    def by_student_code(self, code: str) -> Patron | None:
        """The patron with student code *code* (case-insensitive), or ``None``."""
        row = self.db.conn.execute(
            SELECT + " WHERE student_code = ? COLLATE NOCASE AND deleted = 0",
            (code.strip(),)).fetchone()
        return patron_from_row(row) if row else None

    def search(self, query: str, *, limit: int = 50, include_gone: bool = True) -> list[Patron]:
        """Patrons matching *query*: exact card or student code first, then folded name words.

        Every word of the query must start a word of the name, in any order
        (``"an nguyen"`` finds "Nguyễn Văn An"); diacritics and case are ignored.
        """
        query = query.strip()
        if not query:
            return []
        found: dict[int, Patron] = {}
        for patron in (self.by_card(query), self.by_student_code(query)):
            if patron is not None:
                found[patron.id] = patron
        words = fold(query).split()
        if words:
            where = " AND ".join("(' ' || name_fold) LIKE ?" for _ in words)
            params: list[Any] = [f"% {w}%" for w in words]
            sql = SELECT + f" WHERE deleted = 0 AND {where}"
            if not include_gone:
                sql += " AND status NOT IN ('left', 'graduated')"
            sql += " ORDER BY class_name, name_fold LIMIT ?"
            for row in self.db.conn.execute(sql, (*params, limit)):
                patron = patron_from_row(row)
                found.setdefault(patron.id, patron)
        return list(found.values())[:limit]

    def list_patrons(self, *, class_name: str | None = None, status: str | None = None,
             category: str | None = None, cards: str | None = None,
             today: date | None = None) -> list[Patron]:
        """Patrons, optionally of one class / status / category, sorted by class then name
        (Vietnamese order on the given name, as class registers are).

        ``cards="expired"``: only cards past their expiry; ``"expiring"``: cards still valid
        that expire within the notice days (setting ``card_expiry_notice_days``, 14). Both
        leave out patrons who left or graduated (nobody renews their cards).
        """
        sql, params = SELECT + " WHERE deleted = 0", []
        if cards is not None:
            if cards not in CARD_FILTERS:
                raise ValueError(f"cards must be one of {CARD_FILTERS}, not {cards!r}")
            day = today or library_today()
            sql += " AND expires_on IS NOT NULL AND status NOT IN ('left', 'graduated')"
            if cards == "expired":
                sql += " AND expires_on < ?"
                params.append(day.isoformat())
            else:
                sql += " AND expires_on >= ? AND expires_on <= ?"
                params += [day.isoformat(),
                           (day + timedelta(days=self.notice_days())).isoformat()]
        if class_name is not None:
            sql += " AND class_name = ? COLLATE NOCASE"
            params.append(normalize_class(class_name) or "")
        if status is not None:
            sql += " AND status = ?"
            params.append(status)
        if category is not None:
            sql += " AND category = ?"
            params.append(category)
        rows = [patron_from_row(r) for r in self.db.conn.execute(sql, params)]
        return sorted(rows, key=lambda p: (p.grade or 99, p.class_name or "",
                                           register_order(p.full_name)))

    def classes(self) -> list[tuple[str, int]]:
        """Each class that still has patrons in it (active or blocked), with its number of
        active students. A class whose students all graduated or left (9A after the
        rollover) is not listed: they are among :meth:`former_students`."""
        rows = self.db.conn.execute(
            "SELECT class_name, sum(status = 'active') FROM patrons "
            "WHERE deleted = 0 AND class_name IS NOT NULL GROUP BY class_name "
            "HAVING sum(status IN ('active', 'blocked')) > 0")
        return sorted(((str(c), int(n)) for c, n in rows),
                      key=lambda cn: (grade_of(cn[0]) or 99, cn[0]))

    def former_students(self) -> list[Patron]:
        """Students who graduated or left, by their last class then name."""
        return [p for p in self.list_patrons(category="student") if p.status in GONE_STATUSES]

    # ----------------------------------------------------------------- writing
    def add(self, full_name: str, *, category: str = "student", student_code: str | None = None,
            class_name: str | None = None, birth_date: str | None = None,
            gender: str | None = None, school_year: str | None = None, card: str | None = None,
            status: str = "active", phone: str | None = None, email: str | None = None,
            address: str | None = None, note: str | None = None,
            photo: bytes | None = None, expires_on: str | None = DEFAULT_EXPIRY) -> Patron:
        """Add a patron and return it. ``card=None`` takes the next number of the card scheme.

        ``expires_on`` (dd/mm/yyyy or ISO) is the card's last valid day; by default the
        category's default validity (setting ``card_validity``; none unless the library set
        one), ``None`` for a card that does not expire.

        ``birth_date`` may be ISO or dd/mm/yyyy; ``gender`` Nam/Nữ/male/female; students
        without a school year get the current one. Raises ValidationError on bad input or
        a card / student code already in use.
        """
        given = {"full_name": full_name, "category": category, "student_code": student_code,
                 "class_name": class_name, "birth_date": birth_date, "gender": gender,
                 "school_year": school_year, "card": card, "status": status, "phone": phone,
                 "email": email, "address": address, "note": note, "photo": photo,
                 "expires_on": expires_on}
        with self.db.transaction() as conn:
            return self.get(self._insert(conn, given))

    def _insert(self, conn: sqlite3.Connection, given: dict[str, Any]) -> int:
        default_expiry = given.get("expires_on", DEFAULT_EXPIRY) == DEFAULT_EXPIRY
        values = self._validated({k: v for k, v in given.items()
                                  if not (k == "expires_on" and default_expiry)})
        if values.get("category") is None:
            values["category"] = "student"
        if values.get("status") is None:
            values["status"] = "active"
        if values["category"] == "student" and values.get("school_year") is None:
            values["school_year"] = self.school_year()
        if default_expiry:
            values["expires_on"] = self.default_expiry(values["category"],
                                                       school_year=values.get("school_year"))
        if values.get("status") in GONE_STATUSES and not values.get("left_on"):
            values["left_on"] = library_today().isoformat()
        if not values.get("card"):
            rule = cards.rule_for(self.settings.get(cards.SETTING), values["category"])
            values["card"] = cards.next_card(conn, rule)
        self._check_unique(conn, values, None)
        now = utc_now()
        values.update(uuid=str(uuidlib.uuid4()), library_id=self.settings.library_id,
                      created_at=now, updated_at=now)
        names = list(values)
        cur = conn.execute(
            f"INSERT INTO patrons({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [values[n] for n in names])
        patron_id = int(cur.lastrowid or 0)
        uuid, payload = outbox_payload(conn, patron_id)
        record_change(conn, "patron", uuid, "insert", payload)
        return patron_id

    def update(self, patron_id: int, **fields: Any) -> Patron:
        """Change some fields of a patron (any of :data:`EDITABLE`) and return it.

        Writes nothing (and no outbox row) when no value actually changes.
        """
        for name in fields:
            if name not in EDITABLE:
                raise ValidationError("patron.unknown_field", UNKNOWN_FIELD, field=name)
        with self.db.transaction() as conn:
            self._update(conn, patron_id, fields)
            return self.get(patron_id)

    def _update(self, conn: sqlite3.Connection, patron_id: int, fields: dict[str, Any]) -> bool:
        current = self.get(patron_id)
        values = self._validated(fields)
        if values.get("status") in GONE_STATUSES and current.status not in GONE_STATUSES \
                and "left_on" not in fields:
            values["left_on"] = library_today().isoformat()
        if values.get("status") in ("active", "blocked") and "left_on" not in fields:
            values["left_on"] = None
        if "card" in values and not values["card"]:
            raise ValidationError("patron.no_card", NO_CARD)
        changed = {k: v for k, v in values.items() if getattr(current, k, None) != v}
        if "full_name" not in changed:
            changed.pop("name_fold", None)
        if not changed:
            return False
        self._check_unique(conn, changed, patron_id)
        changed["updated_at"] = utc_now()
        conn.execute(f"UPDATE patrons SET {', '.join(f'{k} = ?' for k in changed)} WHERE id = ?",
                     [*changed.values(), patron_id])
        uuid, payload = outbox_payload(conn, patron_id)
        record_change(conn, "patron", uuid, "update", payload)
        return True

    def set_status(self, patron_id: int, status: str) -> Patron:
        """Set the status (active / blocked / left / graduated); leaving records ``left_on``."""
        return self.update(patron_id, status=status)

    def set_photo(self, patron_id: int, photo: bytes | None) -> Patron:
        """Attach (or with ``None`` remove) the patron's photo."""
        return self.update(patron_id, photo=photo)

    @cached_property
    def rollover(self) -> Rollover:
        """The school-year rollover (preview / apply / undo)."""
        return Rollover(self)

    @cached_property
    def privacy(self) -> Privacy:
        """Export, erase and purge of personal data."""
        return Privacy(self)

    def import_class_list(self, path: Path | str, *, dry_run: bool = True,
                          mapping: Mapping[str, str] | None = None,
                          default_class: str | None = None,
                          school_year: str | None = None,
                          encodings: Mapping[str, str] | None = None) -> ImportResult:
        """Check or import a class list (CSV/XLSX); see
        :func:`app.patrons.class_list.import_class_list`."""
        from app.patrons.class_list import import_class_list

        return import_class_list(self, path, dry_run=dry_run, mapping=mapping,
                                 default_class=default_class, school_year=school_year,
                                 encodings=encodings)

    def school_year(self) -> str:
        """The library's current school year (setting ``school_year``, else from today)."""
        return str(self.settings.get("school_year") or current_school_year())

    # ----------------------------------------------------------------- card validity
    def validity(self) -> dict[str, validitymod.Validity]:
        """Each category's default card validity (setting ``card_validity``)."""
        return validitymod.policies(self.settings.get(validitymod.SETTING))

    def set_validity(self, policies: Mapping[str, validitymod.Validity]) -> None:
        """Store the default card validity of each category given."""
        stored = dict(self.settings.get(validitymod.SETTING) or {})
        for category, policy in policies.items():
            if category not in CATEGORIES:
                raise ValidationError("patron.bad_category", BAD_CATEGORY, value=category,
                                      allowed=", ".join(CATEGORIES))
            stored[category] = policy.to_json()
        self.settings.set(validitymod.SETTING, stored)

    def notice_days(self) -> int:
        """How many days before its expiry a card is said to be expiring (default 14)."""
        value = self.settings.get(validitymod.SETTING_NOTICE_DAYS, validitymod.DEFAULT_NOTICE_DAYS)
        try:
            return max(0, int(value))
        except (TypeError, ValueError):
            return validitymod.DEFAULT_NOTICE_DAYS

    def year_end(self) -> str:
        """The day a school year ends for student cards ("MM-DD", default "05-31")."""
        value = self.settings.get(validitymod.SETTING_YEAR_END)
        if isinstance(value, str) and validitymod.school_year_end("2000-2001", value):
            return value
        return validitymod.DEFAULT_YEAR_END

    def default_expiry(self, category: str, *, today: date | None = None,
                       start: str | None = None, school_year: str | None = None) -> str | None:
        """The expiry (ISO) a *category* card issued or renewed today gets by default, None
        when the category's cards do not expire. *start*: a still valid card's expiry, which
        a renewal by months counts from; *school_year*: the student's (default: the
        library's)."""
        policy = self.validity().get(category, validitymod.Validity())
        day = today or library_today()
        end = validitymod.expiry_for(policy, day, school_year or self.school_year(),
                                     self.year_end(),
                                     start=date.fromisoformat(start) if start else None)
        return end.isoformat() if end else None

    def renew_card(self, patron_id: int, *, until: str | None = None,
                   today: date | None = None) -> Patron:
        """Renew (gia hạn) the patron's card: to *until* (dd/mm/yyyy or ISO), else by the
        category's default validity, counted from today or, for a card still valid, from its
        expiry. Raises ValidationError when no date is given and the category has no default."""
        if until is not None:
            self.get(patron_id)
            return self.update(patron_id, expires_on=until)
        return self.update(patron_id, expires_on=self.renewal_date(patron_id, today=today))

    def renewal_date(self, patron_id: int, *, today: date | None = None) -> str:
        """The expiry (ISO) :meth:`renew_card` without a date would give, written nowhere (the
        desk asks before renewing). Raises ValidationError when the category has no default."""
        patron = self.get(patron_id)
        day = today or library_today()
        still_valid = patron.expires_on if patron.expires_on and \
            patron.expires_on >= day.isoformat() else None
        new = self.default_expiry(patron.category, today=day, start=still_valid)
        if new is None:
            raise ValidationError("patron.no_default_validity", NO_DEFAULT_VALIDITY,
                                  category=CATEGORY_WORDS[patron.category]())
        return new

    def card_counts(self, today: date | None = None) -> dict[str, int]:
        """How many patrons' cards are expired / expiring (as :meth:`list_patrons` filters)."""
        return {kind: len(self.list_patrons(cards=kind, today=today)) for kind in CARD_FILTERS}

    # ----------------------------------------------------------------- checks
    def _validated(self, fields: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "photo":
                out[name] = bytes(value) if value is not None else None
                continue
            text = _clean(value) if value is not None else None
            if name == "full_name":
                if not text:
                    raise ValidationError("patron.no_name", NO_NAME)
                out[name] = " ".join(text.split())
                out["name_fold"] = fold(out[name])
            elif name == "category":
                if text not in CATEGORIES:
                    raise ValidationError("patron.bad_category", BAD_CATEGORY, value=text,
                                          allowed=", ".join(CATEGORIES))
                out[name] = text
            elif name == "status":
                if text not in STATUSES:
                    raise ValidationError("patron.bad_status", BAD_STATUS, value=text,
                                          allowed=", ".join(STATUSES))
                out[name] = text
            elif name in ("birth_date", "left_on", "expires_on"):
                # a birth date may be a year alone ("2012"): kept so, no day invented
                read = parse_birth_date if name == "birth_date" else parse_date
                iso = read(text) if text else None
                if text and iso is None:
                    raise ValidationError("patron.bad_date", BAD_DATE, value=text)
                out[name] = iso
            elif name == "gender":
                gender = parse_gender(text) if text else None
                if text and gender is None:
                    raise ValidationError("patron.bad_gender", BAD_GENDER, value=text)
                out[name] = gender
            elif name == "class_name":
                out[name] = normalize_class(text)
                out["grade"] = grade_of(out[name])
            elif name == "school_year":
                out[name] = normalize_school_year(text)
            elif name == "card":
                out[name] = text.upper() if text else None
            else:
                out[name] = text
        return out

    def _check_unique(self, conn: sqlite3.Connection, values: dict[str, Any],
                      patron_id: int | None) -> None:
        card = values.get("card")
        if card:
            row = conn.execute("SELECT id FROM patrons WHERE card = ?", (card,)).fetchone()
            if row and row[0] != patron_id:
                raise ValidationError("patron.card_taken", CARD_TAKEN, card=card)
        code = values.get("student_code")
        if code:
            row = conn.execute("SELECT id FROM patrons WHERE student_code = ? COLLATE NOCASE",
                               (code,)).fetchone()
            if row and row[0] != patron_id:
                raise ValidationError("patron.code_taken", CODE_TAKEN, student_code=code)
