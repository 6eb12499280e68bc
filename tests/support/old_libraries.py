"""Library files as older ThuVien versions left them, for testing migrations.

:func:`old_library` makes a file at schema *version* the way a school that has used ThuVien
since version 1 would have it: each version's migrations run in turn, and after each the rows
that version could write are added with plain SQL (the catalog with its search rows as they
were folded, patrons, loans returned late, on loan, lost and damaged, class loans, fines paid,
waived and owed, charges for lost books, a write-off record and a stocktake, fines paid in
parts, the union catalog pulled into its cache), copies in several collections. Nothing here calls the application's code except the migrations
themselves, so a file built today is the file that version wrote.

When a migration is added, add what its version lets a library write as a new stage of
:data:`STAGES` (the rows only that schema accepts), so the next migration is tested on it.
:func:`table_digest` fingerprints every table of a migrated file for exact comparisons.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from app.db.connection import Database, connect
from app.db.migrate import migrate

LIBRARY_ID = "0190f1c2-7a11-7c00-8000-5c0001a1b001"
T0 = "2024-09-05T01:30:00Z"

# (id, title, title_fold, authors, isbns, classification, subjects, publisher, year, marc
# fields after the leader, search row: author, subject, other)
_RECORDS = [
    (1, "Toán 6", "toan 6", ["Hà Huy Khoái"], ["9786040000012"], "510", ["Toán học"],
     "Giáo dục Việt Nam", 2021, [["020", "  ", "a", "9786040000012"]],
     "ha huy khoai", "toan hoc", "giao duc viet nam 9786040000012 6040000015"),
    (2, "Dế Mèn phiêu lưu ký", "de men phieu luu ki", ["Tô Hoài"], ["9786042000011"],
     "895.9223", ["Văn học thiếu nhi"], "Kim Đồng", 2019, [["020", "  ", "a", "9786042000011"]],
     "to hoai", "van hoc thieu nhi", "kim dong 9786042000011 6042000012"),
    (3, "Tạp chí Toán tuổi thơ", "tap chi toan tuoi tho", [], [], "510.5", ["Toán học"],
     "Giáo dục Việt Nam", 2024, [["022", "0 ", "a", "1859-2740"]],
     "", "toan hoc", "giao duc viet nam"),
    (4, "Lịch sử Việt Nam. Tập 2", "lich su viet nam tap 2", ["Trần Quốc Vượng"],
     ["9780306406157"], "959.7", ["Lịch sử"], "Khoa học xã hội", 2017,
     [["020", "  ", "a", "0306406152"]],
     "tran quoc vuong", "lich su", "khoa hoc xa hoi 9780306406157 0306406152"),
    (5, "Âm nhạc 6 (đĩa)", "am nhac 6 dia", [], [], "780", ["Âm nhạc"], "Giáo dục Việt Nam",
     2021, [["024", "1 ", "a", "8 935235 226272"]], "", "am nhac", "giao duc viet nam"),
]

# (id, record, barcode, collection, item_type, call number, status, price)
_ITEMS = [
    (1, 1, "SGK.000001", "SGK", "textbook", "510 T406", "on_loan", 18000.0),
    (2, 1, "SGK.000002", "SGK", "textbook", "510 T406", "available", 18000.0),
    (3, 1, "SGK.000003", "SGK", "textbook", "510 T406", "on_loan", 18000.0),
    (4, 2, "TN.000001", "TN", "children", "895.9223 D250", "available", 45000.0),
    (5, 2, "TN.000002", "TN", "children", "895.9223 D250", "lost", 45000.0),
    (6, 2, "TN.000003", "TN", "children", "895.9223 D250", "on_loan", 45000.0),
    (7, 3, "TC.000001", "TC", "periodical", None, "available", 12000.0),
    (8, 4, "TK.000001", "TK", "reference", "959.7 L302", "available", 120000.0),
    (9, 4, "TK.000002", "TK", "book", "959.7 L302", "damaged", 120000.0),
    (10, 4, "TK.000003", "TK", "book", "959.7 L302", "withdrawn", 120000.0),
    (11, 5, "NV.000001", None, "book", None, "available", None),
    (12, 2, "TN.000004", "TN", "children", "895.9223 D250", "available", 45000.0),
]

# (id, category, student code, name, name fold, class, grade, card, status, left on)
_PATRONS = [
    (1, "student", "HS0001", "Nguyễn Văn An", "nguyen van an", "6A", 6, "HS6A001", "active",
     None),
    (2, "student", "HS0002", "Trần Thị Bình", "tran thi binh", "6A", 6, "HS6A002", "active",
     None),
    (3, "student", "HS0003", "Lê Minh Châu", "le minh chau", "7B", 7, "HS7B001", "active",
     None),
    (4, "teacher", None, "Phạm Thị Hoa", "pham thi hoa", None, None, "GV0001", "active", None),
    (5, "student", "HS0005", "Đỗ Quang Huy", "do quang huy", "9C", 9, "HS9C001", "left",
     "2025-06-01"),
]


def _ascii_fold(text: str) -> str:
    """How ThuVien has always folded a class number or a code: lower case, punctuation a
    space (``895.9223`` → ``895 9223``)."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _rows(conn: sqlite3.Connection, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
    conn.executemany(sql, rows)


