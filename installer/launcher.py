"""Entry point of the frozen ThuVien (PyInstaller): the same ``thuvien`` command as in a venv.

With no subcommand it opens the window; ``ThuVien.exe`` (no console) and ``thuvien-cli.exe``
(console, for the command line) both start here.
"""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # A large MARC import reads the file in a worker process; frozen, that worker is this
    # program started again, and freeze_support() turns it into the worker before anything else.
    multiprocessing.freeze_support()
    sys.exit(main())
