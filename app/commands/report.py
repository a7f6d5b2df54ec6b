"""`sochibo export` (the signed report file of a period) and `sochibo verify` (check one).

The passphrase comes from the hidden prompt or SOCHIBO_PASSPHRASE (see app.commands.keys);
on the first export, when the cell has no key yet, it is asked twice and the key is made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cryptography import x509

from app.commands.common import Handler, UsageError
from app.commands.keys import read_passphrase
from app.crypto.errors import CryptoError
from app.crypto.identity import SigningIdentity, certificate_names, load_certificate
from app.domain.messages import DomainError
from app.domain.periods import Period, parse_period
from app.exit_codes import EXIT_OK, EXIT_REFUSED
from app.l10n import _, render
from app.services.errors import UserError
from app.services.facade import Services
from app.services.keys import KeyService
from app.services.report_export import ExportResult, ReportExportService
from app.services.report_verify import ReportCheck, check_report


def period_argument(text: str) -> Period:
    try:
        return parse_period(text)
    except DomainError as exc:
        raise UsageError(render(exc.message)) from exc


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("The file {path} cannot be read. Check the name and the folder.").format(path=path)
        ) from exc


def certificate_file(path: Path) -> x509.Certificate:
    try:
        return load_certificate(read_file(path))
    except CryptoError as exc:
        raise UserError(render(exc.message)) from exc


def _export(services: Services, args: argparse.Namespace) -> int:
    period = period_argument(args.period)
    recipient = certificate_file(args.encrypt_to) if args.encrypt_to else None
    exporter = ReportExportService(services)
    if exporter.needs_new_key():
        print(
            _(
                "The cell has no signing key yet: it is created now. Choose a passphrase and "
                "type it twice; without it no report can be signed."
            )
        )
    passphrase = read_passphrase(confirm=exporter.needs_new_key())
    identity = exporter.signing_identity(passphrase)
    result = exporter.export(period, args.out, identity, recipient)
    _print_export(result, recipient)
    return EXIT_OK


def _print_export(result: ExportResult, recipient: x509.Certificate | None) -> None:
    print(
        _("The report of period {period} was written to {path}.").format(
            period=result.period_label, path=result.path
        )
    )
    print(_("Serial: {serial}").format(serial=result.serial))
    print(_("Document number: {number}").format(number=result.number))
    print(_("Short fingerprint of the key: {short}").format(short=result.short_fingerprint))
    if recipient is not None:
        names = certificate_names(recipient)
        print(
            _("Encrypted for: {name}").format(
                name=", ".join(n for n in (names.person, names.organisation) if n)
            )
        )


def _verify(services: Services, args: argparse.Namespace) -> int:
    data = read_file(args.file)
    trusted = [certificate_file(path) for path in args.trust or ()]
    keys = KeyService(services.paths.root)

    def open_key() -> SigningIdentity | None:
        if not keys.has_key():
            return None
        return keys.identity(read_passphrase(confirm=False))

    check = check_report(data, trusted, open_key)
    if not check.valid:
        print(_("The file is NOT valid: {reason}").format(reason=check.reason), file=sys.stderr)
        if check.short_fingerprint:
            print(
                _("Signer: {name} (short fingerprint {short})").format(
                    name=check.signer_name, short=check.short_fingerprint
                ),
                file=sys.stderr,
            )
        return EXIT_REFUSED
    _print_check(check)
    return EXIT_OK


def _print_check(check: ReportCheck) -> None:
    print(_("The report file is valid: the signature is intact and covers the whole file."))
    print(_("Cell: {cell}").format(cell=check.cell_name))
    print(_("Period: {period}").format(period=check.period_label))
    print(_("Serial: {serial}").format(serial=check.serial))
    print(_("Document number: {number}").format(number=check.document_number))
    print(_("Signer: {name}").format(name=check.signer_name))
    if check.signed_at is not None:
        print(
            _("Signed at: {moment}").format(
                moment=check.signed_at.astimezone().strftime("%d/%m/%Y %H:%M")
            )
        )
    print(_("Short fingerprint of the key: {short}").format(short=check.short_fingerprint))
    if check.trust_checked:
        print(_("The signer is one of the certificates given with --trust."))
    else:
        print(
            _(
                "The signer was not compared with a registered certificate: compare the short "
                "fingerprint above with the one the cell read out by phone, or run again with "
                "--trust CERTIFICATE."
            )
        )


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("export", None): _export,
    ("verify", None): _verify,
}
