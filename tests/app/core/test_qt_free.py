"""app/ must run without Qt: importing all of it with PySide6 blocked must work."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT

SCRIPT = r"""
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "ui"):
            raise ImportError(f"{name} is blocked: app/ must stay Qt-free")
        return None

sys.meta_path.insert(0, Block())
import app
count = 0
for info in pkgutil.walk_packages(app.__path__, "app."):
    importlib.import_module(info.name)
    count += 1
print(count)
"""


def test_every_app_module_imports_with_pyside6_blocked() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO_ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 10  # the walk really visited the package
