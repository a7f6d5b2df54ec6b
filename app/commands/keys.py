"""Sub-commands on the cell's signing key: keys show, create, export-cert, import-p12.

Passphrases come from a hidden prompt, or from the environment variable SOCHIBO_PASSPHRASE
for automation; never from the command line, where other users and the shell history see it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app.commands.common import Handler
from app.exit_codes import EXIT_OK, EXIT_REFUSED
from app.l10n import _, format_date
from app.services.errors import UserError
from app.services.facade import Services
from app.services.inbox import InboxService
from app.services.keys import KeyInfo, KeyService, no_key_message

#: The environment variable holding the passphrase for scripts (read once, never logged).
PASSPHRASE_ENV = "SOCHIBO_PASSPHRASE"


def read_passphrase(*, confirm: bool) -> str:
    """The passphrase from SOCHIBO_PASSPHRASE, else typed at a hidden prompt (twice when
    `confirm`, for a new key)."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    try:
        first = getpass.getpass(_("Passphrase of the signing key: "))
        if confirm:
            second = getpass.getpass(_("Type the passphrase again: "))
            if first != second:
                raise UserError(_("The two passphrases differ. Nothing was changed."))
    except EOFError as exc:
        raise UserError(
            _("No passphrase was typed. Type it at the prompt, or set {variable}.").format(
                variable=PASSPHRASE_ENV
            )
        ) from exc
    return first


def _print_info(info: KeyInfo) -> None:
    origin = _("made by Sổ Chi bộ") if info.self_made else _("issued by a certificate authority")
    print(_("Signer: {name}").format(name=info.subject))
    if info.cell:
        print(_("Cell: {cell}").format(cell=info.cell))
    if info.superior:
        print(_("Superior committee: {superior}").format(superior=info.superior))
    print(_("Certificate: {origin}").format(origin=origin))
    print(
        _("Valid from {start} to {end}").format(
            start=format_date(info.valid_from), end=format_date(info.valid_to)
        )
    )
    print(_("Short fingerprint (read out by phone): {short}").format(short=info.short_fingerprint))
    print(_("Full fingerprint (SHA-256): {full}").format(full=info.fingerprint))


def _show(services: Services, args: argparse.Namespace) -> int:
    info = KeyService(services.paths.root).info()
    if info is None:
        print(no_key_message(), file=sys.stderr)
        return EXIT_REFUSED
    _print_info(info)
    return EXIT_OK


def _create(services: Services, args: argparse.Namespace) -> int:
    keys = KeyService(services.paths.root)
    if keys.has_key() and not args.replace:
        raise UserError(
            _(
                "The cell already has a signing key. To make a new one (the old one is kept in "
                "the keys/old folder), run “sochibo keys create --replace”."
            )
        )
    names = _key_names(services)
    passphrase = read_passphrase(confirm=True)
    info = keys.create(passphrase, *names)
    print(_("A new signing key was created."))
    _print_info(info)
    return EXIT_OK


def _key_names(services: Services) -> tuple[str, str, str]:
    """(holder, organisation, unit) of a new certificate: the cell's secretary, the cell and its
    superior committee; in a receiver's data folder the signer, the committee and its superior."""
    cell = services.cell.get()
    if cell is not None:
        return cell.secretary_name, cell.name, cell.superior_committee
    receiver = InboxService(services.context).receiver()
    if receiver is not None:
        return receiver.signer_name, receiver.committee_name, receiver.superior_committee
    raise UserError(_("Set up the cell profile first: the certificate carries the cell's name."))


def _export_cert(services: Services, args: argparse.Namespace) -> int:
    info = KeyService(services.paths.root).export_certificate(args.out)
    print(_("The certificate was written to {path}.").format(path=args.out))
    print(_("Short fingerprint (read out by phone): {short}").format(short=info.short_fingerprint))
    return EXIT_OK


def _import_p12(services: Services, args: argparse.Namespace) -> int:
    passphrase = read_passphrase(confirm=False)
    info = KeyService(services.paths.root).import_p12(args.file, passphrase)
    print(_("The key was imported and is now the cell's signing key."))
    _print_info(info)
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("keys", "show"): _show,
    ("keys", "create"): _create,
    ("keys", "export-cert"): _export_cert,
    ("keys", "import-p12"): _import_p12,
}
