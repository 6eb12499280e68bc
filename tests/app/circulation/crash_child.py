"""Child process of the crash test: checkouts and checkins in a loop, reporting each one.

Usage: python crash_child.py DB_PATH SEED. After every operation has returned (so has
committed) it prints ``<op> <loan uuid> <returned 0|1>`` and flushes stdout.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from app.circulation.service import Circulation
from app.db.connection import open_database
from app.settings import Settings


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    # the circulation service alone (not the whole Library) keeps start-up short
    db = open_database(Path(path))
    circ = Circulation(db, Settings(db))
    cards = [r[0] for r in db.conn.execute("SELECT card FROM patrons ORDER BY id")]
    barcodes = [r[0] for r in db.conn.execute("SELECT barcode FROM items ORDER BY id")]
    print("ready", flush=True)
    while True:
        barcode = rng.choice(barcodes)
        result = circ.checkin(barcode)
        if result.code == "not_on_loan":
            result = circ.checkout(rng.choice(cards), barcode, force=True)
        if result.ok and result.loan is not None:
            op = "out" if result.code == "checked_out" else "in"
            sys.stdout.write(f"{op} {result.loan.uuid}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
