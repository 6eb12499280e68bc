"""A writer process for the restore drill: commits catalog records non-stop and prints each
committed record id on its own line (flushed) right after the commit returns."""

from __future__ import annotations

import sys
from pathlib import Path

from app.library import Library


def main(db_path: str) -> None:
    lib = Library.open(Path(db_path))
    number = 0
    while True:
        number += 1
        record_id = lib.catalog.add_record(f"Sách diễn tập {number}", authors=["Người viết"])
        sys.stdout.write(f"{record_id}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