def _stamp(day: str, hour: str = "02:00:00") -> str:
    return f"{day}T{hour}Z"


def _catalog_and_patrons(conn: sqlite3.Connection) -> None:
    """Version 1: settings, records with their search rows, copies, patrons, first loans."""
    conn.execute("UPDATE settings SET value = ? WHERE key = 'library_id'",
                 (json.dumps(LIBRARY_ID),))
    _rows(conn, "INSERT INTO settings(key, value) VALUES (?, ?)",
          [("library_code", '"TH01"'), ("library_name", '"Trường THCS Hoà Bình"')])
    for (rid, title, fold, authors, isbns, cls, subjects, publisher, year, fields,
         author_fold, subject_fold, other_fold) in _RECORDS:
        marc = json.dumps(["00000nam a2200000 a 4500", f"001TV{rid:06d}", *fields,
                           ["245", "10", "a", title]], ensure_ascii=False)
        conn.execute(
            "INSERT INTO records(id, uuid, library_id, created_at, updated_at, control_number, "
            "control_org, title, title_fold, authors, isbns, publisher, year, classification, "
            "subjects, marc) VALUES (?, ?, ?, ?, ?, ?, 'TH01', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, f"0190f1c2-7a11-7c00-8000-0000000000{rid:02d}", LIBRARY_ID, T0, T0,
             f"TV{rid:06d}", title, fold, json.dumps(authors, ensure_ascii=False),
             json.dumps(isbns), publisher, year, cls, json.dumps(subjects, ensure_ascii=False),
             marc))
        for isbn in isbns:
            conn.execute("INSERT INTO record_isbns(isbn, record_id) VALUES (?, ?)", (isbn, rid))
        # As version 1 folded them: the other words then the codes (control number, ISBNs);
        # the class number, then each copy's call number and accession number.
        words = [w for w in other_fold.split() if not w[0].isdigit()]
        codes = [f"tv{rid:06d}", *(w for w in other_fold.split() if w[0].isdigit())]
        copies = [i for i in _ITEMS if i[1] == rid]
        callno = " ".join(_ascii_fold(text) for text in
                          [cls, *(i[5] for i in copies if i[5]), *(i[2] for i in copies)])
        search = (rid, fold, author_fold, subject_fold, " ".join(words + codes), callno)
        conn.execute("INSERT INTO record_search(rowid, title, author, subject, other, callno) "
                     "VALUES (?, ?, ?, ?, ?, ?)", search)
        conn.execute("INSERT INTO records_fts(rowid, title, author, subject, other, callno) "
                     "VALUES (?, ?, ?, ?, ?, ?)", search)
    _rows(conn, "INSERT INTO items(id, uuid, library_id, created_at, updated_at, record_id, "
          "barcode, collection, item_type, call_number, status, price, acquired_on, source, "
          "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-09-01', 'Mua', ?)",
          [(iid, f"0190f1c2-7a11-7c00-8000-1000000000{iid:02d}", LIBRARY_ID, T0, T0, rid,
            code, coll, kind, call, status, price,
            "Thanh lý 03/2025: rách nát" if status == "withdrawn" else None)
           for iid, rid, code, coll, kind, call, status, price in _ITEMS])
    _rows(conn, "INSERT INTO accession_counters(prefix, last) VALUES (?, ?)",
          [("SGK", 3), ("TN", 4), ("TC", 1), ("TK", 3), ("NV", 1)])
    _rows(conn, "INSERT INTO patrons(id, uuid, library_id, created_at, updated_at, category, "
          "student_code, full_name, name_fold, class_name, grade, school_year, card, status, "
          "left_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-2025', ?, ?, ?)",
          [(pid, f"0190f1c2-7a11-7c00-8000-2000000000{pid:02d}", LIBRARY_ID, T0, T0, *rest)
           for pid, *rest in _PATRONS])
    # Loans from the first weeks: one returned on time, one returned late (no fines yet).
    _rows(conn, "INSERT INTO loans(id, uuid, library_id, created_at, updated_at, item_id, "
          "patron_id, loaned_at, due_on, returned_at, renewals) VALUES (?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?)",
          [(1, "0190f1c2-7a11-7c00-8000-300000000001", LIBRARY_ID, _stamp("2024-09-10"),
            _stamp("2024-09-20"), 4, 1, _stamp("2024-09-10"), "2024-09-24",
            _stamp("2024-09-20"), 0),
           (2, "0190f1c2-7a11-7c00-8000-300000000002", LIBRARY_ID, _stamp("2024-09-11"),
            _stamp("2024-10-02"), 8, 4, _stamp("2024-09-11"), "2024-09-25",
            _stamp("2024-10-02"), 1)])
    _rows(conn, "INSERT INTO changes(entity, uuid, op, payload, at) VALUES (?, ?, ?, ?, ?)",
          [("record", f"0190f1c2-7a11-7c00-8000-0000000000{rid:02d}", "insert",
            json.dumps({"title": title}, ensure_ascii=False), T0)
           for rid, title, *_ in _RECORDS])
    _rows(conn, "INSERT INTO desk_state(key, value) VALUES (?, ?)", [("current_patron", "3")])


