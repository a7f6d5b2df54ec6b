"""The `sochibo` command: opens the program's window by default; sub-commands work headless.

    sochibo [--data-dir DIR] [--lang vi|en]           open the window
    sochibo [--data-dir DIR] FILE.scb|FILE.scb.p7m    open the window and check a signed file
    sochibo demo [--force]                            fill in the demo cell
    sochibo members list [--json] [--all]             print the register
    sochibo members import FILE [--dry-run]           import members from .xlsx / .csv
    sochibo members export FILE                       write .xlsx or .pdf
    sochibo check [--json]                            the rule findings
    sochibo selftest [--no-gui]                       check that the program works here
    sochibo keys show | create [--replace]            the cell's signing key
    sochibo keys export-cert --out FILE               the certificate for the receiver
    sochibo keys import-p12 FILE                      use a key from a certificate authority
    sochibo export --period 2026|2026-Q3|2026-11 --out FILE [--encrypt-to CERT]
                                                      the signed report of a period
    sochibo verify FILE [--trust CERT]                check a report file
    sochibo keys trust-superior CERT                  the superior committee's certificate
    sochibo ack import ACK [--trust CERT]             mark an export as received
    sochibo inbox setup|add-cell|cells|import|list|ack|export ...
                                                      the receiver at the superior committee
    sochibo meetings list [--json] [--year N]         the cell's meetings
    sochibo print minutes|resolution|quality-sheet|thematic-record --meeting ID --out FILE
                  [--draft]                           write a meeting's document as PDF

Exit codes: 0 done, 1 refused (invalid data, blocking findings, a user error), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.cli_exchange import exchange_parsers
from app.cli_parsing import Formatter as _Formatter
from app.cli_parsing import Parser as _Parser
from app.cli_parsing import global_options as _global_options
from app.cli_parsing import help_option as _help_option
from app.cli_parsing import sub as _sub
from app.exit_codes import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from app.l10n import LANGUAGES, _, set_language
from app.paths import DataPaths, default_data_dir
from app.settings import load_settings


def build_parser() -> argparse.ArgumentParser:
    """The command line, with help texts in the current language."""
    parser = _Parser(
        prog="sochibo",
        description=_("Sổ Chi bộ: the record book of a party cell secretary."),
        add_help=False,
        formatter_class=_Formatter,
    )
    _help_option(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"Sổ Chi bộ {__version__}",
        help=_("show the version and exit"),
    )
    _global_options(parser, suppress=False)
    commands = parser.add_subparsers(
        title=_("commands"), dest="command", metavar=_("COMMAND"), parser_class=_Parser
    )
    demo = _sub(commands, "demo", _("fill an empty data folder with a demo cell"))
    demo.add_argument("--force", action="store_true", help=_("delete all existing data first"))
    check = _sub(commands, "check", _("check the register against the Party rules"))
    check.add_argument("--json", action="store_true", help=_("print JSON"))
    members = _sub(commands, "members", _("list, import or export party members"))
    actions = members.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=_Parser)
    actions.required = True
    listing = _sub(actions, "list", _("print the members on the register"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.add_argument(
        "--all",
        action="store_true",
        help=_("include former members (transferred out, deceased...)"),
    )
    importing = _sub(actions, "import", _("import members from an Excel (.xlsx) or CSV file"))
    importing.add_argument("file", type=Path, metavar=_("FILE"))
    importing.add_argument(
        "--dry-run", action="store_true", help=_("only check the file; write nothing")
    )
    exporting = _sub(actions, "export", _("write the register to an .xlsx or .pdf file"))
    exporting.add_argument("file", type=Path, metavar=_("FILE"))
    selftest = _sub(commands, "selftest", _("check that the program works on this computer"))
    selftest.add_argument(
        "--no-gui", action="store_true", help=_("print the results only; show no window")
    )
    exchange_parsers(commands)
    _meetings_parser(commands)
    _print_parser(commands)
    return parser


def _meeting_number(text: str) -> int:
    """A meeting number as `sochibo meetings list` shows it (a positive whole number)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a meeting number; see “sochibo meetings list”.").format(value=text)
        )
    return int(text)


