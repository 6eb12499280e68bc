"""A real district server on loopback (tests/support/district.py) for client tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.library import Library
from tests.support.district import District


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[District]:
    d = District(tmp_path_factory.mktemp("district"))
    yield d
    d.stop()


@pytest.fixture(autouse=True)
def _token_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THUVIEN_NO_KEYRING", "1")
    monkeypatch.setenv("THUVIEN_TOKEN_DIR", str(tmp_path / "tokens"))


_counter = [0]


@pytest.fixture
def enrolled(district: District, tmp_path: Path) -> Iterator[Any]:
    """A library database enrolled with the district (its code in ``lib.code``)."""
    _counter[0] += 1
    code = f"TH{_counter[0]:03d}-{tmp_path.name[-6:]}"
    lib = Library.open(tmp_path / "school.sqlite3")
    lib.sync.enroll(district.url, district.add_library(code))
    lib.code = code  # type: ignore[attr-defined]
    yield lib
    lib.close()