def _patron_counters(conn: sqlite3.Connection) -> None:
    """Version 2: card counters and a school-year rollover with its undo log."""
    _rows(conn, "INSERT INTO patron_card_counters(prefix, last) VALUES (?, ?)",
          [("HS6A", 2), ("HS7B", 1), ("HS9C", 1), ("GV", 1)])
    conn.execute("INSERT INTO patron_rollovers(id, applied_at, from_year, to_year, last_grade) "
                 "VALUES (1, '2025-06-01T03:00:00Z', '2024-2025', '2025-2026', 9)")
    conn.execute("INSERT INTO patron_rollover_log(rollover_id, patron_id, before, after) "
                 "VALUES (1, 5, '{\"status\": \"active\"}', '{\"status\": \"left\"}')")


def _circulation(conn: sqlite3.Connection) -> None:
    """Version 3: a rule the librarian changed, closed days, visits, a class textbook loan,
    loans with their snapshot: on loan (one overdue), lost, damaged, returned late."""
    conn.execute("UPDATE loan_rules SET loan_days = 21, fine_per_day = 500 "
                 "WHERE category = '*' AND item_type = 'children'")
    conn.execute("INSERT INTO loan_rules(category, item_type, loan_days, max_items, renewals, "
                 "fine_per_day) VALUES ('student', 'book', 10, 2, 1, 1000)")
    _rows(conn, "INSERT INTO closed_days(start_on, end_on, label) VALUES (?, ?, ?)",
          [("2025-01-25", "2025-02-02", "Tết Ất Tỵ"), ("2025-06-01", "2025-08-31", "Nghỉ hè")])
    _rows(conn, "INSERT INTO usage_events(uuid, library_id, created_at, updated_at, kind, day, "
          "count, patron_id, item_id, patron_category, patron_class, item_type) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [("0190f1c2-7a11-7c00-8000-400000000001", LIBRARY_ID, T0, T0, "visit", "2024-10-01",
            1, 1, None, "student", "6A", None),
           ("0190f1c2-7a11-7c00-8000-400000000002", LIBRARY_ID, T0, T0, "in_library",
            "2024-10-01", 3, None, 8, None, None, "reference")])
    conn.execute("INSERT INTO class_loans(id, uuid, library_id, created_at, updated_at, "
                 "class_name, school_year, record_ids, due_on) VALUES (1, "
                 "'0190f1c2-7a11-7c00-8000-500000000001', ?, ?, ?, '6A', '2024-2025', '[1]', "
                 "'2025-05-31')", (LIBRARY_ID, T0, T0))
    loans = [
        # id, item, patron, loaned, due, returned, outcome, class loan, category, class, grade, type
        (3, 1, 1, "2024-09-15", "2025-05-31", None, None, 1, "student", "6A", 6, "textbook"),
        (4, 3, 2, "2024-09-15", "2025-05-31", None, None, 1, "student", "6A", 6, "textbook"),
        (5, 6, 3, "2024-10-07", "2024-10-28", None, None, None, "student", "7B", 7, "children"),
        (6, 5, 2, "2024-10-01", "2024-10-22", "2024-11-04", "lost", None, "student", "6A", 6,
         "children"),
        (7, 9, 4, "2024-10-03", "2024-11-02", "2024-11-01", "damaged", None, "teacher", None,
         None, "book"),
        (8, 12, 5, "2024-10-08", "2024-10-29", "2024-11-08", "returned", None, "student", "9C",
         9, "children"),
    ]
    _rows(conn, "INSERT INTO loans(id, uuid, library_id, created_at, updated_at, item_id, "
          "patron_id, loaned_at, due_on, returned_at, class_loan_id, patron_category, "
          "patron_class, patron_grade, item_type, outcome) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [(lid, f"0190f1c2-7a11-7c00-8000-3000000000{lid:02d}", LIBRARY_ID, _stamp(loaned),
            _stamp(returned or loaned), item, patron, _stamp(loaned), due,
            None if returned is None else _stamp(returned), class_loan, cat, cls, grade, kind,
            outcome)
           for (lid, item, patron, loaned, due, returned, outcome, class_loan, cat, cls, grade,
                kind) in loans])


