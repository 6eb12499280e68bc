"""Entry point of the frozen ThuVien (PyInstaller): the same ``thuvien`` command as in a venv.

With no subcommand it opens the window; ``ThuVien.exe`` (no console) and ``thuvien-cli.exe``
(console, for the command line) both start here.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
