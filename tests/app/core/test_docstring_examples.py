"""The examples in app/'s docstrings are run, so that they stay true: each module's
examples in Vietnamese, the app's default language (an example may switch it; the next
module starts in Vietnamese again)."""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
from contextlib import redirect_stdout

import pytest

import app
from app.i18n import language, set_language

MODULES = sorted(info.name for info in pkgutil.walk_packages(app.__path__, "app.")
                 if not info.name.endswith("__main__"))


def test_the_modules_are_found() -> None:
    assert "app.text" in MODULES and "app.reports.pdf" in MODULES and len(MODULES) > 100


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report = io.StringIO()
    before = language()
    try:
        for test in doctest.DocTestFinder().find(module):
            set_language("vi")
            with redirect_stdout(report):
                runner.run(test, out=report.write)
    finally:
        set_language(before)
    assert runner.failures == 0, report.getvalue()