def _sync(conn: sqlite3.Connection) -> None:
    """Version 4: the sync state of a school that synced once."""
    _rows(conn, "INSERT INTO sync_state(key, value) VALUES (?, ?)",
          [("server_url", '"https://thuvien.pgd.example.vn"'),
           ("last_sync", '"2024-10-10T09:00:00Z"')])
    conn.execute("INSERT INTO settings(key, value) VALUES ('sync_acked_seq', '3')")


def _fines(conn: sqlite3.Connection) -> None:
    """Version 6: overdue fines, one owed, one paid, one waived."""
    fines = [(1, 8, 5, 10, 500, 5000, "paid", "2024-11-08", "2024-11-08T03:00:00Z", "thuthu",
              None),
             (2, 6, 2, 13, 500, 6500, "waived", "2024-11-04", "2024-11-05T03:00:00Z",
              "thuthu", "Học sinh khó khăn"),
             (3, 2, 4, 7, 1000, 7000, "outstanding", "2024-10-02", None, None, None)]
    _rows(conn, "INSERT INTO fines(id, uuid, library_id, created_at, updated_at, loan_id, "
          "patron_id, days_late, per_day, amount, status, assessed_on, settled_at, settled_by, "
          "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [(fid, f"0190f1c2-7a11-7c00-8000-6000000000{fid:02d}", LIBRARY_ID, _stamp(day),
            settled or _stamp(day), loan, patron, days, per_day, amount, status, day, settled,
            by, why)
           for fid, loan, patron, days, per_day, amount, status, day, settled, by, why in fines])
    _rows(conn, "INSERT INTO changes(entity, uuid, op, payload, at) VALUES (?, ?, ?, ?, ?)",
          [("fine", "0190f1c2-7a11-7c00-8000-600000000001", "insert", '{"amount": 5000}', T0)])


def _lost_charges(conn: sqlite3.Connection) -> None:
    """Version 7: the charge for the lost copy (đền sách), still owed."""
    conn.execute("INSERT INTO fines(id, uuid, library_id, created_at, updated_at, loan_id, "
                 "patron_id, kind, days_late, per_day, amount, status, assessed_on) VALUES "
                 "(4, '0190f1c2-7a11-7c00-8000-600000000004', ?, ?, ?, 6, 2, 'lost', 0, 0, "
                 "45000, 'outstanding', '2024-11-04')", (LIBRARY_ID, T0, T0))


