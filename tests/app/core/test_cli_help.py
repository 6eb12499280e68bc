"""The command line's help and argparse's own words follow the language: Vietnamese by
default, English with ``--lang en``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from app.cli import build_parser, main
from app.i18n import set_language

# Commands for builds, not librarians: their help stays English.
NOT_FOR_LIBRARIANS = {"selftest"}


def _help_lines(parser: argparse.ArgumentParser, path: str = "thuvien") -> Iterator[tuple[str, str]]:
    """(where, help text) for every argument, subcommand and heading of *parser*, recursively."""
    for group in parser._action_groups:
        yield f"{path} heading", str(group.title)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"{path} {choice.dest}", str(choice.help)
            for name, sub in action.choices.items():
                if name not in NOT_FOR_LIBRARIANS:
                    yield from _help_lines(sub, f"{path} {name}")
        elif action.help not in (None, argparse.SUPPRESS):
            yield f"{path} {'/'.join(action.option_strings) or action.dest}", str(action.help)


def _all_help(lang: str) -> dict[str, str]:
    set_language(lang)
    try:
        return dict(_help_lines(build_parser()))
    finally:
        set_language("vi")


def test_every_help_line_has_its_vietnamese_and_english() -> None:
    vi, en = _all_help("vi"), _all_help("en")
    assert vi.keys() == en.keys()
    assert len(vi) > 150  # every command, option and heading of the whole tree
    untranslated = sorted(where for where in vi if vi[where] == en[where])
    assert untranslated == []
    # Every option a librarian can give says what it does.
    parser = build_parser()
    silent = []
    for where, parser_ in _parsers(parser, "thuvien"):
        for action in parser_._actions:
            if not isinstance(action, argparse._SubParsersAction) and action.help is None:
                silent.append(f"{where} {'/'.join(action.option_strings) or action.dest}")
    assert silent == [], silent


def _parsers(parser: argparse.ArgumentParser, path: str
             ) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if name not in NOT_FOR_LIBRARIANS:
                    yield from _parsers(sub, f"{path} {name}")


def test_help_is_vietnamese_by_default_and_english_on_request(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["checkout", "--help"])
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("cách dùng: thuvien checkout")
    assert "thẻ bạn đọc, mã học sinh hoặc số id" in shown
    assert "hiện hướng dẫn này rồi thoát" in shown and "tùy chọn:" in shown
    with pytest.raises(SystemExit):
        main(["--lang", "en", "checkout", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("usage: thuvien checkout")
    assert "card, student code or id" in shown and "show this help message and exit" in shown


@pytest.mark.parametrize(("argv", "vietnamese", "english"), [
    (["checkout"], "thiếu tham số bắt buộc: BẠN_ĐỌC, SỐ_ĐKCB",
     "the following arguments are required: PATRON, ITEM"),
    (["lend", "x"], "không có lựa chọn 'lend' (chọn một trong: 'backup',",
     "invalid choice: 'lend' (choose from 'backup',"),
    (["search", "toán", "--colour"], "không hiểu tham số: --colour",
     "unrecognized arguments: --colour"),
    (["search", "toán", "--limit"], "tham số --limit: cần một giá trị",
     "argument --limit: expected one argument"),
    (["item", "stolen", "TK.00001"], "tham số action: không có lựa chọn 'stolen'",
     "argument action: invalid choice: 'stolen'"),
    (["labels", "items", "--items", "A", "--since", "01/01/2026"],
     "tham số --since: không dùng cùng với --items",
     "argument --since: not allowed with argument --items"),
])
def test_argparse_refusals_speak_the_language(
        argv: list[str], vietnamese: str, english: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert vietnamese in err and "(xem thuvien" in err and len(err.strip().splitlines()) == 1, err
    with pytest.raises(SystemExit):
        main(["--lang", "en", *argv])
    err = capsys.readouterr().err
    assert english in err and "(see thuvien" in err, err
