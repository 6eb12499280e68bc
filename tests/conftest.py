"""Fixtures shared by every test layer."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _vietnamese_messages() -> Iterator[None]:
    """Every test starts with Vietnamese messages (the default) whatever the previous one set."""
    from app.i18n import set_language

    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def shared_data() -> Path:
    """The real test files in ../shared/data (MARC, barcode photos, label sheets)."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"test data folder missing: {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:  # noqa: F821
    """A fresh library in a real SQLite file under tmp_path."""
    from app.library import Library

    library = Library.open(tmp_path / "library.sqlite3")
    yield library
    library.close()