def _collection(conn: sqlite3.Connection) -> None:
    """Version 8: a write-off record for the withdrawn copy and a closed stocktake."""
    conn.execute("INSERT INTO writeoffs(id, uuid, library_id, created_at, updated_at, number, "
                 "day, reason, approved_by) VALUES (1, '0190f1c2-7a11-7c00-8000-700000000001', "
                 "?, ?, ?, '01/2025', '2025-03-15', 'worn', 'Hiệu trưởng')", (LIBRARY_ID, T0, T0))
    conn.execute("INSERT INTO writeoff_items(uuid, library_id, created_at, updated_at, "
                 "writeoff_id, item_id, collection, item_type, price) VALUES "
                 "('0190f1c2-7a11-7c00-8000-700000000002', ?, ?, ?, 1, 10, 'TK', 'book', "
                 "120000.0)", (LIBRARY_ID, T0, T0))
    conn.execute("INSERT INTO stocktakes(id, uuid, library_id, created_at, updated_at, "
                 "started_on, collections, status, closed_on, missing_action) VALUES (1, "
                 "'0190f1c2-7a11-7c00-8000-800000000001', ?, ?, ?, '2025-05-20', '[]', 'closed', "
                 "'2025-05-22', 'leave')", (LIBRARY_ID, T0, T0))
    _rows(conn, "INSERT INTO stocktake_items(uuid, library_id, created_at, updated_at, "
          "stocktake_id, item_id, outcome) VALUES (?, ?, ?, ?, 1, ?, ?)",
          [(f"0190f1c2-7a11-7c00-8000-8100000000{iid:02d}", LIBRARY_ID, T0, T0, iid, outcome)
           for iid, outcome in ((2, "found"), (4, "found"), (7, "found"), (8, "found"),
                                (11, "left"), (12, "found"))])
    _rows(conn, "INSERT INTO stocktake_results(uuid, library_id, created_at, updated_at, "
          "stocktake_id, collection, expected, present, on_loan, missing, lost_marked) "
          "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 0)",
          [(f"0190f1c2-7a11-7c00-8000-8200000000{n:02d}", LIBRARY_ID, T0, T0, coll, *figures)
           for n, (coll, *figures) in enumerate((("SGK", 3, 1, 2, 0), ("TN", 3, 2, 1, 0),
                                                 ("TC", 1, 1, 0, 0), ("TK", 2, 1, 0, 0),
                                                 ("", 1, 0, 0, 1)))])


def _card_expiry(conn: sqlite3.Connection) -> None:
    """Version 10: the teacher's card runs to the end of the school year."""
    conn.execute("UPDATE patrons SET expires_on = '2026-05-31' WHERE id = 4")


def _fine_payments(conn: sqlite3.Connection) -> None:
    """Version 11: fines paid in parts. The teacher's late fine (7.000 đ) gets 3.000 đ and is
    still owed; the lost book's charge (45.000 đ) is paid in two parts, then marked paid.
    Each payment has its outbox row. (The fine paid in full before version 11 got its one
    payment from the migration, with a random UUID.)"""
    payments = [(101, 3, 3000, "2024-10-20"), (102, 4, 20000, "2024-11-10"),
                (103, 4, 25000, "2024-11-18")]
    _rows(conn, "INSERT INTO fine_payments(id, uuid, library_id, created_at, updated_at, "
          "fine_id, amount, paid_at, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'thuthu')",
          [(pid, f"0190f1c2-7a11-7c00-8000-9000000001{pid % 100:02d}", LIBRARY_ID, _stamp(day),
            _stamp(day), fine, amount, _stamp(day)) for pid, fine, amount, day in payments])
    conn.execute("UPDATE fines SET status = 'paid', settled_at = ?, settled_by = 'thuthu', "
                 "updated_at = ? WHERE id = 4", (_stamp("2024-11-18"), _stamp("2024-11-18")))
    _rows(conn, "INSERT INTO changes(entity, uuid, op, payload, at) VALUES (?, ?, ?, ?, ?)",
          [("fine_payment", f"0190f1c2-7a11-7c00-8000-9000000001{pid % 100:02d}", "insert",
            json.dumps({"fine_uuid": f"0190f1c2-7a11-7c00-8000-6000000000{fine:02d}",
                        "amount": amount, "paid_at": _stamp(day), "received_by": "thuthu"}),
            _stamp(day)) for pid, fine, amount, day in payments]
          + [("fine", "0190f1c2-7a11-7c00-8000-600000000004", "update",
              '{"status": "paid"}', _stamp("2024-11-18"))])


# Union records pulled from the district: (id, fields, holdings, search row as version 12
# folds it: title, author, subject, other, callno).
_UNION = [
    (7001, {"title": "Tiếng Việt 2. Tập 1", "authors": ["Bùi Mạnh Hùng"],
            "isbns": ["9786040250011"], "year": 2021, "publisher": "Giáo dục Việt Nam",
            "subjects": ["Tiếng Việt", "Sách giáo khoa"],
            "series": "Kết nối tri thức với cuộc sống", "classification": "495.922",
            "language": "vie"},
     [{"library": "TH-KHAC", "copies": 30, "available": 12}],
     ("tieng viet 2 tap 1", "bui manh hung", "tieng viet sach giao khoa",
      "giao duc viet nam ket noi tri thuc voi cuoc song 9786040250011 6040250011", "495 922")),
    (7002, {"title": "Đất rừng phương Nam", "authors": ["Đoàn Giỏi"],
            "isbns": ["9786042095284"], "year": 2020, "publisher": "Kim Đồng",
            "place": "Hà Nội", "subjects": ["Văn học thiếu nhi"],
            "classification": "895.9223", "notes": "Tái bản lần thứ 15", "language": "vie"},
     [{"library": "TH-KHAC", "copies": 2, "available": 2}, {"library": "TH01", "copies": 0,
                                                             "available": 0}],
     ("dat rung phuong nam", "doan gioi", "van hoc thieu nhi",
      "kim dong ha noi tai ban lan thu 15 9786042095284 6042095285", "895 9223")),
]