def _meetings_parser(commands: Any) -> None:
    """sochibo meetings list [--json] [--year N]."""
    meetings = _sub(commands, "meetings", _("list the cell's meetings"))
    actions = meetings.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=_Parser)
    actions.required = True
    listing = _sub(actions, "list", _("print the meetings, oldest first"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.add_argument(
        "--year", type=int, metavar=_("YEAR"), help=_("only the meetings of this year")
    )


def _print_parser(commands: Any) -> None:
    """sochibo print minutes | resolution | quality-sheet | thematic-record --meeting ID
    --out FILE [--draft]."""
    printing = _sub(commands, "print", _("write a meeting's document as a PDF file"))
    actions = printing.add_subparsers(dest="action", metavar=_("DOCUMENT"), parser_class=_Parser)
    actions.required = True
    documents = (
        ("minutes", _("the minutes of a meeting")),
        ("resolution", _("the resolution or conclusion of a meeting")),
        ("quality-sheet", _("the meeting-quality score sheet")),
        ("thematic-record", _("the record of a thematic meeting")),
    )
    for name, help_text in documents:
        document = _sub(actions, name, help_text)
        document.add_argument(
            "--meeting",
            type=_meeting_number,
            required=True,
            metavar="ID",
            help=_("the meeting's number in “sochibo meetings list”"),
        )
        document.add_argument(
            "--out",
            type=Path,
            required=True,
            metavar=_("FILE"),
            help=_("the PDF file to write (or a folder: the file gets its usual name)"),
        )
        document.add_argument(
            "--draft",
            action="store_true",
            help=_("print an incomplete draft anyway, marked DỰ THẢO"),
        )


class _EarlyParseError(Exception):
    """The first look at the command line failed; the real parser will explain why."""


class _LenientParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _EarlyParseError(message)


def _plain_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The command line when it holds only "--data-dir X" / "--lang X" (or "=X"), as argparse
    would read it; None for anything else. Building an argparse parser costs ~2 ms of start-up."""
    found: dict[str, str | None] = {"--data-dir": None, "--lang": None}
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        value = value if equals else next(words, "")
        if name not in found or not value or value.startswith("-"):
            return None
        found[name] = value
    folder = found["--data-dir"]
    return argparse.Namespace(data_dir=Path(folder) if folder else None, lang=found["--lang"])


#: A signed file given alone opens the window and checks it (the Windows installer associates
#: .scb files with the program); any other word is a sub-command or a usage error.
SIGNED_FILE_SUFFIXES = (".scb", ".p7m")


def _signed_file(rest: Sequence[str]) -> Path | None:
    """The signed file when `rest` is exactly one existing .scb or .p7m file."""
    if len(rest) != 1 or rest[0].startswith("-"):
        return None
    path = Path(rest[0])
    if path.suffix.lower() not in SIGNED_FILE_SUFFIXES or not path.is_file():
        return None
    return path.resolve()


def _choose_language(argv: Sequence[str]) -> tuple[str | None, Path, bool, Path | None]:
    """--lang, else the language saved in the data folder's settings, else Vietnamese.

    Chosen before the real parsing so that help texts and usage errors are translated; an
    invalid --lang is left for the real parser to report. The flag is True when the command
    line holds nothing else (a valid --lang and --data-dir at most) or only a signed file to
    check (the last value): the window opens then.
    """
    rest: list[str] = []
    known = _plain_options(argv)
    if known is None:
        early = _LenientParser(add_help=False)
        early.add_argument("--data-dir", type=Path)
        early.add_argument("--lang")
        try:
            known, rest = early.parse_known_args(argv)
        except _EarlyParseError:  # e.g. "--data-dir" without a folder: the real parser says so
            known, rest = argparse.Namespace(data_dir=None, lang=None), ["?"]
    data_dir: Path = known.data_dir or default_data_dir()
    lang: str | None = known.lang if known.lang in LANGUAGES else None
    set_language(lang or load_settings(DataPaths(data_dir).settings).language)
    signed_file = _signed_file(rest)
    only_window = (not rest or signed_file is not None) and (known.lang is None or lang is not None)
    return lang, data_dir, only_window, signed_file


def _utf8_streams() -> None:
    """Windows consoles default to a legacy code page that cannot show Vietnamese."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and encoding != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    _utf8_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang_option, data_dir, only_window, signed_file = _choose_language(args_list)
    if only_window:
        # Nothing for the full parser to check: skip building it (its sub-commands and their
        # translated help cost a few milliseconds of the window's start-up).
        return _run_gui(data_dir, lang_option, signed_file)
    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as exc:  # --help, --version or a usage error
        return int(exc.code or 0)
    data_dir = args.data_dir or data_dir
    if args.command is None:
        return _run_gui(data_dir, lang_option)
    # Sub-commands need the database and document stack (about a second to import); the window
    # must not wait for it, so it is imported here, for sub-commands only (start-up speed).
    from app import commands
    from app.services.errors import UserError

    try:
        return commands.run_command(args, data_dir)
    except commands.UsageError as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        if isinstance(exc, commands.DemoRefusedError):
            print(
                _("To replace everything with the demo data, run “sochibo demo --force”."),
                file=sys.stderr,
            )
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader went away (e.g. `sochibo members list | head`): not an error. Point stdout
        # at devnull so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        log_path = _log_unexpected(DataPaths(data_dir), exc)
        print(
            _("Unexpected error ({kind}). The details were written to {path}.").format(
                kind=type(exc).__name__, path=log_path
            ),
            file=sys.stderr,
        )
        return EXIT_REFUSED


def _run_gui(data_dir: Path, lang: str | None, signed_file: Path | None = None) -> int:
    # Imported here, not at the top: the window's libraries (Qt) take long to load, and the
    # sub-commands never need them.
    from app.ui.app import run_gui

    return run_gui(data_dir, lang, signed_file)


def _log_unexpected(paths: DataPaths, exc: BaseException) -> Path:
    """Append the traceback to the log without the exception's text or source lines (they may
    hold personal data: names in a constraint error, values in SQL parameters); only exception
    types, files, line numbers and function names."""
    lines = [f"{dt.datetime.now().isoformat(timespec='seconds')} sochibo {__version__}\n"]
    current: BaseException | None = exc
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}\n")
        lines.extend(
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.extract_tb(current.__traceback__)
        )
        current = current.__cause__ or current.__context__
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        with paths.log.open("a", encoding="utf-8") as fh:
            fh.writelines(lines)
    except OSError:
        pass  # nowhere to log: the short message on the console is all we can do
    return paths.log
