"""The pieces every `sochibo` parser is made of: translated help layout and errors, the global
options repeated on each sub-command, and `sub` to add a sub-command. argparse only: importing
this stays cheap for the window's start-up."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from app.exit_codes import EXIT_USAGE
from app.l10n import LANGUAGES, _


class Formatter(argparse.HelpFormatter):
    """argparse's help layout with the "usage:" prefix translated."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with our translated error line and exit code 2 kept."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        hint = _("Run “{prog} --help” to see what it accepts.").format(prog=self.prog)
        text = _("Error: {message}").format(message=_argparse_message(message))
        self.exit(EXIT_USAGE, f"{text}\n{hint}\n")


def _argparse_message(message: str) -> str:
    """argparse words its own errors in English; the common ones are translated by their shape."""
    # Only a usage error needs these: the window opens without loading them (start-up speed).
    from app.domain.messages import N_

    shapes = (
        (r"the following arguments are required: (?P<names>.*)",
         N_("the following arguments are required: {names}")),
        (r"unrecognized arguments: (?P<args>.*)", N_("unrecognized arguments: {args}")),
        (r"argument (?P<name>\S+): invalid choice: (?P<value>.*) "
         r"\(choose from (?P<choices>.*)\)",
         N_("argument {name}: invalid choice: {value} (choose from {choices})")),
        (r"argument (?P<name>\S+): expected one argument",
         N_("argument {name}: expected one argument")),
    )  # fmt: skip
    for pattern, msgid in shapes:
        match = re.fullmatch(pattern, message)
        if match:
            return _(msgid).format(**match.groupdict())
    return message


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # Sub-parsers repeat the options with SUPPRESS so they also work after the sub-command
    # without resetting a value given before it.
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        metavar=_("FOLDER"),
        help=_("the data folder (default: the user's application data folder)"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=_("language of messages: vi (Vietnamese) or en (English)"),
    )


def sub(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text, add_help=False, formatter_class=Formatter
    )
    help_option(parser)
    global_options(parser, suppress=True)
    return parser


def help_option(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = _("arguments")
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
