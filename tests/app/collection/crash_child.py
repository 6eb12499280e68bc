"""Child process of the stocktake crash test: scans every copy in turn, reporting each.

Usage: python crash_child.py DB_PATH. After each scan has returned (so has committed) it
prints the accession number and flushes stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.library import Library


def main() -> None:
    lib = Library.open(Path(sys.argv[1]))
    codes = [b for (b,) in lib.db.conn.execute("SELECT barcode FROM items ORDER BY id")]
    print("ready", flush=True)
    for code in codes:
        if lib.collection.scan(code).counted:
            sys.stdout.write(f"{code}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
