"""The command line of signed report files: the cell's key and exports, the receiver's inbox
and the acknowledgements (parsers only; the handlers are in app.commands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli_parsing import Parser, sub
from app.l10n import _


def exchange_parsers(commands: Any) -> None:
    """keys, export, verify, inbox and ack."""
    _keys_parser(commands)
    _report_parsers(commands)
    _inbox_parser(commands)
    _ack_parser(commands)


def _keys_parser(commands: Any) -> None:
    """sochibo keys show | create [--replace] | export-cert --out FILE | import-p12 FILE."""
    keys = sub(commands, "keys", _("show, create, export or import the cell's signing key"))
    actions = keys.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=Parser)
    actions.required = True
    sub(actions, "show", _("show the signing key's holder, fingerprint and validity"))
    create = sub(actions, "create", _("create the cell's signing key and certificate"))
    create.add_argument(
        "--replace",
        action="store_true",
        help=_("replace the existing key (it is kept in keys/old)"),
    )
    export = sub(actions, "export-cert", _("write the cell's certificate for the receiver"))
    export.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
    importing = sub(actions, "import-p12", _("use a key from a .p12/.pfx file as the cell's key"))
    importing.add_argument("file", type=Path, metavar=_("FILE"))
    superior = sub(
        actions,
        "trust-superior",
        _("register the superior committee's certificate (it signs acknowledgements)"),
    )
    superior.add_argument("file", type=Path, metavar=_("CERTIFICATE"))


def _report_parsers(commands: Any) -> None:
    """sochibo export --period P --out FILE [--encrypt-to CERT]; sochibo verify FILE [--trust]."""
    export = sub(commands, "export", _("write the cell's signed report of a period (.scb)"))
    _period_option(export, required=True)
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=_("FILE"),
        help=_("the report file to write, e.g. bao-cao-2026-11.scb"),
    )
    export.add_argument(
        "--encrypt-to",
        type=Path,
        metavar=_("CERTIFICATE"),
        help=_("encrypt the file for the receiver's certificate (the file gets .p7m)"),
    )
    verify = sub(commands, "verify", _("check the signature and content of a report file"))
    verify.add_argument("file", type=Path, metavar=_("FILE"))
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        metavar=_("CERTIFICATE"),
        help=_("the registered certificate the signer must match (may be repeated)"),
    )


def _period_option(parser: Any, *, required: bool) -> None:
    parser.add_argument(
        "--period",
        required=required,
        metavar=_("PERIOD"),
        help=_("the period: a year (2026), a quarter (2026-Q3) or a month (2026-11)"),
    )


def _inbox_parser(commands: Any) -> None:
    """sochibo inbox setup | add-cell | cells | import | list | ack | export."""
    inbox = sub(commands, "inbox", _("receive, check and sum up the cells' reports"))
    actions = inbox.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=Parser)
    actions.required = True
    setup = sub(actions, "setup", _("set up this data folder as a receiving committee"))
    for flag, text in (
        ("--committee", _("the committee, e.g. “Đảng ủy xã Lũng Cú”")),
        ("--superior-body", _("the body above it in document headers, e.g. “ĐẢNG BỘ TỈNH …”")),
        ("--superior", _("where the committee's own summary goes, e.g. “Tỉnh ủy …”")),
        ("--place", _("the place written before the date, e.g. “Lũng Cú”")),
        ("--signer", _("who signs the committee's documents")),
        ("--term-start", _("the first day of the committee's term (25/10/2025)")),
    ):
        setup.add_argument(flag, required=True, metavar=_("TEXT"), help=text)
    setup.add_argument("--title", default="BÍ THƯ", metavar=_("TEXT"), help=_("signer's title"))
    setup.add_argument("--term-end", metavar=_("DATE"), help=_("the last day of the term"))
    add = sub(actions, "add-cell", _("register a cell's certificate (compare it by phone)"))
    add.add_argument("file", type=Path, metavar=_("CERTIFICATE"))
    cells = sub(actions, "cells", _("list the registered certificates and missing serials"))
    cells.add_argument("--json", action="store_true", help=_("print JSON"))
    importing = sub(actions, "import", _("import report files from files or folders"))
    importing.add_argument("sources", type=Path, nargs="+", metavar=_("FILE_OR_FOLDER"))
    importing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing = sub(actions, "list", _("list received reports, or the table of a period"))
    _period_option(listing, required=False)
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    ack = sub(actions, "ack", _("write the signed acknowledgement of a received report"))
    ack.add_argument("file", type=Path, metavar=_("FILE"))
    ack.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
    export = sub(actions, "export", _("write the committee's signed summary of a period"))
    _period_option(export, required=True)
    export.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
    export.add_argument(
        "--encrypt-to",
        type=Path,
        metavar=_("CERTIFICATE"),
        help=_("encrypt the file for the receiver's certificate (the file gets .p7m)"),
    )


def _ack_parser(commands: Any) -> None:
    """sochibo ack import ACK [--trust CERT]."""
    ack = sub(commands, "ack", _("take in the superior committee's acknowledgement"))
    actions = ack.add_subparsers(dest="action", metavar=_("ACTION"), parser_class=Parser)
    actions.required = True
    importing = sub(actions, "import", _("mark the acknowledged export as received"))
    importing.add_argument("file", type=Path, metavar=_("FILE"))
    importing.add_argument(
        "--trust",
        type=Path,
        action="append",
        metavar=_("CERTIFICATE"),
        help=_("the superior committee's certificate (default: the registered one)"),
    )
