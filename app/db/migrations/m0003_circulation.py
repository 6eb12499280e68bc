"""Circulation: loan rules, closed days, usage (visits / in-library reading), class loans.

Also adds to ``loans`` a snapshot of who borrowed what kind of item (category, class,
grade, item type) so that registers and statistics survive the anonymisation of patrons
who left, and an ``outcome`` ('returned', 'lost', 'damaged').

The default rule matrix is written out here as it was in this version (the application's
``app.circulation.rules.DEFAULT_RULES`` may change; what this migration wrote may not).
"""

SQL = """
-- The loan rule matrix (see app.circulation.rules). Library policy; not synced.
CREATE TABLE loan_rules (
    category      TEXT NOT NULL,
    item_type     TEXT NOT NULL,
    loanable      INTEGER NOT NULL DEFAULT 1,
    loan_days     INTEGER,
    fixed_due     TEXT,
    max_items     INTEGER NOT NULL DEFAULT 3,
    renewals      INTEGER NOT NULL DEFAULT 1,
    holds_allowed INTEGER NOT NULL DEFAULT 1,
    fine_per_day  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (category, item_type)
) WITHOUT ROWID;

-- Closed periods (Tết, summer holidays, single days); weekly closed days are a setting.
CREATE TABLE closed_days (
    id       INTEGER PRIMARY KEY,
    start_on TEXT NOT NULL,
    end_on   TEXT NOT NULL,
    label    TEXT NOT NULL DEFAULT '',
    CHECK (end_on >= start_on)
);

-- Reading-room tally: a visit (patron came in) or in-library reading of an item.
CREATE TABLE usage_events (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    library_id      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    kind            TEXT NOT NULL CHECK (kind IN ('visit', 'in_library')),
    day             TEXT NOT NULL,
    count           INTEGER NOT NULL DEFAULT 1,
    patron_id       INTEGER REFERENCES patrons(id),
    item_id         INTEGER REFERENCES items(id),
    patron_category TEXT,
    patron_class    TEXT,
    item_type       TEXT
);
CREATE INDEX usage_events_day ON usage_events(day, kind);

-- A textbook set lent to a whole class; its loans carry loans.class_loan_id.
CREATE TABLE class_loans (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    library_id  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    class_name  TEXT NOT NULL,
    school_year TEXT,
    record_ids  TEXT NOT NULL DEFAULT '[]',
    due_on      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_at   TEXT,
    note        TEXT
);
CREATE INDEX class_loans_class ON class_loans(class_name, status);

ALTER TABLE loans ADD COLUMN patron_category TEXT;
ALTER TABLE loans ADD COLUMN patron_class TEXT;
ALTER TABLE loans ADD COLUMN patron_grade INTEGER;
ALTER TABLE loans ADD COLUMN item_type TEXT;
ALTER TABLE loans ADD COLUMN outcome TEXT;
CREATE INDEX loans_item ON loans(item_id);
CREATE INDEX loans_class_loan ON loans(class_loan_id) WHERE class_loan_id IS NOT NULL;
CREATE INDEX holds_item ON holds(item_id) WHERE item_id IS NOT NULL;

-- The default rule matrix ('*' = any category / item type).
INSERT OR IGNORE INTO loan_rules(category, item_type, loanable, loan_days, fixed_due, max_items,
                                 renewals, holds_allowed, fine_per_day) VALUES
    ('*', '*', 1, 14, NULL, 3, 1, 1, 0),
    ('*', 'book', 1, 14, NULL, 3, 1, 1, 0),
    ('teacher', 'book', 1, 30, NULL, 10, 2, 1, 0),
    ('staff', 'book', 1, 30, NULL, 5, 2, 1, 0),
    ('*', 'children', 1, 7, NULL, 2, 1, 1, 0),
    ('teacher', 'professional', 1, 60, NULL, 10, 2, 1, 0),
    ('*', 'professional', 1, 14, NULL, 2, 1, 1, 0),
    ('*', 'textbook', 1, NULL, '--05-31', 20, 0, 0, 0),
    ('*', 'reference', 0, 0, NULL, 0, 0, 0, 0),
    ('*', 'periodical', 1, 7, NULL, 2, 0, 0, 0),
    ('teacher', 'periodical', 1, 14, NULL, 5, 1, 0, 0);
"""
