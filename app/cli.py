"""The `sochibo` command: opens the program's window by default; sub-commands work headless.

    sochibo [--data-dir DIR] [--lang vi|en]           open the window
    sochibo demo [--force]                            fill in the demo cell
    sochibo members list [--json] [--all]             print the register
    sochibo members import FILE [--dry-run]           import members from .xlsx / .csv
    sochibo members export FILE                       write .xlsx or .pdf
    sochibo check [--json]                            the rule findings

Exit codes: 0 done, 1 refused (invalid data, blocking findings, a user error), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.domain.findings import Severity
from app.domain.messages import N_
from app.l10n import LANGUAGES, _, format_date, render, set_language
from app.labels import role_label, standing_label, status_label
from app.paths import DataPaths, default_data_dir
from app.services import exports, imports
from app.services.demo import DemoRefusedError, fill_demo
from app.services.dto import MemberSummary
from app.services.errors import UserError
from app.services.facade import Services
from app.settings import load_settings

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line is wrong (exit code 2); the message is already translated."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with the "usage:" prefix translated."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with our translated error line and exit code 2 kept."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        hint = _("Run “{prog} --help” to see what it accepts.").format(prog=self.prog)
        text = _("Error: {message}").format(message=_argparse_message(message))
        self.exit(EXIT_USAGE, f"{text}\n{hint}\n")


# argparse words its own errors in English; the common ones are translated by their shape.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (?P<names>.*)"),
     N_("the following arguments are required: {names}")),
    (re.compile(r"unrecognized arguments: (?P<args>.*)"), N_("unrecognized arguments: {args}")),
    (re.compile(r"argument (?P<name>\S+): invalid choice: (?P<value>.*) "
                r"\(choose from (?P<choices>.*)\)"),
     N_("argument {name}: invalid choice: {value} (choose from {choices})")),
    (re.compile(r"argument (?P<name>\S+): expected one argument"),
     N_("argument {name}: expected one argument")),
)  # fmt: skip


def _argparse_message(message: str) -> str:
    for pattern, msgid in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return _(msgid).format(**match.groupdict())
    return message


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
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


def _sub(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text, add_help=False, formatter_class=_Formatter
    )
    _help_option(parser)
    _global_options(parser, suppress=True)
    return parser


def _help_option(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = _("arguments")
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))


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
    return parser


class _EarlyParseError(Exception):
    """The first look at the command line failed; the real parser will explain why."""


class _LenientParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _EarlyParseError(message)


def _choose_language(argv: Sequence[str]) -> tuple[str | None, Path]:
    """--lang, else the language saved in the data folder's settings, else Vietnamese.

    Chosen before the real parsing so that help texts and usage errors are translated; an
    invalid --lang is left for the real parser to report.
    """
    early = _LenientParser(add_help=False)
    early.add_argument("--data-dir", type=Path)
    early.add_argument("--lang")
    try:
        known, _rest = early.parse_known_args(argv)
    except _EarlyParseError:  # e.g. "--data-dir" without a folder: the real parser says so
        known = argparse.Namespace(data_dir=None, lang=None)
    data_dir: Path = known.data_dir or default_data_dir()
    lang: str | None = known.lang if known.lang in LANGUAGES else None
    set_language(lang or load_settings(DataPaths(data_dir).settings).language)
    return lang, data_dir


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
    lang_option, data_dir = _choose_language(args_list)
    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as exc:  # --help, --version or a usage error
        return int(exc.code or 0)
    data_dir = args.data_dir or data_dir
    if args.command is None:
        return _run_gui(data_dir, lang_option)
    try:
        return _run_command(args, data_dir)
    except UsageError as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        if isinstance(exc, DemoRefusedError):
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


def _run_gui(data_dir: Path, lang: str | None) -> int:
    # Imported here, not at the top: the window's libraries (Qt) take long to load, and the
    # sub-commands never need them.
    from app.ui.app import run_gui

    return run_gui(data_dir, lang)


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


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    if args.command == "members" and args.action == "export":
        _export_kind(args.file)  # usage errors before the data folder is touched
    handlers: dict[tuple[str, str | None], Callable[[Services, argparse.Namespace], int]] = {
        ("demo", None): _demo,
        ("check", None): _check,
        ("members", "list"): _members_list,
        ("members", "import"): _members_import,
        ("members", "export"): _members_export,
    }
    handler = handlers[(args.command, getattr(args, "action", None))]
    services = Services.open(data_dir)
    try:
        return handler(services, args)
    finally:
        services.close()


def _demo(services: Services, args: argparse.Namespace) -> int:
    fill_demo(services, force=args.force)
    count = len(services.members.list())
    print(_("The demo cell was created with {count} members on the register.").format(count=count))
    return EXIT_OK


def _findings_json(services: Services) -> tuple[list[dict[str, str]], bool]:
    findings = services.checks.run()
    rows = [
        {
            "rule": f.rule,
            "severity": str(f.severity),
            "subject": f.subject,
            "message": render(f.message),
            "citation": f.citation,
        }
        for f in findings
    ]
    return rows, any(f.severity == Severity.BLOCK for f in findings)


def _check(services: Services, args: argparse.Namespace) -> int:
    rows, blocked = _findings_json(services)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print(_("No findings: the register follows the rules checked."))
    else:
        for row in rows:
            subject = row["subject"] or _("The cell")
            print(f"[{_severity_label(row['severity'])}] {subject}: {row['message']}")
            print(f"    ({row['citation']})")
    return EXIT_REFUSED if blocked else EXIT_OK


def _severity_label(severity: str) -> str:
    labels = {"block": _("Blocking"), "warn": _("Warning"), "info": _("Reminder")}
    return labels.get(severity, severity)


def _member_json(member: MemberSummary) -> dict[str, object]:
    return {
        "id": member.id,
        "full_name": member.full_name,
        "gender": str(member.gender),
        "birth_date": member.birth_date.isoformat(),
        "ethnicity": member.ethnicity,
        "status": str(member.status),
        "role": str(member.role),
        "standing": str(member.standing),
        "admission_date": member.admission_date.isoformat() if member.admission_date else None,
        "phone": member.phone,
    }


def _members_list(services: Services, args: argparse.Namespace) -> int:
    members = services.members.list(include_former=args.all)
    if args.json:
        print(json.dumps([_member_json(m) for m in members], ensure_ascii=False, indent=2))
        return EXIT_OK
    heading = (_("Full name"), _("Date of birth"), _("Status"), _("Role"), _("Standing"))
    table = [heading] + [
        (
            m.full_name,
            format_date(m.birth_date),
            status_label(m.status),
            role_label(m.role),
            standing_label(m.standing),
        )
        for m in members
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(heading))]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    print(_("{count} members.").format(count=len(members)))
    return EXIT_OK


def _members_import(services: Services, args: argparse.Namespace) -> int:
    source = imports.read_source(args.file)
    preview = imports.preview(services, source, source.mapping)
    for severity, text in imports.problem_lines(preview):
        label = _severity_label(str(severity))
        print(f"[{label}] {text}", file=sys.stderr if severity == Severity.BLOCK else sys.stdout)
    if not preview.can_commit:
        print(
            _("Nothing was imported: correct the lines listed above and try again."),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if args.dry_run:
        print(
            _(
                "The file is ready: {count} members can be imported. Nothing was written "
                "(--dry-run)."
            ).format(count=len(preview.rows))
        )
        return EXIT_OK
    imports.commit(services, preview)
    print(_("{count} members were imported.").format(count=len(preview.rows)))
    return EXIT_OK


def _export_kind(path: Path) -> Callable[[Services, Path], int]:
    kinds: dict[str, Callable[[Services, Path], int]] = {
        ".xlsx": exports.export_members_xlsx,
        ".pdf": exports.export_members_pdf,
    }
    kind = kinds.get(path.suffix.lower())
    if kind is None:
        raise UsageError(
            _("“{name}”: the file name must end in .xlsx (Excel) or .pdf.").format(name=path.name)
        )
    return kind


def _members_export(services: Services, args: argparse.Namespace) -> int:
    count = _export_kind(args.file)(services, args.file)
    print(_("{count} members were written to {path}.").format(count=count, path=args.file))
    return EXIT_OK
