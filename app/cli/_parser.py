"""The argument parser of ``thuvien``: argparse speaking the user's language.

argparse writes its own words ("usage:", "options", "the following arguments are required")
in English. Here its headings and help lines are given in the current language, and its
error messages, which reach :meth:`BilingualParser.error` already formatted, are put into
Vietnamese by their English pattern. A wrong argument is reported on one line, with where
to find help.

A command whose positional is free text (``dest="query"``: ``search``, ``union-search``,
``patrons search``) takes a query that begins with "-" as text ("-dế", a pasted "- Toán 6",
"-1"): argparse would read "-dế" as an unknown option and stop. Its real options still work
("--limit", "--json", "-h" and a short option with its value attached), and "--" still ends
the options.
"""

from __future__ import annotations

import argparse
import re
import typing

from app.i18n import Text, language

USAGE = Text("cách dùng: ", "usage: ")
POSITIONALS = Text("tham số", "positional arguments")
OPTIONALS = Text("tùy chọn", "options")
HELP = Text("hiện hướng dẫn này rồi thoát", "show this help message and exit")
SEE_HELP = Text("xem {prog} --help", "see {prog} --help")

# argparse's English error messages -> Vietnamese; the captured parts are names and values.
_VI_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), vietnamese) for pattern, vietnamese in (
        (r"the following arguments are required: (.+)", r"thiếu tham số bắt buộc: \1"),
        (r"unrecognized arguments: (.+)", r"không hiểu tham số: \1"),
        (r"one of the arguments (.+) is required", r"cần một trong các tham số \1"),
        (r"ambiguous option: (\S+) could match (.+)", r"tùy chọn \1 chưa rõ, có thể là \2"),
        (r"invalid choice: (.+) \(choose from (.+)\)", r"không có lựa chọn \1 (chọn một trong: \2)"),
        (r"invalid \S+ value: (.+)", r"giá trị không hợp lệ: \1"),
        (r"expected one argument", "cần một giá trị"),
        (r"expected at least one argument", "cần ít nhất một giá trị"),
        (r"expected at most one argument", "chỉ nhận tối đa một giá trị"),
        (r"expected (\d+) arguments?", r"cần \1 giá trị"),
        (r"not allowed with argument (.+)", r"không dùng cùng với \1"),
        (r"ignored explicit argument (.+)", r"không nhận giá trị \1"),
    ))
_ARGUMENT = re.compile(r"argument (\S+): (.*)", re.DOTALL)


def in_vietnamese(message: str) -> str:
    """argparse's English error *message* in Vietnamese (unchanged if it is not one of
    argparse's, e.g. a message ThuVien's own argument types already wrote in Vietnamese)."""
    argument = _ARGUMENT.fullmatch(message)
    if argument is not None:
        return f"tham số {argument.group(1)}: {in_vietnamese(argument.group(2))}"
    for pattern, vietnamese in _VI_ERRORS:
        match = pattern.fullmatch(message)
        if match is not None:
            return match.expand(vietnamese)
    return message


class _Formatter(argparse.HelpFormatter):
    """Help with the "usage:" heading in the current language."""

    def add_usage(self, usage: str | None, actions: typing.Iterable[argparse.Action],
                  groups: typing.Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE() if prefix is None else prefix)


class BilingualParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose headings, ``-h`` line and errors follow the language set
    by :func:`app.i18n.set_language` (set before the parser is built)."""

    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        add_help = kwargs.get("add_help", True)
        kwargs.update(add_help=False)  # added below, with its help line in the user's language
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = POSITIONALS()
        self._optionals.title = OPTIONALS()
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=HELP())

    def _parse_optional(self, arg_string: str) -> typing.Any:
        # argparse's hook deciding whether an argument is an option; None means "positional"
        if self._takes_free_text() and self._is_text(arg_string):
            return None
        return super()._parse_optional(arg_string)

    def _takes_free_text(self) -> bool:
        return any(action.dest == "query" and not action.option_strings
                   for action in self._actions)

    def _is_text(self, arg: str) -> bool:
        """True for an argument starting with a single "-" that is none of this command's
        options: "-dế", "-1", "-học" (not "-h" with the value "ọc": help takes none)."""
        if not arg.startswith("-") or arg.startswith("--") or len(arg) < 2:
            return False
        if arg.split("=", 1)[0] in self._option_string_actions:
            return False
        short = self._option_string_actions.get(arg[:2])
        return short is None or short.nargs == 0

    def error(self, message: str) -> typing.NoReturn:
        """Print *message* on one line, in the user's language, and exit with status 2."""
        if language() == "vi":
            message = in_vietnamese(message)
        self.exit(2, f"{self.prog}: {message} ({SEE_HELP(prog=self.prog)})\n")


def language_asked(prog: str, argv: typing.Sequence[str] | None) -> str | None:
    """The ``--lang`` given in *argv* (None if none), read before the full parser is built:
    its help lines and checks are written in that language."""
    early = BilingualParser(prog=prog, add_help=False)
    early.add_argument("--lang", choices=["vi", "en"])
    lang = early.parse_known_args(argv)[0].lang
    return str(lang) if lang else None