def _union_cache(conn: sqlite3.Connection) -> None:
    """Version 12: the union catalog pulled into the cache, indexed by subject, publisher,
    series, notes and class number too, and the pull's cursor."""
    for uid, fields, holdings, search in _UNION:
        title = str(fields["title"])
        isbns = list(fields["isbns"])  # type: ignore[call-overload]
        conn.execute(
            "INSERT INTO union_cache(union_id, cursor, title, author, year, isbns, fields, "
            "holdings, title_fold, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, f"c{uid}", title, "; ".join(fields["authors"]),  # type: ignore[arg-type]
             fields["year"], json.dumps(isbns), json.dumps(fields, ensure_ascii=False),
             json.dumps(holdings, ensure_ascii=False), search[0], _stamp("2025-10-06")))
        _rows(conn, "INSERT INTO union_cache_isbns(isbn, union_id) VALUES (?, ?)",
              [(isbn, uid) for isbn in isbns])
        conn.execute("INSERT INTO union_cache_fts(rowid, title, author, subject, other, "
                     "callno) VALUES (?, ?, ?, ?, ?, ?)", (uid, *search))
    _rows(conn, "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) "
          "DO UPDATE SET value = excluded.value",
          [("cursor", '"c7002"'), ("last_sync_at", '"2025-10-06T02:00:00Z"')])


#: What each schema version let a library write, added right after migrating to it.
STAGES: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _catalog_and_patrons, 2: _patron_counters, 3: _circulation, 4: _sync, 6: _fines,
    7: _lost_charges, 8: _collection, 10: _card_expiry, 11: _fine_payments, 12: _union_cache,
}

#: Columns a migration fills with random values (m0011's back-filled payments' UUIDs): left
#: out of :func:`table_digest`'s fingerprints.
RANDOM_COLUMNS = {"fine_payments": ("uuid",)}


def old_library(path: Path, version: int) -> Path:
    """A library file at schema *version* holding what a school would have written with each
    version up to it (see the module's docstring). Returns *path*."""
    db = Database(connect(path), path)
    try:
        for step in range(1, version + 1):
            migrate(db, upto=step)
            stage = STAGES.get(step)
            if stage is not None:
                with db.transaction() as conn:
                    stage(conn)
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == version
    finally:
        db.close()
    for leftover in path.parent.glob(f"{path.name}.before-v*.bak"):
        leftover.unlink()  # the migrations' own backups while building: not part of the file
    return path


def table_digest(conn: sqlite3.Connection,
                 fts: tuple[str, ...] = ("records_fts",)) -> dict[str, str]:
    """A fingerprint of each table's rows (and of the schema and the full-text indexes'
    words), to compare two migrated files exactly. The full-text indexes' own storage tables
    are left out (their bytes depend on SQLite's version); the words of each index in *fts*,
    per column and row, are in ``<index> words``. :data:`RANDOM_COLUMNS` are left out."""
    def digest(rows: list[tuple[object, ...]]) -> str:
        return hashlib.sha256(repr(sorted(rows, key=repr)).encode()).hexdigest()[:16]

    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE '%fts_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    found = {name: digest(conn.execute(f"SELECT {_kept_columns(conn, name)} FROM \"{name}\""
                                       ).fetchall()) for name in tables}
    found["schema"] = digest(conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
    for index in fts:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words "
                     f"USING fts5vocab(main, {index}, 'instance')")
        found[f"{index} words"] = digest(conn.execute("SELECT * FROM temp.fts_words").fetchall())
        conn.execute("DROP TABLE temp.fts_words")
    return found


def _kept_columns(conn: sqlite3.Connection, table: str) -> str:
    """The columns of *table* to fingerprint, as a select list (``*`` when all are)."""
    random = RANDOM_COLUMNS.get(table, ())
    if not random:
        return "*"
    names = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    return ", ".join(f'"{name}"' for name in names if name not in random)
